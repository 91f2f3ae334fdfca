package org.privacysite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.privacysite.pdf.Poppler;

/**
 * A policy page printed from Chromium (its print stylesheet): no banner, no navigation or contents, the
 * clause numbers kept, the address of each outside link printed after it, and page numbers at the foot
 * of each page. The printed PDF is read back with poppler's pdftotext.
 */
class PrintBrowserTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.onSampleSite();

    private final Browser browser = session.browser();

    @Test
    void printingKeepsTheTextAndDropsTheScreenParts() throws IOException {
        session.open("en/privacy/");
        browser.waitFor("document.readyState === 'complete' && !document.getElementById('ps-consent').hidden");
        browser.cdp("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String hidden : List.of("#ps-consent", ".site-header", ".toc", ".site-footer")) {
                assertEquals("none", browser.js("return getComputedStyle(document.querySelector(arguments[0])).display;", hidden), hidden);
            }
            assertEquals("\" <https://www.dataprotection.ie>\"", browser.js(
                    "return getComputedStyle(document.querySelector('.policy a[href=\"https://www.dataprotection.ie\"]'), '::after').content;"),
                    "outside links print their address");
        } finally {
            browser.cdp("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        Map<String, Object> printed = browser.cdp("Page.printToPDF", Map.of("preferCSSPageSize", true));
        Path pdf = Files.createTempFile("printed-", ".pdf");
        try {
            Files.write(pdf, Base64.getDecoder().decode((String) printed.get("data")));
            String text = Poppler.text(pdf);
            assertTrue(text.contains("1.1 The controller"), "clause numbers are printed");
            assertTrue(text.contains("<https://www.dataprotection.ie>"), "the address of an outside link is printed");
            assertFalse(text.contains("<https://kestrelvpn.example/>"), "a link whose text is its address is not printed twice");
            assertFalse(text.contains("Your privacy choices"), "no cookie banner on paper");
            assertFalse(text.contains("Cookie Policy\n"), "no menu on paper");
            int pages = Poppler.pages(pdf);
            assertTrue(pages > 5, "pages: " + pages);
            assertTrue(text.contains("1 / " + pages) && text.contains(pages + " / " + pages), "page numbers at the foot of each page");
        } finally {
            Files.deleteIfExists(pdf);
        }
    }
}
