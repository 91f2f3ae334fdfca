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
        replace(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
    }

    /** Text written piece by piece, for a file too large to hold as one string. */
    @FunctionalInterface
    public interface Text {
        void writeTo(java.io.Writer out) throws IOException;
    }

    /**
     * Like {@link #write(Path, String)}, the text written piece by piece as UTF-8 (a sitemap of 25 MB is never held
     * whole), a character that UTF-8 cannot encode (a lone surrogate) as '?', as {@link String#getBytes} writes it.
     */
    public static void write(Path file, Text text) throws IOException {
        replace(file, temporary -> {
            try (java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16)) {
                text.writeTo(out);
            }
        });
    }

    private interface Writing {
        void to(Path temporary) throws IOException;
    }

    /** Has {@code writing} write a temporary file beside {@code file}, then renames it over {@code file}. */
    private static void replace(Path file, Writing writing) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + SEQUENCE.incrementAndGet() + ".tmp");
        try {
            writing.to(temporary);
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
