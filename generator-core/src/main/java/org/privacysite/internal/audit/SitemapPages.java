package org.privacysite.internal.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The pages a sitemap lists, as paths on the audited origin (a staging copy's sitemap names the production
 * addresses). A sitemap index (a big site's sitemap is split into parts) names other sitemaps: they are read in
 * order, also as paths on the audited origin (nothing is fetched from another), until there are pages enough for
 * the audit. Real sites also nest indexes (an index per language naming one per post type) and gzip their parts
 * ({@code sitemap-1.xml.gz}); both are read.
 */
final class SitemapPages {

    /** What the sitemap protocol allows a sitemap file, uncompressed; more is refused rather than read. */
    static final int MAX_BYTES = 50 * 1024 * 1024;
    /** Indexes in indexes, this deep at most: a loop of indexes naming each other ends here too. */
    private static final int MAX_DEPTH = 4;

    private final AuditSettings settings;
    private final Reachability reachability;
    private final String origin;
    private final HttpClient client;
    private final List<String> pages = new ArrayList<>();
    private final Set<String> seenPages = new HashSet<>();
    private final Set<String> readSitemaps = new HashSet<>();

    private SitemapPages(AuditSettings settings, Reachability reachability, String origin) {
        this.settings = settings;
        this.reachability = reachability;
        this.origin = origin;
        this.client = HttpClient.newBuilder().connectTimeout(settings.pageTimeout()).build();
    }

    /** The pages of {@code settings}' sitemap on {@code origin}, at most about {@code settings.maxPages()} of them. */
    static List<String> read(AuditSettings settings, Reachability reachability, String origin) {
        URI sitemap = settings.sitemap();
        if (!Origins.of(sitemap).equals(origin)) {
            throw new AuditFailure("the sitemap " + sitemap + " is on another origin than " + origin
                    + "; give the sitemap of the audited site");
        }
        SitemapPages reader = new SitemapPages(settings, reachability, origin);
        reader.readSitemap(sitemap, null, 0);
        return List.copyOf(reader.pages);
    }

    /** Reads the sitemap at {@code address}, named by the index {@code index} (null for the one given). */
    private void readSitemap(URI address, URI index, int depth) {
        readSitemaps.add(address.toString());
        Document root = Jsoup.parse(fetch(address, index), "", Parser.xmlParser());
        for (Element loc : root.select("url > loc")) {
            String page = onOrigin(loc.text());
            page = page == null ? null : Auditor.sameOriginPage(page, origin);
            if (page != null && seenPages.add(page)) {
                pages.add(page);
            }
        }
        for (Element loc : root.select("sitemapindex > sitemap > loc")) {
            if (pages.size() >= settings.maxPages()) {
                return; // the audit visits no more: the other parts are not fetched
            }
            String part = onOrigin(loc.text());
            if (part != null && depth < MAX_DEPTH && !readSitemaps.contains(part)) {
                readSitemap(URI.create(part), address, depth + 1);
            }
        }
    }

    /** The path of the address {@code listed} on the audited origin; null when it is no URL. */
    private String onOrigin(String listed) {
        try {
            URI uri = URI.create(listed.trim());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return origin + path;
        } catch (IllegalArgumentException e) {
            return null; // an entry that is no URL is nothing to read
        }
    }

    /** The text of the sitemap at {@code address}, gunzipped when it is compressed. */
    private String fetch(URI address, URI index) {
        String named = index == null ? "" : " (named by " + index + ")";
        reachability.check(address, origin);
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(address).timeout(settings.pageTimeout()).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new AuditFailure("the sitemap " + address + named + " answered with HTTP status " + response.statusCode());
                }
                byte[] bytes = atMost(body, address, named);
                if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) { // gzip's magic number
                    try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                        bytes = atMost(unzipped, address, named);
                    }
                }
                return new String(bytes, StandardCharsets.UTF_8); // the protocol: UTF-8
            }
        } catch (IOException e) {
            throw new AuditFailure("cannot read the sitemap " + address + named + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("the audit was interrupted", e);
        }
    }

    private static byte[] atMost(InputStream in, URI address, String named) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new AuditFailure("the sitemap " + address + named + " is larger than the " + MAX_BYTES / 1024 / 1024
                    + " MB a sitemap may have; split it into parts named by a sitemap index");
        }
        return bytes;
    }
}
