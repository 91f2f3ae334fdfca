package org.privacysite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.SampleSite;

/** The CLI as CI uses it: exit codes and file:line messages, never a stack trace. */
class MainTest {

    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    Run build(Path content, Path output) {
        return run("build", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", output.toString());
    }

    Run check(Path content) {
        return run("check", "--content", content.toString(), "--templates", SampleSite.templates().toString());
    }

    @Test
    void checkOutKeepsItsBuildCacheBesideTheOutputUnlessToldNotTo() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Run cached = run("check", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", temp.resolve("target/site").toString());
        assertEquals(0, cached.exitCode(), cached.err());
        try (var files = java.nio.file.Files.list(temp.resolve("target/privacy-site-cache"))) {
            assertEquals(1, files.filter(file -> file.toString().endsWith(".cache")).count());
        }

        Run uncached = run("check", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", temp.resolve("other/site").toString(), "--no-cache");
        assertEquals(0, uncached.exitCode(), uncached.err());
        assertFalse(java.nio.file.Files.exists(temp.resolve("other/privacy-site-cache")));

        Path cache = temp.resolve("elsewhere");
        java.nio.file.Files.write(temp.resolve("target/privacy-site-cache").toFile().listFiles()[0].toPath(), new byte[] {1, 2, 3});
        Run damaged = run("check", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", temp.resolve("target/site").toString());
        assertEquals(0, damaged.exitCode(), damaged.err());
        assertTrue(damaged.err().contains("warning: the build cache") && damaged.err().contains("is damaged"), damaged.err());
        assertEquals(0, run("check", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", temp.resolve("target/site").toString(), "--cache", cache.toString()).exitCode());
        assertTrue(java.nio.file.Files.isDirectory(cache));
    }

    @Test
    void checkOutSaysItBuiltAsManyPagesAsBuildCountingTheFallbackPage() throws Exception {
        Path content = temp.resolve("content");
        SampleSite.copyTree(Path.of(MainTest.class.getResource("/org/privacysite/fallback-pages/content").toURI()), content);
        Path out = temp.resolve("target/site");
        Run build = build(content, temp.resolve("built"));
        assertTrue(build.out().contains("Built 4 pages into "), build.out() + build.err());

        for (String[] cache : new String[][] {{"--no-cache"}, {}, {}}) { // without the cache, then a full and an incremental run
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", "--content", content.toString(),
                    "--templates", SampleSite.templates().toString(), "--out", out.toString()));
            args.addAll(java.util.List.of(cache));
            Run check = run(args.toArray(String[]::new));
            assertEquals(0, check.exitCode(), check.err());
            assertTrue(check.out().contains("No findings: 4 pages checked.") && check.out().contains("Built 4 pages into "),
                    check.out());
        }
    }

    @Test
    void checkOfTheSampleSiteExitsZero() {
        Run run = check(SampleSite.content());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("No findings"), run.out());
    }

    @Test
    void buildWithPdfAndNoFontForAScriptExitsTwoNamingThePackage() throws IOException {
        Path fonts = Files.createDirectories(temp.resolve("fonts"));
        Path out = temp.resolve("site");
        Run run = run("build", "--content", SampleSite.content().toString(), "--templates", SampleSite.templates().toString(),
                "--out", out.toString(), "--pdf", "--pdf-fonts", fonts.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("pdf.font-missing") && run.err().contains("fonts-noto-core"), run.err());
        assertTrue(Files.notExists(out), "nothing written");
    }

    @Test
    void checkNamesTheFilesThatOverrideTheBuiltInTheme() {
        Run run = check(SampleSite.content());
        assertTrue(run.out().contains(org.privacysite.Location.of(SampleSite.templates().resolve("partials/footer.ftlh")).displayPath()
                + " overrides the built-in theme"), run.out());
        Run builtInOnly = run("check", "--content", SampleSite.content().toString());
        assertEquals(0, builtInOnly.exitCode(), builtInOnly.err());
        assertFalse(builtInOnly.out().contains("overrides"), builtInOnly.out());
    }

    @Test
    void aTemplatesDirectoryThatIsNotThereIsAUsageError() {
        Run run = run("check", "--content", SampleSite.content().toString(), "--templates", temp.resolve("missing").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("templates directory not found"), run.err());
    }

    @Test
    void checkWithOutPublishesOnlyWhenTheCheckPasses() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path out = temp.resolve("site");
        Run passed = run("check", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", out.toString());
        assertEquals(0, passed.exitCode(), passed.err());
        assertTrue(passed.out().contains("Built 10 pages into " + out), passed.out());
        assertTrue(Files.isRegularFile(out.resolve("fr/privacy/index.html")));

        Path french = content.resolve("fr/privacy.md");
        Files.writeString(french, Files.readString(french).replace("{#retention}", "{#keeping}"));
        Run failed = run("check", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", out.toString());
        assertEquals(1, failed.exitCode(), failed.err());
        assertTrue(failed.err().contains("The check failed; the previous output in " + out + " is left as it was."), failed.err());
        assertTrue(Files.readString(out.resolve("fr/privacy/index.html")).contains("id=\"retention\""), "the previous site stays");
    }

    /** A first check --out (or build) that failed said "the previous output in site is left as it was", of no output. */
    @Test
    void aFailedFirstCheckOrBuildSaysNothingWasWritten() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path french = content.resolve("fr/privacy.md");
        Files.writeString(french, Files.readString(french).replace("{#retention}", "{#keeping}"));
        Path out = temp.resolve("site");
        Run failed = run("check", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", out.toString());
        assertEquals(1, failed.exitCode(), failed.err());
        assertTrue(failed.err().contains("The check failed; nothing was written to " + out + "."), failed.err());
        assertFalse(Files.exists(out));

        Files.writeString(french, Files.readString(french).replace("{#keeping}", "{#keeping} {company"));
        Run build = run("build", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", out.toString());
        assertEquals(1, build.exitCode(), build.err());
        assertTrue(build.err().contains("Build failed; nothing was written to " + out + "."), build.err());
    }

    @Test
    void deletingAClauseFromATranslationMakesCheckExitOneNamingFileAndClause() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path french = content.resolve("fr/privacy.md");
        String text = Files.readString(french);
        // Remove the whole "retention" clause: from its heading to the next top-level heading.
        Matcher clause = Pattern.compile("(?ms)^## [^\\n]*\\{#retention\\}\\n.*?(?=^## )").matcher(text);
        assertTrue(clause.find(), "fixture: the French policy has a retention clause");
        Files.writeString(french, text.substring(0, clause.start()) + text.substring(clause.end()));

        Run run = check(content);

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().matches("(?s).*fr/privacy\\.md:\\d+:\\d+: error: clause 'retention' \\(\"Data retention\"\\) is missing \\(present in en\\).*"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void malformedFrontMatterFailsTheBuildWithItsLineAndKeepsTheOldSite() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path output = temp.resolve("site");
        assertEquals(0, build(content, output).exitCode());
        byte[] before = Files.readAllBytes(output.resolve("de/privacy/index.html"));

        Path german = content.resolve("de/privacy.md");
        String text = Files.readString(german);
        Files.writeString(german, text.replaceFirst("\ntitle: ", "\ntitle: [unclosed\n  x: "), StandardCharsets.UTF_8);
        Files.writeString(content.resolve("en/privacy.md"), Files.readString(content.resolve("en/privacy.md")).replace("Privacy Policy", "CHANGED"));

        Run run = build(content, output);

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().matches("(?s).*de/privacy\\.md:\\d+:\\d+: error: YAML.*"), run.err());
        assertFalse(run.err().contains("\tat "), "stack trace printed: " + run.err());
        byte[] after = Files.readAllBytes(output.resolve("de/privacy/index.html"));
        assertTrue(java.util.Arrays.equals(before, after), "the previous site was changed");
        assertTrue(Files.readString(output.resolve("en/privacy/index.html")).contains("Privacy Policy"));
        try (var siblings = Files.list(temp)) {
            assertEquals(0, siblings.filter(p -> p.getFileName().toString().startsWith(".site.")).count(), "staging left behind");
        }
    }

    @Test
    void checkWritesReportsForCiAndTheStatusPageForWriters() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path french = content.resolve("fr/cookies.md");
        Files.writeString(french, Files.readString(french).replaceAll("(?ms)^## [^\\n]*\\{#contact\\}\\n.*", ""));
        Path reports = temp.resolve("reports");

        Run run = run("check", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--report-dir", reports.toString());

        assertEquals(1, run.exitCode(), run.err());
        String junit = Files.readString(reports.resolve("TEST-privacy-site.xml"));
        assertTrue(junit.contains("<failure") && junit.contains("clause &apos;contact&apos; (&quot;Contact us&quot;) is missing")
                || junit.contains("clause 'contact' (\"Contact us\") is missing"), junit);
        assertTrue(Files.readString(reports.resolve("privacy-site.sarif")).contains("\"ruleId\": \"parity.clause-missing\"")
                || Files.readString(reports.resolve("privacy-site.sarif")).contains("\"ruleId\":\"parity.clause-missing\""));
        assertTrue(Files.readString(reports.resolve("privacy-site.json")).contains("parity.clause-missing"));
        String status = Files.readString(reports.resolve("translation-status.html"));
        assertTrue(status.contains("1 missing"), "the status page counts the missing clause");
    }

    @Test
    void buildWritesTheSiteAndSaysWhere() {
        Path output = temp.resolve("out");
        Run run = build(SampleSite.content(), output);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Built 10 pages into"), run.out());
        assertTrue(Files.isRegularFile(output.resolve("ar/cookies/index.html")));
    }

    @Test
    void unreadableConfigurationExitsTwo() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), "name: x\nbaseUrl: https://x.example/\nlocales: [en, xx-invalid]\ndocuments: [privacy]\n");
        Run run = check(content);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("site.yaml:3:"), run.err());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("build").exitCode());
        assertEquals(2, run("no-such-command").exitCode());
        assertEquals(2, run().exitCode());
    }

    @Test
    void theUsageListsEveryCommandThoughOnlyTheNamedOneIsModelledAndAMisspeltOneGetsASuggestion() {
        Run usage = run("--help");
        assertEquals(0, usage.exitCode());
        for (String command : java.util.List.of("init", "import", "build", "check", "serve", "mark-translated", "rules",
                "export-translation", "import-translation", "audit")) {
            assertTrue(usage.out().contains("  " + command + " "), command + " missing from\n" + usage.out());
        }
        Run misspelt = run("chek", "--content", temp.toString());
        assertEquals(2, misspelt.exitCode());
        assertTrue(misspelt.err().contains("Did you mean") && misspelt.err().contains("check"), misspelt.err());
        Run afterRootOption = run("--verbose", "check", "--help");
        assertEquals(0, afterRootOption.exitCode(), afterRootOption.err());
        assertTrue(afterRootOption.out().contains("--strict"), afterRootOption.out());
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("privacy-site "), version.out());
        Run help = run("check", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--strict"), help.out());
    }

    @Test
    void aContentDirectoryThatDoesNotExistIsAUsageError() {
        Run run = check(temp.resolve("no-such-content"));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("content directory not found [config.content-directory]"), run.err());
    }

    @Test
    void aTemplatesDirectoryThatDoesNotExistIsAUsageError() {
        Run run = run("check", "--content", SampleSite.content().toString(), "--templates", temp.resolve("no-such-templates").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("[config.templates-directory]"), run.err());
    }

    @Test
    void aSiteWithoutDocumentsIsAUsageError() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path siteYaml = content.resolve("site.yaml");
        Files.writeString(siteYaml, Files.readString(siteYaml).replace("documents: [privacy, cookies]", "documents: []"));
        Run run = check(content);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("list at least one document [config.documents]"), run.err());
    }

    @Test
    void markTranslatedOfAnUnknownDocumentIsAUsageError() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Run run = run("mark-translated", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--locale", "fr", "--document", "terms");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("'terms' is not a document of this site (documents: privacy, cookies) [config.document]"), run.err());
    }

    @Test
    void internalErrorsSayWhereToReportAndShowNoTrace() {
        StringWriter err = new StringWriter();
        int code = Main.internalError(new IllegalStateException("a bug"), new PrintWriter(err, true), false);
        assertEquals(3, code);
        assertTrue(err.toString().startsWith("internal error: java.lang.IllegalStateException: a bug"), err.toString());
        assertTrue(err.toString().matches("(?s).*[Pp]lease report it at https://\\S+.*"), err.toString());
        assertTrue(err.toString().contains("--verbose"), "the hint to rerun with --verbose: " + err);
        assertFalse(err.toString().contains("\tat "), "no stack trace without --verbose: " + err);
    }

    @Test
    void outOfMemoryIsNotCalledABugAndSaysHowToGiveJavaMore() {
        // as a 10k-page site under -Xmx512m ended: the worker's OutOfMemoryError, wrapped by the stage that waited for it
        StringWriter err = new StringWriter();
        int code = Main.internalError(new IllegalStateException(new OutOfMemoryError("Java heap space")),
                new PrintWriter(err, true), true);
        assertEquals(3, code);
        assertTrue(err.toString().startsWith("error: out of memory: this site needs more than the "), err.toString());
        assertTrue(err.toString().contains("java -Xmx2g -jar privacy-site.jar"), err.toString());
        assertTrue(err.toString().contains("PRIVACY_SITE_OPTS=-Xmx2g"), err.toString());
        assertFalse(err.toString().contains("This is a bug in privacy-site, not in your content"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace, even with --verbose: " + err);
    }

    @Test
    void aFullDiskIsNotCalledABugAndSaysWhatCouldNotBeWritten() {
        Path full = Path.of("/dev/full"); // every write to it fails as on a full disk (ENOSPC)
        assumeTrue(Files.isWritable(full), "Linux's /dev/full");
        IOException noSpace = assertThrows(IOException.class, () -> Files.write(full, new byte[] {1}));
        StringWriter err = new StringWriter();
        // as a check --out on a full disk ended: the output stage's exception, wrapped by the job that waited for it
        int code = Main.internalError(new java.util.concurrent.CompletionException(
                new java.io.UncheckedIOException("cannot write the site to /srv/site", noSpace)), new PrintWriter(err, true), true);
        assertEquals(3, code);
        assertTrue(err.toString().startsWith("error: the disk is full: cannot write the site to /srv/site: No space left on device."
                + " Free some space"), err.toString());
        assertFalse(err.toString().contains("This is a bug in privacy-site"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace, even with --verbose: " + err);
    }

    @Test
    void verboseAddsTheStackTraceToAnInternalError() {
        StringWriter err = new StringWriter();
        assertEquals(3, Main.internalError(new IllegalStateException("a bug"), new PrintWriter(err, true), true));
        assertTrue(err.toString().contains("\tat org.privacysite."), err.toString());
    }
}
