package org.privacysite.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.ConfigurationException;
import org.privacysite.Finding;
import org.privacysite.ImportResult;
import org.privacysite.PolicyImport;
import org.privacysite.PrivacySiteException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;

/** What import leaves for a person, each said at its place. */
class ImportFindingsTest {

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve("old").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private ImportResult importOld() {
        return PolicyImport.builder().source(dir.resolve("old")).out(dir.resolve("content")).build().run();
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.location().file().getFileName() + ":" + f.location().line() + " [" + f.ruleId() + "]").toList();
    }

    @Test
    void aLinkToAnAnchorThatExistsNowhereIsKeptAndReported() throws IOException {
        write("en/privacy.md", """
                # Privacy

                Last updated: 2024-05-01

                ## Data {#data}

                See [retention](#retention-periods), [the old page](privacy.md#gone) and [data](#data).
                """);

        ImportResult result = importOld();

        String en = Files.readString(dir.resolve("content/en/privacy.md"));
        assertTrue(en.contains("See [retention](#retention-periods), [the old page](privacy.md#gone) and [data](#data)."), en);
        assertTrue(Files.readAllLines(dir.resolve("content/en/privacy.md")).get(7).startsWith("See [retention]"));
        assertEquals(List.of("privacy.md:8 [import.anchor-unknown]", "privacy.md:8 [import.anchor-unknown]"), lines(result.findings()));
        assertTrue(result.findings().get(0).message().contains("'#retention-periods' points at an anchor that no heading of en/privacy has"));
    }

    @Test
    void aDocumentWithNoDateAnywhereIsReported() throws IOException {
        write("en/privacy.md", "# Privacy\n\n## Data\n\nWe collect data.\n");

        ImportResult result = importOld();

        assertEquals(List.of("privacy.md:1 [import.date-missing]"), lines(result.findings()));
        assertFalse(Files.readString(dir.resolve("content/en/privacy.md")).contains("effective:"));
    }

    @Test
    void filesWithoutALanguageInAnotherFormatOrBehindASymlinkAreSkippedWithAWord() throws IOException {
        write("en/privacy.md", "# Privacy\n\nEffective 2024-05-01\n\n## Data\n\nWe collect data.\n");
        write("en/privacy.pdf", "%PDF-1.4");
        write("terms.md", "# Terms\n");
        Path secret = Files.writeString(dir.resolve("secret.md"), "# Secret\n\n## Not for the site\n");
        Files.createSymbolicLink(dir.resolve("old/en/cookies.md"), secret);

        ImportResult result = importOld();

        assertEquals(List.of("cookies.md:0 [import.file-skipped]", "privacy.pdf:0 [import.file-skipped]",
                "terms.md:0 [import.file-skipped]"), lines(result.findings()));
        assertEquals(List.of("privacy"), result.documents());
    }

    @Test
    void twoSourcesForOneDocumentAndLanguageStopTheImport() throws IOException {
        write("en/privacy.md", "# Privacy\n\n## Data\n\nWe collect data.\n");
        write("en/privacy.html", "<h1>Privacy</h1><h2>Data</h2><p>We collect data.</p>");

        PrivacySiteException e = assertThrows(PrivacySiteException.class, this::importOld);

        assertEquals(List.of("privacy.md:0 [import.file-duplicate]"), lines(e.findings()));
        assertFalse(Files.exists(dir.resolve("content")));
    }

    @Test
    void aWordFileWithTrackedChangesStopsTheImportUntilTheyAreSettled() throws IOException {
        Path file = dir.resolve("old/en/privacy.docx");
        Files.createDirectories(file.getParent());
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            XWPFParagraph heading = doc.createParagraph();
            heading.setStyle("Heading1");
            heading.createRun().setText("Retention");
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText("We keep data for ");
            // What Word writes with Track Changes on: the old words in <w:del>, the new ones in <w:ins>.
            CTRunTrackChange deletion = p.getCTP().addNewDel();
            deletion.setId(BigInteger.ONE);
            deletion.setAuthor("Legal");
            deletion.addNewR().addNewDelText().setStringValue("30 days");
            CTRunTrackChange insertion = p.getCTP().addNewIns();
            insertion.setId(BigInteger.TWO);
            insertion.setAuthor("Legal");
            insertion.addNewR().addNewT().setStringValue("90 days");
            p.createRun().setText(" after you leave.");
            doc.write(out);
        }

        PrivacySiteException e = assertThrows(PrivacySiteException.class, this::importOld);

        assertEquals(List.of("privacy.docx:2 [import.tracked-changes]"), lines(e.findings()));
        assertTrue(e.getMessage().contains("paragraph 2 has a tracked deletion by Legal (\"30 days\"); accept or reject"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("content")), "nothing is written");
    }

    @Test
    void aTranslationWithoutItsSourceStopsTheImport() throws IOException {
        write("en/privacy.md", "# Privacy\n\n## Data\n\nWe collect data.\n");
        write("fr/privacy.md", "# Confidentialité\n\n## Données\n\nNous collectons des données.\n");
        write("fr/terms.md", "# Conditions\n\n## Usage\n\nTexte.\n");

        PrivacySiteException e = assertThrows(PrivacySiteException.class, this::importOld);

        assertEquals(List.of("terms.md:0 [import.source-missing]"), lines(e.findings()));
        assertTrue(e.getMessage().contains("document 'terms' has no en version"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("content")));
    }

    @Test
    void aSourceLocaleTheFolderDoesNotHaveIsAnOptionsError() throws IOException {
        write("en/privacy.md", "# Privacy\n\n## Data\n\nWe collect data.\n");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> PolicyImport.builder()
                .source(dir.resolve("old")).out(dir.resolve("content")).sourceLocale("de").build().run());

        assertEquals("import.options", e.findings().get(0).ruleId());
        assertTrue(e.getMessage().contains("--source-locale de: no file in the source folder is in that language"));
    }
}
