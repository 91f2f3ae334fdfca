package org.privacysite.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;

class YamlReaderTest {

    private static final Path FILE = Path.of("content", "site.yaml");
    private static final Location WHERE = Location.of(FILE);

    private static YamlMap read(String text) {
        return YamlReader.readMap(WHERE, text, 0);
    }

    /** The single finding of {@code e}, checked to be at {@code line:column} of FILE with {@code rule}. */
    static Finding assertAt(PrivacySiteException e, String rule, int line, int column) {
        assertEquals(1, e.findings().size(), e::getMessage);
        Finding finding = e.findings().get(0);
        assertEquals(rule, finding.ruleId(), finding::toString);
        assertEquals(FILE, finding.location().file(), finding::toString);
        assertEquals(line, finding.location().line(), () -> "line of " + finding);
        assertEquals(column, finding.location().column(), () -> "column of " + finding);
        assertTrue(finding.isError());
        return finding;
    }

    @Test
    void scalarsHaveTheirNaturalTypes() {
        YamlMap yaml = read("""
                name: Kestrel
                days: 30
                ratio: 0.5
                enabled: true
                effective: 2026-09-01
                quotedDate: "2026-09-01"
                quotedNumber: "30"
                number: "IE 748213"
                nothing:
                """);
        assertEquals("Kestrel", yaml.scalar("name"));
        assertEquals(30L, yaml.scalar("days"));
        assertEquals(0.5, yaml.scalar("ratio"));
        assertEquals(Boolean.TRUE, yaml.scalar("enabled"));
        assertEquals(LocalDate.of(2026, 9, 1), yaml.scalar("effective"));
        assertEquals(LocalDate.of(2026, 9, 1), yaml.date("quotedDate"));
        assertEquals("30", yaml.scalar("quotedNumber"), "a quoted number stays text");
        assertEquals("IE 748213", yaml.string("number", null));
        assertNull(yaml.scalar("nothing"));
        assertFalse(yaml.has("nothing"), "an empty value counts as absent");
        assertFalse(yaml.has("missing"));
        assertEquals(30, yaml.integer("days", 0));
        assertEquals(7, yaml.integer("missing", 7));
        assertTrue(yaml.bool("enabled", false));
        assertTrue(yaml.bool("missing", true));
        assertEquals("fallback", yaml.string("nothing", "fallback"));
        assertEquals(List.of("name", "days", "ratio", "enabled", "effective", "quotedDate", "quotedNumber", "number", "nothing"),
                List.copyOf(yaml.keys()), "keys keep the order they are written in");
    }

    @Test
    void positionsInsideValuesCountQuotesAndEscapes() {
        YamlMap yaml = read("""
                a: "x{y"
                b: 'it''s {z'
                c: plain {v
                """);
        assertEquals(6, yaml.locationInValue("a", 1).column(), "after the opening quote");
        assertEquals(11, yaml.locationInValue("b", 5).column(), "'' counts as two characters");
        assertEquals(10, yaml.locationInValue("c", 6).column());
    }

    @Test
    void locationsOfKeysAndValues() {
        YamlMap yaml = read("""
                # comment
                name:   Kestrel
                facts:
                  company: ACME
                locales: [en, fr]
                """);
        assertEquals(WHERE.at(2, 1), yaml.location());
        assertEquals(WHERE.at(2, 1), yaml.keyLocation("name"));
        assertEquals(WHERE.at(2, 9), yaml.locationOf("name"));
        assertEquals(WHERE.at(4, 12), yaml.map("facts").locationOf("company"));
        assertEquals(WHERE.at(4, 3), yaml.map("facts").keyLocation("company"));
        assertEquals(WHERE.at(5, 15), yaml.locationOf("locales", 1));
    }

    @Test
    void wrongTypeIsReportedAtTheValue() {
        YamlMap yaml = read("""
                name: Kestrel
                days: many
                """);
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> yaml.integer("days", 0));
        Finding finding = assertAt(e, "yaml.type", 2, 7);
        assertTrue(finding.message().contains("days"), finding::toString);
        assertTrue(e.getMessage().startsWith("content/site.yaml:2:7: error:"), e.getMessage());
    }

    @Test
    void wrongTypesOfEveryKind() {
        YamlMap yaml = read("""
                flag: maybe
                when: soon
                list: [a, b]
                text: [a]
                map: plain
                """);
        assertAt(assertThrows(PrivacySiteException.class, () -> yaml.bool("flag", false)), "yaml.type", 1, 7);
        assertAt(assertThrows(PrivacySiteException.class, () -> yaml.date("when")), "yaml.type", 2, 7);
        assertAt(assertThrows(PrivacySiteException.class, () -> yaml.scalar("list")), "yaml.type", 3, 7);
        assertAt(assertThrows(PrivacySiteException.class, () -> yaml.string("text", null)), "yaml.type", 4, 7);
        assertAt(assertThrows(PrivacySiteException.class, () -> yaml.map("map")), "yaml.type", 5, 6);
        assertAt(assertThrows(PrivacySiteException.class, () -> yaml.requireStringList("map")), "yaml.type", 5, 6);
    }

    @Test
    void impossibleDateIsReportedAtTheValue() {
        YamlMap yaml = read("effective: 2026-02-30\n");
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> yaml.date("effective"));
        assertAt(e, "yaml.type", 1, 12);
    }

    @Test
    void lineOffsetShiftsEveryLocation() {
        // front matter: the YAML text starts on line 2 of the file, after the '---' line
        YamlMap yaml = YamlReader.readMap(WHERE, "title: Privacy\neffective: soon\n", 1);
        assertEquals(WHERE.at(2, 1), yaml.location());
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> yaml.date("effective"));
        assertAt(e, "yaml.type", 3, 12);
    }

    @Test
    void syntaxErrorHasALocation() {
        PrivacySiteException e = assertThrows(PrivacySiteException.class,
                () -> read("name: Kestrel\nlocales: [en, fr\ndocuments: [privacy]\n"));
        Finding finding = e.findings().get(0);
        assertEquals("yaml.syntax", finding.ruleId());
        assertEquals(FILE, finding.location().file());
        assertTrue(finding.location().line() >= 2, finding::toString);
        assertTrue(finding.location().column() >= 1, finding::toString);
    }

    @Test
    void syntaxErrorLocationIncludesTheLineOffset() {
        PrivacySiteException e = assertThrows(PrivacySiteException.class,
                () -> YamlReader.readMap(WHERE, "title: a\n  bad: indentation\n", 1));
        Finding finding = e.findings().get(0);
        assertEquals("yaml.syntax", finding.ruleId());
        assertEquals(3, finding.location().line(), finding::toString);
        assertTrue(finding.location().column() >= 1, finding::toString);
    }

    @Test
    void tabIndentationIsASyntaxErrorWithLocation() {
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> read("facts:\n\tcompany: ACME\n"));
        Finding finding = e.findings().get(0);
        assertEquals("yaml.syntax", finding.ruleId());
        assertEquals(2, finding.location().line(), finding::toString);
    }

    @Test
    void duplicateKeyIsReportedAtTheSecondKey() {
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> read("""
                name: A
                baseUrl: https://x.example/
                name: B
                """));
        Finding finding = assertAt(e, "yaml.duplicate-key", 3, 1);
        assertTrue(finding.message().contains("name"), finding::toString);
    }

    @Test
    void duplicateKeyInNestedMap() {
        YamlMap yaml = read("""
                facts:
                  company: A
                  company: B
                """);
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> yaml.map("facts"));
        assertAt(e, "yaml.duplicate-key", 3, 3);
    }

    @Test
    void rootThatIsNotAMapIsReported() {
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> read("# list\n- a\n- b\n"));
        assertAt(e, "yaml.type", 2, 1);
    }

    @Test
    void emptyTextIsAnEmptyMap() {
        YamlMap yaml = read("# only a comment\n");
        assertTrue(yaml.keys().isEmpty());
    }

    @Test
    void missingRequiredKeyIsReportedAtTheMap() {
        YamlMap yaml = read("\n\nname: Kestrel\n");
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> yaml.requireString("baseUrl"));
        Finding finding = assertAt(e, "yaml.missing-key", 3, 1);
        assertTrue(finding.message().contains("baseUrl"), finding::toString);
    }

    @Test
    void listEntriesMustBeSingleValues() {
        YamlMap yaml = read("""
                locales:
                  - en
                  - [fr, de]
                """);
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> yaml.requireStringList("locales"));
        assertAt(e, "yaml.type", 3, 5);
    }

    @Test
    void listOfMapsKeepsLocations() {
        YamlMap yaml = read("""
                categories:
                  - id: necessary
                    required: true
                  - id: analytics
                    required: often
                """);
        List<YamlMap> categories = yaml.mapList("categories");
        assertEquals(2, categories.size());
        assertEquals("analytics", categories.get(1).string("id", null));
        assertEquals(WHERE.at(4, 5), categories.get(1).location());
        assertAt(assertThrows(PrivacySiteException.class, () -> categories.get(1).bool("required", false)), "yaml.type", 5, 15);
        assertTrue(yaml.mapList("absent").isEmpty());
    }
}
