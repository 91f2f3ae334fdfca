package org.privacysite.internal.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;


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
