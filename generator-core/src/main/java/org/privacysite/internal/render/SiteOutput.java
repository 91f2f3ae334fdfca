package org.privacysite.internal.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.privacysite.internal.output.OutputDirectory;

/**
 * Where the renderer's files go: a directory ({@link #directory}), or a reader that checks each
 * file as it is rendered without writing it (the link check). Called from several threads.
 */
public interface SiteOutput {

    /** A rendered text file at {@code path} (relative, with '/'). */
    void text(String path, String content);

    /** A rendered page at {@code path}. */
    default void page(String path, RenderedPage page) {
        text(path, page.html());
    }

    /** The template's asset directory, copied below {@code assets/}. */
    void assets(Path source);

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

            private void write(String path, byte[] content) {
                Path file = root.resolve(path);
                try {
                    Files.createDirectories(file.getParent());
                    // One write call: Files.write hands a page to the kernel in 8 KB pieces.
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                        ByteBuffer bytes = ByteBuffer.wrap(content);
                        while (bytes.hasRemaining()) {
                            channel.write(bytes);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
            }

            @Override
            public void assets(Path source) {
                try {
                    OutputDirectory.copyTree(source, root.resolve(SiteRenderer.ASSETS));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot copy assets from " + source, e);
                }
            }
        };
    }
}
