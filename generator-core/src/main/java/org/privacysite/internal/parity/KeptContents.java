package org.privacysite.internal.parity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.privacysite.internal.content.PageKey;

/**
 * The clause contents a check keeps for its build cache ({@link PageContents#written}), each page's bytes in a
 * temporary file until the cache is written at the end of the run: on the heap they were 75 MB at 50,000 pages
 * (15 MB at 10,000), all of it live through the render and the link check. The file is deleted when this is
 * closed (on Linux and macOS it has no name from the moment it is opened: a killed run leaves nothing behind). Where
 * no file can be written, nothing is kept: the next run then parses the
 * translations of an edited source instead of reading their contents from the cache. Thread-safe.
 */
public final class KeptContents implements AutoCloseable {

    private record Place(long at, int length) {
    }

    private final Map<PageKey, Place> places = new ConcurrentHashMap<>();
    private final AtomicLong end = new AtomicLong();
    private FileChannel file;
    private java.nio.file.Path path;
    private boolean closed;

    /** Forgets what was kept (a check that starts over reads its pages again); the file is written on from its end. */
    public void clear() {
        places.clear();
    }

    void put(PageKey page, byte[] bytes) {
        FileChannel channel = channel();
        if (channel == null) {
            return;
        }
        long at = end.getAndAdd(bytes.length);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, at + buffer.position());
            }
            places.put(page, new Place(at, bytes.length));
        } catch (IOException e) {
            places.remove(page); // a full disk, say: not kept
        }
    }

    /** The bytes kept for {@code page}, or null. */
    byte[] get(PageKey page) {
        Place place = places.get(page);
        FileChannel channel = channel();
        if (place == null || channel == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(place.length());
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, place.at() + buffer.position()) < 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return buffer.array();
    }

    private synchronized FileChannel channel() {
        if (file == null && !closed) {
            try {
                path = Files.createTempFile("privacy-site-contents-", ".tmp");
                file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                closed = true; // nowhere to keep them: none are kept
            }
        }
        return file;
    }

    /** The temporary file, once anything was kept (for tests). */
    synchronized java.nio.file.Path file() {
        return path;
    }

    /** Deletes the file: nothing can be read after this. */
    @Override
    public synchronized void close() {
        closed = true;
        places.clear();
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // DELETE_ON_CLOSE: deleted all the same
            }
            file = null;
        }
    }
}
