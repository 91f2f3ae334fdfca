package org.privacysite.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privacysite.browser.Browser;
import org.privacysite.browser.LoopbackServer;
import org.privacysite.cli.Main;
import org.privacysite.internal.output.OutputDirectory;

/**
 * {@code privacy-site audit} against a test site on loopback: the consent fixture site (its banner gates
 * analytics.js and marketing.js of a second loopback origin, the "third party") served with a Set-Cookie
 * header on every page and an undeclared one on the cookie policy, while analytics.js sets a cookie that
 * lives longer than cookies.yaml says. The audit must report exactly those two, with pages and setters.
 */
class CookieAuditBrowserTest {

    private static final String ANALYTICS_JS = "document.cookie = '_pk_id.1a2b=visitor; Path=/; Max-Age=' + (2 * 366 * 86400);"
            + " document.cookie = '_pk_ses.1a2b=1; Path=/';";
    private static final String MARKETING_JS = "document.cookie = 'fx_ref=partner42; Path=/; Max-Age=' + (30 * 86400);";
    private static final String NECESSARY_SESSION = """
                  - name: fx_session
                    provider: Fixture Ltd
                    party: first
                    duration: session
                    purpose: cookie.fx_session.purpose
            """;

    private static LoopbackServer site;
    private static LoopbackServer thirdParty;
    private static Path content;
    private static Path work;

    @BeforeAll
    static void start() throws IOException {
        Browser.requireChromium();
        thirdParty = LoopbackServer.start("127.0.0.2").script("/analytics.js", ANALYTICS_JS).script("/marketing.js", MARKETING_JS);
        work = TestPaths.target().resolve("audit-tests");
        OutputDirectory.delete(work);
        Path built = SiteBuilds.fixtureSite(1, thirdParty.origin(), work.resolve("site"));
        // What the audit reads: the fixture's sources with the session cookie the server sets declared too.
        content = work.resolve("content");
        OutputDirectory.copyTree(built.resolveSibling("site-content"), content);
        Path cookies = content.resolve("cookies.yaml");
        // Chromium caps a cookie's lifetime at 400 days: analytics.js asks for two years and gets 400 days, more
        // than the 12 months (at most 372 days) declared here.
        Files.writeString(cookies, Files.readString(cookies).replace("    required: true\n    cookies:\n",
                "    required: true\n    cookies:\n" + NECESSARY_SESSION).replace("duration: 13 months", "duration: 12 months"));
        site = LoopbackServer.start("127.0.0.1").serving(built)
                .header("*", "Set-Cookie", "fx_session=s1; Path=/; HttpOnly; SameSite=Lax")
                .header("/en/cookies/", "Set-Cookie", "fx_promo=summer; Path=/; Max-Age=86400")
                // A page of the site's own making: a tag loaded without the banner, and the site's own banner.
                .resource("/landing/", "text/html; charset=utf-8", "<!DOCTYPE html><html lang=en><title>Landing</title>"
                        + "<script src='" + thirdParty.origin() + "/marketing.js'></script>"
                        + "<p>Cookies?</p><button>Fine by me</button> <button>No thanks</button>")
                .resource("/plain/", "text/html; charset=utf-8", "<!DOCTYPE html><html lang=en><title>Plain</title><p>No banner here")
                .resource("/slow/", "text/html; charset=utf-8", "<!DOCTYPE html><html lang=en><title>Slow</title><img alt='' src='/hang'>")
                .hang("/hang")
                // A page no link leads to, listed in a sitemap that names the production addresses.
                .resource("/hidden/", "text/html; charset=utf-8", "<!DOCTYPE html><html lang=en><title>Hidden</title><p>Only in the sitemap")
                .header("/hidden/", "Set-Cookie", "fx_hidden=1; Path=/")
                .resource("/audit-sitemap.xml", "application/xml", "<?xml version='1.0' encoding='UTF-8'?>"
                        + "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                        + "<url><loc>https://www.fixture.example/en/cookies/</loc></url>"
                        + "<url><loc>https://www.fixture.example/hidden/</loc></url></urlset>")
                .redirect("/moved/", thirdParty.origin() + "/elsewhere/");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
        if (thirdParty != null) {
            thirdParty.close();
        }
    }

    @AfterEach
    void theBrowserIsAlwaysClosed() throws InterruptedException {
        List<String> left = List.of();
        for (int i = 0; i < 50; i++) { // destroyForcibly is asynchronous: give the processes a moment to go
            left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .map(process -> process.info().command().orElse("")).filter(command -> command.contains("chrom")).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(List.of(), left, "no Chromium or chromedriver process is left");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run audit(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[arguments.length + 5];
        args[0] = "audit";
        args[1] = "--content";
        args[2] = arguments.length > 0 && arguments[0].equals("--content") ? arguments[1] : content.toString();
        args[3] = "--templates";
        args[4] = TestPaths.templates().toString();
        int skip = arguments.length > 0 && arguments[0].equals("--content") ? 2 : 0;
        System.arraycopy(arguments, skip, args, 5, arguments.length - skip);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), java.util.Arrays.copyOf(args, 5 + arguments.length - skip));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> lines(String text, String contains) {
        return text.lines().filter(line -> line.contains(contains)).toList();
    }

    @Test
    void reportsTheUndeclaredCookieAndTheLongerLifetimeWithPagesAndSettersThenPassesOnceFixed() throws IOException {
        Path proposal = work.resolve("proposed-cookies.yaml");
        Path reports = work.resolve("reports");
        Run run = audit("--url", site.origin() + "/en/cookies/", "--propose", proposal.toString(), "--report-dir", reports.toString());
        assertEquals(1, run.code(), run.err() + run.out());

        List<String> errors = lines(run.err(), ": error: ");
        assertEquals(2, errors.size(), run.err());
        String undeclared = lines(run.err(), "[audit.undeclared-cookie]").get(0);
        assertTrue(undeclared.contains("cookie 'fx_promo'") && undeclared.contains("on " + site.origin() + "/en/cookies/ before any choice")
                && undeclared.contains("by the Set-Cookie header of " + site.origin() + "/en/cookies/"), undeclared);
        String lifetime = lines(run.err(), "[audit.lifetime-longer]").get(0);
        assertTrue(lifetime.contains("cookie '_pk_id.1a2b' lives 400 days, longer than the 12 months cookies.yaml declares for '_pk_id.*'")
                && lifetime.contains("after \"Accept all\"") && lifetime.contains("by the script " + thirdParty.origin() + "/analytics.js"),
                lifetime);
        assertTrue(lifetime.startsWith(org.privacysite.Location.of(content.resolve("cookies.yaml")).displayPath() + ":30:9:"),
                "points at the declaration of _pk_id.*: " + lifetime);
        assertEquals(List.of(), lines(run.err(), "[audit.cookie-before-consent]"), "the banner gates the tags");
        assertEquals(List.of(), lines(run.err(), "[audit.request-before-consent]"));

        String draft = Files.readString(proposal);
        assertTrue(draft.contains("  - name: fx_promo\n") && draft.contains("    duration: 1 day\n"), draft);
        assertFalse(draft.contains("_pk_id"), "declared cookies are not proposed: " + draft);
        assertTrue(Files.readString(content.resolve("cookies.yaml")).contains("12 months"), "cookies.yaml is never edited");

        String html = Files.readString(reports.resolve("cookie-audit.html"));
        assertTrue(html.contains("<td>fx_session</td><td>127.0.0.1</td><td>/</td><td>session</td><td>no</td><td>yes</td><td>Lax</td>"),
                "attributes of every cookie: " + html);
        assertTrue(html.contains(thirdParty.origin().substring("http://".length())), "the third party contacted after accepting");
        assertTrue(Files.readString(reports.resolve("privacy-site-audit.sarif")).contains("audit.lifetime-longer"));
        assertTrue(Files.isRegularFile(reports.resolve("TEST-privacy-site-audit.xml")));
        assertTrue(Files.isRegularFile(reports.resolve("privacy-site-audit.json")));

        // Legal completes the draft (a cookie the server sets before any choice can only be strictly necessary)
        // and fixes the lifetime.
        String entries = draft.substring(draft.indexOf("cookies:\n") + "cookies:\n".length())
                .lines().map(line -> "    " + line).reduce("", (a, b) -> a + b + "\n");
        Path fixed = work.resolve("content-fixed");
        OutputDirectory.copyTree(content, fixed);
        Path cookies = fixed.resolve("cookies.yaml");
        Files.writeString(cookies, Files.readString(cookies)
                .replace("    required: true\n    cookies:\n", "    required: true\n    cookies:\n" + entries)
                .replace("duration: 12 months", "duration: 14 months"), StandardCharsets.UTF_8);
        Run again = audit("--content", fixed.toString(), "--url", site.origin() + "/en/cookies/");
        assertEquals(0, again.code(), again.err() + again.out());
        assertEquals(List.of(), lines(again.err(), ": error: "));
    }

    @Test
    void aTagLoadedWithoutTheBannerIsReportedBeforeAnyChoiceAndAfterRejectAll() {
        Run run = audit("--url", site.origin() + "/landing/", "--pages", "1",
                "--accept-button", "Fine by me", "--reject-button", "No thanks");
        assertEquals(1, run.code(), run.err() + run.out());
        List<String> cookies = lines(run.err(), "[audit.cookie-before-consent]");
        assertEquals(2, cookies.size(), run.err());
        assertTrue(cookies.get(0).contains("cookie 'fx_ref' of the optional category 'marketing' is set on " + site.origin()
                + "/landing/ before any choice by the script " + thirdParty.origin() + "/marketing.js"), cookies.get(0));
        assertTrue(cookies.get(1).contains("after \"Reject all\""), cookies.get(1));
        List<String> requests = lines(run.err(), "[audit.request-before-consent]");
        assertEquals(2, requests.size(), run.err());
        assertTrue(requests.get(0).contains("the browser contacted " + thirdParty.origin().substring(7) + " ("
                + thirdParty.origin() + "/marketing.js) on " + site.origin() + "/landing/ before any choice"), requests.get(0));
    }

    @Test
    void theSitemapsPagesAreVisitedAsPathsOnTheAuditedOrigin() {
        Run run = audit("--url", site.origin() + "/en/cookies/", "--sitemap", site.origin() + "/audit-sitemap.xml", "--pages", "2");
        assertEquals(1, run.code(), run.err());
        List<String> hidden = lines(run.err(), "cookie 'fx_hidden'");
        assertEquals(1, hidden.size(), run.err());
        assertTrue(hidden.get(0).contains("is set on " + site.origin() + "/hidden/ before any choice by the Set-Cookie header of "
                + site.origin() + "/hidden/"), hidden.get(0));
    }

    @Test
    void theTimeLimitStopsTheAuditWithAWarningAndWhatItFoundSoFar() {
        Run run = audit("--url", site.origin() + "/en/cookies/", "--time-limit", "0");
        assertEquals(0, run.code(), "warnings only: " + run.err());
        List<String> incomplete = lines(run.err(), "[audit.incomplete]");
        assertEquals(1, incomplete.size(), run.err());
        assertTrue(incomplete.get(0).contains("the audit reached its time limit of 0 seconds before any choice, after 0 of 1 pages; "
                + "allow more time with --time-limit"), incomplete.get(0));
        assertTrue(lines(run.err(), "[audit.cookie-never-seen]").size() >= 1, "nothing was seen: " + run.err());
    }

    @Test
    void anUnreachableSiteIsSaidInWords() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Run run = audit("--url", "http://127.0.0.1:" + port + "/");
        assertEquals(2, run.code(), run.err());
        assertEquals("audit: cannot reach http://127.0.0.1:" + port + "/: nothing answers at that address (connection refused); "
                + "check the address and that the site is running\n", run.err());
    }

    @Test
    void aPageThatNeverFinishesLoadingStopsTheAuditInWords() {
        Run run = audit("--url", site.origin() + "/slow/", "--page-timeout", "3");
        assertEquals(2, run.code(), run.err());
        assertEquals("audit: " + site.origin() + "/slow/ did not finish loading within 3 seconds (some request of the page "
                + "never completed); check that the page loads in a browser, or allow more time with --page-timeout\n", run.err());
    }

    @Test
    void aBannerThatCannotBeFoundIsSaidInWords() {
        Run run = audit("--url", site.origin() + "/plain/", "--pages", "1");
        assertEquals(2, run.code(), run.err());
        assertEquals("audit: found no button named 'Reject all' on " + site.origin() + "/plain/; if the site has its own "
                + "banner, give its buttons' names with --accept-button and --reject-button\n", run.err());
    }

    @Test
    void aRedirectToAnotherOriginIsNotFollowed() {
        Run run = audit("--url", site.origin() + "/moved/");
        assertEquals(2, run.code(), run.err());
        assertEquals("audit: " + site.origin() + "/moved/ redirects to " + thirdParty.origin() + "/elsewhere/, which is on "
                + "another origin than " + site.origin() + "; the audit only visits the origin it was given: audit "
                + thirdParty.origin() + "/ itself, or fix the redirect\n", run.err());
        assertEquals(0, thirdParty.hits("/elsewhere/"), "never followed");
    }

    @Test
    void withoutChromiumTheAuditSaysHowToInstallIt() {
        Run run = audit("--url", site.origin() + "/en/cookies/", "--chromium", "/nonexistent/chromium");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().startsWith("audit: the cookie audit needs Chromium and its driver, and they are not installed"), run.err());
        assertTrue(run.err().contains("sudo apt-get install chromium chromium-driver"), run.err());
    }
}
