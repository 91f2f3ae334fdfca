package org.privacysite.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.privacysite.browser.Browser;
import org.privacysite.browser.BrowserSession;
import org.privacysite.browser.LoopbackServer;

/**
 * The sample site's own gated scripts (content/cookies.yaml): Kestrel's first-party analytics
 * (assets/kestrel-analytics.js, category analytics) and its partner referral tag
 * (assets/kestrel-referral.js, category marketing), in real headless Chromium on loopback.
 */
class SampleSiteGatedScriptsBrowserTest {

    private static final String ANALYTICS = "/assets/kestrel-analytics.js";
    private static final String REFERRAL = "/assets/kestrel-referral.js";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.onSampleSite();

    private final Browser browser = session.browser();
    private final LoopbackServer site = session.server();

    @BeforeEach
    void freshVisitor() {
        session.freshVisitor();
        site.resetCounts();
    }

    /** The cookie policy, arriving by a partner's link. */
    private void openPage() {
        browser.open(site.origin() + "/en/cookies/?ref=partner42");
        browser.waitFor("document.readyState === 'complete'");
    }

    private void click(String action) {
        String selector = "[data-consent-action='" + action + "']";
        browser.findAll("#ps-consent-dialog[open] " + selector + ", #ps-consent " + selector).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
    }

    private Set<String> cookieNames() {
        return browser.driver.manage().getCookies().stream().map(Cookie::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private boolean ran(String global) {
        return Boolean.TRUE.equals(browser.js("return typeof window." + global + " === 'object';"));
    }

    private void acceptOnlyAnalytics() {
        click("customize");
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        browser.find("label[for='ps-consent-analytics']").click();
        click("save");
        browser.waitFor("window.kestrelAnalytics");
    }

    /** Lets a wrongly started load reach the server before counting. */
    private static void settle() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void neitherScriptRunsBeforeAChoice() {
        openPage();
        assertTrue(browser.find("#ps-consent").isDisplayed(), "the banner asks");
        settle();
        assertEquals(0, site.hits(ANALYTICS));
        assertEquals(0, site.hits(REFERRAL));
        assertFalse(ran("kestrelAnalytics"));
        assertEquals(Set.of(), cookieNames());
    }

    @Test
    void neitherScriptRunsAfterRejectAll() {
        openPage();
        click("reject");
        browser.waitUntil(d -> d.manage().getCookieNamed("kestrel_consent") != null);
        settle();
        openPage(); // and not on the next page either
        settle();
        assertEquals(0, site.hits(ANALYTICS));
        assertEquals(0, site.hits(REFERRAL));
        assertEquals(Set.of("kestrel_consent"), cookieNames());
    }

    @Test
    void acceptingAnalyticsRunsOnlyTheAnalyticsScript() {
        openPage();
        acceptOnlyAnalytics();
        settle();
        assertEquals(1, site.hits(ANALYTICS));
        assertEquals(0, site.hits(REFERRAL), "marketing was not accepted");
        assertFalse(ran("kestrelReferral"));
        assertEquals(Set.of("_pk_id.1", "_pk_ses.1", "kestrel_consent"), cookieNames());
        Cookie visitor = browser.driver.manage().getCookieNamed("_pk_id.1");
        long days = java.time.Duration.between(java.time.Instant.now(), visitor.getExpiry().toInstant()).toDays();
        assertTrue(days >= 390 && days <= 403, "lives about 13 months, as cookies.yaml declares: " + days + " days");
    }

    @Test
    void acceptAllRunsBoth() {
        openPage();
        click("accept");
        browser.waitFor("window.kestrelAnalytics && window.kestrelReferral");
        assertEquals(Set.of("_pk_id.1", "_pk_ses.1", "kestrel_consent", "kestrel_ref"), cookieNames());
        assertEquals("partner42", browser.driver.manage().getCookieNamed("kestrel_ref").getValue());
    }

    @Test
    void withdrawingConsentStopsTheScriptAndDeletesItsCookies() {
        openPage();
        acceptOnlyAnalytics();
        assertTrue(cookieNames().contains("_pk_id.1"));
        site.resetCounts();
        browser.find("a[data-consent-open]").click();
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        browser.find("label[for='ps-consent-analytics']").click(); // untick
        browser.js("window.__before_withdrawal = true;");
        click("save");
        browser.waitFor("!window.__before_withdrawal && document.readyState === 'complete'"); // consent.js reloads the page
        settle();
        assertFalse(ran("kestrelAnalytics"), "not run again");
        assertEquals(0, site.hits(ANALYTICS), "not even requested again");
        assertEquals(Set.of("kestrel_consent"), cookieNames(), "its cookies are deleted");
    }

    @Test
    void withGlobalPrivacyControlMarketingStaysRefusedAndTheBannerSaysSo() {
        Map<String, Object> added = browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });"));
        try {
            openPage();
            WebElement note = browser.find("#ps-consent .consent-gpc");
            assertTrue(note.isDisplayed(), "the banner says what GPC keeps off");
            assertTrue(note.getText().contains("Global Privacy Control") && note.getText().contains("Marketing"), note.getText());
            click("accept");
            browser.waitFor("window.kestrelAnalytics");
            settle();
            assertEquals(0, site.hits(REFERRAL), "Accept all does not override GPC");
            assertFalse(cookieNames().contains("kestrel_ref"), cookieNames().toString());
            assertFalse(browser.driver.manage().getCookieNamed("kestrel_consent").getValue().contains("marketing"));
        } finally {
            browser.cdp("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
        }
        browser.driver.manage().deleteAllCookies();
        openPage();
        assertFalse(browser.find("#ps-consent .consent-gpc").isDisplayed(), "no GPC note without the signal");
    }
}
