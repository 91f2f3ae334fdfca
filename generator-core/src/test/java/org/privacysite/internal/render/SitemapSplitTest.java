package org.privacysite.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.content.SiteLoader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A sitemap too big for one file (the protocol allows 50 MB and 50,000 URLs a file) is written in parts named by a
 * sitemap index. The render fixture site (five own pages: four languages of one document, one of another, 27 entries)
 * with a limit of 12 entries a file splits into three parts.
 */
class SitemapSplitTest {

    private static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String BASE = "https://privacy.fixture.example/";
    private static final int LIMIT = 12;

    @TempDir
    static Path temp;
    private static ExecutorService executor;
    private static Site site;
    private static Path whole;
    private static Path split;

    @BeforeAll
    static void renderWholeAndSplit() {
        executor = Executors.newFixedThreadPool(2);
        site = new SiteLoader(executor).load(SiteRenderTest.fixtureContent(), SiteRenderTest.realTemplates());
        whole = render(new SiteRenderer(site, executor, false), "whole");
        split = render(new SiteRenderer(site, executor, false, LIMIT), "split");
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    private static Path render(SiteRenderer renderer, String name) {
        Path out = temp.resolve(name);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        renderer.render(out);
        return out;
    }

    @Test
    void aSmallSitemapIsOneFileByteForByteAsBefore() throws IOException {
        assertEquals(Files.readString(SiteRenderTest.resource("fixture-site/sitemap-before-the-split.xml")),
                Files.readString(whole.resolve("sitemap.xml")));
        assertFalse(Files.exists(whole.resolve("sitemap-1.xml")));
    }

    @Test
    void theIndexNamesExactlyThePartsWrittenWithTheirLatestUpdate() throws Exception {
        Element index = xml(split.resolve("sitemap.xml"));
        assertEquals("sitemapindex", index.getLocalName());
        assertEquals(SITEMAPS, index.getNamespaceURI());
        List<String> parts = parts(split);
        assertEquals(List.of("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"), parts);
        NodeList entries = index.getElementsByTagNameNS(SITEMAPS, "sitemap");
        assertEquals(parts.size(), entries.getLength());
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            assertEquals(BASE + parts.get(i), text(entry, "loc"));
            String latest = texts(xml(split.resolve(parts.get(i))), "lastmod").stream().max(String::compareTo).orElseThrow();
            assertEquals(latest, text(entry, "lastmod"), parts.get(i));
        }
    }

    @Test
    void eachPartIsASitemapWithinTheLimitAndTogetherTheyListTheUnsplitUrlsInOrder() throws Exception {
        List<String> union = new ArrayList<>();
        for (String part : parts(split)) {
            Element urlset = xml(split.resolve(part));
            assertEquals("urlset", urlset.getLocalName(), part);
            assertEquals(SITEMAPS, urlset.getNamespaceURI(), part);
            int entries = urlset.getElementsByTagNameNS(SITEMAPS, "loc").getLength()
                    + urlset.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link").getLength();
            assertTrue(entries > 0 && entries <= LIMIT, part + " has " + entries + " entries");
            union.addAll(texts(urlset, "loc"));
        }
        assertEquals(texts(xml(whole.resolve("sitemap.xml")), "loc"), union);
        assertEquals(5, union.size());
    }

    @Test
    void theLinkCheckKnowsThePartsAndTheSplitIsTheSameWhateverTheThreads() throws IOException {
        Map<String, String> written = new TreeMap<>(SiteRenderTest.snapshot(split));
        assertEquals(written.keySet(), new SiteRenderer(site, executor, false, LIMIT).files());
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Path again = temp.resolve("split-on-one-thread");
            Files.createDirectories(again);
            new SiteRenderer(site, one, false, LIMIT).render(again);
            assertEquals(written, SiteRenderTest.snapshot(again));
        } finally {
            one.shutdownNow();
        }
    }

    /**
     * A build or check renders once: each locale's menus are let go as soon as its pages are written (a 100-locale
     * site held 55 MB of them to the end), and the files are the same. The preview's renderer keeps them for its edits.
     */
    @Test
    void renderingOnceLetsEachLocalesMenusGoAndWritesTheSameFiles() throws IOException {
        SiteRenderer once = new SiteRenderer(site, executor, false);
        List<String> menuBefore = once.menu("fr", "privacy", "../../").pool();
        Path out = temp.resolve("once");
        Files.createDirectories(out);
        once.renderOnce(SiteOutput.directory(out), org.privacysite.ProgressListener.NONE);
        assertEquals(SiteRenderTest.snapshot(whole), SiteRenderTest.snapshot(out));
        assertTrue(menuBefore != once.menu("fr", "privacy", "../../").pool(), "the French menu was let go, and is made again");

        SiteRenderer kept = new SiteRenderer(site, executor, false);
        List<String> keptBefore = kept.menu("fr", "privacy", "../../").pool();
        Path preview = temp.resolve("kept");
        Files.createDirectories(preview);
        kept.render(preview);
        assertTrue(keptBefore == kept.menu("fr", "privacy", "../../").pool(), "the preview's renderer keeps its menus");
    }

    /** The preview's rebuild writes the sitemap the same way, and removes parts a smaller sitemap no longer has. */
    @Test
    void thePreviewsRebuildWritesThePartsAndRemovesStaleOnes() throws IOException {
        Path preview = temp.resolve("preview");
        SiteRenderTest.copyTree(split, preview);
        Files.writeString(preview.resolve("sitemap-4.xml"), "left by an earlier build");
        Files.delete(preview.resolve("sitemap-2.xml"));
        new SiteRenderer(site, executor, false, LIMIT).renderPages(List.of(), preview, true);
        assertEquals(SiteRenderTest.snapshot(split), SiteRenderTest.snapshot(preview));

        new SiteRenderer(site, executor, false).renderPages(List.of(), preview, true);
        assertEquals(List.of(), parts(preview), "one file again: no part is left");
        assertEquals(Files.readString(whole.resolve("sitemap.xml")), Files.readString(preview.resolve("sitemap.xml")));
    }

    private static List<String> parts(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> Sitemap.partNumber(name) > 0)
                    .sorted(java.util.Comparator.comparingInt(Sitemap::partNumber)).toList();
        }
    }

    private static Element xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(file.toFile()); // throws on XML that is not well-formed
        return document.getDocumentElement();
    }

    private static List<String> texts(Element root, String name) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS(SITEMAPS, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(SITEMAPS, name).item(0).getTextContent().trim();
    }
}
