package org.privacysite.internal.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.privacysite.internal.output.AtomicFile;


/**
 * Where the renderer's files go: a directory ({@link #directory}), or a reader that checks each
 * file as it is rendered without writing it (the link check). Called from several threads.
 */
public interface SiteOutput {

    /** The most a single write hands to the kernel (see {@link #directory}). */
    int WRITE_SLICE = 1 << 20;

    /** A rendered text file at {@code path} (relative, with '/'). */
    void text(String path, String content);

    /**
     * Text written piece by piece, for a file too large to hold as one string (a sitemap of 25 MB: held whole,
     * with the copies made on the way, each of them pushed the collector into full collections at 50,000 pages).
     * It carries no source positions.
     */
    @FunctionalInterface
    interface Streamed extends AtomicFile.Text {

        /** The text held whole, as one string. */
        default String whole() {
            java.io.StringWriter whole = new java.io.StringWriter();
            try {
                writeTo(whole);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter throws none
            }
            return whole.toString();
        }
    }

    /**
     * A rendered text file at {@code path}, written piece by piece by {@code content}. Returns the file it went to,
     * for a reader to read back, or null when it went to none (by default: held whole and given to {@link #text}).
     */
    default Path streamed(String path, Streamed content) {
        text(path, content.whole());
        return null;
    }

    /** A rendered page at {@code path}. */
    default void page(String path, RenderedPage page) {
        text(path, page.html());
    }

    /** The theme's assets by path below {@code assets/} (the site's own over the built-in ones), copied there. */
    void assets(java.util.SortedMap<String, Path> files);

    /** A binary file (a PDF) at {@code path}; only a directory output takes them. */
    default void binary(String path, byte[] content) {
        throw new UnsupportedOperationException("this output takes no binary file: " + path);
    }

    /** Writes into {@code root}, which must exist. */
    static SiteOutput directory(Path root) {
        return new SiteOutput() {
            @Override
            public void text(String path, String content) {
                // Encoding a whole String at once is much faster than a Writer's chunks.
                write(path, content.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void page(String path, RenderedPage page) {
                write(path, page.utf8());
            }

            @Override
            public void binary(String path, byte[] content) {
                write(path, content);
            }

            @Override
            public Path streamed(String path, Streamed content) {
                Path file = root.resolve(path);
                try {
                    // Beside it first: a template that fails half-way leaves the file as it was (the preview writes here).
                    AtomicFile.write(file, content);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
                return file;
            }

            private void write(String path, byte[] content) {
                Path file = root.resolve(path);
                try {
                    Files.createDirectories(file.getParent());
                    // One write call for a page: Files.write hands it to the kernel in 8 KB pieces. A large file
                    // (a 25 MB sitemap part) goes a slice at a time: the JDK copies each write through a native
                    // buffer of its size and keeps that buffer for the thread to the end of the run.
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                        for (int from = 0; from < content.length; from += WRITE_SLICE) {
                            ByteBuffer bytes = ByteBuffer.wrap(content, from, Math.min(WRITE_SLICE, content.length - from));
                            while (bytes.hasRemaining()) {
                                channel.write(bytes);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
            }

            @Override
            public void assets(java.util.SortedMap<String, Path> files) {
                Path assets = root.resolve(SiteRenderer.ASSETS);
                for (java.util.Map.Entry<String, Path> file : files.entrySet()) {
                    Path target = assets.resolve(file.getKey());
                    try {
                        Files.createDirectories(target.getParent());
                        Files.copy(file.getValue(), target); // from the generator jar too: a copy across file systems
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot copy the asset " + file.getValue(), e);
                    }
                }
            }
        };
    }
}
