package org.privacysite.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.TemplateRules;

class OutputDirectoryTest {

    @TempDir
    Path parent;

    private Path target() {
        return parent.resolve("site");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and directory below {@code root}: directories as "/", files with their bytes. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String name = root.relativize(path).toString();
                entries.put(name, Files.isDirectory(path) ? "/" : Arrays.toString(Files.readAllBytes(path)));
            }
        }
        return entries;
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> list = Files.list(parent)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** A site this tool built: it carries the build stamp, so it may be replaced. */
    private void previousSite() {
        write(target().resolve(InputFingerprint.FILE_NAME), "previous\n");
        write(target().resolve("index.html"), "<p>old</p>");
        write(target().resolve("en/privacy/index.html"), "<p>old policy é</p>");
        write(target().resolve("assets/site.css"), "body{}");
    }

    @Test
    void refusesToReplaceADirectoryItDidNotBuild() throws IOException {
        write(target().resolve("notes.txt"), "keep me");
        org.privacysite.ConfigurationException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.privacysite.ConfigurationException.class,
                () -> OutputDirectory.replace(target(), staging -> write(staging.resolve("index.html"), "x")));
        assertEquals("config.output", refused.findings().get(0).ruleId());
        assertEquals("keep me", Files.readString(target().resolve("notes.txt")));
        assertEquals(List.of("site"), siblings(), "no staging directory is left behind");
    }

    @Test
    void createsTheTargetWhenAbsent() throws IOException {
        OutputDirectory.replace(target(), staging -> write(staging.resolve("index.html"), "<p>new</p>"));
        assertEquals("<p>new</p>", Files.readString(target().resolve("index.html")));
        assertEquals(List.of("site"), siblings());
    }

    @Test
    void createsMissingParents() throws IOException {
        Path nested = parent.resolve("a/b/site");
        OutputDirectory.replace(nested, staging -> write(staging.resolve("index.html"), "x"));
        assertEquals("x", Files.readString(nested.resolve("index.html")));
    }

    @Test
    void successReplacesTheWholePreviousSite() throws IOException {
        previousSite();
        OutputDirectory.replace(target(), staging -> write(staging.resolve("index.html"), "<p>new</p>"));
        assertEquals(Map.of("", "/", "index.html", Arrays.toString("<p>new</p>".getBytes(StandardCharsets.UTF_8))), snapshot(target()),
                "files of the previous site are gone");
        assertEquals(List.of("site"), siblings(), "no staging or previous directory is left behind");
    }

    @Test
    void writerGetsAnEmptyDirectoryBesideTheTarget() {
        previousSite();
        OutputDirectory.replace(target(), staging -> {
            assertEquals(parent, staging.getParent(), "written beside the target, so the swap is a rename");
            assertNotEquals(target(), staging);
            try (Stream<Path> list = Files.list(staging)) {
                assertEquals(0, list.count());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(staging.resolve("index.html"), "new");
        });
    }

    @Test
    void failureLeavesThePreviousSiteByteIdentical() throws IOException {
        previousSite();
        Map<String, String> before = snapshot(target());
        PrivacySiteException failure = PrivacySiteException.at(Location.of(Path.of("templates/document.ftlh")).at(3, 5),
                TemplateRules.ERROR, "boom");
        PrivacySiteException thrown = assertThrows(PrivacySiteException.class, () -> OutputDirectory.replace(target(), staging -> {
            write(staging.resolve("index.html"), "<p>half</p>");
            write(staging.resolve("en/privacy/index.html"), "<p>half</p>");
            throw failure;
        }));
        assertSame(failure, thrown, "the writer's exception reaches the caller unchanged");
        assertEquals(before, snapshot(target()));
        assertEquals(List.of("site"), siblings(), "the staging directory is removed");
    }

    @Test
    void errorInTheWriterAlsoLeavesThePreviousSite() throws IOException {
        previousSite();
        Map<String, String> before = snapshot(target());
        assertThrows(StackOverflowError.class, () -> OutputDirectory.replace(target(), staging -> {
            write(staging.resolve("index.html"), "<p>half</p>");
            throw new StackOverflowError();
        }));
        assertEquals(before, snapshot(target()));
        assertEquals(List.of("site"), siblings());
    }

    @Test
    void failureWithoutAPreviousSiteLeavesNothing() throws IOException {
        assertThrows(IllegalStateException.class, () -> OutputDirectory.replace(target(), staging -> {
            write(staging.resolve("index.html"), "<p>half</p>");
            throw new IllegalStateException("boom");
        }));
        assertFalse(Files.exists(target()));
        assertEquals(List.of(), siblings());
    }

    @Test
    void otherFilesBesideTheTargetAreUntouched() throws IOException {
        write(parent.resolve("notes.txt"), "keep");
        previousSite();
        OutputDirectory.replace(target(), staging -> write(staging.resolve("index.html"), "new"));
        assertEquals(List.of("notes.txt", "site"), siblings());
        assertEquals("keep", Files.readString(parent.resolve("notes.txt")));
    }

    @Test
    void deleteRemovesATreeAndIgnoresAMissingOne() throws IOException {
        previousSite();
        OutputDirectory.delete(target());
        assertFalse(Files.exists(target()));
        OutputDirectory.delete(target());
        assertTrue(siblings().isEmpty());
    }
}
