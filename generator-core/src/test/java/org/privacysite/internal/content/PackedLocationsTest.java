package org.privacysite.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacysite.Location;

/** Packed, where a page's front-matter values are written reads back as written, in the order written. */
class PackedLocationsTest {

    private static final Path FILE = Path.of("content/ar/privacy.md");

    @Test
    void locationsReadBackEqualAndInTheirOrder() {
        Map<String, Location> written = new LinkedHashMap<>();
        written.put("title", new Location(FILE, 2, 8));
        written.put("effective", new Location(FILE, 3, 12));
        written.put("description", new Location(FILE, (1 << 20) - 1, 2047));
        Map<String, Location> packed = PackedLocations.of(FILE, written);
        assertInstanceOf(PackedLocations.class, packed);
        assertEquals(written, packed);
        assertEquals(written.hashCode(), packed.hashCode());
        assertEquals(new ArrayList<>(written.keySet()), new ArrayList<>(packed.keySet()));
        assertEquals(new Location(FILE, 3, 12), packed.get("effective"));
        assertEquals(true, packed.containsKey("description"));
        assertNull(packed.get("updated"));
        assertThrows(UnsupportedOperationException.class, () -> packed.put("updated", new Location(FILE, 4, 1)));
    }

    @Test
    void locationsThatCannotBePackedAreKeptAsWritten() {
        Map<String, Location> elsewhere = Map.of("title", new Location(Path.of("other.md"), 2, 8));
        Map<String, Location> farColumn = Map.of("title", new Location(FILE, 2, 2048));
        assertEquals(elsewhere, PackedLocations.of(FILE, elsewhere));
        assertEquals(farColumn, PackedLocations.of(FILE, farColumn));
        assertEquals(false, PackedLocations.of(FILE, farColumn) instanceof PackedLocations);
        assertEquals(Map.of(), PackedLocations.of(FILE, Map.of()));
    }
}
