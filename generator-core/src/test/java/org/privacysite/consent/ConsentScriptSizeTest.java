package org.privacysite.consent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * consent.js must stay small: under 4 KB gzipped. There is no minifier in the (offline) build, so the
 * file is kept compact by hand and shipped as written; the test measures the gzip size of exactly the
 * file that is shipped, which is an upper bound of its minified+gzip size.
 */
class ConsentScriptSizeTest {

    @Test
    void consentJsAsShippedUnminifiedIsUnder4KbGzipped() {
        Path script = TestPaths.theme().resolve(ConsentScriptSize.SCRIPT);
        int size = ConsentScriptSize.gzipSize(script);
        System.out.println("consent.js: " + size + " bytes gzipped (budget " + ConsentScriptSize.BUDGET_BYTES + ")");
        assertTrue(size < ConsentScriptSize.BUDGET_BYTES, "consent.js is " + size + " bytes gzipped; the budget is "
                + ConsentScriptSize.BUDGET_BYTES);
    }

    @Test
    void theMeasureIsGzip() {
        byte[] repetitive = "consent ".repeat(1000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int size = ConsentScriptSize.gzipSize(repetitive);
        assertTrue(size > 18 && size < 200, "8000 repetitive bytes gzip to a few dozen: " + size);
    }
}
