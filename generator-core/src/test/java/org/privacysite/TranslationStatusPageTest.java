package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.browser.Browser;

/** The translation status page legal writers open: counts per document and language, seen in Chromium. */
class TranslationStatusPageTest {

    @TempDir
    Path temp;

    @Test
    void showsMissingAndStaleClausesAndIsSavedAsAScreenshot() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path german = content.resolve("de/privacy.md");
        Files.writeString(german, Files.readString(german).replaceAll("(?ms)^## [^\\n]*\\{#children\\}\\n.*?(?=^## )", ""));
        Path english = content.resolve("en/cookies.md");
        Files.writeString(english, Files.readString(english).replace("{#manage}\n", "{#manage}\n\nA new sentence.\n"));
        PrivacySite site = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();

        TranslationStatus status = site.translationStatus();
        TranslationStatus.Cell germanPrivacy = status.documents().get(0).cells().get(2);
        assertEquals("de", germanPrivacy.locale());
        assertEquals(1, germanPrivacy.missing());
        TranslationStatus.Cell frenchCookies = status.documents().get(1).cells().get(1);
        assertEquals(1, frenchCookies.stale());

        Path page = temp.resolve("status/translation-status.html");
        site.writeTranslationStatus(page);
        try (Browser browser = Browser.start()) {
            browser.open(page.toUri().toString());
            String matrix = browser.find(".status-matrix").getText();
            assertTrue(matrix.contains("1 missing"), matrix);
            assertTrue(matrix.contains("1 stale"), matrix);
            assertEquals("rgba(253, 236, 236, 1)", browser.find("td.status-missing").getCssValue("background-color"),
                    "the status page's stylesheet is applied");
            assertTrue(Files.size(browser.screenshot("translation-status")) > 10_000);
        }
    }
}
