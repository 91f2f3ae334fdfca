package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile inputs, one small fixture each (resources {@code bad-input/<case>/}, or bytes
 * written here when a text file cannot hold them). Every rejected input must give
 * {@code path:line:col: error: <plain words>}, a non-zero exit, no stack trace, and leave the
 * previous output byte-identical ({@link TestSite#assertBuildRejected}).
 *
 * <p>The base site ({@code base-site/content}) puts its lines here: en/privacy.md line 11 is the
 * "Who we are" paragraph, line 13 the "Retention" heading, line 15 its paragraph with the plural.
 */
class BadInputTest {

    private static final String POLICY = "content/en/privacy.md";

    @TempDir
    Path temp;

    TestSite site;

    @BeforeEach
    void buildThePreviousSite() {
        site = TestSite.create(temp).buildPrevious();
    }

    private String basePolicy() {
        return site.read(POLICY);
    }

    // --- Encodings and line endings -------------------------------------------------------------

    @Test
    void invalidUtf8IsRejectedAtTheBadByte() {
        String text = basePolicy().replace("{company} is the controller.", "{company} is the \u0000controller.");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                bytes[i] = (byte) 0xFF; // never valid in UTF-8: line 11, column 18
            }
        }
        site.write(POLICY, bytes);
        site.assertBuildRejected(1, POLICY + ":11:18", "UTF-8");
    }

    @Test
    void invalidUtf8InSiteYamlIsRejectedAtTheBadByte() {
        byte[] latin1 = site.read("content/site.yaml").replace("Reliability Test Site", "Société Test Site")
                .getBytes(StandardCharsets.ISO_8859_1); // é as the single byte 0xE9: line 2, column 11
        site.write("content/site.yaml", latin1);
        site.assertBuildRejected(2, "content/site.yaml:2:11", "UTF-8");
    }

    @Test
    void utf8ByteOrderMarksAreAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (String file : List.of(POLICY, "content/site.yaml", "content/fr/privacy.md")) {
            site.write(file, concat(bom, site.read(file).getBytes(StandardCharsets.UTF_8)));
        }
        String page = site.assertBuilds();
        assertTrue(page.contains("<title>Privacy Policy · Reliability Test Site</title>"), "title without BOM");
        assertFalse(page.contains("\uFEFF"), "the byte order mark leaked into the page");
    }

    @Test
    void crlfLineEndingsBuild() {
        site.write(POLICY, basePolicy().replace("\n", "\r\n"));
        site.write("content/site.yaml", site.read("content/site.yaml").replace("\n", "\r\n"));
        String page = site.assertBuilds();
        assertFalse(page.contains("\r"), "carriage returns leaked into the page");
        assertTrue(page.contains("id=\"retention\""), "the clause after CRLF lines is there");
    }

    @Test
    void crlfLineEndingsKeepLineNumbersOfLaterErrors() {
        int col = column(basePolicy(), 15, "See ") + 4;
        String text = basePolicy().replace("See [](#who-we-are)", "See {nofact} [](#who-we-are)").replace("\n", "\r\n");
        site.write(POLICY, text);
        site.assertBuildRejected(1, POLICY + ":15:" + col, "nofact", "not a fact");
    }

    @Test
    void mixedLineEndingsKeepLineNumbersOfLaterErrors() {
        int col = column(basePolicy(), 15, "See ") + 4;
        String[] lines = basePolicy().replace("See [](#who-we-are)", "See {nofact} [](#who-we-are)").split("\n", -1);
        String[] endings = {"\r\n", "\n", "\r"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            text.append(lines[i]).append(i + 1 < lines.length ? endings[i % 3] : "");
        }
        site.write(POLICY, text.toString());
        site.assertBuildRejected(1, POLICY + ":15:" + col, "nofact", "not a fact");
    }

    @Test
    void mixedLineEndingsBuild() {
        String[] lines = basePolicy().split("\n", -1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            text.append(lines[i]).append(i + 1 < lines.length ? (i % 2 == 0 ? "\r\n" : "\n") : "");
        }
        site.write(POLICY, text.toString());
        assertTrue(site.assertBuilds().contains("id=\"retention\""));
    }

    // --- Files and front matter --------------------------------------------------------------------

    @Test
    void emptyFile() {
        site.write(POLICY, "");
        site.assertBuildRejected(1, POLICY + ":1:1", "empty");
    }

    @Test
    void whitespaceOnlyFile() {
        site.write(POLICY, "\n   \n\t\n");
        site.assertBuildRejected(1, POLICY + ":1:1", "empty");
    }

    @Test
    void frontMatterMissing() {
        site.overlay("front-matter-missing").assertBuildRejected(1, POLICY + ":1:1", "front matter");
    }

    @Test
    void frontMatterUnclosed() {
        site.overlay("front-matter-unclosed").assertBuildRejected(1, POLICY + ":1:1", "never closed");
    }

    @Test
    void frontMatterNotAMap() {
        site.overlay("front-matter-not-a-map").assertBuildRejected(1, POLICY + ":2:1", "name: value");
    }

    @Test
    void frontMatterEmpty() {
        site.write(POLICY, "---\n---\n\nIntro of {company}.\n");
        site.assertBuildRejected(1, POLICY + ":*:*", "title");
    }

    @Test
    void frontMatterComplexKey() {
        site.write(POLICY, basePolicy().replace("effective: 2026-01-01", "effective: 2026-01-01\n? complex: value"));
        site.assertBuildRejected(1, POLICY + ":5:*");
    }

    @Test
    void loneSurrogateEscapeInFrontMatter() {
        site.write(POLICY, basePolicy().replace("description: How Example Ltd handles personal data.", "description: \"Data \\uD800 use\""));
        site.assertBuildRejected(1, POLICY + ":3:*", "[yaml.character]");
    }

    @Test
    void frontMatterEffectiveNotADate() {
        site.overlay("front-matter-effective-not-a-date").assertBuildRejected(1, POLICY + ":4:12", "effective", "YYYY-MM-DD");
    }

    // --- site.yaml and cookies.yaml ---------------------------------------------------------------

    @Test
    void controlCharacterInSiteYaml() {
        site.write("content/site.yaml", site.read("content/site.yaml").replace("Reliability Test Site", "Reliability\u0001Test Site"));
        site.assertBuildRejected(2, "content/site.yaml:2:*", "character");
    }

    @Test
    void siteYamlLocalesNotAList() {
        site.overlay("site-yaml-locales-not-a-list").assertBuildRejected(2, "content/site.yaml:4:10", "locales", "list");
    }

    @Test
    void siteYamlNameIsAList() {
        site.overlay("site-yaml-name-is-a-list").assertBuildRejected(2, "content/site.yaml:2:7", "name", "text");
    }

    @Test
    void siteYamlFactIsAList() {
        site.overlay("site-yaml-fact-is-a-list").assertBuildRejected(2, "content/site.yaml:9:18", "retentionDays", "single value");
    }

    @Test
    void cookiesYamlRevisionNotANumber() {
        site.overlay("cookies-yaml-revision-not-a-number").assertBuildRejected(2, "content/cookies.yaml:2:11", "revision", "number");
    }

    @Test
    void cookiesYamlRequiredNotTrueOrFalse() {
        site.overlay("cookies-yaml-required-not-true-or-false").assertBuildRejected(2, "content/cookies.yaml:7:15", "required", "true or false");
    }

    @Test
    void cookiesYamlCategoriesNotAList() {
        site.overlay("cookies-yaml-categories-not-a-list").assertBuildRejected(2, "content/cookies.yaml:3:13", "categories", "list");
    }

    @Test
    void cookieCategoryWithoutText() {
        // cookies.yaml names categories 'necessary' and 'analytics'; content/en/messages.yaml does not exist.
        site.overlay("cookie-category-without-text");
        Cli.Run run = site.build();
        Failures.assertNoJava(run);
        assertTrue(run.exitCode() == 1 || run.exitCode() == 2, run.toString());
        java.util.regex.Matcher where = java.util.regex.Pattern.compile(
                "/(content/(?:cookies\\.yaml|en/messages\\.yaml)(?::\\d+(?::\\d+)?)?): error: [^\\n]*cookies\\.category\\.necessary\\.name")
                .matcher(run.err());
        assertTrue(where.find(), "the missing text, named at cookies.yaml's category or in the bundle: " + run);
        site.assertBuildRejected(run.exitCode(), where.group(1), "cookies.category.necessary.name");
    }

    @Test
    void cookiesYamlDurationTooLarge() {
        site.overlay("cookies-yaml-duration-too-large").assertBuildRejected(2, "content/cookies.yaml:12:19", "duration", "[consent.duration]");
    }

    @Test
    void cookieTableWithoutCookiesYaml() {
        site.write(POLICY, basePolicy() + "\n```cookie-table necessary\n```\n");
        site.assertBuildRejected(1, POLICY + ":17:*", "cookies.yaml", "[consent.missing]");
    }

    @Test
    void cookiesYamlConsentKeptTooLong() {
        breakCookiesYaml("expiryMonths: 6", "expiryMonths: 36").assertBuildRejected(2, "content/cookies.yaml:3:*", "24", "[consent.expiry]");
    }

    @Test
    void cookiesYamlCategoryIdWithCapitals() {
        breakCookiesYaml("  - id: analytics", "  - id: Analytics")
                .assertBuildRejected(2, "content/cookies.yaml:14:*", "Analytics", "[consent.category-id]");
    }

    @Test
    void cookiesYamlPartyNeitherFirstNorThird() {
        breakCookiesYaml("party: first\n        duration: 13 months", "party: fourth\n        duration: 13 months")
                .assertBuildRejected(2, "content/cookies.yaml:18:*", "first", "third", "[consent.party]");
    }

    @Test
    void cookiesYamlWithoutAStrictlyNecessaryCategory() {
        breakCookiesYaml("    required: true\n", "").assertBuildRejected(2, "content/cookies.yaml:*:*", "required: true", "[consent.necessary]");
    }

    /** The duration-too-large fixture's cookies.yaml with its duration fixed and one other mistake planted. */
    private TestSite breakCookiesYaml(String text, String replacement) {
        site.overlay("cookies-yaml-duration-too-large");
        String fixed = site.read("content/cookies.yaml").replace("99999999999 days", "1 day");
        if (!fixed.contains(text)) {
            throw new IllegalStateException("the fixture no longer contains: " + text);
        }
        site.write("content/cookies.yaml", fixed.replace(text, replacement));
        return site;
    }

    @Test
    void textNestedDeeperThanAHundredLevelsIsAClearError() {
        site.write(POLICY, basePolicy().replace("## Retention {#retention}", ">".repeat(150) + " deep\n\n## Retention {#retention}"));
        site.assertBuildRejected(1, POLICY + ":*:*", "nested", "[content.too-deep]");
    }

    @Test
    void cookieTableWithUnknownCategory() {
        site.overlay("cookie-table-with-unknown-category").assertBuildRejected(1, POLICY + ":17:*", "functional", "[consent.unknown-category]");
    }

    @Test
    void localeCodeUnknown() {
        site.overlay("locale-code-unknown").assertBuildRejected(2, "content/site.yaml:4:15", "xx", "not a locale");
    }

    @Test
    void localeCodeMalformed() {
        site.overlay("locale-code-malformed").assertBuildRejected(2, "content/site.yaml:4:15", "fr_FR", "write", "fr-FR");
    }

    @Test
    void documentListedTwice() {
        site.overlay("document-listed-twice").assertBuildRejected(2, "content/site.yaml:5:29", "privacy", "twice");
    }

    // --- Clauses -------------------------------------------------------------------------------------

    @Test
    void headingWithoutKey() {
        site.overlay("heading-without-key").assertBuildRejected(1, POLICY + ":13:1", "no clause key", "{#retention}");
    }

    @Test
    void clauseKeyDuplicate() {
        site.overlay("clause-key-duplicate").assertBuildRejected(1, POLICY + ":13:1", "who-we-are", "twice");
    }

    @Test
    void clauseKeyWithCharactersNotAllowedInIds() {
        site.overlay("clause-key-invalid-characters").assertBuildRejected(1, POLICY + ":13:1", "Rétention_1", "lower-case");
    }

    // --- ICU -----------------------------------------------------------------------------------------

    @Test
    void icuArgumentUnclosed() {
        site.overlay("icu-argument-unclosed").assertBuildRejected(1, POLICY + ":15:*", "ICU");
    }

    @Test
    void icuSyntaxMessagesAreCompleteSentences() {
        Cli.Run run = site.overlay("icu-argument-unclosed").assertBuildRejected(1, POLICY + ":15:*", "ICU");
        String message = run.err().lines().filter(l -> l.contains(": error: ")).findFirst().orElseThrow();
        String text = message.substring(message.indexOf(": error: ") + 9).replaceAll("\\s*\\[[a-z.-]+\\]$", "");
        assertFalse(text.endsWith(":"), "the message stops in the middle: " + text);
    }

    @Test
    void icuPluralWithoutOther() {
        site.overlay("icu-plural-without-other").assertBuildRejected(1, POLICY + ":15:26", "other");
    }

    @Test
    void icuArgumentWithoutFact() {
        site.overlay("icu-argument-without-fact").assertBuildRejected(1, POLICY + ":15:26", "retentionDayz", "not a fact", "retentionDays");
    }

    @Test
    void icuArgumentWithFactOfWrongType() {
        site.overlay("icu-fact-of-wrong-type").assertBuildRejected(1, POLICY + ":15:26", "company", "number");
    }

    @Test
    void icuMalformedInTitle() {
        site.overlay("icu-malformed-in-title").assertBuildRejected(1, POLICY + ":2:*", "ICU");
    }

    @Test
    void icuArgumentWithoutFactInTitle() {
        site.overlay("icu-argument-without-fact-in-title").assertBuildRejected(1, POLICY + ":2:*", "compnay", "not a fact");
    }

    @Test
    void icuArgumentWithoutFactInLinkAddress() {
        site.overlay("icu-argument-without-fact-in-link").assertBuildRejected(1, POLICY + ":11:*", "privacyEmial", "not a fact");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"footer.rights", "language.name"})
    void uiMessageUsingAFactOfTheWrongType(String key) throws IOException {
        Path bundle = site.withOwnTemplates().templates().resolve("messages/en.yaml");
        String text = Files.readString(bundle);
        if (key.equals("language.name") && !text.contains("\nlanguage.name:")) {
            text += "language.name: \"English\"\n"; // optional (CLDR names the language): a site's own bundle may give it
        }
        java.util.regex.Matcher message = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(key) + ": .*$").matcher(text);
        assertTrue(message.find(), "fixture: the UI bundle has " + key);
        int line = (int) text.substring(0, message.start()).chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(bundle, text.substring(0, message.start()) + key + ": \"© {company, number}\"" + text.substring(message.end()));
        site.assertBuildRejected(1, "templates/messages/en.yaml:" + line + ":*", "company", "number");
    }

    // --- Templates -----------------------------------------------------------------------------------

    @Test
    void templateSyntaxErrorNamesTheTemplateLine() {
        breakTemplate("document.ftlh");
        site.threads(1).assertBuildRejected(1, "templates/document.ftlh:2:*");
    }

    @Test
    void templateSyntaxErrorNamesTheTemplateLineWhenRenderingInParallel() {
        breakTemplate("document.ftlh");
        site.threads(8);
        for (int attempt = 0; attempt < 3; attempt++) {
            site.assertBuildRejected(1, "templates/document.ftlh:2:*");
        }
    }

    @Test
    void templateSyntaxErrorInAnImportedTemplateNamesThatTemplate() {
        breakTemplate("layout.ftlh");
        site.threads(1).assertBuildRejected(1, "templates/layout.ftlh:2:*");
    }

    @Test
    void templateReferencingAMissingVariable() throws IOException {
        Path template = site.withOwnTemplates().templates().resolve("document.ftlh");
        String text = Files.readString(template);
        assertTrue(text.contains("${page.title}"), "fixture: document.ftlh shows ${page.title}");
        int offset = text.indexOf("${page.title}");
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        int col = offset - text.lastIndexOf('\n', offset - 1) + 2; // FreeMarker points at the expression inside ${
        Files.writeString(template, text.replaceFirst("\\$\\{page\\.title}", "\\${page.titel}"));
        site.assertBuildRejected(1, "templates/document.ftlh:" + line + ":" + col, "page.titel");
    }

    /** Copies the real templates and inserts, as line 2 of {@code name}, a directive FreeMarker cannot parse. */
    private void breakTemplate(String name) {
        Path template = site.withOwnTemplates().templates().resolve(name);
        try {
            String text = Files.readString(template);
            int firstLineEnd = text.indexOf('\n');
            Files.writeString(template, text.substring(0, firstLineEnd + 1) + "<#if></#if>\n" + text.substring(firstLineEnd + 1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- Size and depth ------------------------------------------------------------------------------

    @Test
    void tenMegabyteMarkdownBuildsWithinTwentySecondsOfCpu() {
        StringBuilder text = new StringBuilder(basePolicy());
        String paragraph = "\nWe process personal data lawfully, fairly and transparently for {company}, and only for the "
                + "purposes described in this policy; we keep it no longer than necessary. ".repeat(4) + "\n";
        int paragraphs = 0;
        while (text.length() < 10 * 1024 * 1024) {
            text.append(paragraph);
            paragraphs++;
        }
        text.append("\nLAST-PARAGRAPH-MARKER\n");
        site.write(POLICY, text.toString());
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        Cli.Run run = site.build();
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        Failures.assertSucceeded(run);
        assertTrue(site.read("site/en/privacy/index.html").contains("LAST-PARAGRAPH-MARKER"), "the whole file was rendered");
        assertTrue(cpuSeconds < 20, "a 10 MB policy (" + paragraphs + " paragraphs) took " + cpuSeconds + " s of CPU");
        assertTrue(wallSeconds < 120, "a 10 MB policy took " + wallSeconds + " s");
    }

    @Test
    void tenThousandNestedListsGiveASiteOrAClearMessage() {
        assertSiteOrClearMessage("- ".repeat(10_000) + "deep\n");
    }

    @Test
    void tenThousandNestedBlockQuotesGiveASiteOrAClearMessage() {
        assertSiteOrClearMessage(">".repeat(10_000) + " deep\n");
    }

    @Test
    void tenThousandNestedEmphasesGiveASiteOrAClearMessage() {
        assertSiteOrClearMessage("*".repeat(10_000) + "deep" + "*".repeat(10_000) + "\n");
    }

    @Test
    void tenThousandNestedLinksGiveASiteOrAClearMessage() {
        assertSiteOrClearMessage("[".repeat(10_000) + "deep" + "](#who-we-are)".repeat(10_000) + "\n");
    }

    /** {@code deep} appended to the "Who we are" clause: either the site builds, or a located error; never a crash. */
    private void assertSiteOrClearMessage(String deep) {
        site.write(POLICY, basePolicy().replace("## Retention {#retention}", deep + "\n## Retention {#retention}"));
        Cli.Run run = site.build();
        if (run.exitCode() == 0) {
            Failures.assertSucceeded(run);
            assertTrue(site.read("site/en/privacy/index.html").contains("id=\"retention\""));
        } else {
            Failures.assertUserError(run, 1, POLICY + ":*:*");
        }
    }

    // --- Files outside content/ ------------------------------------------------------------------------

    @Test
    void symlinkToAPolicyOutsideContentIsRejected() throws IOException {
        Path outside = site.write("outside/privacy.md", basePolicy().replace("This policy explains", "OUTSIDE-SECRET explains"));
        Path policy = site.root.resolve(POLICY);
        Files.delete(policy);
        Files.createSymbolicLink(policy, outside);
        site.assertBuildRejected(1, POLICY, "outside the content directory");
    }

    @Test
    void symlinkedLocaleDirectoryOutsideContentIsRejected() throws IOException {
        Path outside = site.root.resolve("outside/fr");
        org.privacysite.SampleSite.copyTree(site.content.resolve("fr"), outside);
        Path french = site.content.resolve("fr");
        org.privacysite.internal.output.OutputDirectory.delete(french);
        Files.createSymbolicLink(french, outside);
        site.assertBuildRejected(1, "content/fr/privacy.md", "outside the content directory");
    }

    @Test
    void linksLeavingContentAreNeitherCopiedNorExposed() throws IOException {
        site.overlay("link-leaving-content");
        String page = site.assertBuilds();
        try (Stream<Path> files = Files.walk(site.out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            for (String leaked : List.of("passwd", "hostname", "site.yaml", "notes.txt", "privacy.md")) {
                assertFalse(names.contains(leaked), leaked + " was copied into the site");
            }
        }
        try (Stream<Path> files = Files.walk(site.out)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("root:x:0:0") || text.contains("never publish"), file + " exposes a file outside the site");
            }
        }
        assertTrue(page.contains("href=\"notes.txt\""), "the link itself stays as written");
    }

    @Test
    void checkReportsLinksToNonDocumentFilesAndOutsideTheSite() {
        site.overlay("link-leaving-content");
        Cli.Run run = site.check();
        Failures.assertUserError(run, 1, POLICY + ":11", "notes.txt", "does not exist");
        Failures.assertUserError(run, 1, POLICY + ":11", "../site.yaml", "does not exist");
        Failures.assertUserError(run, 1, POLICY + ":11", "../../../etc/passwd", "leaves the site");
    }

    @Test
    void checkReportsImagesLeavingTheSiteAtTheirMarkdownLine() {
        site.overlay("link-leaving-content");
        Cli.Run run = site.check();
        Failures.assertUserError(run, 1, POLICY + ":11", "../../../../etc/hostname", "leaves the site");
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** The 1-based column of {@code text} in line {@code line} of {@code file}. */
    private static int column(String file, int line, String text) {
        String row = file.split("\n", -1)[line - 1];
        int index = row.indexOf(text);
        assertTrue(index >= 0, "fixture: line " + line + " holds '" + text + "'");
        return index + 1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }
}
