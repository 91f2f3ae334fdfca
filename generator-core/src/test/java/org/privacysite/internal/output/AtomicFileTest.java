package org.privacysite.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports (JUnit, SARIF, JSON), XLIFF exports and the policies import-translation rewrites were written owner-only
 * (rw-------, as temporary files are), so a web server or a CI step running as another user could not read them.
 */
class AtomicFileTest {

    @TempDir
    Path directory;

    @Test
    void aNewFileGetsTheUsualPermissionsAndAnExistingOneKeepsItsOwn() throws IOException {
        assumeTrue(Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null, "a POSIX file system");
        Path usual = Files.writeString(directory.resolve("usual.txt"), "made as any file is");

        Path report = directory.resolve("privacy-site.json");
        AtomicFile.write(report, "{}");
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(report));

        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.write(report, "{\"findings\": []}");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
        assertEquals("{\"findings\": []}", Files.readString(report));
        try (var left = Files.list(directory)) {
            assertEquals(List.of("privacy-site.json", "usual.txt"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left");
        }
    }

    /** Text written piece by piece is UTF-8 as {@link String#getBytes} makes it, a lone surrogate as '?'. */
    @Test
    void textWrittenPieceByPieceIsEncodedAsGetBytesEncodesIt() throws IOException {
        Path sitemap = directory.resolve("sitemap.xml");
        String text = "<loc>https://example.com/\u00e9t\u00e9/\ud800x</loc>";
        AtomicFile.write(sitemap, out -> out.write(text));
        org.junit.jupiter.api.Assertions.assertArrayEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Files.readAllBytes(sitemap));
    }
}
