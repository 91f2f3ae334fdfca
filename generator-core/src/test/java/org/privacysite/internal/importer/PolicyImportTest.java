package org.privacysite.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.CheckResult;
import org.privacysite.ConfigurationException;
import org.privacysite.Finding;
import org.privacysite.ImportResult;
import org.privacysite.PolicyImport;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;
import org.privacysite.internal.rules.ImportRules;

/**
 * Imports the corpus (Markdown from Jekyll and Hugo in five languages, a saved HTML page, a Word file)
 * and runs {@code check} on the result: it must report exactly the differences planted in the
 * translations, each at its line, and nothing else.
 */
class PolicyImportTest {

    @TempDir
    Path dir;

    private ImportResult importInto(Path source, Path content) {
        return PolicyImport.builder().source(source).out(content).build().run();
    }

    private static CheckResult check(Path content) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build().check();
    }

    /** "file:line rule" for each finding, file relative to the content directory. */
    private static List<String> placesAndRules(List<Finding> findings, Path content) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(content.toAbsolutePath().relativize(f.location().file().toAbsolutePath()).toString().replace('\\', '/')
                    + ":" + f.location().line() + " [" + f.ruleId() + "]");
        }
        return out;
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void markdownInFiveLanguagesImportsAndCheckReportsExactlyThePlantedDifferences() throws IOException {
        Path source = ImportCorpus.writeMarkdown(dir.resolve("old-site"));
        Path content = dir.resolve("content");

        ImportResult result = importInto(source, content);

        assertEquals(List.of("en", "ar", "de", "fr", "ja"), result.locales());
        assertEquals(7, result.clauses());
        assertEquals(6, result.alignedClauses(), "every clause but usage-data (missing in de) is in every locale");
        int extra = lineOf(content.resolve("ar/privacy.md"), "{#todo-1}");
        assertEquals(List.of("ar/privacy.md:" + extra + " [import.heading-unaligned]"), placesAndRules(result.findings(), content));

        CheckResult check = check(content);
        int missing = lineOf(content.resolve("de/privacy.md"), "## Speicherdauer {#retention}");
        assertEquals(List.of("ar/privacy.md:" + extra + " [parity.clause-extra]", "de/privacy.md:" + missing + " [parity.clause-missing]"),
                placesAndRules(check.findings(), content), check.findings().toString());
    }

    @Test
    void keysComeFromTheSourceAndEveryTranslationIsAlignedByStructure() throws IOException {
        Path content = dir.resolve("content");
        importInto(ImportCorpus.writeMarkdown(dir.resolve("old-site")), content);

        List<String> source = List.of("who-we-are", "data-we-collect", "account-data", "usage-data", "retention", "your-rights", "contact");
        assertEquals(source, keys(content.resolve("en/privacy.md")));
        assertEquals(source, keys(content.resolve("fr/privacy.md")), "kramdown ids");
        assertEquals(source, keys(content.resolve("ja/privacy.md")), "Hugo {#id} and 第1条 numbering");
        // de has no ids and lacks usage-data; ar has no ids and an extra section: no later key shifts.
        assertEquals(List.of("who-we-are", "data-we-collect", "account-data", "retention", "your-rights", "contact"),
                keys(content.resolve("de/privacy.md")));
        assertEquals(List.of("who-we-are", "data-we-collect", "account-data", "usage-data", "retention", "todo-1", "your-rights",
                "contact"), keys(content.resolve("ar/privacy.md")));
    }

    @Test
    void aGoogleDocsExportKeepsItsTitleAndTheAddressesTheWriterTyped() throws IOException {
        Path page = dir.resolve("old/en/cookies.html");
        Files.createDirectories(page.getParent());
        // The shape of File > Download > Web page: no <title>, a Title paragraph, links through google.com/url.
        Files.writeString(page, """
                <html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"></head>
                <body class="doc-content"><p class="c5 title" id="h.abc"><span class="c1">Cookie Policy</span></p>
                <p class="c2"><span>Effective date: 1 March 2025</span></p>
                <h1 id="h.gjdgxs"><span class="c1">1. What are cookies?</span></h1>
                <p><span>See </span><a href="https://www.google.com/url?q=https://allaboutcookies.org/manage%3Fx%3D1&amp;sa=D&amp;source=editors&amp;usg=AOv">allaboutcookies.org</a>.</p>
                <h1 id="h.30j0zll"><span class="c1">2. Managing cookies</span></h1><p><span>Use the settings.</span></p>
                </body></html>
                """);
        Path content = dir.resolve("content");
        importInto(dir.resolve("old"), content);

        String imported = Files.readString(content.resolve("en/cookies.md"));
        assertTrue(imported.startsWith("---\ntitle: \"Cookie Policy\"\neffective: 2025-03-01\n---\n"), imported);
        assertFalse(imported.contains("\nCookie Policy\n"), "the title is not also a paragraph of the policy: " + imported);
        assertTrue(imported.contains("[allaboutcookies.org](https://allaboutcookies.org/manage?x=1)"), imported);
        assertFalse(imported.contains("google.com"), imported);
    }

    @Test
    void aWordFootnoteIsKeptInParenthesesWhereItsReferenceStands() throws IOException {
        Path file = dir.resolve("old/en/privacy.docx");
        Files.createDirectories(file.getParent());
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (String heading : List.of("Who we are", "Your rights")) {
                XWPFParagraph h = doc.createParagraph();
                h.setStyle("Heading1");
                h.createRun().setText(heading);
                XWPFParagraph p = doc.createParagraph();
                p.createRun().setText(heading.equals("Who we are") ? "We are the controller." : "You can ask for a copy.");
                if (heading.equals("Who we are")) {
                    XWPFFootnote note = doc.createFootnote();
                    p.addFootnoteReference(note);
                    note.createParagraph().createRun().setText("Within the meaning of Article 4(7) GDPR.");
                    p.createRun().setText(" We decide why and how.");
                }
            }
            doc.write(out);
        }
        Path content = dir.resolve("content");
        importInto(dir.resolve("old"), content);

        String imported = Files.readString(content.resolve("en/privacy.md"));
        assertTrue(imported.contains("We are the controller. (Within the meaning of Article 4(7) GDPR.) We decide why and how."), imported);
        assertFalse(imported.contains("footnoteRef"), imported);
    }

    private static List<String> keys(Path file) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            var matcher = java.util.regex.Pattern.compile("^#{2,6} .* \\{#([a-z0-9-]+)\\}$").matcher(line);
            if (matcher.matches()) {
                keys.add(matcher.group(1));
            }
        }
        return keys;
    }

    @Test
    void frontMatterTableOfContentsLinksAndBracesAreTurnedIntoOurs() throws IOException {
        Path content = dir.resolve("content");
        importInto(ImportCorpus.writeMarkdown(dir.resolve("old-site")), content);

        String en = Files.readString(content.resolve("en/privacy.md"));
        assertTrue(en.startsWith("---\ntitle: \"Privacy Policy\"\neffective: 2022-03-10\nupdated: 2024-05-01\n---\n"), en);
        assertFalse(en.contains("Contents") || en.contains("[Who we are]"), "the hand-written table of contents is dropped");
        assertFalse(en.contains("Effective March") || en.contains("Last updated"), "date lines moved to the front matter");
        assertFalse(en.contains("{:") || en.contains("\r") || en.contains("\uFEFF") || en.contains("layout:"));
        assertTrue(en.contains("## Who we are {#who-we-are}"), "numbers are dropped: the site numbers clauses");
        assertTrue(en.contains("[How long we keep data](#retention)"));
        assertTrue(en.contains("placeholders such as \\{name\\}."), "a brace is text, written \\{ as in Markdown");
        // Links that relied on GitHub's generated anchors (#3-speicherdauer, #3-مدة-الاحتفاظ) point at the keys.
        assertTrue(Files.readString(content.resolve("de/privacy.md")).contains("[Speicherdauer](#retention)"));
        assertTrue(Files.readString(content.resolve("ar/privacy.md")).contains("[مدة الاحتفاظ](#retention)"));
        String fr = Files.readString(content.resolve("fr/privacy.md"));
        assertTrue(fr.contains("effective: 2022-03-10\nupdated: 2024-05-01"), "\"En vigueur le 10 mars 2022\", \"1er mai 2024\"");
        String ja = Files.readString(content.resolve("ja/privacy.md"));
        assertTrue(ja.startsWith("---\ntitle: \"プライバシーポリシー\"\neffective: 2022-03-10\nupdated: 2024-05-01\n---\n"), ja);

        // The braces render as written.
        Path site = dir.resolve("site");
        PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build().build(site);
        assertTrue(Files.readString(site.resolve("en/privacy/index.html")).contains("placeholders such as {name}."));
    }

    @Test
    void importingTwiceWritesIdenticalFilesAndNeverOverwritesWithoutForce() throws IOException {
        Path source = ImportCorpus.writeMarkdown(dir.resolve("old-site"));
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        importInto(source, first);
        importInto(source, second);
        assertEquals(tree(first), tree(second));

        Files.writeString(first.resolve("en/privacy.md"), "edited by hand");
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> importInto(source, first));
        assertTrue(refused.findings().stream().allMatch(f -> f.rule().equals(ImportRules.WOULD_OVERWRITE)));
        assertTrue(refused.getMessage().contains("--force"));
        assertEquals("edited by hand", Files.readString(first.resolve("en/privacy.md")));

        PolicyImport.builder().source(source).out(first).force(true).build().run();
        assertEquals(tree(second), tree(first));
    }

    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    @Test
    void savedWebPagesImportWithoutTheSiteAroundThePolicy() throws IOException {
        Path content = dir.resolve("content");
        ImportResult result = importInto(ImportCorpus.writeHtml(dir.resolve("pages")), content);

        assertEquals(List.of("privacy", "cookies"), result.documents());
        assertEquals(List.of(), result.findings());
        String en = Files.readString(content.resolve("en/privacy.md"));
        for (String chrome : List.of("Pricing", "Blog", "We use cookies", "Accept", "Imprint", "©", "injected", "dataLayer",
                "tracker", "onclick", "onerror", "onload", "javascript", "alert", "<")) {
            assertFalse(en.contains(chrome), chrome + " in\n" + en);
        }
        assertTrue(en.contains("## Who we are {#who-we-are}"), "the id of the enclosing <section>");
        assertTrue(en.contains("## How long we keep data {#keep}"), "an <a id> in the heading");
        assertTrue(en.contains("We collect [How long we keep data](#keep)."));
        assertTrue(en.contains("| Accounts | 30 |"));
        assertTrue(en.contains("- **Account data**\n- Support requests\n  - [privacy@kestrel.example](mailto:privacy@kestrel.example)"), en);
        // Cross-document links, from fr's anchors to the source's keys.
        assertTrue(Files.readString(content.resolve("fr/privacy.md")).contains("[Cookies](cookies.md#managing-cookies)"));
        assertTrue(Files.readString(content.resolve("fr/cookies.md")).contains("[durées de conservation](privacy.md#keep)"));

        assertEquals(List.of(), check(content).findings());
    }

    @Test
    void wordDocumentsImportHeadingsListsTablesAndLinks() throws IOException {
        Path source = dir.resolve("word");
        Files.createDirectories(source.resolve("en"));
        Files.createDirectories(source.resolve("fr"));
        WordCorpus.write(source.resolve("en/privacy.docx"), WordCorpus.EN);
        WordCorpus.write(source.resolve("fr/privacy.docx"), WordCorpus.FR);
        Path content = dir.resolve("content");

        ImportResult result = importInto(source, content);

        assertEquals(List.of(), result.findings());
        String en = Files.readString(content.resolve("en/privacy.md"));
        assertTrue(en.startsWith("---\ntitle: \"Privacy Policy\"\neffective: 2024-05-01\n---\n"), en);
        assertTrue(en.contains("""
                ## Who we are {#who-we-are}

                **We are the controller of your data.**

                ## Data we collect {#data-we-collect}

                We collect only what we need; see [How long we keep data](#how-long-we-keep-data)

                ### Account data {#account-data}

                - your e-mail address
                  - privacy@kestrel.example
                - your plan

                ### Delete {#delete}

                1. Open the app
                2. Choose Delete account

                ## How long we keep data {#how-long-we-keep-data}

                | Data | Period |
                | --- | --- |
                | Accounts | 30 |
                | Invoices | 7 |

                ### Backups {#backups}

                *Backups are kept for 35 days.*
                """), en);
        assertFalse(en.contains("_Toc"), "Word's table of contents and bookmarks are gone");

        assertEquals(List.of(), check(content).findings());
    }

    @Test
    void bracesInTheTitleHeadingsAndTextRenderAsWritten() throws IOException {
        Path source = dir.resolve("old");
        ImportCorpus.markdown(source.resolve("en/privacy.md"), """
                # Privacy {beta}

                Effective 2024-05-01

                ## Use of {name} tags

                A lone } and a lone { and {count, plural, one {# day} other {# days}}.
                """);
        Path content = dir.resolve("content");
        importInto(source, content);
        assertEquals(List.of(), check(content).findings());

        Path site = dir.resolve("site");
        PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build().build(site);
        String html = Files.readString(site.resolve("en/privacy/index.html"));
        assertTrue(html.contains("Privacy {beta}"), html);
        assertTrue(html.contains("Use of {name} tags"), html);
        assertTrue(html.contains("A lone } and a lone { and {count, plural, one {# day} other {# days}}."), html);
    }
}
