package org.privacysite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacysite.SampleSite;

/**
 * On a phone, no page of the sample site (every document in every language, and the language picker)
 * is wider than the screen: wide tables scroll inside their own box, which the keyboard can reach.
 */
class NarrowScreenBrowserTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.onSampleSite();

    private final Browser browser = session.browser();

    /** Every HTML page of the built site, as a path below the root ("ar/privacy/"). */
    static List<String> pages() throws IOException {
        Path root = SampleSite.built();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(file -> file.getFileName().toString().equals("index.html"))
                    .map(file -> root.relativize(file.getParent()).toString().replace('\\', '/'))
                    .map(path -> path.isEmpty() ? "" : path + "/")
                    .sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 390})
    void noPageIsWiderThanThePhone(int width) throws IOException {
        browser.viewport(width, 800);
        List<String> pages = pages();
        // The language picker, 2 documents in 5 languages, and the policy history's pages (versions, what changed).
        assertEquals(11, pages.stream().filter(page -> !page.contains("/versions/")).count(), pages.toString());
        assertTrue(pages.stream().anyMatch(page -> page.endsWith("/changes/")), "the history pages are checked too: " + pages);
        List<String> tooWide = new ArrayList<>();
        int tables = 0;
        for (String page : pages) {
            session.open(page);
            long scrollWidth = (Long) browser.js("return document.documentElement.scrollWidth;");
            if (scrollWidth > width) {
                tooWide.add(page + " is " + scrollWidth + " px wide: " + browser.js(
                        "return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                                + " var r = e.getBoundingClientRect(); return r.right > innerWidth + 1 || r.left < -1; })"
                                + ".slice(0, 5).map(function (e) { return e.tagName + '.' + e.className; }).join(', ');"));
            }
            for (Object region : (List<?>) browser.js("return Array.from(document.querySelectorAll('table')).map(function (t) {"
                    + " var box = t.closest('.table-scroll'); return box ? [box.tabIndex, box.getAttribute('role'),"
                    + " box.getAttribute('aria-label') || box.getAttribute('aria-labelledby'), getComputedStyle(box).overflowX] : null; });")) {
                assertEquals(List.of(0L, "region", ((List<?>) region).get(2), "auto"), region, page + ": a table in a scrolling region");
                assertTrue(((List<?>) region).get(2) != null, page + ": the region has a name");
                tables++;
            }
        }
        browser.viewport(0, 0);
        assertEquals(List.of(), tooWide);
        assertTrue(tables >= 20, "tables checked: " + tables);
    }
}
