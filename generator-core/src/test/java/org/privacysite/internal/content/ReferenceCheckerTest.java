package org.privacysite.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;

class ReferenceCheckerTest {

    @TempDir
    Path root;
    private Path content;

    @BeforeEach
    void siteYaml() {
        content = root.resolve("content");
        TestSites.write(content, "site.yaml", """
                name: Test
                baseUrl: https://privacy.example/
                locales: [en, fr]
                documents: [privacy, cookies]
                facts:
                  company: ACME
                  accountRetentionDays: 30
                  incorporated: 2019-03-14
                fallback:
                  fr: [privacy, cookies]
                """);
    }

    /** Adds a page whose body starts on line 6 of its file. */
    private void page(String locale, String document, String body) {
        TestSites.page(content, locale, document, body);
    }

    private List<Finding> check() {
        Site site = TestSites.load(root);
        List<Finding> parseErrors = site.findings().stream().filter(f -> !f.ruleId().equals("content.source-missing")).toList();
        assertEquals(List.of(), parseErrors, "the pages parse");
        return ReferenceChecker.check(site);
    }

    private Finding only(List<Finding> findings, String rule, String file, int line, int column) {
        assertEquals(1, findings.size(), findings::toString);
        Finding finding = findings.get(0);
        assertEquals(rule, finding.ruleId(), finding::toString);
        assertEquals(content.resolve(file), finding.location().file(), finding::toString);
        assertEquals(line, finding.location().line(), () -> "line of " + finding);
        assertEquals(column, finding.location().column(), () -> "column of " + finding);
        return finding;
    }

    @Test
    void knownFactsAndPageDatesPass() {
        page("en", "privacy", """
                ## Who we are {#who-we-are}

                {company} was incorporated on {incorporated, date, long}. This policy applies from
                {effective, date, long}, last updated {updated, date, short}. We keep data for
                {accountRetentionDays, plural, one {# day} other {# days}}, i.e. {accountRetentionDays, number} days.
                See [](#who-we-are) and [](cookies.md#manage).
                """);
        page("en", "cookies", "## Manage {#manage}\n");
        assertEquals(List.of(), check());
    }

    @Test
    void unknownFact() {
        page("en", "privacy", "## Contact {#contact}\n\nWrite to {compnay} today.\n");
        Finding finding = only(check(), "icu.unknown-fact", "en/privacy.md", 8, 10);
        assertTrue(finding.message().contains("'compnay'"), finding::toString);
        assertTrue(finding.message().contains("company"), "suggests the known facts: " + finding);
    }

    /** Writers often keep a paragraph on one line: a fact or link thousands of characters in keeps its column. */
    @Test
    void unknownFactAndClauseFarAlongAOneLineParagraph() {
        String before = "We process your data lawfully. ".repeat(100); // 3,100 characters
        page("en", "privacy", "## Contact {#contact}\n\n" + before + "Write to {compnay} today.\n\n" + before + "See [](#retention).\n");
        List<Finding> findings = check();
        assertEquals(2, findings.size(), findings::toString);
        assertEquals(content.resolve("en/privacy.md").toString() + ":8:" + (before.length() + 10), findings.get(0).location().file()
                + ":" + findings.get(0).location().line() + ":" + findings.get(0).location().column(), findings::toString);
        assertEquals("xref.unknown-clause", findings.get(1).ruleId(), findings::toString);
        assertEquals(10, findings.get(1).location().line(), findings::toString);
        assertEquals(before.length() + 5, findings.get(1).location().column(), findings::toString);
    }

    @Test
    void unknownFactOnAContinuationLineOfAMessage() {
        page("en", "privacy", "## Contact {#contact}\n\nWe are {company}.\nWrite to {compnay} today.\n");
        only(check(), "icu.unknown-fact", "en/privacy.md", 9, 10);
    }

    @Test
    void unknownFactNestedInAPluralCase() {
        page("en", "privacy", "## Retention {#retention}\n\n{accountRetentionDays, plural, one {# day at {compnay}} other {# days}}\n");
        only(check(), "icu.unknown-fact", "en/privacy.md", 8, 46);
    }

    @Test
    void pluralOnAFactThatIsNotANumber() {
        page("en", "privacy", "## Contact {#contact}\n\nWe are {company, plural, one {#} other {#}}.\n");
        Finding finding = only(check(), "icu.unknown-fact", "en/privacy.md", 8, 8);
        assertTrue(finding.message().contains("number"), finding::toString);
    }

    @Test
    void dateOnAFactThatIsNotADate() {
        page("en", "privacy", "## Contact {#contact}\n\nSince {accountRetentionDays, date, long}.\n");
        Finding finding = only(check(), "icu.unknown-fact", "en/privacy.md", 8, 7);
        assertTrue(finding.message().contains("date"), finding::toString);
    }

    @Test
    void crossReferenceToAMissingClause() {
        page("en", "privacy", "## Who we are {#who-we-are}\n\nSee [](#retention).\n");
        Finding finding = only(check(), "xref.unknown-clause", "en/privacy.md", 8, 5);
        assertTrue(finding.message().contains("'retention'"), finding::toString);
    }

    /** A long key shortened or misspelled by many characters still gets its suggestion; an unrelated one gets none. */
    @Test
    void crossReferenceToAMistypedLongKeySuggestsTheNearestKey() {
        page("en", "privacy", """
                ## Your privacy rights in the EU {#users-in-the-european-union-your-privacy-rights}

                ## Retention {#retention}

                See [](#users-in-the-eu-your-privacy-rights) and [](#contact).
                """);
        List<Finding> findings = check();
        assertEquals(2, findings.size(), findings::toString);
        assertTrue(findings.get(0).message().endsWith("; did you mean 'users-in-the-european-union-your-privacy-rights'?"),
                findings.get(0)::toString);
        assertTrue(!findings.get(1).message().contains("did you mean"), findings.get(1)::toString);
    }

    @Test
    void crossReferenceToAClauseOfAnotherDocument() {
        page("en", "privacy", "## Who we are {#who-we-are}\n\nSee [](cookies.md#manage) and [](cookies.md#delete).\n");
        page("en", "cookies", "## Manage {#manage}\n");
        Finding finding = only(check(), "xref.unknown-clause", "en/privacy.md", 8, 31);
        assertTrue(finding.message().contains("'delete'"), finding::toString);
    }

    @Test
    void crossReferenceToAnUnknownDocument() {
        page("en", "privacy", "## Who we are {#who-we-are}\n\nSee [the terms](terms.md#liability).\n");
        Finding finding = only(check(), "xref.unknown-document", "en/privacy.md", 8, 5);
        assertTrue(finding.message().contains("terms.md"), finding::toString);
    }

    /** A site of 500 documents got a 10 KB line naming every one of them for each mistyped link. */
    @Test
    void unknownDocumentOnASiteOfManyDocumentsSuggestsOneInsteadOfListingAll() {
        StringBuilder documents = new StringBuilder("[privacy, cookies");
        for (int i = 1; i <= 40; i++) {
            documents.append(", terms-").append(String.format("%03d", i));
        }
        TestSites.write(content, "site.yaml", """
                name: Test
                baseUrl: https://privacy.example/
                locales: [en]
                documents: %s]
                """.formatted(documents));
        page("en", "privacy", "## Who we are {#who-we-are}\n\nSee [the terms](term-017.md).\n");
        Finding finding = only(check(), "xref.unknown-document", "en/privacy.md", 8, 5);
        assertEquals("link to 'term-017.md', which is not a document of this site (did you mean 'terms-017'?"
                + " site.yaml lists 42 documents)", finding.message());
    }

    @Test
    void translationIsCheckedAgainstItsOwnClauses() {
        page("en", "privacy", "## Who we are {#who-we-are}\n\n## Retention {#retention}\n");
        page("fr", "privacy", "## Qui sommes-nous {#who-we-are}\n\nVoir [](#retention).\n");
        Finding finding = only(check(), "xref.unknown-clause", "fr/privacy.md", 8, 6);
        assertTrue(finding.message().contains("fr/privacy.md"), finding::toString);
    }

    @Test
    void linkToADocumentShownAsFallbackUsesTheSourceClauses() {
        page("en", "privacy", "## Who we are {#who-we-are}\n");
        page("en", "cookies", "## Manage {#manage}\n");
        page("fr", "privacy", "## Qui sommes-nous {#who-we-are}\n\nVoir [](cookies.md#manage) et [](cookies.md#gone).\n");
        only(check(), "xref.unknown-clause", "fr/privacy.md", 8, 31);
    }

    @Test
    void unknownFactInALinkAddress() {
        page("en", "privacy", "## Contact {#contact}\n\n[Write to us](mailto:{privacyEmial}).\n");
        Finding finding = only(check(), "icu.unknown-fact", "en/privacy.md", 8, 1);
        assertTrue(finding.message().contains("privacyEmial"), finding::toString);
    }

    @Test
    void unknownFactInTheTitle() {
        TestSites.write(content, "en/privacy.md",
                "---\ntitle: \"{compnay} Privacy Policy\"\neffective: 2026-09-01\n---\n\n## Contact {#contact}\n");
        List<Finding> findings = check();
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("icu.unknown-fact", findings.get(0).ruleId());
        assertEquals(2, findings.get(0).location().line(), findings::toString);
    }
}
