package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * site.yaml's {@code rules:} and the settings written in a clause heading, on copies of the sample site:
 * a rule's level for the site, a locale, a document or one clause; a clause of one language only; and
 * that what is switched off is still listed.
 */
class RuleSettingsTest {

    /** A French-only clause, as a country-specific addition would be written. */
    private static final String FRENCH_ONLY = "## Enfants {#children}\n";
    private static final String WITH_ADDITION = "## Médiateur de la consommation {#mediator%s}\n\nVous pouvez saisir le médiateur.\n\n"
            + "## Enfants {#children}\n";

    @TempDir
    Path temp;

    PrivacySite site(Path content) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
    }

    static List<Finding> withRule(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    private Path withFrenchAddition(String marks) {
        return SampleSite.copyContent(temp.resolve("content"), "fr/privacy.md", FRENCH_ONLY, WITH_ADDITION.formatted(marks));
    }

    private static void appendToSiteYaml(Path content, String yaml) throws IOException {
        Path file = content.resolve("site.yaml");
        Files.writeString(file, Files.readString(file) + yaml);
    }

    @Test
    void anUndeclaredExtraClauseIsAnError() {
        CheckResult result = site(withFrenchAddition("")).check();
        List<Finding> extra = withRule(result.findings(), "parity.clause-extra");
        assertEquals(1, extra.size(), result.findings().toString());
        assertTrue(extra.get(0).isError());
        assertTrue(extra.get(0).message().contains("{#mediator local}"), "the message names the way out: " + extra.get(0).message());
    }

    @Test
    void aClauseDeclaredLocalIsRenderedNumberedAndLeftOutOfParity() throws IOException {
        Path content = withFrenchAddition(" local");
        CheckResult result = site(content).check();
        assertEquals(List.of(), result.findings());
        Path out = temp.resolve("site");
        site(content).build(out);
        String page = Files.readString(out.resolve("fr/privacy/index.html"));
        assertTrue(page.contains("id=\"mediator\""), "the local clause is published with its key as anchor");
        assertTrue(page.contains("Médiateur de la consommation"));
    }

    @Test
    void oneClauseCanBeSwitchedOffInSiteYamlAndStaysListed() throws IOException {
        Path content = withFrenchAddition("");
        appendToSiteYaml(content, "rules:\n  parity.clause-extra:\n    fr/privacy#mediator: off\n");
        CheckResult result = site(content).check();
        assertEquals(List.of(), result.findings());
        assertEquals(1, withRule(result.switchedOff(), "parity.clause-extra").size(), "switched off, not hidden");

        Path reports = temp.resolve("reports");
        site(content).writeReports(result, reports, List.of("json", "junit"), false);
        String json = Files.readString(reports.resolve("privacy-site.json"));
        assertTrue(json.contains("\"switchedOff\"") && json.contains("parity.clause-extra"), json);
        String junit = Files.readString(reports.resolve("TEST-privacy-site.xml"));
        assertTrue(junit.contains("<skipped message=\"switched off: clause") && junit.contains("mediator"), junit);
        Path status = temp.resolve("status.html");
        site(content).writeTranslationStatus(status);
        String page = Files.readString(status);
        assertTrue(page.contains("<code>parity.clause-extra</code> is <strong>off</strong> for <code>fr/privacy#mediator</code>"), page);
    }

    @Test
    void theStatusPageListsClausesOfOneLanguageOnly() throws IOException {
        Path content = withFrenchAddition(" local");
        Path status = temp.resolve("status.html");
        site(content).writeTranslationStatus(status);
        assertTrue(Files.readString(status).contains("<code>fr/privacy#mediator</code>"));
    }

    @Test
    void aSettingInTheClauseHeadingCountsForThatClauseOnly() {
        CheckResult result = site(withFrenchAddition(" parity.clause-extra=warning")).check();
        List<Finding> extra = withRule(result.findings(), "parity.clause-extra");
        assertEquals(1, extra.size());
        assertEquals(Severity.WARNING, extra.get(0).severity());
        assertFalse(result.failed(false));
    }

    @Test
    void aLocaleLevelAppliesToThatLocaleOnlyAndTheMostSpecificSettingWins() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path english = content.resolve("en/privacy.md");
        Files.writeString(english, Files.readString(english).replace("## Children {#children}\n",
                "## Children {#children}\n\nWe never knowingly collect data from children.\n"));
        appendToSiteYaml(content, """
                rules:
                  parity.stale:
                    de: off
                    ja: error
                    ja/privacy#children: warning
                    fr/privacy: error
                """);
        CheckResult result = site(content).check();
        List<Finding> stale = withRule(result.findings(), "parity.stale");
        assertEquals(3, stale.size(), stale.toString()); // fr, ar, ja; de is off
        assertTrue(stale.stream().noneMatch(f -> f.location().displayPath().endsWith("de/privacy.md")));
        assertEquals(Severity.ERROR, severityIn(stale, "fr/privacy.md"), "locale/document beats the default");
        assertEquals(Severity.WARNING, severityIn(stale, "ja/privacy.md"), "the clause beats the locale");
        assertEquals(Severity.WARNING, severityIn(stale, "ar/privacy.md"), "no setting: the rule's own level");
        assertEquals(1, withRule(result.switchedOff(), "parity.stale").size());
    }

    private static Severity severityIn(List<Finding> findings, String file) {
        return findings.stream().filter(f -> f.location().displayPath().endsWith(file)).findFirst().orElseThrow().severity();
    }

    @Test
    void theOldNameChecksStillWorksForTheWholeSite() throws IOException {
        Path content = withFrenchAddition("");
        appendToSiteYaml(content, "checks:\n  parity.clause-extra: warning\n");
        assertFalse(site(content).check().failed(false));
    }

    @Test
    void anUnknownRuleIdIsAnErrorThatSuggestsTheClosestOne() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        appendToSiteYaml(content, "rules:\n  parity.clause-extras: off\n");
        List<Finding> errors = withRule(site(content).check().findings(), "config.rules");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("did you mean 'parity.clause-extra'?"), errors.get(0).message());
        assertTrue(errors.get(0).location().displayPath().endsWith("site.yaml") && errors.get(0).location().line() > 0);
    }

    @Test
    void anUnknownRuleIdInAClauseHeadingIsAnErrorToo() {
        List<Finding> errors = withRule(site(withFrenchAddition(" parity.clause-xtra=off")).check().findings(), "config.rules");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).location().displayPath().endsWith("fr/privacy.md"));
    }

    @Test
    void anUnknownClauseInATargetIsAnError() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        appendToSiteYaml(content, "rules:\n  parity.stale:\n    fr/privacy#no-such-clause: off\n");
        List<Finding> errors = withRule(site(content).check().findings(), "config.rules");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("no-such-clause"), errors.get(0).message());
    }

    @Test
    void anUnknownLocaleOrLevelIsAConfigurationError() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        appendToSiteYaml(content, "rules:\n  parity.stale:\n    es: off\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> site(content).check());
        assertEquals("config.rules", e.findings().get(0).ruleId());
        assertTrue(e.findings().get(0).message().contains("neither a locale nor a document"), e.getMessage());

        Path other = SampleSite.copyContent(temp.resolve("other"));
        appendToSiteYaml(other, "rules:\n  parity.stale: silent\n");
        ConfigurationException level = assertThrows(ConfigurationException.class, () -> site(other).check());
        assertTrue(level.getMessage().contains("must be error, warning or off"), level.getMessage());
    }

    @Test
    void anErrorSwitchedOffNoLongerStopsTheBuild() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"), "fr/privacy.md", FRENCH_ONLY,
                FRENCH_ONLY + "\nLes <b>enfants</b> sont protégés.\n");
        PrivacySiteException blocked = assertThrows(PrivacySiteException.class, () -> site(content).build(temp.resolve("blocked")));
        assertEquals("content.raw-html", blocked.findings().get(0).ruleId());
        appendToSiteYaml(content, "rules:\n  content.raw-html: {fr/privacy: off}\n");
        assertEquals(10, site(content).build(temp.resolve("built")).pages());
    }
}
