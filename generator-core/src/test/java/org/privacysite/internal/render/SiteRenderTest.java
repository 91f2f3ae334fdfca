package org.privacysite.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacysite.SampleSite;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.privacysite.BuildResult;
import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;

/**
 * A tiny four-locale site (fixture-site/content) rendered with the repository's real templates through the
 * public API, then read back with jsoup.
 */
class SiteRenderTest {

    @TempDir
    static Path shared;
    static Path out;
    static BuildResult result;

    @TempDir
    Path tmp;

    static Path resource(String name) {
        URL url = SiteRenderTest.class.getResource(name);
        assertNotNull(url, "fixture " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path fixtureContent() {
        return resource("fixture-site/content");
    }

    static Path realTemplates() {
        return Path.of(System.getProperty("privacysite.repo", "..")).toAbsolutePath().normalize().resolve("templates");
    }

    static BuildResult build(Path content, Path templates, Path target, int threads) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(templates).threads(threads).build().build(target);
    }

    @BeforeAll
    static void buildOnce() {
        out = shared.resolve("site");
        result = build(fixtureContent(), realTemplates(), out, 4);
    }

    static Document page(String path) {
        try {
            return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path source, Path target) {
        org.privacysite.SampleSite.copyTree(source, target);
    }


    /** Every file below {@code root} with its bytes as text, by relative path. */
    static Map<String, String> snapshot(Path root) {
        return org.privacysite.SampleSite.snapshot(root);
    }

    // --- the built site ---------------------------------------------------------------------------

    @Test
    void theFilesTheLinkCheckExpectsAreExactlyTheFilesTheBuildWrites() {
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            org.privacysite.internal.content.Site site = new org.privacysite.internal.content.SiteLoader(executor)
                    .load(fixtureContent(), realTemplates());
            java.util.Set<String> written = new java.util.TreeSet<>(snapshot(out).keySet());
            written.remove(".privacy-site-build"); // the build's stamp, not the renderer's
            assertEquals(written, new SiteRenderer(site, executor, false).files());
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The build renders each body right after its page's first parse, with placeholders for the
     * cross-reference labels; rendering every page from its Markdown tree instead gives the same bytes.
     */
    @Test
    void bodiesRenderedEarlyGiveTheSamePagesAsBodiesRenderedFromTheTree() throws IOException {
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            org.privacysite.internal.content.Site site = new org.privacysite.internal.content.SiteLoader(executor)
                    .load(fixtureContent(), realTemplates());
            Path late = Files.createDirectories(tmp.resolve("from-trees"));
            new SiteRenderer(site, executor, false).render(late);
            java.util.Map<String, String> built = new java.util.TreeMap<>(snapshot(out));
            built.remove(".privacy-site-build");
            assertEquals(built, snapshot(late));
            assertTrue(built.values().stream().anyMatch(page -> page.contains("class=\"xref\"")), "the fixture has cross-references");
        } finally {
            executor.shutdownNow();
        }
    }

    /** The placeholder character in the text itself: that body is rendered from its tree, the text kept as written. */
    @Test
    void textWithThePlaceholderCharacterIsRenderedFromItsTree() throws IOException {
        assertWrittenAsItIsWithLabels("placeholder", "This policy applies wherever you live \uFDD0privacy\uFDD2rights\uFDD1.");
    }

    @Test
    void textWithOnlyTheClosingPlaceholderCharactersKeepsThemAndItsLabels() throws IOException {
        assertWrittenAsItIsWithLabels("closing", "This policy applies wherever you live \uFDD2rights\uFDD1.");
    }

    private void assertWrittenAsItIsWithLabels(String name, String written) throws IOException {
        Path content = SampleSite.copyContent(tmp.resolve(name + "-content"), "en/privacy.md",
                "This policy applies wherever you live.", written);
        Path target = tmp.resolve(name + "-site");
        build(content, realTemplates(), target, 2);
        String page = Files.readString(target.resolve("en/privacy/index.html"));
        assertTrue(page.contains(written), "the text as written");
        assertTrue(page.contains(">Section 9</a> describes your rights"), "labels filled in: " + page.substring(page.indexOf("wherever you live")));
    }

    /**
     * A template set from before the switcher entries and hreflang links became parts (the templates
     * loop over {@code languages} and {@code alternates} themselves) still builds, into the same pages.
     */
    @Test
    void templatesThatLoopOverTheLanguagesThemselvesGiveTheSamePages() throws IOException {
        Path templates = tmp.resolve("looping-templates");
        SampleSite.copyTemplates(templates);
        // Their language-item.ftlh and alternates.ftlh are the built-in theme's, which they never include.
        Path switcher = templates.resolve("partials/language-switcher.ftlh");
        Files.writeString(switcher, Files.readString(switcher).replace("${languageLinks}", """
                <#list languages as language>
                    <li><a href="${language.href}" lang="${language.locale}" hreflang="${language.locale}"<#if language.current> aria-current="page"</#if>>${language.label}</a></li>
                </#list>
                """));
        Path document = templates.resolve("document.ftlh");
        Files.writeString(document, Files.readString(document)
                .replace("alternateLinks=alternateLinks", "alternates=alternates xDefault=xDefault"));
        Path layout = templates.resolve("layout.ftlh");
        Files.writeString(layout, Files.readString(layout)
                .replace("alternateLinks=\"\"", "alternates=[] xDefault=\"\"").replace("${alternateLinks}", """
                <#list alternates as alternate>
                <link rel="alternate" hreflang="${alternate.locale}" href="${alternate.url}">
                </#list>
                <#if xDefault?has_content>
                <link rel="alternate" hreflang="x-default" href="${xDefault}">
                </#if>
                """));
        Path looping = tmp.resolve("looping-site");
        build(fixtureContent(), templates, looping, 2);
        for (String locale : List.of("en", "fr", "ar", "ja")) {
            String path = locale + "/privacy/index.html";
            String page = Files.readString(looping.resolve(path));
            assertEquals(Files.readString(out.resolve(path)), page, path);
            assertTrue(page.contains("hreflang=\"x-default\""), path);
        }
    }

    /**
     * Pages are rendered with a marker where the menu goes and split there; a template that shows
     * the menu twice, and a text that contains the marker, still get the menu where they ask for it.
     */
    @Test
    void theMenuAppearsWhereverTheTemplateShowsIt() throws IOException {
        String marker = "\uFDD2privacy-site:menu\uFDD2";
        Path content = SampleSite.copyContent(tmp.resolve("marker-content"), "en/privacy.md",
                "This policy applies wherever you live.", "This policy applies wherever you live " + marker + ".");
        Path templates = tmp.resolve("twice-templates");
        SampleSite.copyTemplates(templates);
        Path menu = templates.resolve("partials/menu.ftlh");
        Files.writeString(menu, Files.readString(menu).replace("${menu}", "${menu}<!-- again -->${menu}"));

        Path once = tmp.resolve("marker-site");
        build(content, realTemplates(), once, 2);
        String page = Files.readString(once.resolve("en/privacy/index.html"));
        assertTrue(page.contains("wherever you live " + marker + "."), "the text as written");
        assertEquals(1, Jsoup.parse(page).select("nav.document-menu").size(), "one menu");
        String entries = Jsoup.parse(page).select("nav.document-menu li").outerHtml();
        assertFalse(entries.isEmpty(), "the menu has its entries");

        Path twice = tmp.resolve("twice-site");
        build(content, templates, twice, 2);
        String shown = Jsoup.parse(Files.readString(twice.resolve("en/cookies/index.html"))).select("nav.document-menu ul").html();
        int at = shown.indexOf("<!-- again -->");
        assertTrue(at > 0 && shown.indexOf("<li", at) > at, "entries before and after the comment: " + shown);
        assertFalse(shown.contains(marker));
    }

    @Test
    void everyLocaleAndDocumentIsWritten() {
        assertEquals(8, result.pages());
        assertEquals(out, result.outputDirectory());
        for (String locale : List.of("en", "fr", "ar", "ja")) {
            for (String document : List.of("privacy", "terms")) {
                assertTrue(Files.isRegularFile(out.resolve(locale).resolve(document).resolve("index.html")), locale + "/" + document);
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(Files.isRegularFile(out.resolve("sitemap.xml")));
        assertTrue(Files.isRegularFile(out.resolve("assets/site.css")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, ltr", "fr, ltr", "ar, rtl", "ja, ltr"})
    void htmlLangAndDir(String locale, String dir) {
        Element html = page(locale + "/privacy/index.html").selectFirst("html");
        assertEquals(locale, html.attr("lang"));
        assertEquals(dir, html.attr("dir"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "fr", "ar", "ja"})
    void clauseIdsAreTheClauseKeys(String locale) {
        Element policy = page(locale + "/privacy/index.html").selectFirst(".policy");
        assertNotNull(policy);
        List<String> ids = policy.select("h2, h3").stream().map(Element::id).toList();
        assertEquals(List.of("who-we-are", "contact", "retention"), ids);
        assertEquals(List.of("1.", "1.1", "2."), policy.select("h2 .clause-number, h3 .clause-number").stream().map(Element::text).toList());
        assertFalse(policy.html().contains("{#"), "clause keys are removed from the headings");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | Section 2 | Terms of Service, Section 2",
            "fr | article 2 | Terms of Service, article 2",
            "ar | البند 2 | Terms of Service، البند 2",
            "ja | 第2条 | Terms of Service第2条"})
    void crossReferenceLabelsAreLocalized(String locale, String sameDocument, String otherDocument) {
        List<Element> xrefs = page(locale + "/privacy/index.html").select(".policy a.xref");
        assertEquals(List.of(sameDocument, otherDocument), xrefs.stream().map(Element::text).toList());
        assertEquals(List.of("#retention", "../terms/#liability"), xrefs.stream().map(a -> a.attr("href")).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | 30 days | September 1, 2026",
            "fr | 30 jours | 1 septembre 2026",
            "ar | يومًا | سبتمبر",
            "ja | 30日間 | 2026年9月1日"})
    void icuArgumentsAreFormattedPerLocale(String locale, String plural, String date) {
        Document document = page(locale + "/privacy/index.html");
        String retention = document.selectFirst(".policy h2#retention").nextElementSibling().text();
        assertTrue(retention.contains(plural), retention);
        assertTrue(retention.contains(date), retention);
        assertTrue(document.selectFirst(".policy p").text().startsWith(locale.equals("ar") ? "توضح Fixture Ltd" : "Fixture Ltd"),
                document.selectFirst(".policy p").text());
        assertFalse(document.selectFirst(".policy").text().contains("{"), "no ICU syntax left in the page");
    }

    @Test
    void factsInLinkAddresses() {
        Element mail = page("fr/privacy/index.html").selectFirst(".policy a[href^=mailto:]");
        assertEquals("mailto:privacy@fixture.example", mail.attr("href"));
        assertEquals("privacy@fixture.example", mail.text());
    }

    @Test
    void titleAndDescriptionAreFormatted() {
        Document document = page("en/privacy/index.html");
        assertTrue(document.title().startsWith("Privacy Policy"), document.title());
        assertEquals("How Fixture Ltd uses your data.", document.selectFirst("meta[name=description]").attr("content"));
        assertEquals("Privacy Policy", document.selectFirst("main h1").text());
        assertEquals("https://privacy.fixture.example/en/privacy/", document.selectFirst("link[rel=canonical]").attr("href"));
    }

    /** zh-CN has no UI bundle: the switcher names it in Chinese, from CLDR, not with the source bundle's "English". */
    @Test
    void aLocaleWithoutAUiBundleIsNamedInItsOwnLanguageFromCldr() throws IOException {
        Path content = tmp.resolve("zh-content");
        copyTree(fixtureContent(), content);
        Path siteYaml = content.resolve("site.yaml");
        Files.writeString(siteYaml, Files.readString(siteYaml)
                .replace("locales: [en, fr, ar, ja]", "locales: [en, fr, ar, ja, zh-CN]")
                .replace("  ja: [terms]", "  ja: [terms]\n  zh-CN: [privacy, terms]"));
        Path target = tmp.resolve("zh-site");
        build(content, realTemplates(), target, 2);
        for (String path : List.of("en/privacy/index.html", "zh-CN/privacy/index.html")) {
            Document document = Jsoup.parse(target.resolve(path).toFile(), "UTF-8");
            List<String> names = document.select(".language-switcher a").stream().map(Element::text).toList();
            assertEquals(List.of("English", "Français", "العربية", "日本語", "中文（中国）"), names, path);
        }
    }

    @Test
    void hreflangAlternatesListOnlyRealTranslations() {
        List<String> privacy = page("en/privacy/index.html").select("link[rel=alternate]").stream()
                .map(link -> link.attr("hreflang") + " " + link.attr("href")).toList();
        assertEquals(List.of(
                "en https://privacy.fixture.example/en/privacy/",
                "fr https://privacy.fixture.example/fr/privacy/",
                "ar https://privacy.fixture.example/ar/privacy/",
                "ja https://privacy.fixture.example/ja/privacy/",
                "x-default https://privacy.fixture.example/en/privacy/"), privacy);
        List<String> terms = page("en/terms/index.html").select("link[rel=alternate]").stream().map(link -> link.attr("hreflang")).toList();
        assertEquals(List.of("en", "x-default"), terms);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fr, ltr", "ar, rtl", "ja, ltr"})
    void fallbackPageShowsTheSourceTextMarkedAsSuch(String locale, String dir) {
        Document document = page(locale + "/terms/index.html");
        assertEquals(locale, document.selectFirst("html").attr("lang"));
        assertEquals(dir, document.selectFirst("html").attr("dir"));
        Element main = document.selectFirst("main");
        assertEquals("en", main.attr("lang"), "the English text is marked as English");
        assertEquals("ltr", main.attr("dir"));
        assertNotNull(document.selectFirst(".fallback-notice"));
        assertEquals("https://privacy.fixture.example/en/terms/", document.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(List.of("scope", "liability"), document.select(".policy h2").stream().map(Element::id).toList());
    }

    @Test
    void sitemapListsRealPagesOnly() throws IOException {
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        for (String locale : List.of("en", "fr", "ar", "ja")) {
            assertTrue(sitemap.contains("<loc>https://privacy.fixture.example/" + locale + "/privacy/</loc>"), locale);
        }
        assertTrue(sitemap.contains("<loc>https://privacy.fixture.example/en/terms/</loc>"));
        assertFalse(sitemap.contains("<loc>https://privacy.fixture.example/fr/terms/</loc>"), "a fallback is not a page of its own");
    }

    @Test
    void publishedPagesCarryNoSourcePositions() {
        snapshot(out).forEach((path, text) -> assertFalse(text.contains("data-source-line"), path));
    }

    /** Only the attribute the check build adds goes; look-alikes a template wrote stay, and nothing hangs. */
    @Test
    void strippingSourcePositionsRemovesOnlyTheirAttribute() {
        assertEquals("<a href=\"#x\">x</a><h2 id=\"y\">y</h2>",
                SiteRenderer.withoutSourcePositions("<a href=\"#x\" data-source-line=\"12\">x</a><h2 id=\"y\" data-source-line=\"3\">y</h2>"));
        String written = "<p> data-source-line=\"x\" and data-source-line=\"\" end data-source-line=\"7";
        assertEquals(written, SiteRenderer.withoutSourcePositions(written));
    }

    @Test
    void outputDependsOnlyOnTheSources() {
        java.util.TimeZone javaDefault = java.util.TimeZone.getDefault();
        com.ibm.icu.util.TimeZone icuDefault = com.ibm.icu.util.TimeZone.getDefault();
        Path again = tmp.resolve("again");
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            com.ibm.icu.util.TimeZone.setDefault(com.ibm.icu.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            build(fixtureContent(), realTemplates(), again, 1);
        } finally {
            com.ibm.icu.util.TimeZone.setDefault(icuDefault);
            java.util.TimeZone.setDefault(javaDefault);
        }
        assertEquals(snapshot(out), snapshot(again), "another time zone and thread count give the same bytes");
    }

    @Test
    void checkFindsNoErrorInTheFixtureSite() {
        List<Finding> errors = PrivacySite.builder().contentDirectory(fixtureContent()).templatesDirectory(realTemplates())
                .threads(2).build().check().findings().stream().filter(Finding::isError).toList();
        assertEquals(List.of(), errors, "cross-references, fallback pages and hreflang alternates are consistent");
    }

    // --- template errors --------------------------------------------------------------------------

    /** The real templates with {@code replaced} swapped for the fixture {@code broken}. */
    private Path templatesWith(String replaced, String broken) throws IOException {
        Path templates = tmp.resolve("templates");
        SampleSite.copyTemplates(templates);
        Files.copy(resource("broken-templates/" + broken), templates.resolve(replaced), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return templates;
    }

    private Finding templateFailure(Path templates) {
        return templateFailure(templates, 2);
    }

    private Finding templateFailure(Path templates, int threads) {
        Path target = tmp.resolve("out");
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> build(fixtureContent(), templates, target, threads));
        assertFalse(Files.exists(target), "nothing is published");
        assertEquals(1, e.findings().size(), e::getMessage);
        return e.findings().get(0);
    }

    @Test
    void templateSyntaxErrorIsReportedInTheTemplate() throws IOException {
        assertSyntaxErrorReported(4);
    }

    @Test
    void templateSyntaxErrorIsReportedInTheTemplateBySequentialBuild() throws IOException {
        assertSyntaxErrorReported(1);
    }

    private void assertSyntaxErrorReported(int threads) throws IOException {
        Path templates = templatesWith("document.ftlh", "document-with-syntax-error.ftlh");
        Finding finding = templateFailure(templates, threads);
        assertEquals("template.syntax", finding.ruleId(), finding::toString);
        assertEquals(templates.resolve("document.ftlh"), finding.location().file(), finding::toString);
        assertEquals(5, finding.location().line(), finding::toString);
        assertTrue(finding.location().column() > 0, finding::toString);
        assertFalse(finding.message().contains("\n"), "one line: " + finding);
    }

    @Test
    void missingVariableIsReportedInTheTemplate() throws IOException {
        Path templates = templatesWith("document.ftlh", "document-with-missing-variable.ftlh");
        Finding finding = templateFailure(templates);
        assertEquals("template.error", finding.ruleId(), finding::toString);
        assertEquals(templates.resolve("document.ftlh"), finding.location().file(), finding::toString);
        assertEquals(5, finding.location().line(), finding::toString);
        assertEquals(8, finding.location().column(), finding::toString);
        assertTrue(finding.message().contains("page.subtitle"), finding::toString);
        assertFalse(finding.message().contains("\n"), "one line: " + finding);
    }

    @Test
    void missingVariableInAPartialIsReportedInThePartial() throws IOException {
        Path templates = templatesWith("partials/footer.ftlh", "partials/footer-with-missing-variable.ftlh");
        Finding finding = templateFailure(templates);
        assertEquals("template.error", finding.ruleId(), finding::toString);
        assertEquals(templates.resolve("partials/footer.ftlh"), finding.location().file(), finding::toString);
        assertEquals(2, finding.location().line(), finding::toString);
        assertTrue(finding.message().contains("supportPhone"), finding::toString);
    }

    /** The build's failure and check's only error with {@code templates}: a template's problem is reported once by each. */
    private List<Finding> reportedOnceByBuildAndCheck(Path templates) throws IOException {
        Finding built = templateFailure(templates, 4);
        CheckResult checked = PrivacySite.builder().contentDirectory(fixtureContent()).templatesDirectory(templates).threads(4)
                .build().check();
        List<Finding> errors = checked.findings().stream().filter(Finding::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        return List.of(built, errors.get(0));
    }

    /**
     * A template that prints a fact the site lacks fails build and check, once, at the template's line,
     * even when the template gives a default ({@code !""}): it used to publish "Write to ." on every page.
     */
    @Test
    void aFactTheSiteLacksFailsBuildAndCheckOnceAtTheTemplatesLine() throws IOException {
        Path templates = tmp.resolve("templates");
        copyTree(realTemplates(), templates);
        Path footer = templates.resolve("partials/footer.ftlh");
        Files.writeString(footer, Files.readString(footer).replace("facts.privacyEmail)", "facts.supportEmail!\"\")"));
        for (Finding finding : reportedOnceByBuildAndCheck(templates)) {
            assertEquals("template.error", finding.ruleId(), finding::toString);
            assertEquals(footer, finding.location().file(), finding::toString);
            assertEquals(lineOf(footer, "supportEmail"), finding.location().line(), finding::toString);
            assertTrue(finding.location().column() > 0, finding::toString);
            assertEquals("the template uses the fact 'supportEmail', which site.yaml does not define; add it under 'facts' in"
                    + " site.yaml (facts: accountRetentionDays, company, privacyEmail), or remove it from the template", finding.message());
        }
    }

    /**
     * A template linking to a document the site does not have (the fixture has no 'cookies') fails build
     * and check once, at the template line that writes the link; it used to publish a dead link on every page.
     */
    @Test
    void aTemplateLinkToAMissingDocumentFailsBuildAndCheckOnceAtTheTemplatesLine() throws IOException {
        Path templates = tmp.resolve("templates");
        copyTree(realTemplates(), templates);
        Path footer = templates.resolve("partials/footer.ftlh");
        Files.writeString(footer, Files.readString(footer).replace("<footer class=\"site-footer\">\n",
                "<footer class=\"site-footer\">\n  <p><a href=\"${root}${locale}/privacy/\">Privacy</a> <a href=\"${root}${locale}/cookies/#manage\">Cookies</a></p>\n"));
        for (Finding finding : reportedOnceByBuildAndCheck(templates)) {
            assertEquals("template.link", finding.ruleId(), finding::toString);
            assertEquals(footer, finding.location().file(), finding::toString);
            assertEquals(lineOf(footer, "cookies/#manage"), finding.location().line(), finding::toString);
            assertEquals(80, finding.location().column(), finding::toString);
            assertEquals("the template links to 'cookies/#manage', but 'cookies' is not a document of this site (documents: privacy,"
                    + " terms); add the document to site.yaml or change the link", finding.message());
        }
    }

    /**
     * A template linking to a clause a document lacks (the built-in footer's cookies/#manage on a site whose
     * cookie policy has no {#manage}) fails build and check once, at the template's line: check used to report
     * a links.fragment error on every page, 10,000 of them on a 10,000-page site.
     */
    @Test
    void aTemplateLinkToAClauseTheDocumentLacksFailsOnceAtTheTemplatesLineNotOnEveryPage() throws IOException {
        Path templates = tmp.resolve("templates");
        copyTree(realTemplates(), templates);
        Path footer = templates.resolve("partials/footer.ftlh");
        Files.writeString(footer, Files.readString(footer).replace("<footer class=\"site-footer\">\n",
                "<footer class=\"site-footer\">\n  <p><a href=\"${root}${locale}/terms/#liability\">Liability</a>"
                        + " <a href=\"${root}${locale}/terms/#manage\">Manage</a> <a href=\"#_main\">Top</a></p>\n"));
        for (Finding finding : reportedOnceByBuildAndCheck(templates)) {
            assertEquals("template.link", finding.ruleId(), finding::toString);
            assertEquals(footer, finding.location().file(), finding::toString);
            assertEquals(lineOf(footer, "terms/#manage"), finding.location().line(), finding::toString);
            assertEquals("the template links to 'terms/#manage', but the document 'terms' has no clause {#manage}; add a heading"
                    + " with {#manage} to terms.md, or change the link", finding.message());
        }
    }

    // --- source errors found only when rendering --------------------------------------------------

    private Path contentWith(String file, String text) throws IOException {
        Path content = tmp.resolve("content");
        copyTree(fixtureContent(), content);
        Files.writeString(content.resolve(file), text, StandardCharsets.UTF_8);
        return content;
    }

    /**
     * A fact in the title or a heading of a right-to-left page keeps its order in the page's title, its h1 and
     * the contents, which show them as plain text: it was isolated (bdi) only in the heading in the text.
     */
    @Test
    void aFactInTheTitleOrAHeadingOfAnRtlPageIsIsolatedInTheH1TitleAndContents() throws IOException {
        Path source = fixtureContent().resolve("ar/privacy.md");
        String text = Files.readString(source, StandardCharsets.UTF_8).replace("title: سياسة الخصوصية", "title: سياسة الخصوصية {privacyEmail}")
                .replace("## من نحن {#who-we-are}", "## من نحن {privacyEmail} {#who-we-are}");
        Path content = contentWith("ar/privacy.md", text);
        Path target = tmp.resolve("rtl-out");
        build(content, realTemplates(), target, 2);

        String page = Files.readString(target.resolve("ar/privacy/index.html"), StandardCharsets.UTF_8);
        String isolated = "\u2068privacy@fixture.example\u2069";
        assertTrue(page.contains("<h1>سياسة الخصوصية " + isolated + "</h1>"), page);
        assertTrue(page.contains("<title>سياسة الخصوصية " + isolated), page);
        assertTrue(page.contains("من نحن " + isolated + "</a>"), "the contents' entry: " + page);
        assertTrue(page.contains("من نحن <bdi>privacy@fixture.example</bdi></h2>"), "the heading in the text, as before: " + page);
        assertFalse(Files.readString(target.resolve("en/privacy/index.html"), StandardCharsets.UTF_8).contains("\u2068"),
                "left-to-right pages are left as they are");
        String other = Files.readString(target.resolve("ar/terms/index.html"), StandardCharsets.UTF_8);
        assertTrue(other.contains("سياسة الخصوصية " + isolated + "</a>"), "the document menu of another page: " + other);
        assertFalse(other.contains("{privacyEmail}"), "no fact as written: " + other);
    }

    @Test
    void unknownArgumentTypeIsReportedAtItsLine() throws IOException {
        Path content = contentWith("en/terms.md", "---\ntitle: Terms of Service\neffective: 2026-09-01\n---\n\n"
                + "## Scope {#scope}\n\nWe keep it {accountRetentionDays, nmber} days.\n\n## Liability {#liability}\n");
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> build(content, realTemplates(), tmp.resolve("out"), 2));
        Finding finding = e.findings().get(0);
        assertEquals(content.resolve("en/terms.md"), finding.location().file(), finding::toString);
        assertEquals(8, finding.location().line(), finding::toString);
        assertEquals(12, finding.location().column(), finding::toString);
    }

    @Test
    void icuSyntaxErrorInTheTitleIsReportedAtItsLine() throws IOException {
        Path content = contentWith("en/terms.md", "---\ntitle: \"Terms of {company\"\neffective: 2026-09-01\n---\n\n"
                + "## Scope {#scope}\n\n## Liability {#liability}\n");
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> build(content, realTemplates(), tmp.resolve("out"), 2));
        Finding finding = e.findings().get(0);
        assertEquals(content.resolve("en/terms.md"), finding.location().file(), finding::toString);
        assertEquals(2, finding.location().line(), finding::toString);
    }

    /** The 1-based line of {@code file} that holds {@code text}. */
    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " does not contain " + text);
    }
}
