package org.privacysite.internal.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.privacysite.internal.output.OutputDirectory;

/**
 * Where the renderer's files go: a directory ({@link #directory}), or a reader that checks each
 * file as it is rendered without writing it (the link check). Called from several threads.
 */
public interface SiteOutput {

    /** A rendered text file at {@code path} (relative, with '/'). */
    void text(String path, String content);

    /** A rendered page at {@code path}, which contains {@code repeated} verbatim; writers just write it. */
    default void page(String path, String html, RepeatedParts repeated) {
        text(path, html);
    }

    /** The template's asset directory, copied below {@code assets/}. */
    void assets(Path source);

    /** Writes into {@code root}, which must exist. */
    static SiteOutput directory(Path root) {
        return new SiteOutput() {
            @Override
            public void text(String path, String content) {
                Path file = root.resolve(path);
                try {
                    Files.createDirectories(file.getParent());
                    // Encoding a whole String at once is much faster than a Writer's chunks.
                    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
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
