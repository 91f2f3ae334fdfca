package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** End to end: the real sample content and templates become a site, checked with jsoup. */
class SampleSiteTest {

    static final List<String> LOCALES = List.of("en", "fr", "de", "ar", "ja");
    static final List<String> DOCUMENTS = List.of("privacy", "cookies");

    @TempDir
    static Path out;

    static BuildResult result;

    @BeforeAll
    static void build() {
        result = PrivacySite.builder()
                .contentDirectory(SampleSite.content())
                .templatesDirectory(SampleSite.templates())
                .build()
                .build(out.resolve("site"));
    }

    static Document page(String locale, String document) throws IOException {
        Path file = out.resolve("site").resolve(locale).resolve(document).resolve("index.html");
        assertTrue(Files.isRegularFile(file), "missing page " + file);
        return Jsoup.parse(file.toFile(), "UTF-8", "https://privacy.kestrelvpn.example/" + locale + "/" + document + "/");
    }

    static Set<String> clauseIds(Document page) {
        return page.select(".policy [id]").stream().map(Element::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Test
    void writesEveryPageTheIndexAndTheSitemap() {
        assertEquals(LOCALES.size() * DOCUMENTS.size(), result.pages());
        for (String locale : LOCALES) {
            for (String document : DOCUMENTS) {
                assertTrue(Files.isRegularFile(out.resolve("site").resolve(locale).resolve(document).resolve("index.html")));
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("site/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("site/sitemap.xml")));
        assertTrue(Files.isRegularFile(out.resolve("site/assets/site.css")));
    }

    @Test
    void everyTranslationHasTheEnglishClauseIdsInTheSameOrder() throws IOException {
        for (String document : DOCUMENTS) {
            List<String> english = List.copyOf(clauseIds(page("en", document)));
            assertTrue(english.size() >= (document.equals("privacy") ? 12 : 6), "too few clauses in " + document);
            for (String locale : LOCALES) {
                assertEquals(english, List.copyOf(clauseIds(page(locale, document))), locale + "/" + document);
            }
        }
    }

    @Test
    void pagesDeclareLanguageAndDirection() throws IOException {
        for (String locale : LOCALES) {
            for (String document : DOCUMENTS) {
                Element html = page(locale, document).selectFirst("html");
                assertEquals(locale, html.attr("lang"));
                assertEquals(locale.equals("ar") ? "rtl" : "ltr", html.attr("dir"));
            }
        }
    }

    @Test
    void hreflangAlternatesAreCompleteAndReciprocal() throws IOException {
        for (String document : DOCUMENTS) {
            for (String locale : LOCALES) {
                Document page = page(locale, document);
                String self = page.selectFirst("link[rel=canonical]").attr("href");
                assertEquals("https://privacy.kestrelvpn.example/" + locale + "/" + document + "/", self);
                Set<String> hreflangs = page.select("link[rel=alternate][hreflang]").stream()
                        .map(link -> link.attr("hreflang")).collect(Collectors.toSet());
                assertEquals(Set.of("en", "fr", "de", "ar", "ja", "x-default"), hreflangs, locale + "/" + document);
                for (String other : LOCALES) {
                    Document target = page(other, document);
                    assertFalse(target.select("link[rel=alternate][href=" + self + "]").isEmpty(),
                            other + "/" + document + " does not link back to " + self);
                }
            }
        }
    }

    @Test
    void crossReferencesResolveToClausesOfTheSameLanguage() throws IOException {
        int checked = 0;
        for (String locale : LOCALES) {
            for (String document : DOCUMENTS) {
                Document page = page(locale, document);
                for (Element xref : page.select("a.xref")) {
                    String href = xref.attr("href");
                    String targetDocument = href.startsWith("#") ? document : href.replaceAll("^\\.\\./([^/]+)/.*$", "$1");
                    String fragment = href.substring(href.indexOf('#') + 1);
                    Document target = page(locale, targetDocument);
                    assertNotNull(target.getElementById(fragment), locale + "/" + document + ": " + href);
                    assertFalse(xref.text().isBlank(), "empty cross-reference label");
                    checked++;
                }
            }
        }
        assertTrue(checked > 50, "expected many cross-references, found " + checked);
    }

    @ParameterizedTest
    @CsvSource({
            "en, Section 9",
            "fr, article 9",
            "de, Abschnitt 9",
            "ja, 第9条",
            "ar, البند 9"})
    void crossReferenceLabelsAreLocalized(String locale, String label) throws IOException {
        Element xref = page(locale, "privacy").selectFirst("a.xref[href=#gdpr-rights]");
        assertNotNull(xref, "no cross-reference to #gdpr-rights in " + locale);
        assertEquals(label, xref.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | Effective September 1, 2026 | 30 days",
            "fr | 1 septembre 2026 | 30 jours",
            "ja | 2026年9月1日 | 30日",
            "ar | سبتمبر | 30 يومًا"})
    void factsUseTheLocalesDateAndPluralFormats(String locale, String date, String retention) throws IOException {
        Document page = page(locale, "privacy");
        assertTrue(page.selectFirst(".document-dates").text().contains(date), page.selectFirst(".document-dates").text());
        assertTrue(page.selectFirst(".policy").text().contains(retention), "no '" + retention + "' in " + locale);
        assertFalse(page.selectFirst(".policy").text().contains("{"), "unformatted ICU argument left in " + locale);
    }

    @Test
    void languageSwitcherLinksTheSameDocumentInEveryLocale() throws IOException {
        Document page = page("fr", "cookies");
        List<String> links = page.select(".language-switcher a").eachAttr("href");
        assertEquals(List.of("../../en/cookies/", "../../fr/cookies/", "../../de/cookies/", "../../ar/cookies/", "../../ja/cookies/"), links);
        assertEquals("fr", page.selectFirst(".language-switcher a[aria-current=page]").attr("lang"));
    }

    @Test
    void tableOfContentsLinksEveryClause() throws IOException {
        Document page = page("de", "privacy");
        Set<String> tocTargets = page.select(".toc a").stream().map(a -> a.attr("href").substring(1)).collect(Collectors.toSet());
        Set<String> clauses = new java.util.HashSet<>(clauseIds(page));
        assertTrue(clauses.remove("summary"), "the privacy policy has a summary");
        assertEquals(clauses, tocTargets, "every clause but the summary, which leads the page as cards");
    }

    @Test
    void theSummaryIsAFirstLayerOfCardsLinkingToTheirClauses() throws IOException {
        for (String locale : LOCALES) {
            Document page = page(locale, "privacy");
            Element summary = page.selectFirst(".policy section.notice-summary[aria-labelledby=summary]");
            assertTrue(summary != null, locale + ": a summary section");
            assertEquals("", summary.selectFirst("h2#summary").select(".clause-number").text(), "the summary has no clause number");
            List<String> targets = summary.select("li.notice-card a.xref").eachAttr("href");
            assertEquals(List.of("#controller", "#purposes-table", "#gdpr-rights", "#contact"), targets, locale);
            assertTrue(page.selectFirst("h2#who-we-are").text().startsWith("1."), "the first clause is still clause 1");
        }
    }

    @Test
    void sitemapListsEveryPageWithAlternates() throws IOException {
        Document sitemap = Jsoup.parse(Files.readString(out.resolve("site/sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
        assertEquals(LOCALES.size() * DOCUMENTS.size(), sitemap.select("url").size());
        for (Element url : sitemap.select("url")) {
            assertEquals(LOCALES.size() + 1, url.select("xhtml|link").size(), url.selectFirst("loc").text());
        }
    }

    @Test
    void rootPageOffersEveryLanguage() throws IOException {
        Document index = Jsoup.parse(out.resolve("site/index.html").toFile(), "UTF-8");
        assertEquals(List.of("en", "fr", "de", "ar", "ja"), index.select(".language-picker a").eachAttr("lang"));
    }

    @Test
    void pagesNeedNoScriptToBeReadAndHaveNoInlineScript() throws IOException {
        for (String locale : LOCALES) {
            Document page = page(locale, "privacy");
            for (Element script : page.select("script")) {
                assertTrue(script.hasAttr("src") || !script.attr("type").isEmpty() && !script.attr("type").contains("javascript"),
                        "inline script in " + locale);
            }
            assertTrue(page.select("[style]").isEmpty(), "inline style attribute in " + locale);
            assertTrue(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content").contains("script-src 'self'"));
        }
    }

    @Test
    void theSampleSiteHasNoFindings() {
        CheckResult check = PrivacySite.builder()
                .contentDirectory(SampleSite.content())
                .templatesDirectory(SampleSite.templates())
                .build()
                .check();
        assertEquals(List.of(), check.findings());
    }
}
