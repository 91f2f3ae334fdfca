package org.privacysite.internal.parity;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.output.ScratchFile;

/**
 * The clause contents a check keeps for its build cache ({@link PageContents#written}), each page's bytes in a
 * {@link ScratchFile} until the cache is written at the end of the run: on the heap they were 75 MB at 50,000 pages
 * (15 MB at 10,000), all of it live through the render and the link check. Where no file can be written, nothing
 * is kept: the next run then parses the translations of an edited source instead of reading their contents from
 * the cache. Thread-safe.
 */
public final class KeptContents implements AutoCloseable {

    private record Place(long at, int length) {
    }

    private final Map<PageKey, Place> places = new ConcurrentHashMap<>();
    /** Null where none can be made; once closed, its appends and reads fail, and nothing is kept or found. */
    private final ScratchFile file = ScratchFile.create("privacy-site-contents", null);

    /** Forgets what was kept (a check that starts over reads its pages again); the file is written on from its end. */
    public void clear() {
        places.clear();
    }

    void put(PageKey page, byte[] bytes) {
        if (file == null) {
            return;
        }
        try {
            places.put(page, new Place(file.append(bytes), bytes.length));
        } catch (IOException e) {
            places.remove(page); // a full disk, say, or closed: not kept
        }
    }

    /** The bytes kept for {@code page}, or null. */
    byte[] get(PageKey page) {
        Place place = places.get(page);
        if (place == null || file == null) {
            return null;
        }
        try {
            return file.read(place.at(), place.length());
        } catch (IOException e) {
            return null;
        }
    }

    /** Deletes the file: nothing can be read after this. */
    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
        places.clear();
    }
}
