package org.privacysite.internal.output;

import java.io.EOFException;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A temporary file for bytes that a run sets aside until later in the run, instead of holding them in the heap (the
 * operating system's page cache holds them as well): {@link #append} says where its bytes went, {@link #read} gives
 * them back. The file is deleted as soon as it is open, so on Linux and macOS nothing is left behind even after a
 * kill (on Windows it is deleted when closed); it is closed by {@link #close} or, failing that, once it is
 * unreachable. After that, appends and reads fail. Thread-safe.
 */
public final class ScratchFile implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final FileChannel channel;
    private final AtomicLong end = new AtomicLong();
    private final Cleaner.Cleanable cleanable;

    private ScratchFile(FileChannel channel) {
        this.channel = channel;
        this.cleanable = CLEANER.register(this, new Closer(channel));
    }

    /** A new file named {@code prefix}... in {@code directory} (null: the platform's temporary directory); null when none can be made. */
    public static ScratchFile create(String prefix, Path directory) {
        try {
            Path path = directory == null ? Files.createTempFile(prefix, ".tmp") : Files.createTempFile(directory, prefix, ".tmp");
            FileChannel opened = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            try {
                Files.deleteIfExists(path); // open files stay readable on POSIX: nothing left even on kill -9
            } catch (IOException e) {
                // Windows: deleted when closed instead
            }
            return new ScratchFile(opened);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** Writes {@code bytes} after those appended before (also from other threads); returns where they start. */
    public long append(byte[] bytes) throws IOException {
        long offset = end.getAndAdd(bytes.length);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, offset + buffer.position());
        }
        return offset;
    }

    /** The {@code length} bytes {@link #append} wrote at {@code offset}. */
    public byte[] read(long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new EOFException("the scratch file ends before byte " + (offset + length));
            }
        }
        return buffer.array();
    }

    /** Closes and so deletes the file. */
    @Override
    public void close() {
        cleanable.clean();
    }

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
