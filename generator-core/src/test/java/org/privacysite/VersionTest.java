package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's jar has the reproducible build's file time (2026-01-01) whatever its code, so a snapshot's
 * build identity taken from that time was the same for every rebuild: the build cache of the old code was trusted,
 * and a `check --out` after a rebuild published pages of the old code.
 */
class VersionTest {

    private static final FileTime REPRODUCIBLE = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path temp;

    private Path jar(String name, String code) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            ZipEntry entry = new ZipEntry("org/privacysite/Renderer.class");
            entry.setLastModifiedTime(REPRODUCIBLE);
            zip.putNextEntry(entry);
            zip.write(code.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.setLastModifiedTime(jar, REPRODUCIBLE);
        return jar;
    }

    @Test
    void aRebuiltSnapshotJarWithTheSameFileTimeButOtherCodeIsAnotherBuild() throws IOException {
        Path before = jar("before.jar", "code A");
        Path after = jar("after.jar", "code B");
        Path again = jar("again.jar", "code A");
        assertEquals(Files.size(before), Files.size(after), "same size and time: only the content tells them apart");

        assertNotEquals(Version.build("1.0-SNAPSHOT", before), Version.build("1.0-SNAPSHOT", after));
        assertEquals(Version.build("1.0-SNAPSHOT", before), Version.build("1.0-SNAPSHOT", again), "the same code is the same build");
        assertEquals("1.0", Version.build("1.0", before), "a release is its version");
    }
}
