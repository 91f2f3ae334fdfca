package org.privacysite.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.internal.consent.ConsentConfig;
import org.privacysite.internal.consent.ConsentConfigLoader;

/**
 * What the audit saw, compared with cookies.yaml: the rules that the browser test's site does not reach
 * (a session cookie that persists, hosts no category names, storage keys, one finding for many pages).
 */
class CookieComparisonTest {

    private static final String SITE = "https://shop.example";
    private static final long DAY = 86_400;

    @TempDir
    Path dir;

    private ConsentConfig config;

    @BeforeEach
    void cookiesYaml() throws IOException {
        Files.writeString(dir.resolve("cookies.yaml"), """
                categories:
                  - id: necessary
                    required: true
                    hosts: [cdn.example]
                    cookies:
                      - {name: consent, provider: Shop, duration: 6 months, purpose: p}
                      - {name: sid, provider: Shop, duration: session, purpose: p}
                  - id: analytics
                    scripts: [{src: "https://stats.example/s.js"}]
                    cookies:
                      - {name: "_ga_*", provider: Stats, duration: 13 months, purpose: p}
                      - {name: "cart_*", type: localStorage, provider: Shop, duration: 1 year, purpose: p}
                """, StandardCharsets.UTF_8);
        config = ConsentConfigLoader.load(dir);
    }

    private static SeenCookie cookie(String name, long lifetimeDays, String page, String setter, SeenCookie.SetBy by, Pass pass) {
        long lifetime = lifetimeDays < 0 ? -1 : lifetimeDays * DAY;
        return new SeenCookie(name, "shop.example", "/", lifetime < 0 ? -1 : 1_800_000_000L, lifetime, true, false, "Lax",
                SITE + page, setter, by, pass);
    }

    private List<Finding> compare(List<SeenCookie> cookies, List<SeenStorage> storage, List<SeenRequest> requests) {
        return CookieComparison.compare(config, new AuditRun(SITE, List.of(SITE + "/", SITE + "/a/", SITE + "/b/"),
                cookies, storage, requests, null));
    }

    private static List<String> rules(List<Finding> findings) {
        return errors(findings).stream().map(Finding::ruleId).toList();
    }

    /** The errors, in report order (file-level ones first, then by line); the warnings are never-seen cookies. */
    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(Finding::isError).toList();
    }

    @Test
    void aDeclaredSessionCookieThatPersistsLivesLongerThanDeclared() {
        List<Finding> findings = errors(compare(List.of(cookie("sid", 30, "/", SITE + "/", SeenCookie.SetBy.HEADER, Pass.NO_CHOICE)),
                List.of(), List.of()));
        assertEquals(List.of("audit.lifetime-longer"), rules(findings));
        assertTrue(findings.get(0).message().contains("cookie 'sid' lives 30 days, but cookies.yaml declares a session cookie (set on"),
                findings.get(0).message());
    }

    @Test
    void aPatternCoversEveryMatchingNameAndItsLifetimeCountsInWholeMonths() {
        List<Finding> findings = compare(List.of(
                cookie("_ga_K2X9", 400, "/", "https://stats.example/s.js", SeenCookie.SetBy.SCRIPT, Pass.ACCEPTED),
                cookie("_ga_Q7", 13 * 31, "/", "https://stats.example/s.js", SeenCookie.SetBy.SCRIPT, Pass.ACCEPTED),
                cookie("consent", 180, "/", SITE + "/consent.js", SeenCookie.SetBy.SCRIPT, Pass.ACCEPTED)), List.of(), List.of());
        assertEquals(List.of(), rules(findings), "13 months may be 13 x 31 days; the stats host is the analytics script's");
    }

    @Test
    void oneProblemOnManyPagesIsOneFindingThatCountsThePages() {
        List<Finding> findings = errors(compare(List.of(
                cookie("promo", 1, "/", SITE + "/", SeenCookie.SetBy.HEADER, Pass.NO_CHOICE),
                cookie("promo", 1, "/a/", SITE + "/a/", SeenCookie.SetBy.HEADER, Pass.REJECTED),
                cookie("promo", 1, "/b/", SITE + "/b/", SeenCookie.SetBy.HEADER, Pass.ACCEPTED)), List.of(), List.of()));
        assertEquals(List.of("audit.undeclared-cookie"), rules(findings));
        assertTrue(findings.get(0).message().contains("on " + SITE + "/ before any choice by the Set-Cookie header of "
                + SITE + "/ (and on 2 other pages), but cookies.yaml does not declare it"), findings.get(0).message());
    }

    @Test
    void hostsNoCategoryNamesAreErrorsAndNamedNecessaryHostsMayBeContactedBeforeConsent() {
        List<Finding> findings = errors(compare(
                List.of(cookie("_ga_1", 30, "/", "https://tracker.example/t.js", SeenCookie.SetBy.SCRIPT, Pass.ACCEPTED)),
                List.of(),
                List.of(new SeenRequest("https://cdn.example/font.woff2", "cdn.example", "cdn.example", SITE + "/", Pass.NO_CHOICE),
                        new SeenRequest("https://pixel.example/p.gif", "pixel.example", "pixel.example", SITE + "/", Pass.ACCEPTED))));
        assertEquals(List.of("audit.unknown-host", "audit.unknown-host"), rules(findings));
        assertTrue(findings.get(0).message().startsWith("cookie '_ga_1' comes from tracker.example"), findings.get(0).message());
        assertTrue(findings.get(1).message().startsWith("the browser contacted pixel.example (https://pixel.example/p.gif) on "
                + SITE + "/ after \"Accept all\""), findings.get(1).message());
    }

    @Test
    void storageKeysAreDeclaredByTypeAndOptionalOnesWaitForConsent() {
        List<Finding> findings = errors(compare(List.of(), List.of(
                new SeenStorage("localStorage", "cart_42", SITE + "/", Pass.NO_CHOICE),
                new SeenStorage("sessionStorage", "cart_42", SITE + "/", Pass.ACCEPTED)), List.of()));
        assertEquals(List.of("audit.undeclared-storage", "audit.cookie-before-consent"), rules(findings));
        assertTrue(findings.get(0).message().startsWith("sessionStorage key 'cart_42' is written"), findings.get(0).message());
        assertTrue(findings.get(1).message().startsWith("localStorage key 'cart_42' of the optional category 'analytics' is set on "
                + SITE + "/ before any choice"), findings.get(1).message());
    }

    @Test
    void theProposalListsOnlyWhatIsUndeclaredWithTheLongestLifetimeItNeeds() {
        AuditRun run = new AuditRun(SITE, List.of(SITE + "/"), List.of(
                cookie("promo", 3, "/", SITE + "/", SeenCookie.SetBy.HEADER, Pass.NO_CHOICE),
                cookie("_ga_1", 30, "/", "https://stats.example/s.js", SeenCookie.SetBy.SCRIPT, Pass.ACCEPTED),
                cookie("px", 90, "/", "https://ads.example/t.js", SeenCookie.SetBy.SCRIPT, Pass.ACCEPTED)),
                List.of(new SeenStorage("localStorage", "theme", SITE + "/", Pass.NO_CHOICE)), List.of(), null);
        String proposal = Proposal.text(config, run);
        assertTrue(proposal.contains("  - name: promo\n    provider: \"TODO: who sets it\"\n    party: first\n    duration: 3 days\n"),
                proposal);
        assertTrue(proposal.contains("  - name: px\n    provider: \"TODO: who sets it\"\n    party: third\n    duration: 90 days\n"),
                proposal);
        assertTrue(proposal.contains("  - name: theme\n    type: localStorage\n"), proposal);
        assertTrue(!proposal.contains("_ga_1"), proposal);
        assertNull(Proposal.text(config, new AuditRun(SITE, List.of(), List.of(), List.of(), List.of(), null)));
    }
}
