package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary of the privacy policy (the layered notice's first layer) is checked across languages like any clause. */
class LayeredNoticeTest {

    private static PrivacySite site(Path content) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).threads(2).build();
    }

    private static List<Finding> about(CheckResult result, String file) {
        return result.findings().stream().filter(f -> f.location().displayPath().endsWith(file)).toList();
    }

    @Test
    void aTranslatedSummaryMustSayTheSameThings(@TempDir Path temp) {
        Path content = SampleSite.copyContent(temp.resolve("content"), "fr/privacy.md",
                " ou appelez le {phone}. Nous répondons", ". Nous répondons");
        List<Finding> findings = about(site(content).check(), "fr/privacy.md");
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("phone") && findings.get(0).message().contains("summary"),
                findings.get(0).message());
    }

    @Test
    void aSummaryMissingFromATranslationIsReported(@TempDir Path temp) throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path german = content.resolve("de/privacy.md");
        String text = Files.readString(german);
        Files.writeString(german, text.substring(0, text.indexOf("## Datenschutz auf einen Blick")) + text.substring(text.indexOf("## Wer wir sind")));
        List<Finding> findings = about(site(content).check(), "de/privacy.md");
        assertTrue(findings.stream().anyMatch(f -> f.isError() && f.message().contains("'summary'")), findings.toString());
    }

    @Test
    void aChangedSummaryMakesTheTranslationsStale(@TempDir Path temp) {
        Path content = SampleSite.copyContent(temp.resolve("content"), "en/privacy.md",
                "We never log your browsing activity. [](#purposes-table)",
                "We never log your browsing activity or your DNS queries. [](#purposes-table)");
        List<Finding> stale = site(content).check().findings().stream().filter(f -> f.ruleId().equals("parity.stale")).toList();
        assertEquals(4, stale.size(), stale.toString());
        assertTrue(stale.stream().allMatch(f -> f.message().contains("'summary'")), stale.toString());
    }
}
