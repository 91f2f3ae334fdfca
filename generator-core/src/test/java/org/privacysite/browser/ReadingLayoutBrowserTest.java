package org.privacysite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.privacysite.consent.AxeCore;

/**
 * The policy pages of the sample site as a reader meets them: a sticky contents column beside the text
 * on a wide screen (plain links without JavaScript, the current clause marked with it), the contents
 * folded on a phone, a cookie banner that overlays the page without hiding its heading or what has the
 * keyboard focus, and light and dark colour schemes without accessibility violations.
 */
class ReadingLayoutBrowserTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.onSampleSite();

    private final Browser browser = session.browser();

    @BeforeEach
    void freshVisitor() {
        session.freshVisitor();
        browser.viewport(1280, 800);
    }

    @AfterEach
    void reset() {
        browser.cdp("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        browser.cdp("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        browser.viewport(0, 0);
    }

    private void open(String path) {
        session.open(path);
        browser.waitFor("document.readyState === 'complete'");
    }

    /** Stores a "reject all" choice, so that the banner stays away. */
    private void rejectOptionalCookies() {
        browser.find("#ps-consent [data-consent-action='reject']").click();
        browser.waitFor("document.getElementById('ps-consent').hidden");
    }

    /** Whether the element is on screen and on top at its centre (what a reader sees, measured by the browser). */
    private boolean visible(String css) {
        return Boolean.TRUE.equals(browser.js("""
                var e = document.querySelector(arguments[0]), r = e.getBoundingClientRect();
                if (!r.width || !r.height || r.bottom < 0 || r.top > innerHeight) return false;
                var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return !!hit && (hit === e || e.contains(hit));
                """, css));
    }

    private double number(String script, Object... arguments) {
        return ((Number) browser.js(script, arguments)).doubleValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void wideScreensShowStickyContentsBesideTheTextAndMarkTheCurrentClause(String locale) {
        open(locale + "/privacy/");
        rejectOptionalCookies();
        assertTrue(visible(".toc a[href='#controller']"), "the contents are open beside the text");
        double tocStart = number("var r = document.querySelector('.toc').getBoundingClientRect(); return r.left;");
        double tocEnd = number("var r = document.querySelector('.toc').getBoundingClientRect(); return r.right;");
        double textStart = number("return document.querySelector('.policy').getBoundingClientRect().left;");
        double textEnd = number("return document.querySelector('.policy').getBoundingClientRect().right;");
        assertTrue(locale.equals("ar") ? tocStart >= textEnd : tocEnd <= textStart,
                "the column sits at the inline start of the text, without overlapping it");

        browser.js("document.getElementById('california-rights').scrollIntoView();");
        browser.waitFor("document.querySelector('.toc a[aria-current=location]')");
        assertEquals("#california-rights", browser.find(".toc a[aria-current='location']").getDomAttribute("href"),
                "the clause being read is marked");
        double tocTop = number("return document.querySelector('.toc').getBoundingClientRect().top;");
        assertTrue(tocTop >= 0 && tocTop < 40, "the contents stay in view while the text scrolls: top at " + tocTop);
        assertTrue(visible(".toc a[aria-current='location']"));
        double linkBottom = number("return document.querySelector('.toc a[aria-current=location]').getBoundingClientRect().bottom;");
        assertTrue(linkBottom <= 800, "the marked link is scrolled into the column's view");

        browser.find(".toc a[href='#children']").click();
        browser.waitFor("document.querySelector('.toc a[aria-current=location]').getAttribute('href') === '#children'");
        assertEquals(0.0, Math.floor(Math.abs(number("return document.getElementById('children').getBoundingClientRect().top;")) / 40),
                "a contents link leads to its clause");
    }

    @Test
    void withoutJavaScriptTheContentsAreOpenPlainLinks() {
        browser.cdp("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        open("en/privacy/");
        assertFalse(browser.find("#ps-consent").isDisplayed(), "no banner without JavaScript");
        assertTrue(visible(".toc a[href='#controller']"), "the column shows its links without JavaScript");
        // Selenium's click refuses links in a closed <details>, whatever the CSS shows: the keyboard, as a reader would.
        browser.js("document.querySelector(\".toc a[href='#children']\").focus();");
        assertEquals("#children", browser.active().getDomAttribute("href"), "the link can take the focus");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        assertTrue(browser.driver.getCurrentUrl().endsWith("#children"));
        assertTrue(Math.abs(number("return document.getElementById('children').getBoundingClientRect().top;")) < 40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void phonesFoldTheContentsIntoADisclosure(String locale) {
        browser.viewport(390, 844);
        open(locale + "/privacy/");
        rejectOptionalCookies();
        assertEquals(Boolean.FALSE, browser.js("return document.querySelector('.toc details').open;"));
        assertFalse(visible(".toc a[href='#controller']"), "the contents are folded");
        assertTrue(number("return document.querySelector('.policy').getBoundingClientRect().top;") < 844,
                "the policy text starts on the first screen");
        browser.find(".toc summary").click();
        assertTrue(visible(".toc a[href='#controller']"), "the summary unfolds them");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "ja"})
    void theBannerOverlaysThePageAndLeavesTheHeadingVisible(String locale) {
        open(locale + "/privacy/");
        browser.waitFor("!document.getElementById('ps-consent').hidden");
        assertEquals("fixed", browser.js("return getComputedStyle(document.getElementById('ps-consent')).position;"));
        double bannerTop = number("return document.getElementById('ps-consent').getBoundingClientRect().top;");
        double headingTop = number("return document.querySelector('h1').getBoundingClientRect().top;");
        double headingBottom = number("return document.querySelector('h1').getBoundingClientRect().bottom;");
        assertTrue(headingTop >= 0 && headingBottom <= bannerTop, "the heading is visible above the banner: "
                + headingTop + ".." + headingBottom + ", banner from " + bannerTop);
        rejectOptionalCookies();
        assertEquals(headingTop, number("return document.querySelector('h1').getBoundingClientRect().top;"), 0.5,
                "the banner did not push the page down");
    }

    /** Tabs through the whole page with the banner open: nothing that gets focus is hidden behind it. */
    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({"en, 1280, 800", "ar, 1280, 800", "en, 390, 844"})
    void theBannerNeverCoversTheFocusedElement(String locale, int width, int height) {
        browser.viewport(width, height);
        open(locale + "/privacy/");
        browser.waitFor("!document.getElementById('ps-consent').hidden");
        List<String> covered = new ArrayList<>();
        int focusable = ((Number) browser.js("return document.querySelectorAll('a[href], button, summary, [tabindex=\"0\"]').length;")).intValue();
        int steps = 0;
        for (; steps < focusable + 5; steps++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            List<Object> state = (List<Object>) browser.js("""
                    var e = document.activeElement, b = document.getElementById('ps-consent');
                    if (!e || e === document.body) return ['body', 0];
                    if (b.contains(e)) return ['banner', 0];
                    var r = e.getBoundingClientRect(), c = b.getBoundingClientRect();
                    // WCAG 2.4.11 (AA): not entirely hidden. An element that fits above the banner must not be covered at
                    // all; one taller than that (a long table's scroll box) must show a part of itself.
                    var fits = r.height <= c.top, overlap = Math.max(0, Math.min(r.bottom, c.bottom) - Math.max(r.top, c.top));
                    var shown = Math.max(0, Math.min(r.bottom, c.top) - Math.max(r.top, 0));
                    return [e.tagName + ' ' + (e.getAttribute('href') || e.className) + ' ' + Math.round(r.top) + '-' + Math.round(r.bottom)
                      + ' banner from ' + Math.round(c.top), fits ? overlap : (shown > 0 ? 0 : 1)];
                    """);
            if (((Number) state.get(1)).doubleValue() > 0) {
                covered.add((String) state.get(0));
            }
            if (steps > 10 && "footer".equals(browser.js("return document.activeElement.closest('footer') ? 'footer' : '';"))) {
                break; // reached the end of the page
            }
        }
        assertEquals("footer", browser.js("return document.activeElement.closest('footer') ? 'footer' : '';"),
                "tabbed through the page to the footer in " + steps + " steps");
        assertTrue(steps > 20, "tabbed through the page: " + steps + " steps");
        assertEquals(List.of(), covered, "focused elements hidden behind the banner");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"en, light", "en, dark", "ar, light", "ar, dark", "ja, dark"})
    void bothColourSchemesHaveNoAccessibilityViolations(String locale, String scheme) {
        browser.cdp("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        open(locale + "/privacy/");
        browser.waitFor("!document.getElementById('ps-consent').hidden");
        String background = (String) browser.js("return getComputedStyle(document.documentElement).backgroundColor;");
        assertNotEquals(scheme.equals("dark"), background.equals("rgb(255, 255, 255)"), "the " + scheme + " scheme applies: " + background);
        browser.js("document.getElementById('california-rights').scrollIntoView();");
        browser.waitFor("document.querySelector('.toc a[aria-current=location]')");
        assertEquals(List.of(), AxeCore.violations(browser));
        assertEquals(List.of(), lowContrast(), "text below 4.5:1 (axe skips some Arabic text, so this checks it too)");
    }

    /** Every visible text element whose colour has less than 4.5:1 contrast with the background behind it. */
    @SuppressWarnings("unchecked")
    private List<String> lowContrast() {
        List<List<Object>> samples = (List<List<Object>>) browser.js("""
                function bg(e) { for (; e; e = e.parentElement) { var c = getComputedStyle(e).backgroundColor;
                  if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; } return getComputedStyle(document.documentElement).backgroundColor; }
                return Array.from(document.querySelectorAll('h1, h2, h3, p, li, a, th, td, summary, button, .clause-number, .document-dates span'))
                  .filter(function (e) { return e.offsetParent !== null && e.textContent.trim(); })
                  .map(function (e) { return [e.tagName + '.' + e.className, getComputedStyle(e).color, bg(e)]; });
                """);
        List<String> low = new ArrayList<>();
        for (List<Object> sample : samples) {
            double ratio = contrast((String) sample.get(1), (String) sample.get(2));
            if (ratio < 4.5) {
                low.add(sample + " " + ratio);
            }
        }
        assertTrue(samples.size() > 100, "elements checked: " + samples.size());
        return low;
    }

    private static double contrast(String foreground, String background) {
        double a = luminance(foreground);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String color) {
        String[] parts = color.replaceAll("[^0-9.,]", "").split(",");
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double channel = Double.parseDouble(parts[i]) / 255;
            sum += weights[i] * (channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4));
        }
        return sum;
    }
}
