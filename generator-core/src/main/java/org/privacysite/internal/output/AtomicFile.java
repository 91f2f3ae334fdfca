package org.privacysite.internal.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a file so that readers see the old content or the new one, never a half-written file. */
public final class AtomicFile {

    /** Tells apart the temporary files of one process's threads; the process id those of two processes. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private AtomicFile() {
    }

    /**
     * Writes {@code text} as UTF-8 to a temporary file beside {@code file}, then renames it over {@code file}. The file
     * keeps its permissions, and a new one gets those of any new file (the umask's), not the owner-only ones of
     * {@link Files#createTempFile}: reports, translations and policies are read by other users and tools too.
     */
    public static void write(Path file, String text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + SEQUENCE.incrementAndGet() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            PosixFileAttributeView permissions = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (permissions != null && Files.exists(file)) {
                Files.getFileAttributeView(temporary, PosixFileAttributeView.class)
                        .setPermissions(permissions.readAttributes().permissions());
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
