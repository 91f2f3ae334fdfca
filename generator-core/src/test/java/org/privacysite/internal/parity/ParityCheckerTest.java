package org.privacysite.internal.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.content.TestSites;
import org.privacysite.internal.history.SiteHistory;
import org.privacysite.internal.messages.MessageBundle;

class ParityCheckerTest {

    @TempDir
    Path root;
    private Path content;
    private Path templates;

    @BeforeEach
    void siteYaml() {
        content = root.resolve("content");
        templates = root.resolve("templates");
        TestSites.write(content, "site.yaml", """
                name: Test
                baseUrl: https://privacy.example/
                locales: [en, fr]
                documents: [privacy]
                facts:
                  company: ACME
                """);
    }

    /**
     * Writes en/privacy.md and fr/privacy.md (bodies from line 6), runs the parity check and returns its
     * clause and bundle findings (other parity rules, such as paragraph counts, are not under test here).
     */
    private List<Finding> clauses(String en, String fr) {
        TestSites.page(content, "en", "privacy", en);
        TestSites.page(content, "fr", "privacy", fr);
        Site site = TestSites.load(root);
        assertEquals(List.of(), site.findings(), "the pages parse");
        return ParityChecker.check(site).stream()
                .filter(f -> f.ruleId().startsWith("parity.clause") || f.ruleId().startsWith("bundle."))
                .toList();
    }

    private Location fr(int line, int column) {
        return Location.of(content.resolve("fr/privacy.md")).at(line, column);
    }

    private static Finding only(List<Finding> findings, String rule, Location where) {
        assertEquals(1, findings.size(), findings::toString);
        return assertFinding(findings.get(0), rule, where);
    }

    private static Finding assertFinding(Finding finding, String rule, Location where) {
        assertEquals(rule, finding.ruleId(), finding::toString);
        assertEquals(where, finding.location(), finding::toString);
        assertTrue(finding.isError(), finding::toString);
        return finding;
    }

    @Test
    void sameStructurePasses() {
        assertEquals(List.of(), clauses("""
                ## Who we are {#who-we-are}

                ### Controller {#controller}

                ## Retention {#retention}
                """, """
                ## Qui sommes-nous ? {#who-we-are}

                ### Responsable {#controller}

                ## Conservation {#retention}
                """));
    }

    @Test
    void missingClauseIsReportedAtTheNextClauseOfTheTranslation() {
        Finding finding = only(clauses("""
                ## Who we are {#who-we-are}

                ## Data {#data}

                ## Retention {#retention}
                """, """
                ## Qui sommes-nous ? {#who-we-are}

                Texte.

                ## Conservation {#retention}
                """), "parity.clause-missing", fr(10, 1));
        assertTrue(finding.message().contains("'data'") && finding.message().contains("en"), finding::toString);
    }

    @Test
    void missingLastClauseIsReportedAtTheLastClause() {
        only(clauses("""
                ## Who we are {#who-we-are}

                ## Retention {#retention}
                """, """
                ## Qui sommes-nous ? {#who-we-are}
                """), "parity.clause-missing", fr(6, 1));
    }

    @Test
    void translationWithoutClauses() {
        only(clauses("## Who we are {#who-we-are}\n", "Texte.\n"), "parity.clause-missing", fr(1, 1));
    }

    @Test
    void extraClause() {
        Finding finding = only(clauses("""
                ## Who we are {#who-we-are}

                ## Retention {#retention}
                """, """
                ## Qui sommes-nous ? {#who-we-are}

                ## Cookies {#cookies}

                ## Conservation {#retention}
                """), "parity.clause-extra", fr(8, 1));
        assertTrue(finding.message().contains("'cookies'"), finding::toString);
    }

    @Test
    void clauseAtAnotherLevel() {
        only(clauses("""
                ## Who we are {#who-we-are}

                ### Controller {#controller}

                ## Retention {#retention}
                """, """
                ## Qui sommes-nous ? {#who-we-are}

                ## Responsable {#controller}

                ## Conservation {#retention}
                """), "parity.clause-level", fr(8, 1));
    }

    @Test
    void clauseUnderAnotherParent() {
        List<Finding> findings = clauses("""
                ## Who we are {#who-we-are}

                ## Contact {#contact}

                ### Officer {#dpo}
                """, """
                ## Qui sommes-nous ? {#who-we-are}

                ### Délégué {#dpo}
                """);
        List<String> rules = findings.stream().map(Finding::ruleId).toList();
        assertEquals(List.of("parity.clause-missing", "parity.clause-parent"), rules, findings::toString);
        assertFinding(findings.get(1), "parity.clause-parent", fr(8, 1));
        assertTrue(findings.get(1).message().contains("'who-we-are'") && findings.get(1).message().contains("'contact'"),
                findings.get(1)::toString);
    }

    @Test
    void clausesInAnotherOrderAreReportedOnce() {
        Finding finding = only(clauses("""
                ## A {#a}

                ## B {#b}

                ## C {#c}

                ## D {#d}
                """, """
                ## A {#a}

                ## C {#c}

                ## B {#b}

                ## D {#d}
                """), "parity.clause-order", fr(8, 1));
        assertTrue(finding.message().contains("'c'") && finding.message().contains("'b'"), finding::toString);
    }

    // --- message bundles ------------------------------------------------------------------------

    private MessageBundle bundle(String locale, String yaml) {
        return MessageBundle.read(locale, TestSites.write(templates, "messages/" + locale + ".yaml", yaml));
    }

    private List<Finding> bundles(String en, String fr) {
        return ParityChecker.bundle(bundle("en", en), bundle("fr", fr));
    }

    private Location frBundle(int line, int column) {
        return Location.of(templates.resolve("messages/fr.yaml")).at(line, column);
    }

    @Test
    void matchingBundlesPass() {
        assertEquals(List.of(), bundles("""
                toc.title: "Contents"
                xref.document: "{title}, Section {number}"
                """, """
                xref.document: "{title}, article {number}"
                toc.title: "Sommaire"
                """));
    }

    /**
     * The check and publish read each page's contents as it is parsed; a translation read after its
     * source is compared at once, one read before it at the end. Both ways give the findings of a
     * check that reads every page itself.
     */
    @Test
    void translationsComparedAsTheyAreReadGiveTheSameFindings() {
        Site site = retentionSite("2026-09-01");
        List<Finding> expected = ParityChecker.check(site);
        assertTrue(expected.stream().anyMatch(f -> f.ruleId().equals("parity.argument-missing")), expected::toString);
        assertTrue(expected.stream().anyMatch(f -> f.ruleId().equals("parity.plural-categories")), expected::toString);

        var en = site.page("en", "privacy");
        var fr = site.page("fr", "privacy");
        PageContents sourceFirst = readAsLoaded(site, en, fr);
        assertNotNull(sourceFirst.compared(fr, en), "compared as it was read");
        PageContents translationFirst = readAsLoaded(site, fr, en);
        assertNull(translationFirst.compared(fr, en), "read before its source: compared at the end");

        assertEquals(sorted(expected), sorted(check(site, sourceFirst)));
        assertEquals(sorted(expected), sorted(check(site, translationFirst)));
    }

    /**
     * A translation of another effective date than its source's translates another version of the source,
     * which the history (read after the pages) holds: it is not compared as it is read, but at the end.
     */
    @Test
    void aTranslationOfAnotherDateIsComparedOnlyAtTheEnd() {
        Site site = retentionSite("2026-04-01");
        var en = site.page("en", "privacy");
        var fr = site.page("fr", "privacy");
        PageContents sourceFirst = readAsLoaded(site, en, fr);
        assertNull(sourceFirst.compared(fr, en), "another version: left to the parity stage");
        List<Finding> expected = ParityChecker.check(site);
        assertTrue(expected.stream().anyMatch(f -> f.ruleId().equals("parity.argument-missing")), expected::toString);
        assertEquals(sorted(expected), sorted(check(site, sourceFirst)));
    }

    /** French plurals written one/other, as French is written, were each a warning asking for the millions-only 'many'. */
    @Test
    void aFrenchPluralWithOneAndOtherIsComplete() {
        TestSites.page(content, "en", "privacy", "## Retention {#retention}\n\nFor {retentionDays, plural, one {# day} other {# days}}.\n");
        TestSites.page(content, "fr", "privacy", "## Conservation {#retention}\n\nPendant {retentionDays, plural, one {# jour} other {# jours}}.\n");
        Site site = TestSites.load(root);
        assertEquals(List.of(), ParityChecker.check(site).stream().filter(f -> f.ruleId().equals("parity.plural-categories")).toList());
    }

    /** en/privacy.md of 2026-09-01 with a plural and a fact; fr/privacy.md of {@code frDate} lacking the fact and a plural form. */
    private Site retentionSite(String frDate) {
        TestSites.page(content, "en", "privacy", """
                ## Retention {#retention}

                We keep your data for {retentionDays, plural, one {# day} other {# days}} at {company}.
                """);
        TestSites.write(content, "fr/privacy.md", "---\ntitle: Confidentialité\neffective: " + frDate + "\n---\n\n" + """
                ## Conservation {#retention}

                Nous conservons vos données chez nous, {retentionDays, plural, other {# jours}}.
                """);
        Site site = TestSites.load(root);
        assertEquals(List.of(), site.findings(), "the pages parse");
        return site;
    }

    /** The pages read in {@code order}, as the load reads them. */
    private static PageContents readAsLoaded(Site site, Page... order) {
        PageContents contents = new PageContents();
        contents.checkAsRead(site.config().sourceLocale(), site.config().facts());
        for (Page page : order) {
            contents.read(page);
        }
        return contents;
    }

    private static List<Finding> check(Site site, PageContents contents) {
        return ParityChecker.check(site, SiteHistory.none(List.of()), contents, Runnable::run);
    }

    private static List<String> sorted(List<Finding> findings) {
        return findings.stream().map(Finding::toString).sorted().toList();
    }

    @Test
    void argumentsInAnotherOrderAreFine() {
        assertEquals(List.of(), bundles("xref: \"{title}, Section {number}\"\n", "xref: \"{number}条 {title}\"\n"));
    }

    @Test
    void bundleKeyMissing() {
        Finding finding = only(bundles("""
                toc.title: "Contents"
                nav.skip: "Skip to main content"
                """, """
                toc.title: "Sommaire"
                """), "bundle.key-missing", frBundle(1, 1));
        assertTrue(finding.message().contains("'nav.skip'"), finding::toString);
    }

    @Test
    void bundleKeyExtra() {
        Finding finding = only(bundles("""
                toc.title: "Contents"
                """, """
                toc.title: "Sommaire"
                toc.titel: "Sommaire"
                """), "bundle.key-extra", frBundle(2, 12));
        assertTrue(finding.message().contains("'toc.titel'"), finding::toString);
    }

    @Test
    void bundleArgumentMismatch() {
        Finding finding = only(bundles("""
                footer.contact: "Questions? Write to {email}."
                """, """
                footer.contact: "Des questions ? Écrivez à {mail}."
                """), "bundle.arguments", frBundle(1, 17));
        assertTrue(finding.message().contains("mail") && finding.message().contains("email"), finding::toString);
    }

    @Test
    void bundleFileMissing() {
        TestSites.write(templates, "messages/en.yaml", "toc.title: \"Contents\"\n");
        List<Finding> findings = ParityChecker.bundle(MessageBundle.read("en", templates.resolve("messages/en.yaml")),
                MessageBundle.read("fr", templates.resolve("messages/fr.yaml")));
        only(findings, "bundle.missing", Location.of(templates.resolve("messages/fr.yaml")));
    }

    @Test
    void wholeSiteCheckCoversClausesUiAndPolicyTexts() {
        TestSites.write(templates, "messages/en.yaml", "toc.title: \"Contents\"\n");
        TestSites.write(templates, "messages/fr.yaml", "toc.title: \"Sommaire\"\n");
        TestSites.write(content, "en/messages.yaml", "cookie.purpose: \"Keeps you signed in\"\n");
        TestSites.write(content, "fr/messages.yaml", "cookie.purpose: \"Vous garde connecté\"\ncookie.extra: \"x\"\n");
        List<Finding> findings = clauses("## A {#a}\n\n## B {#b}\n", "## A {#a}\n");
        assertEquals(List.of("parity.clause-missing", "bundle.key-extra"), findings.stream().map(Finding::ruleId).toList(),
                findings::toString);
        assertEquals(Location.of(content.resolve("fr/messages.yaml")).at(2, 15), findings.get(1).location());
    }

    /**
     * A UI message's plural needs every CLDR category of the bundle's own locale: Polish and Russian have
     * few and many, Arabic also zero and two; the English forms (one, other) are complete only in English. French,
     * Spanish, Italian and Portuguese 'many' is only for exact millions: one and other are complete there; a copy of
     * en.yaml for them was three warnings, and a French text written one/other a warning at each plural.
     */
    @ParameterizedTest
    @CsvSource({"en, ''", "pl, 'few, many'", "ru, 'few, many'", "ar, 'few, many, two, zero'", "ja, ''", "fr, ''", "es, ''",
            "it, ''", "pt, ''", "he, 'two'"})
    void bundlePluralsAreCheckedAgainstTheLocalesOwnCategories(String locale, String missing) {
        TestSites.write(templates, "messages/" + locale + ".yaml", "cookies.duration.days: \"{n, plural, one {# x} other {# y}}\"\n");
        List<Finding> findings = ParityChecker.bundlePlurals(MessageBundle.read(locale, templates.resolve("messages/" + locale + ".yaml")));
        if (missing.isEmpty()) {
            assertEquals(List.of(), findings);
        } else {
            assertEquals(1, findings.size(), findings::toString);
            Finding finding = findings.get(0);
            assertEquals("parity.plural-categories", finding.ruleId());
            assertEquals(Location.of(templates.resolve("messages/" + locale + ".yaml")).at(1, 24), finding.location());
            assertTrue(finding.message().endsWith("lacks the " + locale + " plural forms [" + missing + "]"), finding.message());
        }
    }

    @Test
    void theBuiltInPolishRussianAndArabicBundlesHaveEveryPluralForm() {
        for (String locale : List.of("pl", "ru", "ar")) {
            assertEquals(List.of(), ParityChecker.bundlePlurals(MessageBundle.read(locale,
                    org.privacysite.internal.theme.Theme.builtIn().file("messages/" + locale + ".yaml"))), locale);
        }
    }
}
