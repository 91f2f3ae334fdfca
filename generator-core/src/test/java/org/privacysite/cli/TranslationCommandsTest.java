package org.privacysite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.SampleSite;

/** export-translation and import-translation as a translator's project manager runs them. */
class TranslationCommandsTest {

    @TempDir
    Path temp;

    @Test
    void exportThenImportWithExitCodesAndXliffLinesInTheMessages() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        String templates = SampleSite.templates().toString();
        Path xliff = temp.resolve("de.xlf");

        MainTest.Run export = MainTest.run("export-translation", "--content", content.toString(), "--templates", templates,
                "--locale", "de", "--document", "cookies", "--out", xliff.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.out().matches("(?s)Wrote \\d+ units of \\d+ clauses to .*de\\.xlf\\s*"), export.out());

        MainTest.Run unchanged = MainTest.run("import-translation", "--content", content.toString(), "--templates", templates,
                xliff.toString());
        assertEquals(0, unchanged.exitCode(), unchanged.err());
        assertTrue(unchanged.out().contains("no file changed."), unchanged.out());

        String text = Files.readString(xliff);
        Files.writeString(xliff, text.replace("trgLang=\"de\"", "trgLang=\"it\""));
        MainTest.Run wrongLanguage = MainTest.run("import-translation", "--content", content.toString(), "--templates", templates,
                xliff.toString());
        assertEquals(1, wrongLanguage.exitCode());
        assertTrue(wrongLanguage.err().contains("de.xlf:2:1: error: the target language 'it' (trgLang) is not a translation locale"),
                wrongLanguage.err());
        assertTrue(wrongLanguage.err().contains("[xliff.language]"), wrongLanguage.err());
        assertFalse(wrongLanguage.err().contains("Exception"), "no stack trace: " + wrongLanguage.err());

        MainTest.Run unknownLocale = MainTest.run("export-translation", "--content", content.toString(), "--templates", templates,
                "--locale", "xx", "--out", xliff.toString());
        assertEquals(2, unknownLocale.exitCode(), "a usage error: " + unknownLocale.err());
    }
}
