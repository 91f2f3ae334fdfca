package org.privacysite.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.BuildResult;
import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;
import org.privacysite.internal.rules.HistoryRules;

/** The policy history of a site whose content is a real git repository with three versions (see {@link HistoryRepository}). */
class PolicyHistoryTest {

    @TempDir
    Path temp;

    private static PrivacySite site(Path content) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).threads(2).build();
    }

    private static Document page(Path out, String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path), StandardCharsets.UTF_8));
    }

    @Test
    void everyEarlierAndUpcomingVersionHasAStableAddressAndTheVersionsIndexListsThemAll() throws IOException {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        Path out = temp.resolve("site");
        site(repository.content()).build(out);

        for (String locale : HistoryRepository.LOCALES) {
            String base = locale + "/privacy/versions/";
            assertTrue(Files.isRegularFile(out.resolve(base + "2026-01-01/index.html")), base + "2026-01-01");
            assertTrue(Files.isRegularFile(out.resolve(base + "2026-09-01/index.html")), "the upcoming version: " + base);
            assertFalse(Files.exists(out.resolve(base + "2026-04-01/index.html")), "the version in force is the current page");
            assertTrue(Files.isRegularFile(out.resolve(base + "2026-04-01/changes/index.html")));
            assertTrue(Files.isRegularFile(out.resolve(base + "2026-09-01/changes/index.html")));
        }
        Document past = page(out, "fr/privacy/versions/2026-01-01/index.html");
        assertEquals("noindex", past.selectFirst("meta[name=robots]").attr("content"));
        assertTrue(past.selectFirst(".history-notice").text().contains("1 janvier 2026"), past.selectFirst(".history-notice").text());
        assertTrue(past.selectFirst(".history-notice").text().contains("1 avril 2026"));
        assertTrue(past.select(".history-notice a").stream().anyMatch(a -> a.attr("href").equals("../../../../fr/privacy/")),
                "the notice links to the current version");
        assertTrue(past.selectFirst(".policy").text().contains("(fr) We keep your account data for one year"), "the text of that version");
        assertEquals("https://privacy.example.com/fr/privacy/versions/2026-01-01/", past.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(List.of("en", "fr", "ar", "x-default"),
                past.select("link[rel=alternate][hreflang]").stream().map(link -> link.attr("hreflang")).toList());
        assertEquals("https://privacy.example.com/ar/privacy/versions/2026-01-01/",
                past.selectFirst("link[hreflang=ar]").attr("href"), "hreflang links the same version in the other languages");

        // The lagging translation: ar has no text of the upcoming version, its page shows the English one with the notice.
        Document lagging = page(out, "ar/privacy/versions/2026-09-01/index.html");
        assertNotNull(lagging.selectFirst(".fallback-notice"));
        assertEquals("en", lagging.selectFirst("main").attr("lang"));
        assertTrue(lagging.selectFirst(".policy").text().contains("(en) Your data stays in the European Union"));

        Document index = page(out, "en/privacy/versions/index.html");
        List<String> links = index.select(".versions-list > li > a").stream().map(link -> link.attr("href")).toList();
        assertEquals(List.of("../../../en/privacy/versions/2026-09-01/", "../../../en/privacy/", "../../../en/privacy/versions/2026-01-01/"),
                links, "newest first; the version in force is the current page");
        assertTrue(index.select(".versions-list > li").get(1).text().contains("In force now"));
        assertTrue(index.select(".versions-list > li").get(0).text().contains("Takes effect on September 1, 2026"));

        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertFalse(sitemap.contains("/versions/"), "archived versions are not in the sitemap");

        CheckResult check = site(repository.content()).check();
        List<Finding> missing = check.findings().stream().filter(f -> f.rule().equals(HistoryRules.UPCOMING_UNTRANSLATED)).toList();
        assertEquals(1, missing.size(), check.findings().toString());
        assertTrue(missing.get(0).message().contains("2026-09-01") && missing.get(0).message().contains("ar"), missing.toString());
        assertTrue(check.findings().stream().noneMatch(f -> f.ruleId().startsWith("links.")), "every archive link resolves: " + check.findings());
        // ar's text is one version behind the upcoming source: it is compared with the version it translates (LaggingTranslationTest).
        assertEquals(List.of("history.upcoming-untranslated"),
                check.findings().stream().map(Finding::ruleId).distinct().sorted().toList(), check.findings().toString());
    }

    @Test
    void theCurrentPageKeepsTheVersionInForceAndAnnouncesTheUpcomingOne() throws IOException {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        Path out = temp.resolve("site");
        site(repository.content()).build(out);

        Document current = page(out, "en/privacy/index.html");
        String policy = current.selectFirst(".policy").text();
        assertFalse(policy.contains("Transfers"), "the upcoming clause is not in force yet");
        assertTrue(policy.contains("thirty days"));
        Element notice = current.selectFirst(".history-notice");
        assertTrue(notice.text().contains("This policy changes on September 1, 2026."), notice.text());
        assertEquals(List.of("../../en/privacy/versions/2026-09-01/", "../../en/privacy/versions/2026-09-01/changes/"),
                notice.select("a").stream().map(a -> a.attr("href")).toList());
        assertNotNull(current.selectFirst("a[href=../../en/privacy/versions/]"), "a link to every version");
        assertEquals("../../en/feed.atom", current.selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href"),
                "feed readers find the feed from the page");

        // On the day it takes effect, the upcoming version becomes the current page.
        Path later = temp.resolve("later");
        PrivacySite.builder().contentDirectory(repository.content()).templatesDirectory(SampleSite.templates())
                .asOf(java.time.LocalDate.parse("2026-09-01")).build().build(later);
        Document inForce = page(later, "en/privacy/index.html");
        assertTrue(inForce.selectFirst(".policy").text().contains("Transfers"));
        assertEquals(null, inForce.selectFirst(".history-notice"));
        assertTrue(Files.isRegularFile(later.resolve("en/privacy/versions/2026-04-01/index.html")));
    }

    @Test
    void whatChangedIsListedClauseByClauseWithTheSummaryAbove() throws IOException {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        Path out = temp.resolve("site");
        site(repository.content()).build(out);

        Document changes = page(out, "en/privacy/versions/2026-04-01/changes/index.html");
        assertTrue(changes.selectFirst(".changes-summary").text().contains("We keep account data for less time"));
        List<Element> clauses = changes.select(".change");
        Document visible = changes.clone();
        visible.select(".visually-hidden").remove();
        List<String> kinds = visible.select(".change").stream()
                .map(clause -> clause.selectFirst("h2").text() + " | " + clause.selectFirst(".change-kind").text()).toList();
        assertEquals(List.of(
                "1 (en) Contact | Moved (was section 5)",
                "3 (en) Retention | Changed",
                "3 (en) Sharing | Removed",
                "5 (en) Children | Added"), kinds);
        Element retention = clauses.get(1);
        assertEquals("one year", retention.selectFirst("del").ownText().strip());
        assertEquals("thirty days", retention.selectFirst("ins").ownText().strip());
        assertEquals("[deleted:", retention.selectFirst("del .visually-hidden").text());
        assertEquals("[inserted:", retention.selectFirst("ins .visually-hidden").text());
        // "Your rights" was renumbered (4 stays 4) and its reference to Retention now says Section 3 in both: no change.
        assertTrue(kinds.stream().noneMatch(kind -> kind.contains("rights")), kinds.toString());
    }

    @Test
    void theFeedHasOneEntryPerVersionNewestFirst() throws Exception {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        Path out = temp.resolve("site");
        site(repository.content()).build(out);

        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document feed = factory.newDocumentBuilder().parse(out.resolve("fr/feed.atom").toFile());
        String atom = "http://www.w3.org/2005/Atom";
        assertEquals("feed", feed.getDocumentElement().getLocalName());
        assertEquals(atom, feed.getDocumentElement().getNamespaceURI());
        // What RFC 4287 requires of a feed: one id, title and updated, an author (no entry has its own), a link to itself.
        org.w3c.dom.Element root = feed.getDocumentElement();
        for (String required : List.of("id", "title", "updated", "author")) {
            long count = java.util.stream.IntStream.range(0, root.getChildNodes().getLength()).mapToObj(root.getChildNodes()::item)
                    .filter(node -> atom.equals(node.getNamespaceURI()) && required.equals(node.getLocalName())).count();
            assertEquals(1, count, "feed/" + required);
        }
        assertEquals("https://privacy.example.com/fr/feed.atom", feed.getElementsByTagNameNS(atom, "id").item(0).getTextContent());
        assertEquals("2026-09-01T00:00:00Z", ((org.w3c.dom.Element) root.getElementsByTagNameNS(atom, "updated").item(0)).getTextContent());
        org.w3c.dom.NodeList entries = feed.getElementsByTagNameNS(atom, "entry");
        List<String> updated = new java.util.ArrayList<>();
        List<String> links = new java.util.ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
            updated.add(entry.getElementsByTagNameNS(atom, "updated").item(0).getTextContent());
            links.add(((org.w3c.dom.Element) entry.getElementsByTagNameNS(atom, "link").item(0)).getAttribute("href"));
            assertEquals(1, entry.getElementsByTagNameNS(atom, "id").getLength());
            assertEquals(1, entry.getElementsByTagNameNS(atom, "title").getLength());
        }
        assertEquals(List.of("2026-09-01T00:00:00Z", "2026-07-01T00:00:00Z", "2026-04-01T00:00:00Z", "2026-04-01T00:00:00Z",
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), updated);
        assertEquals("https://privacy.example.com/fr/privacy/versions/2026-09-01/changes/", links.get(0));
        assertEquals("https://privacy.example.com/fr/cookies/versions/2026-07-01/changes/", links.get(1));
        assertEquals("https://privacy.example.com/fr/privacy/versions/2026-01-01/", links.get(4), "the first version has no comparison");
        assertTrue(feed.getElementsByTagNameNS(atom, "summary").item(0).getTextContent().contains("(fr) A new clause on transfers."));
    }

    @Test
    void twoBuildsAreByteIdentical() {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        site(repository.content()).build(temp.resolve("one"));
        site(repository.content()).build(temp.resolve("two"));
        java.util.Map<String, String> one = SampleSite.snapshot(temp.resolve("one"));
        one.remove(".privacy-site-build");
        java.util.Map<String, String> two = SampleSite.snapshot(temp.resolve("two"));
        two.remove(".privacy-site-build");
        assertEquals(one, two);
        assertTrue(one.containsKey("en/privacy/versions/2026-01-01/index.html"));
    }

    @Test
    void theConsentRevisionChangesOnlyWithTheCookieList() throws IOException {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 1);
        assertEquals("1", revision(repository, "first"));
        repository.step(2); // a second cookie
        assertEquals("2", revision(repository, "second"));
        repository.step(3); // a purpose reworded, a comment changed
        assertEquals("2", revision(repository, "third"));
    }

    private String revision(HistoryRepository repository, String name) throws IOException {
        Path out = temp.resolve(name);
        BuildResult result = site(repository.content()).build(out);
        assertTrue(result.pages() > 0);
        return page(out, "en/cookies/index.html").selectFirst("[data-revision]").attr("data-revision");
    }
}
