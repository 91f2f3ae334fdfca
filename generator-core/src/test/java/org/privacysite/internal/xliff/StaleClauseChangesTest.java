package org.privacysite.internal.xliff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;
import org.privacysite.TranslationExport;
import org.privacysite.TranslationImport;

/** A source clause changed after its translation: the translator, the status page and check all see what changed. */
class StaleClauseChangesTest {

    @TempDir
    Path temp;

    @Test
    void aStaleClauseShowsItsOldAndNewSourceTextInTheXliffTheStatusPageAndCheck() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        PrivacySite site = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).threads(2).build();
        site.markTranslated("fr", "cookies"); // the record now keeps the English text of each clause
        assertTrue(Files.readString(content.resolve(".translated/fr/cookies.yaml")).contains("Rejecting optional cookies is as easy"));
        Path english = content.resolve("en/cookies.md");
        Files.writeString(english, Files.readString(english).replace("is as easy as accepting them", "is exactly as easy as accepting them"));

        TranslationExport export = site.exportTranslation("fr", List.of("cookies"), "stale", temp.resolve("fr.xlf"));
        String xliff = Files.readString(export.file());
        XliffRoundTripTest.validate(xliff);
        assertEquals(1, export.clauses(), "only the stale clause");
        assertTrue(xliff.contains("<note category=\"source-then\">Source when translated: When you first visit our website, a banner asks for your choice."), xliff);
        assertTrue(xliff.contains("Rejecting optional cookies is as easy as accepting them"), "the old text");
        assertTrue(xliff.contains("<note category=\"source-now\">Source now: When you first visit"), xliff);
        assertTrue(xliff.contains("Rejecting optional cookies is exactly as easy as accepting them"), "the new text");
        assertTrue(xliff.contains("{+exactly +}"), "the word diff");
        assertTrue(xliff.contains("<segment>") && xliff.contains("<target"), "the stale translation is a target in state initial (the default)");

        CheckResult check = site.check();
        Finding stale = check.findings().stream().filter(f -> f.ruleId().equals("parity.stale")
                && f.location().file().endsWith(Path.of("fr/cookies.md"))).findFirst().orElseThrow();
        assertTrue(stale.message().contains("what changed: ") && stale.message().contains("{+exactly +}"), stale.message());

        Path page = temp.resolve("status.html");
        site.writeTranslationStatus(page);
        Document status = Jsoup.parse(page.toFile());
        assertEquals("exactly ", status.select(".status-stale .status-changes ins").text() + " ");
        assertTrue(status.select(".status-stale .status-changes").text().contains("Rejecting optional cookies is exactly as easy"));

        // the translator revises the stale unit (state translated); importing it ends the staleness
        assertEquals(xliff.indexOf("<segment>"), xliff.lastIndexOf("<segment>"), "only the changed block is to revise");
        String revised = xliff.replace("<segment>", "<segment state=\"translated\">");
        Files.writeString(export.file(), revised);
        TranslationImport imported = site.importTranslation(export.file());
        assertEquals(export.units(), imported.units(), "every unit of the clause: " + imported);
        assertTrue(site.check().findings().stream().noneMatch(f -> f.ruleId().equals("parity.stale")
                && f.location().file().endsWith(Path.of("fr/cookies.md"))), "check passes for the imported clause");
        assertTrue(Files.readString(content.resolve(".translated/fr/cookies.yaml")).contains("is exactly as easy"),
                "the record keeps the source text the translation was made from");
    }
}
