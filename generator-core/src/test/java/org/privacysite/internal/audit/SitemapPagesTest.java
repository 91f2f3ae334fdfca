package org.privacysite.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.browser.LoopbackServer;

/**
 * {@code audit --sitemap} on a big site, whose sitemap.xml is a sitemap index naming its parts: the audit reads the
 * parts in order from a real server on loopback, as paths on the audited origin (the index names the production
 * addresses, and one part names another origin outright), and stops reading once it has pages enough. Parts may
 * be gzipped, and indexes may name indexes, as real sites' sitemaps do.
 */
class SitemapPagesTest {

    @TempDir
    Path files;

    private static final String PRODUCTION = "https://privacy.fixture.example";
    private static final String XML = "application/xml";

    private LoopbackServer site;
    private LoopbackServer elsewhere;

    @BeforeEach
    void serve() {
        site = LoopbackServer.start("127.0.0.1");
        elsewhere = LoopbackServer.start("127.0.0.2");
        site.resource("/sitemap.xml", XML, index(PRODUCTION + "/sitemap-1.xml", elsewhere.origin() + "/sitemap-2.xml",
                        PRODUCTION + "/sitemap-3.xml"))
                .resource("/sitemap-1.xml", XML, part("en/privacy/", "fr/privacy/"))
                .resource("/sitemap-2.xml", XML, part("de/privacy/", "en/cookies/"))
                .resource("/sitemap-3.xml", XML, part("fr/cookies/", "de/cookies/"));
    }

    @AfterEach
    void stop() {
        site.close();
        elsewhere.close();
    }

    private static String index(String... parts) {
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>\n");
        for (String part : parts) {
            xml.append("<sitemap><loc>").append(part).append("</loc><lastmod>2026-01-01</lastmod></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    private static String part(String... pages) {
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>\n");
        for (String page : pages) {
            xml.append("<url><loc>").append(PRODUCTION).append('/').append(page).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private List<String> sitemapPages(int maxPages) {
        AuditSettings settings = new AuditSettings(URI.create(site.origin() + "/en/privacy/"), maxPages,
                URI.create(site.origin() + "/sitemap.xml"), Duration.ofSeconds(30), Duration.ofSeconds(5),
                List.of("Accept all"), List.of("Reject all"), AuditSettings.CHROMIUM, AuditSettings.CHROMEDRIVER);
        return SitemapPages.read(settings, new Reachability(settings.pageTimeout()), site.origin());
    }

    @Test
    void thePartsAreReadInOrderOnTheAuditedOriginUntilThereArePagesEnough() {
        assertEquals(List.of(site.origin() + "/en/privacy/", site.origin() + "/fr/privacy/", site.origin() + "/de/privacy/",
                site.origin() + "/en/cookies/"), sitemapPages(3));
        assertTrue(site.hits("/sitemap-1.xml") > 0 && site.hits("/sitemap-2.xml") > 0);
        assertEquals(0, site.hits("/sitemap-3.xml"), "the third part is not needed");
        assertEquals(0, elsewhere.totalHits(), "nothing is fetched from another origin");
    }

    @Test
    void everyPartIsReadWhenTheAuditVisitsThatMany() {
        assertEquals(6, sitemapPages(10).size());
        assertTrue(site.hits("/sitemap-3.xml") > 0);
    }

    @Test
    void aPartThatIsNotThereStopsTheAuditNamingItAndTheIndex() {
        site.resource("/sitemap.xml", XML, index(PRODUCTION + "/sitemap-1.xml", PRODUCTION + "/sitemap-9.xml"));
        AuditFailure failure = assertThrows(AuditFailure.class, () -> sitemapPages(10));
        assertEquals("the sitemap " + site.origin() + "/sitemap-9.xml (named by " + site.origin() + "/sitemap.xml)"
                + " answered with HTTP status 404", failure.getMessage());
    }

    @Test
    void gzippedPartsAndIndexesInIndexesAreRead() throws Exception {
        gzipped("sitemap-posts.xml.gz", part("blog/one/", "blog/two/"));
        site.serving(files)
                .resource("/sitemap.xml", XML, index(PRODUCTION + "/sitemap-en.xml", PRODUCTION + "/sitemap-fr.xml"))
                .resource("/sitemap-en.xml", XML, index(PRODUCTION + "/sitemap-1.xml", PRODUCTION + "/sitemap-posts.xml.gz"))
                .resource("/sitemap-fr.xml", XML, index(PRODUCTION + "/sitemap-3.xml", PRODUCTION + "/sitemap.xml")); // names the top again
        assertEquals(List.of(site.origin() + "/en/privacy/", site.origin() + "/fr/privacy/", site.origin() + "/blog/one/",
                site.origin() + "/blog/two/", site.origin() + "/fr/cookies/", site.origin() + "/de/cookies/"), sitemapPages(10));
        assertEquals(2, site.hits("/sitemap.xml"), "read once (a reachability check, then the read): an index named again is not read again");
    }

    @Test
    void aSitemapLargerThanTheProtocolAllowsIsRefusedNamingIt() throws Exception {
        byte[] huge = new byte[SitemapPages.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(files.resolve("sitemap-1.xml.gz")))) {
            out.write(huge); // 50 MB of spaces, about 50 KB compressed: unzipped only up to the limit
        }
        site.serving(files).resource("/sitemap.xml", XML, index(PRODUCTION + "/sitemap-1.xml.gz"));
        AuditFailure failure = assertThrows(AuditFailure.class, () -> sitemapPages(10));
        assertEquals("the sitemap " + site.origin() + "/sitemap-1.xml.gz (named by " + site.origin() + "/sitemap.xml)"
                + " is larger than the 50 MB a sitemap may have; split it into parts named by a sitemap index", failure.getMessage());
    }

    private void gzipped(String name, String xml) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(files.resolve(name)))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
    }
}
