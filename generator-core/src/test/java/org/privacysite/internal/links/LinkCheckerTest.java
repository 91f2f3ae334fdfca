package org.privacysite.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.render.RenderedPage;
import org.privacysite.internal.render.RepeatedParts;

/** The link check on small hand-written sites: one page per locale, like the generator writes them. */
class LinkCheckerTest {

    private static final String BASE = "https://privacy.example/";

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @TempDir
    Path site;

    private final Path enSource = Path.of("content", "en", "privacy.md");
    private final Path frSource = Path.of("content", "fr", "privacy.md");

    @BeforeEach
    void validSite() throws IOException {
        write("index.html", """
                <!DOCTYPE html><html lang="en"><head><title>Privacy</title>
                <link rel="canonical" href="https://privacy.example/">
                <link rel="stylesheet" href="assets/site.css"></head>
                <body><main id="_main"><a href="en/privacy/">English</a> <a href="fr/privacy/">Français</a></main></body></html>
                """);
        write("assets/site.css", "body { margin: 0 }\n");
        write("en/privacy/index.html", page("en", List.of("en", "fr"), true, ""));
        write("fr/privacy/index.html", page("fr", List.of("en", "fr"), true, ""));
    }

    private void write(String path, String html) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    /** A policy page of {@code locale}, with hreflang alternates for {@code alternates} and {@code extra} in its body. */
    private static String page(String locale, List<String> alternates, boolean xDefault, String extra) {
        StringBuilder head = new StringBuilder();
        head.append("<link rel=\"canonical\" href=\"" + BASE + locale + "/privacy/\">\n");
        for (String alternate : alternates) {
            head.append("<link rel=\"alternate\" hreflang=\"" + alternate + "\" href=\"" + BASE + alternate + "/privacy/\">\n");
        }
        if (xDefault) {
            head.append("<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + BASE + "en/privacy/\">\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>Privacy</title>
                %s<link rel="stylesheet" href="../../assets/site.css">
                </head><body>
                <a class="skip-link" href="#_main">Skip</a>
                <p><a href="../../index.html">Home</a> <a href="/">Root</a> <a href="../../fr/privacy/">fr</a></p>
                <main id="_main">
                <h2 id="who-we-are" data-source-line="6"><span>1.</span> Who we are</h2>
                <p><a href="#retention" class="xref" data-source-line="8">Section 2</a>
                <a href="../../fr/privacy/#retention" data-source-line="9">fr</a>
                <a href="mailto:dpo@privacy.example?subject=Hi" data-source-line="10">mail</a>
                <a href="tel:+353 1 555 0142" data-source-line="11">phone</a>
                <a href="https://example.com/missing" data-source-line="12">external</a></p>
                <h2 id="retention" data-source-line="14"><span>2.</span> Retention</h2>
                %s
                </main></body></html>
                """.formatted(locale, head, extra);
    }

    /** Feeds every file written below {@code site} to a checker, as the render stage would. */
    private List<Finding> check() throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(site.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        LinkChecker checker = LinkChecker.forRenderedSite(files.keySet(),
                Map.of("en/privacy/index.html", enSource, "fr/privacy/index.html", frSource)::get, executor,
                org.privacysite.ProgressListener.NONE);
        files.forEach(checker::accept);
        return checker.findings();
    }

    private static Finding only(List<Finding> findings, String rule, Location where) {
        Finding finding = only(findings, rule);
        assertEquals(where, finding.location(), finding::toString);
        return finding;
    }

    private static Finding only(List<Finding> findings, String rule) {
        assertEquals(1, findings.size(), findings::toString);
        Finding finding = findings.get(0);
        assertEquals(rule, finding.ruleId(), finding::toString);
        assertTrue(finding.isError(), finding::toString);
        return finding;
    }

    /**
     * A problem that no Markdown line explains is reported at the built page, named by its path in the
     * site (the check build itself is temporary).
     */
    private static Finding onlyInBuiltPage(List<Finding> findings, String rule, String page) {
        Finding finding = only(findings, rule);
        String file = finding.location().file().toString().replace('\\', '/');
        assertTrue(file.equals(page) || file.endsWith("/" + page), () -> "expected the page " + page + ": " + finding);
        assertEquals(0, finding.location().line(), finding::toString);
        return finding;
    }

    private void enBody(String extra) throws IOException {
        write("en/privacy/index.html", page("en", List.of("en", "fr"), true, extra));
    }

    @Test
    void validSiteHasNoFindings() throws IOException {
        assertEquals(List.of(), check());
    }

    @Test
    void brokenPageLinkIsReportedAtItsMarkdownLine() throws IOException {
        enBody("<p><a href=\"../cookies/\" data-source-line=\"20\">cookies</a></p>");
        Finding finding = only(check(), "links.broken", Location.of(enSource).at(20, 0));
        assertTrue(finding.message().contains("en/cookies/index.html"), finding::toString);
        assertEquals("content/en/privacy.md:20: error: " + finding.message() + " [links.broken]", finding.toString());
    }

    @Test
    void theSameRelativeLinkIsResolvedFromEachPagesOwnDirectory() throws IOException {
        write("en/cookies/index.html", "<!DOCTYPE html><html lang=\"en\"><head><title>Cookies</title></head><body></body></html>");
        enBody("<p><a href=\"../cookies/\" data-source-line=\"20\">cookies</a></p>");
        write("fr/privacy/index.html", page("fr", List.of("en", "fr"), true,
                "<p><a href=\"../cookies/\" data-source-line=\"22\">cookies</a></p>"));
        Finding finding = only(check(), "links.broken", Location.of(frSource).at(22, 0));
        assertTrue(finding.message().contains("fr/cookies/index.html"), finding::toString);
    }

    @Test
    void missingFragment() throws IOException {
        enBody("<p><a href=\"../../fr/privacy/#gone\" data-source-line=\"21\">fr</a></p>");
        Finding finding = only(check(), "links.fragment", Location.of(enSource).at(21, 0));
        assertTrue(finding.message().contains("#gone"), finding::toString);
    }

    @Test
    void missingFragmentInTheSamePage() throws IOException {
        enBody("<p><a href=\"#retension\" data-source-line=\"22\">typo</a></p>");
        only(check(), "links.fragment", Location.of(enSource).at(22, 0));
    }

    @Test
    void missingAsset() throws IOException {
        enBody("<img src=\"../../assets/logo.png\" alt=\"\">");
        Finding finding = onlyInBuiltPage(check(), "links.broken", "en/privacy/index.html");
        assertTrue(finding.message().contains("assets/logo.png"), finding::toString);
        assertTrue(finding.message().contains("template"), "says the link comes from a template: " + finding);
    }

    @Test
    void missingStylesheetOfTheIndexPage() throws IOException {
        Files.delete(site.resolve("assets/site.css"));
        List<Finding> findings = check();
        assertEquals(3, findings.size(), findings::toString);
        assertTrue(findings.stream().allMatch(f -> f.ruleId().equals("links.broken")), findings::toString);
    }

    @Test
    void duplicateId() throws IOException {
        enBody("<h2 id=\"retention\" data-source-line=\"30\">Again</h2>");
        Finding finding = only(check(), "links.duplicate-id", Location.of(enSource).at(30, 0));
        assertTrue(finding.message().contains("'retention'"), finding::toString);
    }

    @Test
    void javascriptUrl() throws IOException {
        enBody("<p><a href=\" JavaScript:alert(1)\" data-source-line=\"31\">x</a></p>");
        only(check(), "links.unsafe-url", Location.of(enSource).at(31, 0));
    }

    @Test
    void malformedMailto() throws IOException {
        enBody("<p><a href=\"mailto:dpo\" data-source-line=\"32\">mail</a></p>");
        only(check(), "links.mailto", Location.of(enSource).at(32, 0));
    }

    @Test
    void malformedAddress() throws IOException {
        enBody("<p><a href=\"https://exa mple.com/\" data-source-line=\"34\">space</a></p>");
        only(check(), "links.malformed", Location.of(enSource).at(34, 0));
    }

    @Test
    void malformedTel() throws IOException {
        enBody("<p><a href=\"tel:call-us\" data-source-line=\"33\">phone</a></p>");
        only(check(), "links.tel", Location.of(enSource).at(33, 0));
    }

    @Test
    void linkLeavingTheSite() throws IOException {
        enBody("<p><a href=\"../../../secret.html\" data-source-line=\"34\">up</a></p>");
        only(check(), "links.outside-site", Location.of(enSource).at(34, 0));
    }

    @Test
    void hreflangNotReciprocal() throws IOException {
        // the French page forgets the English alternate
        write("fr/privacy/index.html", page("fr", List.of("fr"), true, ""));
        Finding finding = onlyInBuiltPage(check(), "links.hreflang-reciprocal", "en/privacy/index.html");
        assertTrue(finding.message().contains("'fr'"), finding::toString);
    }

    @Test
    void hreflangToAMissingPage() throws IOException {
        write("en/privacy/index.html", page("en", List.of("en", "fr", "de"), true, ""));
        Finding finding = onlyInBuiltPage(check(), "links.hreflang-target", "en/privacy/index.html");
        assertTrue(finding.message().contains("'de'"), finding::toString);
    }

    @Test
    void missingXDefault() throws IOException {
        write("fr/privacy/index.html", page("fr", List.of("en", "fr"), false, ""));
        onlyInBuiltPage(check(), "links.hreflang-x-default", "fr/privacy/index.html");
    }

    @Test
    void pageWithoutSourceIsReportedInTheBuiltFile() throws IOException {
        write("index.html", """
                <!DOCTYPE html><html lang="en"><head><title>Privacy</title></head>
                <body><a href="de/privacy/">Deutsch</a></body></html>
                """);
        Finding finding = onlyInBuiltPage(check(), "links.broken", "index.html");
        assertTrue(finding.message().contains("de/privacy/"), finding::toString);
    }

    @Test
    void upperCaseMailtoSchemeIsValid() throws IOException {
        enBody("<p><a href=\"MAILTO:dpo@privacy.example\" data-source-line=\"35\">mail</a></p>");
        assertEquals(List.of(), check());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{1} from {0} -> {2}")
    @org.junit.jupiter.params.provider.CsvSource(nullValues = "null", value = {
            "en/privacy/index.html, ../cookies/, en/cookies/index.html",
            "en/privacy/index.html, ../../fr/privacy/, fr/privacy/index.html",
            "en/privacy/index.html, ../../assets/site.css, assets/site.css",
            "en/privacy/index.html, '', en/privacy/index.html",
            "en/privacy/index.html, ./, en/privacy/index.html",
            "en/privacy/index.html, .//a/./b/../c.html, en/privacy/a/c.html",
            "en/privacy/index.html, /assets/site.css, assets/site.css",
            "index.html, en/privacy/, en/privacy/index.html",
            "index.html, ./, index.html",
            "en/privacy/index.html, ../../../etc/passwd, null",
            "index.html, ../index.html, null"})
    void linksResolveLikeABrowserWithinTheSite(String from, String link, String target) {
        assertEquals(target, LinkChecker.resolve(from, link));
    }

    /**
     * The document menu is handed to the check as repeated parts, parsed once for all pages: its
     * problems must still be reported on every page that shows it, exactly as a full parse finds them.
     */
    @Test
    void repeatedPartsAreCheckedOnEveryPageThatShowsThem() throws IOException {
        List<String> parts = List.of(
                "    <li><a href=\"../../en/privacy/\">English</a></li>\n",
                "    <li id=\"retention\"><a href=\"../../de/privacy/\">Deutsch</a></li>\n",
                "    <li><a href=\"../../fr/privacy/#nowhere\">Français</a></li>\n",
                "    <li><a href=\"../../it/privacy/\">Italiano</a></li>\n",
                "    <li><a href=\"../cookies/\">Cookies</a></li>\n"); // en/cookies from one page, fr/cookies from the other
        String menu = String.join("", parts);
        Map<String, String> pages = Map.of(
                "en/privacy/index.html", page("en", List.of("en", "fr"), true, "<ul>\n" + menu + "</ul>"),
                "fr/privacy/index.html", page("fr", List.of("en", "fr"), true, "<ul>\n" + menu + "</ul>"));
        List<String> files = List.of("index.html", "assets/site.css", "en/privacy/index.html", "fr/privacy/index.html");
        Map<String, Path> sources = Map.of("en/privacy/index.html", enSource, "fr/privacy/index.html", frSource);
        LinkChecker whole = LinkChecker.forRenderedSite(files, sources::get, executor, org.privacysite.ProgressListener.NONE);
        LinkChecker byParts = LinkChecker.forRenderedSite(files, sources::get, executor, org.privacysite.ProgressListener.NONE);
        for (Map.Entry<String, String> page : new java.util.TreeMap<>(pages).entrySet()) {
            whole.accept(page.getKey(), page.getValue());
            byParts.accept(page.getKey(), rendered(page.getValue(), parts, parts));
        }
        List<Finding> findings = byParts.findings();
        assertEquals(whole.findings(), findings);
        assertTrue(findings.stream().anyMatch(finding -> finding.message().contains("fr/cookies/index.html")), findings::toString);
        assertEquals(List.of("links.duplicate-id", "links.broken", "links.broken", "links.broken", "links.fragment", // en
                        "links.duplicate-id", "links.broken", "links.fragment", "links.broken", "links.broken"),     // fr
                findings.stream().map(Finding::ruleId).toList(), findings::toString);
    }

    /**
     * The policy text, which the generator writes itself, is read from its start tags instead of parsed:
     * the findings (broken links, fragments, duplicate ids, their lines and order) are those of a full parse;
     * a text the generator did not write in its own shape (here a comment) is parsed as before.
     */
    @Test
    void thePolicyTextIsReadWithoutParsingAndGivesTheSameFindings() throws IOException {
        List<String> bodies = List.of("""
                <h2 id="who-we-are" data-source-line="20">Who</h2>
                <p><a href="#nowhere" data-source-line="21">broken fragment</a> <a href="../missing/" data-source-line="22">gone</a>
                <a href="../../fr/privacy/#retention" data-source-line="23">fr</a> <a href="javascript:alert(1)" data-source-line="24">x</a></p>
                <p id="retention" data-source-line="25">again</p>""",
                "<p>a <!-- comment --> <a href=\"#also-nowhere\" data-source-line=\"30\">x</a></p><p id=\"_main\"></p>");
        List<String> files = List.of("index.html", "assets/site.css", "en/privacy/index.html", "fr/privacy/index.html");
        Map<String, Path> sources = Map.of("en/privacy/index.html", enSource, "fr/privacy/index.html", frSource);
        for (String body : bodies) {
            LinkChecker whole = LinkChecker.forRenderedSite(files, sources::get, executor, org.privacysite.ProgressListener.NONE);
            LinkChecker read = LinkChecker.forRenderedSite(files, sources::get, executor, org.privacysite.ProgressListener.NONE);
            for (String locale : List.of("en", "fr")) {
                String path = locale + "/privacy/index.html";
                String html = page(locale, List.of("en", "fr"), true, "<div class=\"policy\">" + body + "</div>");
                whole.accept(path, html);
                read.accept(path, new RenderedPage(List.of(html), List.of()).withBody(body));
            }
            List<Finding> findings = read.findings();
            assertEquals(whole.findings(), findings);
            assertTrue(findings.stream().anyMatch(finding -> finding.ruleId().equals("links.duplicate-id")), findings::toString);
            assertTrue(findings.stream().anyMatch(finding -> finding.ruleId().equals("links.fragment")
                    && finding.location().line() > 0), findings::toString);
        }
    }

    /**
     * The hreflang links in the head are a repeated part too (one per document): the alternates they
     * name still count for each page, so a page that is not named back is found as in a full parse.
     */
    @Test
    void alternatesInTheHeadAreReadFromTheirRepeatedPart() throws IOException {
        String both = "<link rel=\"alternate\" hreflang=\"en\" href=\"" + BASE + "en/privacy/\">\n"
                + "<link rel=\"alternate\" hreflang=\"fr\" href=\"" + BASE + "fr/privacy/\">\n";
        String frOnly = "<link rel=\"alternate\" hreflang=\"fr\" href=\"" + BASE + "fr/privacy/\">\n";
        Map<String, String> pages = Map.of(
                "en/privacy/index.html", page("en", List.of("en", "fr"), false, ""),
                "fr/privacy/index.html", page("fr", List.of("fr"), false, ""));
        List<String> files = List.of("index.html", "assets/site.css", "en/privacy/index.html", "fr/privacy/index.html");
        Map<String, Path> sources = Map.of("en/privacy/index.html", enSource, "fr/privacy/index.html", frSource);
        LinkChecker whole = LinkChecker.forRenderedSite(files, sources::get, executor, org.privacysite.ProgressListener.NONE);
        LinkChecker byParts = LinkChecker.forRenderedSite(files, sources::get, executor, org.privacysite.ProgressListener.NONE);
        List<String> menu = List.of("<a href=\"../../fr/privacy/\">fr</a>");
        for (Map.Entry<String, String> page : new java.util.TreeMap<>(pages).entrySet()) {
            List<String> alternates = List.of(page.getKey().startsWith("en") ? both : frOnly);
            whole.accept(page.getKey(), page.getValue());
            byParts.accept(page.getKey(), rendered(page.getValue(), List.of(repeated(alternates, alternates), repeated(menu, menu))));
        }
        List<Finding> findings = byParts.findings();
        assertEquals(whole.findings(), findings);
        assertEquals(List.of("links.hreflang-reciprocal", "links.hreflang-x-default", "links.hreflang-x-default"),
                findings.stream().map(Finding::ruleId).toList(), findings::toString);
        assertTrue(findings.get(0).message().contains("'fr' page does not link back"), findings::toString);
    }

    /** A menu without a problem is not looked at page by page; the pages' own problems are still found. */
    @Test
    void aSoundMenuLeavesThePagesOwnFindings() throws IOException {
        List<String> pool = List.of(
                "    <li><a href=\"../../en/privacy/\">English</a></li>\n",
                "    <li><a href=\"../../en/privacy/\" aria-current=\"page\">English</a></li>\n",
                "    <li><a href=\"../../fr/privacy/\">Français</a></li>\n",
                "    <li><a href=\"../../fr/privacy/\" aria-current=\"page\">Français</a></li>\n");
        List<String> en = List.of(pool.get(1), pool.get(2));
        List<String> fr = List.of(pool.get(0), pool.get(3));
        String broken = "<p><a href=\"../cookies/\" data-source-line=\"20\">cookies</a></p>";
        Map<String, String> pages = Map.of(
                "en/privacy/index.html", page("en", List.of("en", "fr"), true, "<ul>\n" + String.join("", en) + "</ul>" + broken),
                "fr/privacy/index.html", page("fr", List.of("en", "fr"), true, "<ul>\n" + String.join("", fr) + "</ul>"));
        List<String> files = List.of("index.html", "assets/site.css", "en/privacy/index.html", "fr/privacy/index.html");
        Map<String, Path> sources = Map.of("en/privacy/index.html", enSource, "fr/privacy/index.html", frSource);
        LinkChecker whole = LinkChecker.forRenderedSite(files, sources::get, executor, org.privacysite.ProgressListener.NONE);
        LinkChecker byParts = LinkChecker.forRenderedSite(files, sources::get, executor, org.privacysite.ProgressListener.NONE);
        for (Map.Entry<String, String> page : new java.util.TreeMap<>(pages).entrySet()) {
            List<String> parts = page.getKey().startsWith("en") ? en : fr;
            whole.accept(page.getKey(), page.getValue());
            byParts.accept(page.getKey(), rendered(page.getValue(), parts, pool));
        }
        assertEquals(whole.findings(), byParts.findings());
        only(byParts.findings(), "links.broken", Location.of(enSource).at(20, 0));
    }

    // --- a sitemap split into parts named by a sitemap index -------------------------------------------

    /** sitemap.xml as a sitemap index naming {@code parts}, one entry a line from line 3, its address at column 17. */
    private void sitemapIndex(String... parts) throws IOException {
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String part : parts) {
            index.append("  <sitemap><loc>").append(BASE).append(part).append("</loc><lastmod>2026-01-01</lastmod></sitemap>\n");
        }
        write("sitemap.xml", index.append("</sitemapindex>\n").toString());
    }

    /** A part listing the policy page of each of {@code locales}, one url a line from line 3. */
    private void sitemapPart(String name, String... locales) throws IOException {
        StringBuilder part = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String locale : locales) {
            part.append("  <url><loc>").append(BASE).append(locale).append("/privacy/</loc></url>\n");
        }
        write(name, part.append("</urlset>\n").toString());
    }

    /** Feeds the files to a checker of a site published under BASE, from two threads, in {@code reversed} order or not. */
    private List<Finding> checkSplit(boolean reversed) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(site.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        LinkChecker checker = LinkChecker.forRenderedSite(files.keySet(),
                Map.of("en/privacy/index.html", enSource, "fr/privacy/index.html", frSource)::get, executor,
                org.privacysite.ProgressListener.NONE, false, BASE);
        List<String> paths = new java.util.ArrayList<>(files.keySet());
        if (reversed) {
            java.util.Collections.reverse(paths);
        }
        List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
        for (String path : paths) {
            jobs.add(executor.submit(() -> checker.accept(path, files.get(path))));
        }
        for (java.util.concurrent.Future<?> job : jobs) {
            job.get();
        }
        return checker.findings();
    }

    @Test
    void aSplitSitemapListsThePagesInItsPartsTogether() throws Exception {
        sitemapIndex("sitemap-1.xml", "sitemap-2.xml");
        sitemapPart("sitemap-1.xml", "en");
        sitemapPart("sitemap-2.xml", "fr");
        assertEquals(List.of(), checkSplit(false));
    }

    @Test
    void aPageMissingFromEveryPartIsReported() throws Exception {
        sitemapIndex("sitemap-1.xml", "sitemap-2.xml");
        sitemapPart("sitemap-1.xml", "en");
        sitemapPart("sitemap-2.xml");
        sitemapPart("sitemap-3.xml", "fr"); // a part, but the index does not name it: search engines never read it
        Finding missing = only(checkSplit(false), "links.sitemap-missing");
        assertEquals("this page (" + BASE + "fr/privacy/) is not listed in any of the sitemaps sitemap.xml names", missing.message());
    }

    @Test
    void anIndexEntryForAPartTheSiteLacksIsReportedWhereItIs() throws Exception {
        sitemapIndex("sitemap-1.xml", "sitemap-2.xml", "sitemap-9.xml");
        sitemapPart("sitemap-1.xml", "en");
        sitemapPart("sitemap-2.xml", "fr");
        Finding entry = only(checkSplit(false), "links.sitemap-entry", Location.of(Path.of("sitemap.xml")).at(5, 17)); // where the address starts
        assertEquals("sitemap.xml names " + BASE + "sitemap-9.xml, which is no sitemap file of the site (the site has no sitemap-9.xml)",
                entry.message());
    }

    @Test
    void aMalformedPartIsReportedAtItsLineAndColumn() throws Exception {
        sitemapIndex("sitemap-1.xml", "sitemap-2.xml");
        sitemapPart("sitemap-1.xml", "en");
        write("sitemap-2.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + "  <url><loc>" + BASE + "fr/privacy/</url>\n</urlset>\n");
        Finding broken = only(checkSplit(false), "links.sitemap-xml");
        assertEquals(Path.of("sitemap-2.xml"), broken.location().file());
        assertEquals(3, broken.location().line(), broken::toString);
        assertTrue(broken.location().column() > 0, broken::toString);
        assertTrue(broken.message().startsWith("sitemap-2.xml is not well-formed XML: "), broken::toString);
    }

    @Test
    void anAddressThatIsNoPageNamesThePartThatListsIt() throws Exception {
        sitemapIndex("sitemap-1.xml", "sitemap-2.xml");
        sitemapPart("sitemap-1.xml", "en");
        sitemapPart("sitemap-2.xml", "fr", "de");
        Finding entry = only(checkSplit(false), "links.sitemap-entry", Location.of(Path.of("sitemap-2.xml")));
        assertEquals("sitemap-2.xml lists " + BASE + "de/privacy/, which is no page of the site", entry.message());
    }

    /** Parts arrive from several render threads in any order: the findings come out in the same order. */
    @Test
    void theFindingsOfASplitSitemapAreInTheSameOrderWhateverOrderThePartsCameIn() throws Exception {
        sitemapIndex("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap-10.xml", "sitemap-11.xml");
        sitemapPart("sitemap-1.xml", "de");
        sitemapPart("sitemap-2.xml", "es");
        sitemapPart("sitemap-3.xml", "it", "en");
        write("sitemap-10.xml", "<urlset><url><loc>broken</url></urlset>");
        write("sitemap-11.xml", "<urlset><url><loc>also broken</url></urlset>");
        List<Finding> forward = checkSplit(false);
        assertEquals(List.of("sitemap-10.xml", "sitemap-11.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"),
                forward.stream().map(finding -> finding.location().file().toString()).toList(), forward::toString);
        for (int i = 0; i < 5; i++) {
            assertEquals(forward, checkSplit(i % 2 == 0));
        }
    }

    /** {@code html} as the renderer hands it over: the page around its menu, made of {@code parts}. */
    private static RenderedPage rendered(String html, List<String> parts, List<String> pool) {
        return rendered(html, List.of(repeated(parts, pool)));
    }

    private static RepeatedParts repeated(List<String> parts, List<String> pool) {
        return new RepeatedParts(parts, parts.stream().map(part -> part.getBytes(StandardCharsets.UTF_8)).toList(), pool);
    }

    /** {@code html} split around each of {@code repeated}, which it shows in this order. */
    private static RenderedPage rendered(String html, List<RepeatedParts> repeated) {
        List<String> own = new java.util.ArrayList<>();
        int from = 0;
        for (RepeatedParts parts : repeated) {
            int at = html.indexOf(parts.markup(), from);
            own.add(html.substring(from, at));
            from = at + parts.markup().length();
        }
        own.add(html.substring(from));
        RenderedPage page = new RenderedPage(own, repeated);
        assertEquals(html, page.html());
        return page;
    }

    /**
     * A site of more pages than one slice of the site-wide check: findingsByPage (a check with a build cache)
     * gives each page exactly its own findings, and all of them are those of findings() (a check without one).
     */
    @Test
    void findingsByPageGivesEachPageItsOwnFindingsOverManySlices() {
        Map<String, String> pages = new java.util.TreeMap<>();
        for (int d = 0; d < 700; d++) {
            String doc = "doc-" + d;
            for (String locale : List.of("en", "fr")) {
                // Every 97th French page names no English alternate (the English one is then not linked back);
                // every 113th English page links to an id its French version lacks.
                List<String> alternates = locale.equals("fr") && d % 97 == 0 ? List.of("fr") : List.of("en", "fr");
                StringBuilder head = new StringBuilder("<link rel=\"canonical\" href=\"" + BASE + locale + "/" + doc + "/\">\n");
                alternates.forEach(a -> head.append("<link rel=\"alternate\" hreflang=\"" + a + "\" href=\"" + BASE + a + "/" + doc + "/\">\n"));
                head.append("<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + BASE + "en/" + doc + "/\">\n");
                String fragment = locale.equals("en") && d % 113 == 0 ? "nowhere" : "who";
                pages.put(locale + "/" + doc + "/index.html", """
                        <!DOCTYPE html><html lang="%s"><head><title>%s</title>
                        %s</head><body><main id="_main"><h2 id="who">Who</h2>
                        <p><a href="../../%s/%s/#%s">other</a></p></main></body></html>
                        """.formatted(locale, doc, head, locale.equals("en") ? "fr" : "en", doc, fragment));
            }
        }
        LinkChecker checker = LinkChecker.forRenderedSite(pages.keySet(), path -> null, executor, org.privacysite.ProgressListener.NONE);
        pages.forEach(checker::accept);

        Map<String, LinkChecker.PageFindings> byPage = checker.findingsByPage(null);
        List<String> fromPages = new java.util.ArrayList<>();
        int pagesWithFindings = 0;
        for (Map.Entry<String, LinkChecker.PageFindings> page : byPage.entrySet()) {
            List<Finding> found = new java.util.ArrayList<>(page.getValue().own());
            found.addAll(page.getValue().alternates());
            pagesWithFindings += found.isEmpty() || page.getKey().isEmpty() ? 0 : 1;
            for (Finding finding : found) {
                String file = finding.location().file().toString().replace('\\', '/');
                assertTrue(page.getKey().isEmpty() || file.endsWith(page.getKey()), () -> page.getKey() + " was given " + finding);
                fromPages.add(finding.toString());
            }
        }
        assertEquals(8 + 7 - 1, pagesWithFindings, "the English pages of documents 0, 97, ... 679 and of 0, 113, ... 678");
        List<String> all = new java.util.ArrayList<>(checker.findings().stream().map(Finding::toString).toList());
        java.util.Collections.sort(all);
        java.util.Collections.sort(fromPages);
        assertEquals(all, fromPages);
    }
}
