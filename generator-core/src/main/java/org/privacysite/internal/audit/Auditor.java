package org.privacysite.internal.audit;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
            pages.addAll(SitemapPages.read(settings, reachability, origin));
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
