package org.privacysite.consent;

import org.privacysite.browser.Browser;
import org.privacysite.browser.BrowserSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The banner and the dialog of the REAL site (content/, templates/) for people: axe-core finds no
 * violation on a policy page and with the dialog open (en, ar), the keyboard alone reaches and
 * leaves everything in order, RTL mirrors, and a phone-sized viewport works. Screenshots go to
 * target/screenshots.
 */
class ConsentAccessibilityBrowserTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.onSampleSite();

    private final Browser browser = session.browser();

    @BeforeEach
    void freshVisitor() {
        session.freshVisitor();
    }

    @AfterEach
    void desktop() {
        browser.viewport(0, 0);
    }

    private void openPolicy(String locale) {
        session.open(locale + "/cookies/");
        browser.waitFor("document.readyState === 'complete' && !document.getElementById('ps-consent').hidden");
    }

    private void openDialog() {
        browser.find("#ps-consent [data-consent-action='customize']").click();
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
    }

    private String describe(WebElement element) {
        String action = element.getDomAttribute("data-consent-action");
        return action != null ? action : element.getTagName() + ":" + element.getText();
    }

    private void press(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private void shiftTab() {
        new Actions(browser.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void axeFindsNoViolationOnAPolicyPageWithTheBanner(String locale) {
        openPolicy(locale);
        browser.screenshot("banner-" + locale);
        assertEquals(List.of(), AxeCore.violations(browser));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void axeFindsNoViolationWithTheDialogOpen(String locale) {
        openPolicy(locale);
        openDialog();
        browser.screenshot("dialog-" + locale);
        assertEquals(List.of(), AxeCore.violations(browser));
    }

    /**
     * WCAG contrast of every text of the banner and the dialog, from the rendered colours. axe-core checks
     * contrast too, but skips Arabic text (its icon-ligature heuristic), so this check does not rely on it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    @SuppressWarnings("unchecked")
    void textContrastIsAtLeast4point5To1(String locale) {
        openPolicy(locale);
        openDialog();
        browser.js("document.querySelector('#ps-consent-dialog .consent-gpc').hidden = false;");
        List<List<String>> samples = (List<List<String>>) browser.js(
                "function bg(e) { for (; e; e = e.parentElement) { var c = getComputedStyle(e).backgroundColor;"
                        + "  if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; }"
                        + "return Array.from(document.querySelectorAll('#ps-consent h2, #ps-consent p, #ps-consent a, #ps-consent button,"
                        + " #ps-consent-dialog h2, #ps-consent-dialog p, #ps-consent-dialog span, #ps-consent-dialog label,"
                        + " #ps-consent-dialog button, footer a[data-consent-open]'))"
                        + ".map(function (e) { return [e.className || e.tagName, getComputedStyle(e).color, bg(e)]; });");
        assertTrue(samples.size() > 20, "samples: " + samples.size());
        for (List<String> sample : samples) {
            double ratio = contrast(sample.get(1), sample.get(2));
            assertTrue(ratio >= 4.5, locale + " " + sample + ": contrast " + ratio);
        }
    }

    private static double contrast(String foreground, String background) {
        double a = luminance(foreground);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** Relative luminance of an opaque {@code rgb(r, g, b)} / {@code rgba(r, g, b, 1)} colour. */
    private static double luminance(String color) {
        String[] parts = color.replaceAll("[^0-9.,]", "").split(",");
        assertTrue(parts.length == 3 || Double.parseDouble(parts[3]) == 1.0, "opaque colour: " + color);
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double channel = Double.parseDouble(parts[i]) / 255;
            sum += weights[i] * (channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void worksOnAPhoneSizedViewport(String locale) {
        browser.viewport(390, 844);
        openPolicy(locale);
        assertEquals(390L, browser.js("return document.documentElement.clientWidth;"));
        assertTrue((Long) browser.js("return document.documentElement.scrollWidth;") <= 390L, "no sideways scrolling");
        List<WebElement> buttons = browser.findAll("#ps-consent .consent-button");
        for (WebElement button : buttons) {
            assertTrue(button.getRect().getX() >= 0 && button.getRect().getX() + button.getRect().getWidth() <= 390,
                    "button inside the viewport: " + button.getRect());
            assertTrue(button.getSize().getHeight() >= 44, "touch target at least 44px high");
        }
        browser.screenshot("banner-phone-" + locale);
        openDialog();
        WebElement dialog = browser.find("#ps-consent-dialog");
        assertTrue(dialog.getRect().getWidth() <= 390 && dialog.getRect().getX() >= 0, "dialog fits: " + dialog.getRect());
        assertTrue(dialog.getRect().getHeight() <= 844, "dialog fits: " + dialog.getRect());
        browser.screenshot("dialog-phone-" + locale);
    }

    @Test
    void rightToLeftPagesMirrorTheBannerAndTheDialog() {
        openPolicy("ar");
        assertEquals("rtl", browser.js("return getComputedStyle(document.getElementById('ps-consent')).direction;"));
        List<WebElement> buttons = browser.findAll("#ps-consent .consent-button");
        assertTrue(buttons.get(0).getRect().getX() > buttons.get(1).getRect().getX(),
                "Accept all comes first on the right in Arabic");
        openDialog();
        WebElement close = browser.find("#ps-consent-dialog .consent-close");
        WebElement title = browser.find("#ps-consent-dialog-title");
        assertTrue(close.getRect().getX() < title.getRect().getX(), "the Close button sits at the inline end (left)");
    }

    @Test
    void keyboardOnlyThroughTheBannerAndTheDialog() {
        openPolicy("en");
        // The banner comes first in Tab order: its policy link, then the three choices.
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            press(Keys.TAB);
            order.add(describe(browser.active()));
        }
        assertEquals(List.of("a:Cookie policy", "accept", "reject", "customize"), order);
        WebElement customize = browser.active();
        assertEquals("rgba(184, 80, 10, 1)", customize.getCssValue("outline-color"), "visible focus");
        assertEquals("3px", customize.getCssValue("outline-width"));

        press(Keys.ENTER);
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        assertEquals("ps-consent-functional", browser.active().getDomAttribute("id"), "focus moves into the dialog");
        order.clear();
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                press(Keys.TAB);
            }
            order.add(browser.active().getDomAttribute("id") != null ? browser.active().getDomAttribute("id") : describe(browser.active()));
        }
        assertEquals(List.of("ps-consent-functional", "ps-consent-analytics", "ps-consent-marketing", "accept", "reject",
                "save", "close", "ps-consent-functional"), order, "Tab stays inside the dialog and wraps");
        shiftTab();
        assertEquals("close", describe(browser.active()));
        shiftTab();
        assertEquals("save", describe(browser.active()), "Shift+Tab wraps backwards");

        press(Keys.ESCAPE);
        browser.waitFor("!document.getElementById('ps-consent-dialog').open");
        assertEquals(customize, browser.active(), "Esc closes and focus returns to the opener");
        assertNull(browser.driver.manage().getCookieNamed("kestrel_consent"), "Esc is not consent");
        assertTrue(browser.find("#ps-consent").isDisplayed());

        // Space ticks a box, Enter saves: analytics only.
        press(Keys.ENTER);
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        press(Keys.TAB);
        press(Keys.SPACE);
        assertTrue(browser.find("#ps-consent-analytics").isSelected());
        for (int i = 0; i < 4; i++) {
            press(Keys.TAB);
        }
        assertEquals("save", describe(browser.active()));
        press(Keys.ENTER);
        browser.waitFor("!document.getElementById('ps-consent-dialog').open");
        assertTrue(browser.driver.manage().getCookieNamed("kestrel_consent").getValue().endsWith(".analytics"));
        assertFalse(browser.find("#ps-consent").isDisplayed());

        // The footer's "Cookie settings" reopens the dialog from the keyboard and gets focus back.
        WebElement settings = browser.find("a[data-consent-open]");
        browser.js("arguments[0].focus();", settings);
        press(Keys.ENTER);
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        assertTrue(browser.find("#ps-consent-analytics").isSelected(), "the dialog shows the stored choice");
        press(Keys.ESCAPE);
        browser.waitFor("!document.getElementById('ps-consent-dialog').open");
        assertEquals(settings, browser.active());
    }
}
