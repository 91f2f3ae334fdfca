package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publishing gate on copies of the sample site: staleness, fallbacks, configured severities. */
class CheckTest {

    @TempDir
    Path temp;

    PrivacySite site(Path content) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
    }

    static List<Finding> withRule(CheckResult result, String rule) {
        return result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void editingASourceClauseMakesTheTranslationStaleUntilMarkedTranslated() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        assertEquals(List.of(), withRule(site(content).check(), "parity.stale"));

        Path english = content.resolve("en/privacy.md");
        Files.writeString(english, Files.readString(english).replace("## Children {#children}\n",
                "## Children {#children}\n\nWe never knowingly collect data from children.\n"));

        List<Finding> stale = withRule(site(content).check(), "parity.stale");
        assertEquals(4, stale.size(), stale.toString()); // fr, de, ar, ja
        Finding french = stale.stream().filter(f -> f.location().displayPath().endsWith("fr/privacy.md")).findFirst().orElseThrow();
        assertEquals(Severity.WARNING, french.severity());
        assertTrue(french.message().contains("'children'"), french.message());
        assertTrue(french.location().line() > 0);
        assertFalse(site(content).check().failed(false), "staleness is a warning by default");
        assertTrue(site(content).check().failed(true), "--strict fails on stale translations");

        assertEquals(44, site(content).markTranslated("fr", "privacy")); // 43 clauses and the summary

        List<Finding> after = withRule(site(content).check(), "parity.stale");
        assertEquals(3, after.size(), after.toString());
        assertTrue(after.stream().noneMatch(f -> f.location().displayPath().endsWith("fr/privacy.md")));
    }

    @Test
    void aNewTranslationWithoutRecordIsNotStale() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Files.delete(content.resolve(".translated/de/privacy.yaml"));
        Path english = content.resolve("en/privacy.md");
        Files.writeString(english, Files.readString(english).replace("## Children {#children}\n", "## Children {#children}\n\nNew text.\n"));
        assertTrue(withRule(site(content).check(), "parity.stale").stream()
                .noneMatch(f -> f.location().displayPath().endsWith("de/privacy.md")));
    }

    @Test
    void severitiesAreConfigurablePerRule() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), Files.readString(content.resolve("site.yaml")) + "checks:\n  parity.stale: error\n");
        Path english = content.resolve("en/privacy.md");
        Files.writeString(english, Files.readString(english).replace("## Children {#children}\n", "## Children {#children}\n\nNew text.\n"));
        CheckResult result = site(content).check();
        assertTrue(withRule(result, "parity.stale").stream().allMatch(Finding::isError));
        assertTrue(result.failed(false));
    }

    @Test
    void aMissingTranslationMayFallBackToTheSourceWithANoticeAndTruthfulHreflang() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Files.delete(content.resolve("ja/cookies.md"));
        assertEquals(List.of("parity.document-missing"), site(content).check().findings().stream().map(Finding::ruleId).distinct().toList());

        Files.writeString(content.resolve("site.yaml"), Files.readString(content.resolve("site.yaml")) + "fallback:\n  ja: [cookies]\n");
        assertEquals(List.of(), site(content).check().findings());
        Path out = temp.resolve("site");
        site(content).build(out);

        Document fallback = Jsoup.parse(out.resolve("ja/cookies/index.html").toFile(), "UTF-8");
        assertEquals("ja", fallback.selectFirst("html").attr("lang"), "the page chrome is Japanese");
        assertEquals("en", fallback.selectFirst("main").attr("lang"), "the policy text is English and says so");
        assertNotNull(fallback.selectFirst(".fallback-notice"));
        assertTrue(fallback.selectFirst(".fallback-notice").text().matches(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*"),
                "the notice is in Japanese: " + fallback.selectFirst(".fallback-notice").text());
        Document english = Jsoup.parse(out.resolve("en/cookies/index.html").toFile(), "UTF-8");
        assertTrue(english.select("link[hreflang=ja]").isEmpty(), "no page claims a Japanese version that does not exist");
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertFalse(sitemap.contains("/ja/cookies/"), "the fallback page is not in the sitemap");
    }

    /**
     * Reported by the check alone and by a check with an output, which writes the sitemap piece by piece and reads it
     * back from the file (a sitemap of 25 MB is never held whole): the same findings, and nothing is published.
     */
    @Test
    void pagesMissingFromTheSitemapAndEntriesWithoutAPageAreReported() throws IOException {
        Path templates = temp.resolve("templates");
        SampleSite.copyTemplates(templates);
        Path sitemap = templates.resolve("sitemap.ftlx");
        Files.writeString(sitemap, Files.readString(sitemap)
                .replace("<#list urls as url>", "<#list urls?filter(u -> !u.loc?contains(\"/fr/\")) as url>")
                .replace("</urlset>", "  <url><loc>https://privacy.kestrelvpn.example/xx/nothing/</loc></url>\n</urlset>"));
        PrivacySite site = PrivacySite.builder().contentDirectory(SampleSite.content()).templatesDirectory(templates).build();
        CheckResult result = site.check();

        assertEquals(2, withRule(result, "links.sitemap-missing").size(), result.findings().toString());
        assertTrue(withRule(result, "links.sitemap-missing").get(0).message().contains("/fr/"));
        assertEquals(1, withRule(result, "links.sitemap-entry").size(), result.findings().toString());
        Path out = temp.resolve("published");
        assertEquals(result.findings(), site.checkAndBuild(out, false).findings(), "read back from the written sitemap");
        assertFalse(Files.exists(out.resolve("sitemap.xml")), "a site with errors is not published");
    }

    /** A custom sitemap template that writes broken XML is reported where the XML breaks, not as a crash. */
    @Test
    void aSitemapThatIsNotWellFormedXmlIsReportedAtItsLine() throws IOException {
        Path templates = temp.resolve("templates");
        SampleSite.copyTemplates(templates);
        Path sitemap = templates.resolve("sitemap.ftlx");
        Files.writeString(sitemap, Files.readString(sitemap).replace("</urlset>", "<url><loc>x</url>\n</urlset>"));
        PrivacySite site = PrivacySite.builder().contentDirectory(SampleSite.content()).templatesDirectory(templates).build();
        assertEquals(site.check().findings(), site.checkAndBuild(temp.resolve("published"), false).findings(),
                "read back from the written file, the XML breaks at the same place");
        CheckResult result = site.check();

        List<Finding> broken = withRule(result, "links.sitemap-xml");
        assertEquals(1, broken.size(), result.findings().toString());
        assertEquals(Path.of("sitemap.xml"), broken.get(0).location().file());
        assertTrue(broken.get(0).location().line() > 1, broken.get(0).toString());
        assertTrue(broken.get(0).message().startsWith("sitemap.xml is not well-formed XML: The element type \"loc\""),
                broken.get(0).message()); // the parser's own words, without its "ParseError at [row,col]" preamble
    }

    @Test
    void aCookieWithoutItsPurposeTextStopsTheBuildAtItsLineInCookiesYaml() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path messages = content.resolve("en/messages.yaml");
        Files.writeString(messages, Files.readString(messages).replaceAll("(?m)^cookie\\.kestrel_session\\.purpose:.*\\n", ""));

        PrivacySiteException error = org.junit.jupiter.api.Assertions.assertThrows(PrivacySiteException.class,
                () -> site(content).build(temp.resolve("site")));

        Finding finding = error.findings().get(0);
        assertEquals("consent.message-missing", finding.ruleId());
        assertTrue(finding.location().displayPath().endsWith("cookies.yaml"), finding.toString());
        assertTrue(finding.location().line() > 1, finding.toString());
    }

    @Test
    void aHandWrittenTableOfContentsWithBrokenAnchorsIsReportedAtItsMarkdownLines() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path english = content.resolve("en/cookies.md");
        String text = Files.readString(english);
        int firstClause = text.indexOf("\n## ");
        String toc = "\nJump to: [what cookies are](#what-are-cookies), [managing](#manage-cookies), [changes](#change).\n";
        Files.writeString(english, text.substring(0, firstClause) + "\n" + toc + text.substring(firstClause));
        int tocLine = (int) text.substring(0, firstClause).chars().filter(c -> c == '\n').count() + 3;

        // Caught from the Markdown itself, before the link check of the built pages.
        List<Finding> broken = withRule(site(content).check(), "xref.unknown-clause");

        assertEquals(2, broken.size(), broken.toString());
        for (Finding finding : broken) {
            assertTrue(finding.location().displayPath().endsWith("en/cookies.md"), finding.toString());
            assertEquals(tocLine, finding.location().line(), finding.toString());
        }
    }
}
