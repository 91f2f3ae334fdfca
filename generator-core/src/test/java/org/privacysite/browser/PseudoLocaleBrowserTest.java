package org.privacysite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;

/**
 * The sample site built with {@code --pseudo}, in Chromium: on the en-XA and ar-XB privacy policy, with the
 * consent banner and then the cookie settings dialog open, every visible text is pseudo-translated (accented
 * and bracketed, or overridden right to left) except the site's facts (company, addresses, URLs, numbers),
 * other languages' names in the language switcher and code. A text written into a template instead of a
 * message, or a message the pseudo build missed, shows here in plain English.
 */
class PseudoLocaleBrowserTest {

    /** Text nodes a reader sees: [text, nearest lang, "code" inside code]. Hidden ones have no layout boxes. */
    private static final String VISIBLE_TEXTS = """
            const root = arguments[0] ? document.querySelector(arguments[0]) : document.body;
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            const out = [];
            while (walker.nextNode()) {
              const node = walker.currentNode;
              const text = node.nodeValue.trim();
              const element = node.parentElement;
              if (!text || !element || element.closest('script, style, noscript, template')) continue;
              if (!element.checkVisibility({visibilityProperty: true})) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              if (range.getClientRects().length === 0) continue;
              const lang = element.closest('[lang]');
              out.push([text, lang ? lang.getAttribute('lang') : '', element.closest('code, kbd, samp') ? 'code' : '']);
            }
            return out;
            """;
    private static final Pattern ACCENTED = Pattern.compile("[ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽåƀçðéƒĝĥîĵķļṁñöþǫŕšţûṽŵẋýž\\[\\]]");
    private static final Pattern ADDRESS = Pattern.compile("https?://\\S+|\\S+@\\S+|www\\.\\S+");

    @RegisterExtension
    static final BrowserSession session = BrowserSession.onLoopback();
    private static Browser browser;
    private static List<String> facts;

    @BeforeAll
    static void buildAndServeThePseudoSite() throws IOException {
        Path out = SampleSite.repository().resolve("generator-core/target/browser-tests/pseudo-site");
        PrivacySite.builder().contentDirectory(SampleSite.content()).templatesDirectory(SampleSite.templates())
                .threads(2).pseudo(true).build().build(out);
        session.server().serving(out);
        browser = session.browser();
        facts = new ArrayList<>(BidiOrderBrowserTest.textFacts());
        facts.add("Kestrel VPN Privacy Center"); // the site's name in site.yaml
        facts.sort(Comparator.comparingInt(String::length).reversed()); // "Kestrel VPN" is part of the name
    }

    /** The visible texts of {@code scope} (a CSS selector, or the whole page) that carry no pseudo marker. */
    @SuppressWarnings("unchecked")
    private static List<String> untranslated(String locale, String scope) {
        List<String> plain = new ArrayList<>();
        for (List<String> node : (List<List<String>>) browser.js(VISIBLE_TEXTS, scope)) {
            String text = node.get(0);
            if (!node.get(1).equals(locale) || node.get(2).equals("code")) {
                continue; // another language's own name in the switcher; a cookie's or a file's name
            }
            boolean marked = locale.equals("ar-XB") ? text.indexOf('\u202e') >= 0 : ACCENTED.matcher(text).find();
            String rest = text;
            for (String fact : facts) {
                rest = rest.replace(fact, " ");
            }
            rest = ADDRESS.matcher(rest).replaceAll(" ");
            if (!marked && rest.chars().anyMatch(c -> c < 128 && Character.isLetter(c))) {
                plain.add(text);
            }
        }
        return plain;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-XA", "ar-XB"})
    void everyVisibleTextOfThePolicyTheBannerAndTheDialogIsPseudoTranslated(String locale) {
        session.freshVisitor();
        session.open(locale + "/privacy/");
        browser.waitFor("document.readyState === 'complete'");
        browser.waitFor("document.getElementById('ps-consent') && document.getElementById('ps-consent').checkVisibility()");

        assertEquals(locale, browser.js("return document.documentElement.lang;"));
        String direction = locale.equals("ar-XB") ? "rtl" : "ltr";
        assertEquals(direction, browser.js("return document.documentElement.dir;"));
        assertEquals(direction, browser.js("return getComputedStyle(document.body).direction;"));
        assertTrue(((List<?>) browser.js(VISIBLE_TEXTS, "main")).size() > 50, "the policy is on screen");
        assertEquals(List.of(), untranslated(locale, null), "with the banner");
        browser.screenshot("pseudo-" + locale + "-banner");

        browser.findAll("#ps-consent [data-consent-action='customize']").stream()
                .filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElseThrow().click();
        browser.waitFor("document.getElementById('ps-consent-dialog').open");
        assertTrue(((List<?>) browser.js(VISIBLE_TEXTS, "#ps-consent-dialog")).size() > 5, "the dialog is on screen");
        assertEquals(List.of(), untranslated(locale, "#ps-consent-dialog"), "in the cookie settings dialog");
        assertEquals(List.of(), untranslated(locale, null), "on the page with the dialog open");
        browser.screenshot("pseudo-" + locale + "-dialog");
    }
}
