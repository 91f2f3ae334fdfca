package org.privacysite.internal.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Visits the pages in three passes (no choice, "Reject all", "Accept all"), each in a fresh browser, and
 * records what each page did: the cookies that appeared, the storage keys, the requests to other origins.
 * The page list is the start page, the sitemap's pages and the links of the first pass's pages, all on the
 * start page's origin; other origins are recorded, never visited.
 */
public final class Auditor {

    private final AuditSettings settings;
    private final AuditBrowser.Factory browsers;
    private final Reachability reachability;

    public Auditor(AuditSettings settings) {
        this(settings, ChromiumBrowser::start);
    }

    Auditor(AuditSettings settings, AuditBrowser.Factory browsers) {
        this.settings = settings;
        this.browsers = browsers;
        this.reachability = new Reachability(settings.pageTimeout());
    }

    /**
     * Runs the audit.
     *
     * @throws AuditFailure when the site cannot be audited (unreachable, a page hangs, no banner button...)
     */
    public AuditRun run() {
        String origin = settings.origin();
        if (origin.isEmpty() || !settings.start().getScheme().matches("(?i)https?")) {
            throw new AuditFailure("'" + settings.start() + "' is not an address the audit can open: give an http:// or https:// URL");
        }
        long deadline = System.nanoTime() + settings.timeLimit().toNanos();
        Set<String> pages = new LinkedHashSet<>();
        pages.add(page(settings.start()));
        int status = reachability.check(settings.start(), origin);
        if (status >= 400) {
            throw new AuditFailure(settings.start() + " answered with HTTP status " + status + " instead of a page; "
                    + "check the address");
        }
        if (settings.sitemap() != null) {
            pages.addAll(sitemapPages(origin));
        }
        List<SeenCookie> cookies = new ArrayList<>();
        List<SeenStorage> storage = new ArrayList<>();
        List<SeenRequest> requests = new ArrayList<>();
        String incomplete = null;
        passes:
        for (Pass pass : Pass.values()) {
            try (AuditBrowser browser = browsers.start(settings)) {
                Recorder recorder = new Recorder(pass, origin, cookies, storage, requests);
                List<String> visit = new ArrayList<>(pages);
                for (int i = 0; i < visit.size() && i < settings.maxPages(); i++) {
                    if (System.nanoTime() > deadline) {
                        incomplete = "the audit reached its time limit of " + settings.timeLimit().toSeconds() + " seconds "
                                + pass.description() + ", after " + i + " of " + Math.min(visit.size(), settings.maxPages())
                                + " pages; allow more time with --time-limit";
                        break passes;
                    }
                    URI page = URI.create(visit.get(i));
                    if (reachability.check(page, origin) >= 400) {
                        continue; // a broken link is the link checker's business; there is no page to audit
                    }
                    browser.open(page);
                    PageActivity activity = browser.collect();
                    checkStayed(page, activity.currentUrl(), origin);
                    recorder.record(page.toString(), activity);
                    if (i == 0 && pass != Pass.NO_CHOICE) {
                        List<String> names = pass == Pass.ACCEPTED ? settings.acceptNames() : settings.rejectNames();
                        if (!browser.click(names)) {
                            throw new AuditFailure("found no button named " + quoted(names) + " on " + page
                                    + "; if the site has its own banner, give its buttons' names with --accept-button "
                                    + "and --reject-button");
                        }
                        activity = browser.collect();
                        checkStayed(page, activity.currentUrl(), origin);
                        recorder.record(page.toString(), activity);
                    }
                    if (pass == Pass.NO_CHOICE) {
                        for (String link : browser.links()) {
                            String found = sameOriginPage(link, origin);
                            if (found != null && pages.size() < settings.maxPages()) {
                                pages.add(found);
                                if (!visit.contains(found)) {
                                    visit.add(found);
                                }
                            }
                        }
                    }
                }
            }
        }
        return new AuditRun(origin, List.copyOf(pages).subList(0, Math.min(pages.size(), settings.maxPages())),
                cookies, storage, requests, incomplete);
    }

    /** A script can send the browser elsewhere after the page loaded: that stops the audit too. */
    private static void checkStayed(URI page, String currentUrl, String origin) {
        if (currentUrl != null && !currentUrl.isEmpty() && !Origins.of(currentUrl).equals(origin)) {
            throw new AuditFailure(page + " sent the browser to " + currentUrl + ", which is on another origin than "
                    + origin + "; the audit only visits the origin it was given");
        }
    }

    /** {@code link} as a page to visit: same origin, http(s), without fragment; null otherwise. */
    static String sameOriginPage(String link, String origin) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!Origins.of(uri).equals(origin) || uri.getRawPath() == null) {
            return null;
        }
        String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".") && !last.endsWith(".html") && !last.endsWith(".htm")) {
            return null; // a file (stylesheet, PDF, sitemap), not a page
        }
        return origin + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String page(URI uri) {
        String page = sameOriginPage(uri.toString(), Origins.of(uri));
        return page == null ? uri.toString() : page;
    }

    /**
     * The sitemap's pages, as paths on the audited origin. A sitemap index (a big site's sitemap is split into
     * parts) names other sitemaps: they are read in order, also as paths on the audited origin (nothing is fetched
     * from another), until there are pages enough for the audit.
     */
    List<String> sitemapPages(String origin) {
        URI sitemap = settings.sitemap();
        if (!Origins.of(sitemap).equals(origin)) {
            throw new AuditFailure("the sitemap " + sitemap + " is on another origin than " + origin
                    + "; give the sitemap of the audited site");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.pageTimeout()).build();
        org.jsoup.nodes.Document root = Jsoup.parse(fetch(client, sitemap, origin, null), "", Parser.xmlParser());
        List<String> pages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        addPages(root.select("url > loc"), origin, pages, seen);
        Set<String> read = new HashSet<>();
        for (Element loc : root.select("sitemapindex > sitemap > loc")) {
            if (pages.size() >= settings.maxPages()) {
                break; // the audit visits no more: the other parts are not fetched
            }
            String part = onOrigin(loc.text(), origin);
            if (part != null && read.add(part)) {
                Element partRoot = Jsoup.parse(fetch(client, URI.create(part), origin, sitemap), "", Parser.xmlParser());
                addPages(partRoot.select("url > loc"), origin, pages, seen); // an index in an index is not followed
            }
        }
        return pages;
    }

    /** The pages of {@code locs} not seen yet, as paths on {@code origin}. */
    private static void addPages(List<Element> locs, String origin, List<String> pages, Set<String> seen) {
        for (Element loc : locs) {
            String page = onOrigin(loc.text(), origin);
            page = page == null ? null : sameOriginPage(page, origin);
            if (page != null && seen.add(page)) {
                pages.add(page);
            }
        }
    }

    /** The path of the address {@code listed} on {@code origin}; null when it is no URL. */
    private static String onOrigin(String listed, String origin) {
        try {
            URI uri = URI.create(listed.trim());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return origin + path;
        } catch (IllegalArgumentException e) {
            return null; // an entry that is no URL is nothing to read
        }
    }

    /** The text of the sitemap at {@code address}, named by the sitemap index {@code index} (null for the one given). */
    private String fetch(HttpClient client, URI address, String origin, URI index) {
        String named = index == null ? "" : " (named by " + index + ")";
        reachability.check(address, origin);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(address).timeout(settings.pageTimeout()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AuditFailure("the sitemap " + address + named + " answered with HTTP status " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new AuditFailure("cannot read the sitemap " + address + named + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("the audit was interrupted", e);
        }
    }

    private static String quoted(List<String> names) {
        return String.join(" or ", names.stream().map(name -> "'" + name + "'").toList());
    }

    /** Turns page activity into observations: each cookie and storage key once per pass, where it first appeared. */
    private static final class Recorder {
        private final Pass pass;
        private final String origin;
        private final List<SeenCookie> cookies;
        private final List<SeenStorage> storage;
        private final List<SeenRequest> requests;
        private final Set<String> knownCookies = new HashSet<>();
        private final Set<String> knownKeys = new HashSet<>();
        private final Set<String> knownRequests = new HashSet<>();

        Recorder(Pass pass, String origin, List<SeenCookie> cookies, List<SeenStorage> storage, List<SeenRequest> requests) {
            this.pass = pass;
            this.origin = origin;
            this.cookies = cookies;
            this.storage = storage;
            this.requests = requests;
        }

        void record(String page, PageActivity activity) {
            long now = Instant.now().getEpochSecond();
            for (PageActivity.JarCookie cookie : activity.jar()) {
                if (!knownCookies.add(cookie.name() + "|" + cookie.domain() + "|" + cookie.path())) {
                    continue;
                }
                SeenCookie.SetBy setBy = SeenCookie.SetBy.UNKNOWN;
                String setter = "";
                if (activity.headerSetters().containsKey(cookie.name())) {
                    setBy = SeenCookie.SetBy.HEADER;
                    setter = activity.headerSetters().get(cookie.name());
                } else if (activity.scriptSetters().containsKey(cookie.name())) {
                    setBy = SeenCookie.SetBy.SCRIPT;
                    setter = activity.scriptSetters().get(cookie.name());
                }
                long lifetime = cookie.expires() < 0 ? -1 : Math.max(0, cookie.expires() - now);
                cookies.add(new SeenCookie(cookie.name(), cookie.domain(), cookie.path(), cookie.expires(), lifetime,
                        cookie.secure(), cookie.httpOnly(), cookie.sameSite(), page, setter, setBy, pass));
            }
            for (String key : activity.localStorageKeys()) {
                if (knownKeys.add("localStorage|" + key)) {
                    storage.add(new SeenStorage("localStorage", key, page, pass));
                }
            }
            for (String key : activity.sessionStorageKeys()) {
                if (knownKeys.add("sessionStorage|" + key)) {
                    storage.add(new SeenStorage("sessionStorage", key, page, pass));
                }
            }
            for (String url : activity.requests()) {
                URI uri;
                try {
                    uri = URI.create(url);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                String requestOrigin = Origins.of(uri);
                if (requestOrigin.isEmpty() || requestOrigin.equals(origin) || !uri.getScheme().matches("(?i)https?|wss?")) {
                    continue;
                }
                String kept = Origins.withoutQuery(uri);
                if (knownRequests.add(kept)) {
                    requests.add(new SeenRequest(kept, uri.getHost().toLowerCase(java.util.Locale.ROOT),
                            Origins.authority(uri), page, pass));
                }
            }
        }
    }
}
