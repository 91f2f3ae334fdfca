package org.privacysite.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.SampleSite;
import org.privacysite.cli.Main;

/** {@code privacy-site import} as a writer runs it, on good and on hostile input. */
class ImportCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void importPrintsASummaryAndTheNextCommand() throws IOException {
        Path source = dir.resolve("site-export");
        ImportCorpus.markdown(source.resolve("privacy.en-US.md"), ImportCorpus.EN);
        ImportCorpus.markdown(source.resolve("privacy.ar.md"), ImportCorpus.AR);
        ImportCorpus.markdown(source.resolve("privacy.de.md"), ImportCorpus.DE);
        Path content = dir.resolve("content");

        Run run = cli("import", source.toString(), "--out", content.toString(), "--locale-map", "en-US=en");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        String summary = run.out();
        assertTrue(summary.contains("Imported 1 document (privacy) in 3 locales (en, ar, de, source en)"), summary);
        assertTrue(summary.contains("7 clauses, 6 aligned in every locale."), summary);
        assertTrue(summary.contains("ar/privacy.md:33:1: warning: heading 'ملفات تعريف الارتباط' (" + source.resolve("privacy.ar.md") + ":31) matches no heading "
                + "of the en version, so it was given the key 'todo-1'"), summary);
        assertTrue(summary.contains("java -jar privacy-site.jar check --content " + content + " --templates templates"), summary);

        Run check = cli("check", "--content", content.toString(), "--templates", SampleSite.templates().toString());
        assertEquals(1, check.exitCode(), check.toString());
        assertTrue(check.err().contains("ar/privacy.md:33:1: error: clause 'todo-1' (\"ملفات تعريف الارتباط\") is not in the en source"), check.toString());
    }

    @Test
    void existingFilesNeedForceAndAMissingSourceIsAUsageError() throws IOException {
        Path source = ImportCorpus.writeMarkdown(dir.resolve("old"));
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yaml"), "name: mine\n");

        Run refused = cli("import", source.toString(), "--out", content.toString());
        assertEquals(2, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("site.yaml: error: this file exists already and was left as it was; run the import again "
                + "with --force to replace it [import.would-overwrite]"), refused.toString());
        assertEquals("name: mine\n", Files.readString(content.resolve("site.yaml")));
        assertFalse(Files.exists(content.resolve("en")), "nothing is written when one file would be overwritten");

        assertEquals(0, cli("import", source.toString(), "--out", content.toString(), "--force").exitCode());
        assertTrue(Files.readString(content.resolve("site.yaml")).contains("locales: [en, ar, de, fr, ja]"));

        Run missing = cli("import", dir.resolve("nowhere").toString(), "--out", content.toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("the import source is not a folder") && missing.err().contains("[import.options]"),
                missing.toString());
    }

    @Test
    void aWordZipBombIsRefusedInWordsAndNothingIsWritten() throws IOException {
        Path source = dir.resolve("word");
        Files.createDirectories(source.resolve("en"));
        Path good = dir.resolve("good.docx");
        WordCorpus.write(good, WordCorpus.EN);
        zipBomb(good, source.resolve("en/privacy.docx"));
        List<String> before = listing();

        Run run = cli("import", source.toString(), "--out", dir.resolve("content").toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("privacy.docx: error: the Word file expands to far more data than its size (a \"zip bomb\"), "
                + "so it was not read"), run.toString());
        assertTrue(run.err().contains("[import.file-unreadable]"), run.toString());
        assertNoStackTrace(run);
        assertEquals(before, listing(), "nothing written, inside or outside --out");
    }

    /** The same document with 20 MB of spaces in its XML: a few KB on disk, a ratio POI refuses. */
    private static void zipBomb(Path docx, Path bomb) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(docx));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("word/document.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int body = xml.indexOf("<w:body>") + "<w:body>".length();
                    out.write(xml.substring(0, body).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 20; i++) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(body).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAtItsFirstBadByte() throws IOException {
        Path source = dir.resolve("old");
        Files.createDirectories(source.resolve("fr"));
        try (OutputStream out = Files.newOutputStream(source.resolve("fr/privacy.md"))) {
            out.write("# Politique\n\n## Donn".getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[] {(byte) 0xE9, 'e', 's', '\n'}); // "é" in Latin-1
        }
        List<String> before = listing();

        Run run = cli("import", source.toString(), "--out", dir.resolve("content").toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("fr/privacy.md:3:8: error: the file is not UTF-8 text (byte 0xE9 here); save it as UTF-8"),
                run.toString());
        assertNoStackTrace(run);
        assertEquals(before, listing());
    }

    @Test
    void aPageInItsDeclaredCharsetWithScriptsAndEventHandlersComesOutClean() throws IOException {
        Path source = dir.resolve("pages");
        Files.createDirectories(source.resolve("de"));
        String page = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
                <script>alert('head')</script></head>
                <body onload="steal()"><h1>Datenschutz</h1>
                <p onmouseover="steal()">Stand: 1. Mai 2024</p>
                <h2 onclick="steal()">Grundsätze<script>alert('in heading')</script></h2>
                <p>Wir verarbeiten Daten <a href="javascript:steal()" onclick="steal()">gemäß</a> <a href="data:text/html,x">Art. 6</a>
                <iframe src="https://evil.example"></iframe><img src=x onerror="steal()"> DSGVO.</p>
                <svg onload="steal()"><text>svg</text></svg><object data="x.swf"></object>
                <noscript><img src="https://tracker.example/pixel"></noscript>
                </body></html>
                """;
        Files.write(source.resolve("de/privacy.html"), page.getBytes("windows-1252"));
        Path content = dir.resolve("content");

        Run run = cli("import", source.toString(), "--out", content.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("""
                ---
                title: "Datenschutz"
                effective: 2024-05-01
                ---

                ## Grundsätze {#grundsatze}

                Wir verarbeiten Daten gemäß Art. 6 DSGVO.
                """, Files.readString(content.resolve("de/privacy.md")));
        try (Stream<Path> walk = Files.walk(dir)) {
            assertEquals(List.of("content", "content/de", "content/de/privacy.md", "content/site.yaml", "pages", "pages/de",
                    "pages/de/privacy.html"), walk.map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.isEmpty()).sorted().toList());
        }
    }

    @Test
    void deeplyNestedMarkupEndsInAFileOrAnErrorNotACrash() throws IOException {
        Path source = dir.resolve("deep");
        Files.createDirectories(source.resolve("en"));
        Files.writeString(source.resolve("en/privacy.html"), "<h1>Privacy</h1><h2>Deep</h2>" + "<div><span>".repeat(100_000) + "text");
        Files.writeString(source.resolve("en/terms.md"), "# Terms\n\n## Deep\n\n" + "> - ".repeat(10_000) + "text\n");

        Run run = cli("import", source.toString(), "--out", dir.resolve("content").toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("terms.md:5: error: the text is nested more than 100 levels deep"), run.toString());
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat ") || run.err().contains("internal error"),
                run.toString());
    }
}
