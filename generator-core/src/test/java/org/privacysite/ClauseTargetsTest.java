package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A clause target ({@code fr/privacy#retention}) switches off exactly the findings about that clause, for
 * every parity rule about a clause: in site.yaml, and in the clause's heading where the clause is in the
 * translation. Each case breaks one clause of a copy of the sample's French policy (or, for staleness,
 * the English source of it).
 */
class ClauseTargetsTest {

    private static final String FRENCH = "fr/privacy.md";
    private static final String RETENTION = "## Conservation des données {#retention}";
    private static final String ACCOUNT_DAYS = "{accountRetentionDays, plural, one {# jour} many {# jours} other {# jours}}";

    @TempDir
    Path temp;

    /**
     * One way to break a clause.
     *
     * @param rule    the rule it breaks
     * @param clause  the clause the finding is about
     * @param file    the file edited, relative to the content
     * @param edit    the edit
     * @param heading the clause's heading in the French policy, for the inline setting; null where the clause is not there
     */
    record Case(String rule, String clause, String file, UnaryOperator<String> edit, String heading) {
        @Override
        public String toString() {
            return rule + " on #" + clause;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("parity.clause-missing", "retention", FRENCH, ClauseTargetsTest::withoutRetention, null),
                new Case("parity.clause-extra", "mediator", FRENCH, text -> replace(text, "## Enfants {#children}\n",
                        "## Médiateur de la consommation {#mediator}\n\nVous pouvez saisir le médiateur.\n\n## Enfants {#children}\n"),
                        "## Médiateur de la consommation {#mediator}"),
                new Case("parity.clause-level", "breach", FRENCH, ClauseTargetsTest::breachOneLevelUp,
                        "## Violations de données à caractère personnel {#breach}"),
                new Case("parity.clause-parent", "dpo", FRENCH, text -> replace(text, "### Délégué à la protection des données",
                        "## Notre engagement {#commitment local}\n\n### Délégué à la protection des données"),
                        "### Délégué à la protection des données {#dpo}"),
                new Case("parity.clause-order", "cookies", FRENCH, ClauseTargetsTest::cookiesBeforeChildren,
                        "## Cookies et technologies similaires {#cookies}"),
                new Case("parity.clause-duplicate", "retention", FRENCH, text -> replace(text, "## Sécurité {#security}",
                        "## Sécurité {#retention}"), "## Conservation des données {#retention}"),
                new Case("parity.argument-missing", "retention", FRENCH, text -> inRetention(text,
                        "{backupRetentionDays, plural, one {# jour} many {# jours} other {# jours}}", "30 jours"), RETENTION),
                new Case("parity.argument-extra", "retention", FRENCH, text -> inRetention(text, "Nous ne conservons",
                        "Chez {product}, nous ne conservons"), RETENTION),
                new Case("parity.argument-type", "retention", FRENCH, text -> inRetention(text, ACCOUNT_DAYS,
                        "{accountRetentionDays, number} jours"), RETENTION),
                new Case("parity.plural-categories", "retention", FRENCH, text -> inRetention(text, ACCOUNT_DAYS,
                        "{accountRetentionDays, plural, other {# jours}}"), RETENTION),
                new Case("parity.links", "retention", FRENCH, text -> inRetention(text, "à l’[](#purposes-table)",
                        "au tableau des finalités"), RETENTION),
                new Case("parity.structure", "retention", FRENCH, text -> inRetention(text,
                        "- nous pouvons conserver des statistiques anonymisées et agrégées qui ne peuvent plus être associées à vous.\n",
                        ""), RETENTION),
                new Case("parity.stale", "retention", "en/privacy.md", text -> replace(text, "We keep personal data only",
                        "We keep personal data strictly only"), RETENTION));
    }

    private static String replace(String text, String old, String replacement) {
        if (!text.contains(old)) {
            throw new IllegalStateException("the sample no longer contains: " + old);
        }
        return text.replace(old, replacement);
    }

    /** {@code text} with the first {@code old} in the French retention clause replaced. */
    private static String inRetention(String text, String old, String replacement) {
        int at = text.indexOf(old, text.indexOf(RETENTION));
        if (at < 0 || at > text.indexOf("## Sécurité {#security}")) {
            throw new IllegalStateException("the sample's retention clause no longer contains: " + old);
        }
        return text.substring(0, at) + replacement + text.substring(at + old.length());
    }

    private static String withoutRetention(String text) {
        int start = text.indexOf(RETENTION);
        int end = text.indexOf("## Sécurité {#security}");
        return text.substring(0, start) + text.substring(end);
    }

    private static String breachOneLevelUp(String text) {
        return replace(text, "### Violations de données à caractère personnel {#breach}",
                "## Violations de données à caractère personnel {#breach}");
    }

    private static String cookiesBeforeChildren(String text) {
        int children = text.indexOf("## Enfants {#children}");
        int cookies = text.indexOf("## Cookies et technologies similaires {#cookies}");
        int after = text.indexOf("## Prise de décision automatisée {#automated-decisions}");
        return text.substring(0, children) + text.substring(cookies, after) + text.substring(children, cookies) + text.substring(after);
    }

    private Path content(Case broken) throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path file = content.resolve(broken.file());
        Files.writeString(file, broken.edit().apply(Files.readString(file)));
        return content;
    }

    private static CheckResult check(Path content) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).threads(2).build().check();
    }

    private static void appendToSiteYaml(Path content, String yaml) throws IOException {
        Path file = content.resolve("site.yaml");
        Files.writeString(file, Files.readString(file) + yaml);
    }

    private static boolean inFrench(Finding finding) {
        return finding.location().displayPath().endsWith(FRENCH);
    }

    /** The rule's findings about the clause in the French policy were switched off, and only those. */
    private static void switchedOff(Case broken, CheckResult result) {
        List<Finding> off = RuleSettingsTest.withRule(result.switchedOff(), broken.rule());
        assertFalse(off.isEmpty(), "switched off: " + result.switchedOff() + "; reported: " + result.findings());
        assertTrue(off.stream().allMatch(f -> inFrench(f) && broken.clause().equals(f.clause())), off::toString);
        assertEquals(List.of(), RuleSettingsTest.withRule(result.findings(), broken.rule()).stream()
                .filter(f -> inFrench(f) && (f.clause() == null || f.clause().equals(broken.clause()))).toList());
        assertEquals(List.of(), RuleSettingsTest.withRule(result.findings(), "config.rules"), "the target names an existing clause");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aClauseTargetInSiteYamlSwitchesOffTheFindingAboutThatClause(Case broken) throws IOException {
        Path content = content(broken);
        appendToSiteYaml(content, "rules:\n  " + broken.rule() + ":\n    fr/privacy#" + broken.clause() + ": off\n");
        switchedOff(broken, check(content));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSettingInTheClauseHeadingSwitchesOffTheFindingAboutThatClause(Case broken) throws IOException {
        if (broken.heading() == null) {
            return; // the clause is not in the translation: there is no heading to write the setting in
        }
        Path content = content(broken);
        Path french = content.resolve(FRENCH);
        String heading = broken.heading();
        Files.writeString(french, replace(Files.readString(french), heading,
                heading.replace("{#" + broken.clause() + "}", "{#" + broken.clause() + " " + broken.rule() + "=off}")));
        switchedOff(broken, check(content));
    }

    @Test
    void aMissingClauseIsMatchedByItsOwnKeyNotByTheClauseItIsShownAt() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path french = content.resolve(FRENCH);
        String text = withoutRetention(Files.readString(french));
        int children = text.indexOf("## Enfants {#children}");
        Files.writeString(french, text.substring(0, children) + text.substring(text.indexOf("## Cookies et technologies similaires")));
        Path siteYaml = content.resolve("site.yaml");
        String yaml = Files.readString(siteYaml);

        Files.writeString(siteYaml, yaml + "rules:\n  parity.clause-missing:\n    fr/privacy#retention: off\n");
        CheckResult result = check(content);
        List<Finding> off = RuleSettingsTest.withRule(result.switchedOff(), "parity.clause-missing");
        assertEquals(1, off.size(), off.toString());
        assertTrue(off.get(0).message().startsWith("clause 'retention'"), off.get(0).message());
        List<Finding> missing = RuleSettingsTest.withRule(result.findings(), "parity.clause-missing");
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).message().startsWith("clause 'children'"), missing.get(0).message());
        assertEquals(List.of(), RuleSettingsTest.withRule(result.findings(), "config.rules"));

        // retention's finding is shown at the next clause, security: a target on security does not switch it off
        Files.writeString(siteYaml, yaml + "rules:\n  parity.clause-missing:\n    fr/privacy#security: off\n");
        CheckResult shownAt = check(content);
        assertEquals(List.of(), RuleSettingsTest.withRule(shownAt.switchedOff(), "parity.clause-missing"));
        assertEquals(2, RuleSettingsTest.withRule(shownAt.findings(), "parity.clause-missing").size(), shownAt.findings().toString());
    }
}
