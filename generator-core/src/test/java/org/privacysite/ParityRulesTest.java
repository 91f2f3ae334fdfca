package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One defect per rule, planted in a copy of the sample site; each finding must carry its rule id
 * and the file, line and column where the writer has to fix it.
 */
class ParityRulesTest {

    @TempDir
    static Path temp;

    static Path content;
    static CheckResult result;

    /** Replaces the first {@code from} in {@code file} and returns the 1-based line and column of the change. */
    static int[] plant(String file, String from, String to) throws IOException {
        Path path = content.resolve(file);
        String text = Files.readString(path);
        int index = text.indexOf(from);
        assertTrue(index >= 0, "fixture: '" + from + "' in " + file);
        Files.writeString(path, text.substring(0, index) + to + text.substring(index + from.length()));
        String before = text.substring(0, index);
        return new int[] {(int) before.chars().filter(c -> c == '\n').count() + 1, index - before.lastIndexOf('\n')};
    }

    static int[] argumentType;
    static int[] argumentExtra;
    static int[] pluralCategories;
    static int[] argumentMissing;
    static int[] selectCases;
    static int[] structure;

    @BeforeAll
    static void plantDefectsAndCheck() throws IOException {
        content = SampleSite.copyContent(temp.resolve("content"));
        // de: a list item that fell out of its list (a blank line and its '-' lost).
        structure = plant("de/privacy.md", "- ein Abonnement abschließen", "\nein Abonnement abschließen");
        // de: {companyNumber} used as a number where the source uses it as text.
        argumentType = plant("de/privacy.md", "{companyNumber}", "{companyNumber, number}");
        // fr: an argument the source clause does not use.
        argumentExtra = plant("fr/privacy.md", "{incorporated, date, long}", "{incorporated, date, long} ({californiaPhone})");
        // ar: a plural lacking Arabic's 'zero' form.
        String arabic = Files.readString(content.resolve("ar/privacy.md"));
        int plural = arabic.indexOf("{accountRetentionDays, plural, zero {");
        String zeroCase = arabic.substring(plural + "{accountRetentionDays, plural, ".length(),
                arabic.indexOf("} ", plural + "{accountRetentionDays, plural, ".length()) + 2);
        pluralCategories = plant("ar/privacy.md", "{accountRetentionDays, plural, " + zeroCase, "{accountRetentionDays, plural, ");
        // fr: a value written by hand where the source takes it from a fact ("72 heures").
        argumentMissing = plant("fr/privacy.md", "{breachNotificationHours, plural, one {# heure} many {# heures} other {# heures}}",
                "72 heures");
        // de: a select whose cases differ from the source's (the source gets one too).
        plant("en/privacy.md", "within {breachNotificationHours, plural, one {# hour} other {# hours}}",
                "within {breachNotificationHours, plural, one {# hour} other {# hours}} {product, select, eu {in the EU} other {}}");
        plant("fr/privacy.md", "dans un délai de 72 heures", "dans un délai de 72 heures {product, select, eu {dans l’UE} other {}}");
        plant("ar/privacy.md", "من علمنا به،", "من علمنا به {product, select, eu {في الاتحاد الأوروبي} other {}}،");
        plant("ja/privacy.md", "以内にData", "以内{product, select, eu {EU内で} other {}}にData");
        selectCases = plant("de/privacy.md", "nachdem sie uns bekannt geworden ist,",
                "nachdem sie uns bekannt geworden ist {product, select, other {}},");
        // ja: a cross-reference to another clause than the source's.
        plant("ja/privacy.md", "[](#gdpr-rights)では", "[](#california)では");
        // An unknown locale folder and a document site.yaml does not list.
        Files.createDirectories(content.resolve("es"));
        Files.writeString(content.resolve("fr/terms.md"), "---\ntitle: Conditions\neffective: 2026-09-01\n---\n");
        result = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build().check();
    }

    static Finding only(String rule, String file) {
        List<Finding> found = result.findings().stream()
                .filter(f -> f.ruleId().equals(rule) && f.location().displayPath().endsWith(file)).toList();
        assertEquals(1, found.size(), rule + " in " + file + ": " + result.findings());
        return found.get(0);
    }

    @Test
    void aValueWrittenByHandWhereTheSourceUsesAFact() {
        Finding finding = only("parity.argument-missing", "fr/privacy.md");
        assertTrue(finding.message().contains(" does not use {breachNotificationHours} (72), which en uses; the text contains 72:"
                + " write {breachNotificationHours, plural, …} instead"), finding.message());
        assertEquals(argumentMissing[0], finding.location().line(), "at the value written by hand");
        assertEquals(argumentMissing[1], finding.location().column(), "at the value written by hand");
    }

    /** Pointed at the paragraph that fell out of its list, not at the heading; the clause named by key and heading. */
    @Test
    void aStructureThatDiffersIsReportedWhereItStartsToDiffer() {
        Finding finding = only("parity.structure", "de/privacy.md");
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals(structure[0] + 1, finding.location().line(), finding::toString);
        assertEquals(1, finding.location().column(), finding::toString);
        assertEquals("clause 'scope' (\"Geltungsbereich dieser Datenschutzerklärung\") has 5 paragraphs, 2 lists and 5 list items here;"
                + " the source has 4 paragraphs, 1 list and 6 list items (it differs from here on)", finding.message());
    }

    @Test
    void selectCasesDifferFromTheSource() {
        Finding finding = only("parity.select-cases", "de/privacy.md");
        assertEquals(selectCases[0], finding.location().line());
        assertTrue(finding.message().contains("[eu, other]"), finding.message());
    }

    @Test
    void argumentTypeDiffersFromTheSource() {
        Finding finding = only("parity.argument-type", "de/privacy.md");
        assertEquals(argumentType[0], finding.location().line());
        assertEquals(argumentType[1], finding.location().column());
        assertTrue(finding.message().contains("{companyNumber}"), finding.message());
    }

    @Test
    void argumentTheSourceClauseDoesNotUse() {
        Finding finding = only("parity.argument-extra", "fr/privacy.md");
        assertEquals(argumentExtra[0], finding.location().line());
        assertTrue(finding.message().contains("{californiaPhone}"), finding.message());
    }

    @Test
    void pluralLackingTheLocalesCategoriesIsAWarning() {
        Finding finding = only("parity.plural-categories", "ar/privacy.md");
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals(pluralCategories[0], finding.location().line());
        assertEquals(pluralCategories[1], finding.location().column());
        assertTrue(finding.message().contains("zero"), finding.message());
    }

    @Test
    void crossReferencesToOtherClausesThanTheSource() {
        Finding finding = only("parity.links", "ja/privacy.md");
        assertTrue(finding.message().contains("#california") && finding.message().contains("#gdpr-rights"), finding.message());
    }

    @Test
    void unknownLocaleFolderAndUnlistedDocument() {
        assertTrue(only("parity.locale-unknown", "content/es").message().contains("'es'"));
        assertTrue(only("parity.document-extra", "fr/terms.md").message().contains("terms.md"));
    }
}
