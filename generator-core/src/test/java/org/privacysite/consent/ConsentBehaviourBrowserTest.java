package org.privacysite.consent;

import org.privacysite.browser.Browser;
import org.privacysite.browser.BrowserSession;
import org.privacysite.browser.LoopbackServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

/**
 * The consent rules, in real headless Chromium, on the fixture site (cookies.yaml gates
 * analytics.js and marketing.js of a second loopback origin, the "third party", which counts the
 * requests it gets). One browser for the whole class; every test starts without cookies.
 */
class ConsentBehaviourBrowserTest {

    private static final String ANALYTICS_JS = "window.__ran_analytics = true;"
            + " document.cookie = '_pk_id.1a2b=visitor; Path=/'; document.cookie = '_pk_ses.1a2b=1; Path=/';";
    private static final String MARKETING_JS = "window.__ran_marketing = true; document.cookie = 'fx_ref=partner42; Path=/';";
    private static final Set<String> OPTIONAL = Set.of("functional", "analytics", "marketing");

    @RegisterExtension
    static final BrowserSession session = BrowserSession.onLoopback();

    private static LoopbackServer thirdParty;
    private static Path revision1;
    private static Path revision2;

    private final Browser browser = session.browser();
    private final LoopbackServer site = session.server();

    @BeforeAll
    static void start() {
        thirdParty = LoopbackServer.start("127.0.0.2")
                .script("/analytics.js", ANALYTICS_JS)
                .script("/marketing.js", MARKETING_JS)
                .resource("/embed.html", "text/html; charset=utf-8", "<!DOCTYPE html><title>Embed</title><p>A third-party embed</p>");
        Path dir = TestPaths.target().resolve("consent-tests");
        revision1 = SiteBuilds.fixtureSite(1, thirdParty.origin(), dir.resolve("fixture-r1"));
        revision2 = SiteBuilds.fixtureSite(2, thirdParty.origin(), dir.resolve("fixture-r2"));
    }

    @AfterAll
    static void stop() {
        if (thirdParty != null) {
            thirdParty.close();
        }
    }

    @BeforeEach
    void freshVisitor() {
        site.serving(revision1);
        session.freshVisitor();
        browser.consoleMessages();
        thirdParty.resetCounts();
    }

    private String page() {
        return site.origin() + "/en/cookies/";
    }

    private void openPage() {
        browser.open(page());
        browser.waitFor("document.readyState === 'complete'");
    }

    /** Clicks the visible button for {@code action}: in the open dialog if there is one, else in the banner. */
    private void click(String action) {
        String selector = "[data-consent-action='" + action + "']";
        browser.findAll("#ps-consent-dialog[open] " + selector + ", #ps-consent " + selector).stream()
                .filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElseThrow().click();
    }

    private boolean bannerShown() {
        return browser.find("#ps-consent").isDisplayed();
    }

    private boolean ran(String category) {
        return Boolean.TRUE.equals(browser.js("return window.__ran_" + category + " === true;"));
    }

    private Set<String> cookieNames() {
        return browser.driver.manage().getCookies().stream().map(Cookie::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private String storedChoice() {
        Cookie cookie = browser.driver.manage().getCookieNamed("fx_consent");
        return cookie == null ? null : cookie.getValue();
    }

    /** Lets any wrongly started load reach the third party before counting its requests. */
    private static void settle() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void beforeAnyChoiceNothingOptionalLoadsAndNoCookieIsSet() {
        openPage();
        assertTrue(bannerShown(), "the banner asks");
        settle();
        assertEquals(0, thirdParty.totalHits(), "no request to the third party before consent");
        assertEquals(Set.of(), cookieNames(), "no cookie before a choice (not even the consent cookie)");
        assertFalse(ran("analytics"));
        assertFalse(ran("marketing"));
        assertEquals(2, browser.findAll("script[type='text/plain'][data-consent]").size(), "the tags stay inert");
        assertEquals(List.of(), browser.js("return (window.dataLayer || []).slice(1).map(function (a) { return Array.from(a); });"),
                "only the Consent Mode default, no update before a choice");
    }

    @Test
    void firstLayerOffersThreeEquallyProminentChoicesAndNoPreTickedBox() {
        openPage();
        List<String> classes = browser.findAll("#ps-consent button").stream()
                .map(button -> button.getTagName() + "." + button.getDomAttribute("class")).toList();
        assertEquals(List.of("button.consent-button", "button.consent-button", "button.consent-button"), classes);
        List<String> sizes = browser.findAll("#ps-consent button").stream()
                .map(button -> button.getCssValue("background-color") + " " + button.getCssValue("color") + " "
                        + button.getCssValue("font-size") + " " + button.getCssValue("font-weight") + " "
                        + button.getSize().getHeight())
                .distinct().toList();
        assertEquals(1, sizes.size(), "same colours, type and height: " + sizes);
        click("customize");
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        assertEquals(0L, browser.js("return document.querySelectorAll('#ps-consent-dialog input:checked').length;"),
                "no pre-ticked box");
    }

    @Test
    void acceptAllRunsTheGatedScriptsAndStoresTheChoiceFirstParty() {
        openPage();
        browser.js("window.__events = []; document.addEventListener('privacy-site:consent', function (e) { __events.push(e.detail); });");
        click("accept");
        browser.waitFor("window.__ran_analytics && window.__ran_marketing");
        assertFalse(bannerShown());
        assertEquals(1, thirdParty.hits("/analytics.js"));
        assertEquals(1, thirdParty.hits("/marketing.js"));

        Cookie choice = browser.driver.manage().getCookieNamed("fx_consent");
        assertNotNull(choice, "the choice is stored in the first-party cookie named in cookies.yaml");
        String[] parts = choice.getValue().split("\\.");
        assertEquals("1", parts[0], "revision");
        long stored = Long.parseLong(parts[1]);
        assertTrue(Math.abs(Instant.now().getEpochSecond() - stored) < 120, "timestamp");
        assertEquals(OPTIONAL, Set.of(parts[2].split("\\+")), "categories");
        assertEquals("/", choice.getPath());
        assertEquals("Lax", choice.getSameSite());
        assertFalse(choice.isSecure(), "Secure is set on https pages only");
        ZonedDateTime expected = ZonedDateTime.now(ZoneOffset.UTC).plusMonths(6);
        long offBy = Math.abs(Duration.between(expected.toInstant(), choice.getExpiry().toInstant()).toHours());
        assertTrue(offBy < 48, "the cookie expires after expiryMonths (6): " + choice.getExpiry());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) browser.js("return window.__events;");
        assertEquals(1, events.size(), "one privacy-site:consent event");
        assertEquals(List.of("necessary", "functional", "analytics", "marketing"), events.get(0).get("categories"));
        assertEquals(1L, events.get(0).get("revision"));

        List<String> cspProblems = browser.consoleMessages().stream()
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused")).toList();
        assertEquals(List.of(), cspProblems, "the strict CSP allows the page and the consented vendors' scripts");
    }

    @Test
    @SuppressWarnings("unchecked")
    void googleConsentModeDefaultsToDeniedAndUpdatesOnTheChoice() {
        openPage();
        click("accept");
        browser.waitFor("window.__ran_analytics");
        List<List<Object>> layer = (List<List<Object>>) browser.js(
                "return window.dataLayer.map(function (a) { return Array.from(a); });");
        assertEquals(List.of("consent", "default"), layer.get(0).subList(0, 2));
        Map<String, Object> defaults = (Map<String, Object>) layer.get(0).get(2);
        for (String signal : List.of("ad_storage", "ad_user_data", "ad_personalization", "analytics_storage")) {
            assertEquals("denied", defaults.get(signal), signal);
        }
        assertEquals(List.of("consent", "update"), layer.get(1).subList(0, 2));
        Map<String, Object> update = (Map<String, Object>) layer.get(1).get(2);
        for (String signal : List.of("ad_storage", "ad_user_data", "ad_personalization", "analytics_storage")) {
            assertEquals("granted", update.get(signal), signal);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void rejectAllLoadsNothing() {
        openPage();
        click("reject");
        browser.waitUntil(d -> storedChoice() != null);
        settle();
        assertFalse(bannerShown());
        assertEquals(0, thirdParty.totalHits(), "nothing loads from the third party");
        assertFalse(ran("analytics"));
        assertFalse(ran("marketing"));
        assertTrue(storedChoice().matches("1\\.\\d+\\."), storedChoice());
        assertEquals(Set.of("fx_consent"), cookieNames());
        List<List<Object>> layer = (List<List<Object>>) browser.js(
                "return window.dataLayer.map(function (a) { return Array.from(a); });");
        assertEquals("denied", ((Map<String, Object>) layer.get(1).get(2)).get("analytics_storage"));
    }

    @Test
    void customizeAnalyticsOnlyRunsOnlyAnalytics() {
        openPage();
        click("customize");
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        browser.find("label[for='ps-consent-analytics']").click();
        click("save");
        browser.waitFor("window.__ran_analytics");
        settle();
        assertFalse(ran("marketing"));
        assertEquals(0, thirdParty.hits("/marketing.js"));
        assertTrue(storedChoice().endsWith(".analytics"), storedChoice());
        assertFalse(browser.find("#ps-consent-dialog").isDisplayed());
        assertFalse(bannerShown());
    }

    @Test
    void embedsStayPlaceholdersUntilTheirCategoryIsGranted() {
        openPage();
        // An embed as a site would write it in a template: an inert iframe and a placeholder explaining why.
        browser.js("var p = document.createElement('p'); p.className = 'placeholder';"
                + " p.setAttribute('data-consent-placeholder', 'marketing'); p.textContent = 'Accept marketing cookies to see this';"
                + " var f = document.createElement('iframe'); f.hidden = true; f.title = 'Embed';"
                + " f.setAttribute('data-consent', 'marketing'); f.setAttribute('data-src', arguments[0] + '/embed.html');"
                + " document.querySelector('main').append(p, f);", thirdParty.origin());
        click("customize");
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        browser.find("label[for='ps-consent-analytics']").click();
        click("save");
        browser.waitFor("window.__ran_analytics");
        settle();
        assertEquals(0, thirdParty.hits("/embed.html"), "not granted: the embed does not load");
        assertNull(browser.find("main iframe").getDomAttribute("src"));
        assertTrue(browser.find("main .placeholder").isDisplayed());

        browser.find("a[data-consent-open]").click();
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        browser.find("label[for='ps-consent-marketing']").click();
        click("save");
        browser.waitUntil(d -> thirdParty.hits("/embed.html") == 1);
        assertTrue(browser.find("main iframe").isDisplayed());
        assertFalse(browser.find("main .placeholder").isDisplayed(), "the placeholder gives way to the embed");
    }

    @Test
    void closingTheDialogIsNotConsent() {
        openPage();
        click("customize");
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        browser.find("label[for='ps-consent-marketing']").click();
        click("close");
        settle();
        assertNull(storedChoice());
        assertTrue(bannerShown(), "the banner still asks");
        assertEquals(0, thirdParty.totalHits());
    }

    @Test
    void reloadKeepsTheChoice() {
        openPage();
        click("customize");
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        browser.find("label[for='ps-consent-analytics']").click();
        click("save");
        browser.waitFor("window.__ran_analytics");
        openPage();
        browser.waitFor("window.__ran_analytics");
        assertFalse(bannerShown(), "not asked again");
        assertFalse(ran("marketing"));
        assertEquals(2, thirdParty.hits("/analytics.js"));
        assertEquals(0, thirdParty.hits("/marketing.js"));
    }

    @Test
    void aNewRevisionAsksAgain() {
        openPage();
        click("accept");
        browser.waitFor("window.__ran_analytics");
        site.serving(revision2);
        thirdParty.resetCounts();
        openPage();
        assertTrue(bannerShown(), "revision 2 asks again");
        settle();
        assertEquals(0, thirdParty.totalHits(), "the old choice does not load anything");
        click("reject");
        browser.waitUntil(d -> storedChoice() != null);
        assertTrue(storedChoice().startsWith("2."), storedChoice());
    }

    @Test
    void aChoiceOlderThanExpiryMonthsAsksAgain() {
        openPage();
        long sevenMonthsAgo = ZonedDateTime.now(ZoneOffset.UTC).minusMonths(7).toEpochSecond();
        browser.driver.manage().addCookie(new Cookie("fx_consent", "1." + sevenMonthsAgo + ".analytics+marketing", "/"));
        openPage();
        assertTrue(bannerShown(), "an expired choice asks again");
        settle();
        assertEquals(0, thirdParty.totalHits());

        long fiveMonthsAgo = ZonedDateTime.now(ZoneOffset.UTC).minusMonths(5).toEpochSecond();
        browser.driver.manage().addCookie(new Cookie("fx_consent", "1." + fiveMonthsAgo + ".analytics", "/"));
        openPage();
        browser.waitFor("window.__ran_analytics");
        assertFalse(bannerShown(), "a choice within expiryMonths still counts");
    }

    @Test
    void cookieSettingsReopensTheDialogAndWithdrawingDeletesTheCategorysCookies() {
        openPage();
        browser.driver.manage().addCookie(new Cookie("kestrel_unrelated", "keep", "/"));
        click("accept");
        browser.waitFor("window.__ran_analytics && window.__ran_marketing");
        assertTrue(cookieNames().containsAll(Set.of("_pk_id.1a2b", "_pk_ses.1a2b", "fx_ref")), cookieNames().toString());

        browser.find("a[data-consent-open]").click();
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        assertEquals(3L, browser.js("return document.querySelectorAll('#ps-consent-dialog input:checked').length;"),
                "the dialog shows the current choice");
        browser.find("label[for='ps-consent-analytics']").click();
        browser.js("window.__beforeReload = true;");
        click("save");
        // analytics.js already ran on this page and cannot be unloaded: the page starts afresh without it
        browser.waitFor("!window.__beforeReload && document.readyState === 'complete'");
        browser.waitFor("window.__ran_marketing");
        assertFalse(ran("analytics"));
        Set<String> names = cookieNames();
        assertFalse(names.contains("_pk_id.1a2b"), "pattern _pk_id.* deleted: " + names);
        assertFalse(names.contains("_pk_ses.1a2b"), "pattern _pk_ses.* deleted: " + names);
        assertTrue(names.containsAll(Set.of("fx_ref", "fx_consent", "kestrel_unrelated")), names.toString());
        assertEquals(1, thirdParty.hits("/analytics.js"), "not loaded again after withdrawal");
        assertEquals(Set.of("functional", "marketing"), Set.of(storedChoice().split("\\.")[2].split("\\+")));
    }

    @Test
    void globalPrivacyControlKeepsSaleOrSharingCategoriesOff() {
        Map<String, Object> added = browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });"));
        try {
            openPage();
            assertEquals(Boolean.TRUE, browser.js("return navigator.globalPrivacyControl;"));
            click("accept");
            browser.waitFor("window.__ran_analytics");
            settle();
            assertFalse(ran("marketing"), "GPC keeps marketing off even after Accept all");
            assertEquals(0, thirdParty.hits("/marketing.js"));
            assertFalse(storedChoice().contains("marketing"), storedChoice());

            browser.find("a[data-consent-open]").click();
            browser.waitFor("document.getElementById('ps-consent-dialog').open");
            assertTrue(browser.find("#ps-consent-dialog .consent-gpc").isDisplayed(), "the dialog says why");
            assertTrue(browser.find("#ps-consent-dialog .consent-gpc").getText().contains("Marketing cookies"));
            assertFalse(browser.find("#ps-consent-marketing").isSelected());
            assertFalse(browser.find("#ps-consent-marketing").isEnabled());
            browser.screenshot("dialog-gpc-en");
        } finally {
            browser.cdp("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
        }
        openPage();
        assertEquals(null, browser.js("return navigator.globalPrivacyControl === true ? true : null;"));
        browser.find("a[data-consent-open]").click();
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        assertFalse(browser.find("#ps-consent-dialog .consent-gpc").isDisplayed(), "no GPC text without the signal");
    }

    @Test
    void withJavaScriptOffThePageReadsAndTheSettingsLinkLeadsToThePolicy() {
        browser.cdp("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            openPage();
            assertFalse(bannerShown(), "no banner without JavaScript");
            assertFalse(browser.find("#ps-consent-dialog").isDisplayed());
            assertTrue(browser.find("main h1").isDisplayed());
            assertTrue(browser.find("a[data-consent-open]").getDomAttribute("href").endsWith("/en/cookies/#manage"));
            assertTrue(browser.find(".site-footer").getText().contains("only used when JavaScript is enabled"),
                    "the noscript note is shown");
            settle();
            assertEquals(0, thirdParty.totalHits());
        } finally {
            browser.cdp("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }
}
