package org.privacysite.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;
import org.privacysite.cli.Main;
import org.privacysite.internal.rules.HistoryRules;
import org.privacysite.internal.rules.ParityRules;

/**
 * A translation one version behind an upcoming source ({@link HistoryRepository}: ar has the privacy policy of
 * 2026-04-01, en and fr that of 2026-09-01, and the last commit is of 2026-07-10). Until the new version takes
 * effect, ar is a complete translation of the version in force and {@code check} passes; from its date, ar has
 * no translation of the version in force, and its page shows the English text with the fallback notice.
 */
class LaggingTranslationTest {

    @TempDir
    Path temp;

    private static PrivacySite site(Path content, String asOf) {
        PrivacySite.Builder builder = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates())
                .threads(2);
        if (asOf != null) {
            builder.asOf(LocalDate.parse(asOf));
        }
        return builder.build();
    }

    private static int cli(StringWriter out, String... arguments) {
        return Main.run(new PrintWriter(out), new PrintWriter(out), arguments);
    }

    private static Document page(Path out, String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path), StandardCharsets.UTF_8));
    }

    @Test
    void beforeTheUpcomingDateTheLaggingTranslationIsCheckedAgainstTheVersionItTranslatesAndCheckPasses() {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);

        CheckResult check = site(repository.content(), null).check();
        assertFalse(check.failed(false), check.findings().toString());
        assertEquals(List.of("history.upcoming-untranslated"), check.findings().stream().map(Finding::ruleId).toList(),
                "ar is compared with the en text of 2026-04-01, so the new clause on transfers is not missing: " + check.findings());
        Finding upcoming = check.findings().get(0);
        assertEquals(HistoryRules.UPCOMING_UNTRANSLATED, upcoming.rule());
        assertFalse(upcoming.isError());
        assertTrue(upcoming.location().file().endsWith(Path.of("ar", "privacy.md")), upcoming.toString());
        assertTrue(upcoming.message().contains("the upcoming version of 2026-09-01 has no ar translation yet")
                && upcoming.message().contains("fallback notice"), upcoming.message());

        StringWriter out = new StringWriter();
        assertEquals(0, cli(out, "check", "--content", repository.content().toString(), "--templates",
                SampleSite.templates().toString()), out.toString());
        assertTrue(out.toString().contains("history.upcoming-untranslated"), out.toString());
    }

    @Test
    void thePreviewPanelComparesTheLaggingTranslationWithTheVersionItTranslatesToo() {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        try (org.privacysite.Preview preview = site(repository.content(), null).preview(temp.resolve("preview"))) {
            assertEquals(List.of(), preview.rebuild(List.of()).errors());
            assertEquals(List.of("history.upcoming-untranslated"),
                    preview.findings("ar", "privacy").stream().map(Finding::ruleId).distinct().toList());
        }
    }

    @Test
    void aLaggingTranslationStillHasItsOwnDefectsReported() throws IOException {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        // The ar text of 2026-04-01 loses its clause on rights (not committed: the working copy is checked).
        Path ar = repository.content().resolve("ar/privacy.md");
        String text = Files.readString(ar, StandardCharsets.UTF_8);
        int rights = text.indexOf("## (ar) Your rights");
        int children = text.indexOf("## (ar) Children");
        Files.writeString(ar, text.substring(0, rights) + text.substring(children), StandardCharsets.UTF_8);

        CheckResult check = site(repository.content(), null).check();
        List<Finding> missing = check.findings().stream().filter(f -> f.rule().equals(ParityRules.CLAUSE_MISSING)).toList();
        assertEquals(1, missing.size(), check.findings().toString());
        assertTrue(missing.get(0).message().startsWith("clause 'rights'"), missing.get(0).message());
        assertTrue(check.failed(false));
    }

    @Test
    void fromTheUpcomingDateTheTranslationOfTheVersionInForceIsMissingAndItsPageFallsBack() throws IOException {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);

        CheckResult check = site(repository.content(), "2026-09-01").check();
        assertTrue(check.failed(false), check.findings().toString());
        assertEquals(List.of("parity.version-missing"), check.findings().stream().map(Finding::ruleId).toList(),
                check.findings().toString());
        Finding missing = check.findings().get(0);
        assertTrue(missing.isError());
        assertTrue(missing.location().file().endsWith(Path.of("ar", "privacy.md")), missing.toString());
        assertTrue(missing.message().contains("the ar text is the version of 2026-04-01, but the version in force since "
                + "2026-09-01 has no ar translation") && missing.message().contains("fallback notice"), missing.message());

        StringWriter out = new StringWriter();
        assertEquals(1, cli(out, "check", "--as-of", "2026-09-01", "--content", repository.content().toString(),
                "--templates", SampleSite.templates().toString()), out.toString());
        assertTrue(out.toString().contains("parity.version-missing"), out.toString());

        // The build publishes (parity does not stop a build): the ar page shows the version in force in English.
        Path site = temp.resolve("site");
        site(repository.content(), "2026-09-01").build(site);
        Document ar = page(site, "ar/privacy/index.html");
        assertNotNull(ar.selectFirst(".fallback-notice"), "marked missing with the fallback notice");
        assertEquals("en", ar.selectFirst("main").attr("lang"));
        assertTrue(ar.selectFirst(".policy").text().contains("(en) Your data stays in the European Union"));
        assertFalse(ar.selectFirst(".policy").text().contains("(ar)"), "not the outdated ar text as if it were in force");
        assertNull(ar.selectFirst(".history-notice"), "nothing is upcoming any more");
        // The ar text of 2026-04-01 is kept as the earlier version it now is.
        Document archived = page(site, "ar/privacy/versions/2026-04-01/index.html");
        assertTrue(archived.selectFirst(".policy").text().contains("(ar) We keep your account data for thirty days"));
        assertNull(archived.selectFirst(".fallback-notice"));
        // hreflang names only the languages that have the version in force in their own words.
        Document en = page(site, "en/privacy/index.html");
        assertEquals(List.of("en", "fr", "x-default"),
                en.select("link[rel=alternate][hreflang]").stream().map(link -> link.attr("hreflang")).toList());
        assertFalse(Files.readString(site.resolve("sitemap.xml")).contains("/ar/privacy/"), "a fallback page is not in the sitemap");
    }

    @Test
    void aSiteThatAllowsTheFallbackPassesOnTheUpcomingDate() {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        repository.write("content/site.yaml", """
                name: Example Privacy Center
                baseUrl: https://privacy.example.com/
                locales: [en, fr, ar]
                documents: [privacy, cookies]
                facts:
                  {company: Example Ltd, privacyEmail: privacy@example.com}
                fallback:
                  ar: [privacy]
                """);
        CheckResult check = site(repository.content(), "2026-09-01").check();
        assertFalse(check.failed(false), check.findings().toString());
        assertTrue(check.findings().stream().noneMatch(f -> f.ruleId().startsWith("parity.")), check.findings().toString());
    }

    @Test
    void beforeTheUpcomingDateTheLaggingTranslationIsThePageInForceWithTheNotice() throws IOException {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        Path site = temp.resolve("site");
        site(repository.content(), null).build(site);
        Document ar = page(site, "ar/privacy/index.html");
        assertNull(ar.selectFirst(".fallback-notice"));
        assertFalse(ar.selectFirst("main").hasAttr("lang"), "the page is in its own language");
        assertTrue(ar.selectFirst(".policy").text().contains("(ar) We keep your account data for thirty days"));
        assertEquals(List.of("../../ar/privacy/versions/2026-09-01/", "../../ar/privacy/versions/2026-09-01/changes/"),
                ar.selectFirst(".history-notice").select("a").stream().map(a -> a.attr("href")).toList());
        assertEquals(List.of("en", "fr", "ar", "x-default"), page(site, "en/privacy/index.html")
                .select("link[rel=alternate][hreflang]").stream().map(link -> link.attr("hreflang")).toList());
    }
}
