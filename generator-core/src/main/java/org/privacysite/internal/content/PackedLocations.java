package org.privacysite.internal.content;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.privacysite.Location;

/**
 * Where each front-matter value of a page is written, packed as {@link PackedUses} packs argument uses: the keys and
 * one int per place instead of a {@link Location} each and a map's table (50,000 pages held 200,000 of them to the end
 * of a run, about 8 MB). Each location is made again when read. Unmodifiable, in the order written.
 */
final class PackedLocations extends AbstractMap<String, Location> {

    private final Path file;
    private final String[] keys;
    private final int[] places;

    private PackedLocations(Path file, String[] keys, int[] places) {
        this.file = file;
        this.keys = keys;
        this.places = places;
    }

    /** {@code locations}, all in {@code file}, packed in their order; as a plain copy if one does not fit. */
    static Map<String, Location> of(Path file, Map<String, Location> locations) {
        String[] keys = new String[locations.size()];
        int[] places = new int[keys.length];
        int i = 0;
        for (Map.Entry<String, Location> entry : locations.entrySet()) {
            Location location = entry.getValue();
            if (!PackedUses.fits(file, location.file(), location.line(), location.column())) {
                return Map.copyOf(locations);
            }
            keys[i] = entry.getKey();
            places[i++] = PackedUses.place(location.line(), location.column(), false);
        }
        return keys.length == 0 ? Map.of() : new PackedLocations(file, keys, places);
    }

    @Override
    public Location get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : location(index);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Map.Entry<String, Location>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Location>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, Location> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(keys[i], location(i));
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    private Location location(int index) {
        return new Location(file, PackedUses.line(places[index]), PackedUses.column(places[index]));
    }
}
