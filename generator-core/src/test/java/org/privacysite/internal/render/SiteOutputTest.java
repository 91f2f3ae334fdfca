package org.privacysite.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sitemap is written piece by piece, also into the preview's served directory: a template that fails half-way
 * must leave the sitemap that was there, not half of a new one.
 */
class SiteOutputTest {

    @TempDir
    Path directory;

    @Test
    void aStreamedFileWhoseTextFailsHalfWayLeavesThePreviousFile() throws IOException {
        Path sitemap = Files.writeString(directory.resolve("sitemap.xml"), "<urlset>the previous sitemap</urlset>");
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> SiteOutput.directory(directory).streamed("sitemap.xml", out -> {
                    out.write("<url>".repeat(40_000)); // beyond the writer's buffer: some of it reached a file
                    throw new IllegalStateException("the template failed");
                }));
        assertEquals("the template failed", failed.getMessage());
        assertEquals("<urlset>the previous sitemap</urlset>", Files.readString(sitemap));
        try (var left = Files.list(directory)) {
            assertEquals(List.of("sitemap.xml"), left.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }

        assertEquals(sitemap, SiteOutput.directory(directory).streamed("sitemap.xml", out -> out.write("<urlset/>")));
        assertEquals("<urlset/>", Files.readString(sitemap));
    }
}
