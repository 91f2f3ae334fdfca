package org.privacysite.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.Location;

class MessageBundleTest {

    @TempDir
    Path dir;

    private MessageBundle read(String yaml) throws IOException {
        Path file = dir.resolve("fr.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return MessageBundle.read("fr", file);
    }

    private Finding onlyFinding(MessageBundle bundle, String rule, int line, int column) {
        assertEquals(1, bundle.findings().size(), bundle.findings()::toString);
        Finding finding = bundle.findings().get(0);
        assertEquals(rule, finding.ruleId(), finding::toString);
        assertEquals(Location.of(dir.resolve("fr.yaml")).at(line, column), finding.location(), finding::toString);
        return finding;
    }

    @Test
    void entriesWithTheirLocations() throws IOException {
        MessageBundle bundle = read("""
                # UI
                language.name: "Français"
                xref.clause: article {number}
                """);
        assertTrue(bundle.findings().isEmpty(), bundle.findings()::toString);
        assertEquals("fr", bundle.locale());
        assertEquals("Français", bundle.entry("language.name").message().source());
        assertEquals(List.of("number"), List.copyOf(bundle.entry("xref.clause").message().argumentNames()));
        assertEquals(Location.of(dir.resolve("fr.yaml")).at(3, 14), bundle.entry("xref.clause").location());
        assertTrue(bundle.has("language.name"));
        assertFalse(bundle.has("absent"));
    }

    @Test
    void syntaxErrorInsideADoubleQuotedValue() throws IOException {
        MessageBundle bundle = read("""
                ok: "fine"
                meta.updated: "Mis à jour le {date, date, long"
                other: "also fine"
                """);
        Finding finding = onlyFinding(bundle, "icu.syntax", 2, 30);
        assertTrue(finding.message().contains("meta.updated"), finding::toString);
        assertFalse(bundle.has("meta.updated"), "the broken entry is left out");
        assertTrue(bundle.has("ok") && bundle.has("other"));
    }

    @Test
    void syntaxErrorInsideAnUnquotedValue() throws IOException {
        MessageBundle bundle = read("days: pendant {n, plural, one {# jour}}\n");
        onlyFinding(bundle, "icu.syntax", 1, 15);
    }

    @Test
    void syntaxErrorAfterAnApostrophe() throws IOException {
        // at the '{' that opens the broken argument
        MessageBundle bundle = read("notice: \"L'adresse d'{company email}\"\n");
        onlyFinding(bundle, "icu.syntax", 1, 22);
    }

    @Test
    void syntaxErrorInsideASingleQuotedValueWithApostrophes() throws IOException {
        MessageBundle bundle = read("notice: 'L''adresse d''{company email}'\n");
        onlyFinding(bundle, "icu.syntax", 1, 24);
    }

    @Test
    void emptyMessage() throws IOException {
        MessageBundle bundle = read("ok: \"fine\"\nempty:\n");
        onlyFinding(bundle, "bundle.empty", 2, 1);
    }

    @Test
    void missingFileIsAnEmptyBundle() {
        MessageBundle bundle = MessageBundle.read("fr", dir.resolve("absent.yaml"));
        assertTrue(bundle.entries().isEmpty());
        assertTrue(bundle.findings().isEmpty());
    }
}
