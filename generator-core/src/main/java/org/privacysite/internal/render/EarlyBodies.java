package org.privacysite.internal.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.privacysite.internal.content.PageKey;

/**
 * The page bodies rendered right after their page's first parse, from then until their page is
 * rendered (after every page was parsed). They are kept in a temporary file, as UTF-8, not in the
 * heap: at 10,000 pages they are about 250 MB of strings, the largest part of a build's live set,
 * and the operating system's page cache holds them just as well. The file is deleted as soon as it
 * is open, so on Linux and macOS nothing is left behind even after a kill (on Windows it is deleted
 * when closed). Where no temporary file can be written, bodies stay in the heap within a share of it,
 * and the others are rendered again from their page. Thread-safe.
 */
final class EarlyBodies implements AutoCloseable {

    /** A body in the file ({@code html} null) or, without a file, in the heap. */
    private record Kept(long offset, int length, String html) {
    }

    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    private final Map<PageKey, Kept> kept = new ConcurrentHashMap<>();
    /** Where the next body goes in the file. */
    private final AtomicLong end = new AtomicLong();
    /** Characters of bodies that may still be kept in the heap, when there is no file. */
    private final AtomicLong room;
    private final boolean keeps;
    private volatile FileChannel file;
    private volatile boolean noFile;
    private java.lang.ref.Cleaner.Cleanable cleanable;

    /** Where the temporary file goes; null: the platform's temporary directory. */
    private final Path directory;

    private EarlyBodies(boolean keeps, long heapRoom, Path directory) {
        this.keeps = keeps;
        this.room = new AtomicLong(heapRoom);
        this.directory = directory;
    }

    /** Bodies for a build or check: in a temporary file, else within an eighth of the heap. */
    static EarlyBodies kept() {
        return kept(null, Runtime.getRuntime().maxMemory() / 16);
    }

    /** Bodies in a temporary file in {@code directory} (null: the platform's), else within {@code heapRoom} characters. */
    static EarlyBodies kept(Path directory, long heapRoom) {
        return new EarlyBodies(true, heapRoom, directory);
    }

    /** None kept: every page is rendered from its tree (the preview's incremental rebuilds). */
    static EarlyBodies none() {
        return new EarlyBodies(false, 0, null);
    }

    /** Keeps {@code html}, the body of {@code page}, unless there is no room for it. */
    void put(PageKey page, String html) {
        if (!keeps) {
            return;
        }
        FileChannel channel = channel();
        if (channel != null) {
            byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
            long offset = end.getAndAdd(utf8.length);
            try {
                write(channel, ByteBuffer.wrap(utf8), offset);
                kept.put(page, new Kept(offset, utf8.length, null));
                return;
            } catch (IOException e) {
                return; // the disk is full, say: the page is rendered again from its tree
            }
        }
        if (room.addAndGet(-html.length()) < 0) {
            room.addAndGet(html.length());
            return;
        }
        kept.put(page, new Kept(0, 0, html));
    }

    /** The body kept for {@code page}, no longer kept; null when there is none. */
    String take(PageKey page) {
        Kept body = kept.remove(page);
        if (body == null) {
            return null;
        }
        if (body.html() != null) {
            room.addAndGet(body.html().length());
            return body.html();
        }
        FileChannel channel = file;
        if (channel == null) {
            return null; // closed
        }
        ByteBuffer bytes = ByteBuffer.allocate(body.length());
        try {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, body.offset() + bytes.position()) < 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null; // rendered again from its tree
        }
        return new String(bytes.array(), StandardCharsets.UTF_8);
    }

    private static void write(FileChannel channel, ByteBuffer bytes, long offset) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes, offset + bytes.position());
        }
    }

    /** The temporary file, opened on first use; null when none can be. */
    private FileChannel channel() {
        FileChannel channel = file;
        if (channel != null || noFile) {
            return channel;
        }
        synchronized (this) {
            if (file == null && !noFile) {
                try {
                    Path path = directory == null ? Files.createTempFile("privacy-site-bodies", ".tmp")
                            : Files.createTempFile(directory, "privacy-site-bodies", ".tmp");
                    FileChannel opened = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            StandardOpenOption.DELETE_ON_CLOSE);
                    try {
                        Files.deleteIfExists(path); // open files stay readable on POSIX: nothing left even on kill -9
                    } catch (IOException e) {
                        // Windows: deleted when closed instead
                    }
                    cleanable = CLEANER.register(this, new Closer(opened));
                    file = opened;
                } catch (IOException | UnsupportedOperationException | SecurityException e) {
                    noFile = true;
                }
            }
            return file;
        }
    }

    /** Closes the file; what is still kept in it is lost (those pages are rendered from their trees). */
    @Override
    public void close() {
        kept.clear();
        java.lang.ref.Cleaner.Cleanable toClean;
        synchronized (this) {
            toClean = cleanable;
            cleanable = null;
            file = null;
            noFile = true;
        }
        if (toClean != null) {
            toClean.clean();
        }
    }

    /** Closes the file once the bodies are unreachable, if nobody did: a check stopped by errors renders no page. */
    private record Closer(FileChannel channel) implements Runnable {
        @Override
        public void run() {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
