package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --out} with the build cache: after every kind of edit, the published site is byte for
 * byte the one a clean check publishes, and the findings are the same; an edit of policy text alone
 * takes the other pages from the previous output.
 */
class BuildCacheTest {

    @TempDir
    Path temp;

    private Path content;
    private Path templates;
    private Path out;
    private Path cache;
    private final List<String> warnings = new ArrayList<>();
    private int cleanRuns;

    @BeforeEach
    void sampleWithoutHistory() throws IOException {
        content = SampleSite.copyContent(temp.resolve("content"));
        org.privacysite.internal.output.OutputDirectory.delete(content.resolve("archive")); // with a history every build is a full one (see below)
        templates = SampleSite.copyTemplates(temp.resolve("templates"));
        out = temp.resolve("target/site");
        cache = temp.resolve("target/privacy-site-cache");
        CheckResult first = cached();
        assertFalse(first.failed(false), first.findings().toString());
    }

    private CheckResult cached() {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(templates).cacheDirectory(cache)
                .warnings(warnings::add).build().checkAndBuild(out, false);
    }

    /** The cached check, then a clean one of the same sources: same findings, same files, byte for byte. */
    private CheckResult assertSameAsClean() {
        CheckResult incremental = cached();
        Path clean = temp.resolve("clean-" + cleanRuns++);
        CheckResult full = PrivacySite.builder().contentDirectory(content).templatesDirectory(templates).build()
                .checkAndBuild(clean, false);
        assertEquals(full.findings().stream().map(Finding::toString).toList(),
                incremental.findings().stream().map(Finding::toString).toList());
        assertEquals(full.failed(false), incremental.failed(false));
        if (!full.failed(false)) {
            assertEquals(SampleSite.snapshot(clean), SampleSite.snapshot(out));
        }
        return incremental;
    }

    private Object inode(String path) throws IOException {
        return Files.getAttribute(out.resolve(path), "unix:ino");
    }

    private void edit(String file, String text, String replacement) throws IOException {
        Path path = content.resolve(file);
        String source = Files.readString(path);
        assertTrue(source.contains(text), file + " lacks " + text);
        Files.writeString(path, source.replace(text, replacement));
    }

    @Test
    void aSourceEditRebuildsItsPagesAndTakesTheOthersFromThePreviousOutput() throws IOException {
        Object untouched = inode("de/cookies/index.html");
        Object edited = inode("en/privacy/index.html");
        edit("en/privacy.md", "## Children {#children}\n", "## Children {#children}\n\nWe never knowingly collect data from children.\n");

        CheckResult result = assertSameAsClean();

        assertEquals(untouched, inode("de/cookies/index.html"), "an unchanged page is the previous output's file");
        assertNotEquals(edited, inode("en/privacy/index.html"), "the edited page is written anew");
        assertTrue(Files.readString(out.resolve("en/privacy/index.html")).contains("We never knowingly collect data from children."));
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("parity.stale")),
                "the translations of the edited clause are stale: " + result.findings());
        assertEquals(List.of(), warnings);
    }

    /**
     * The parity check of an edited source compares it with its translations' clause contents as the cache kept them
     * (not parsed again): what it finds, and where in each translation, is what a clean check finds.
     */
    @Test
    void anEditedSourceIsComparedWithTheTranslationsClauseContentsTheCacheKeeps() throws IOException {
        edit("en/privacy.md", "{product} is not directed at children.", "{product} is not directed at children; {company} checks this.");

        CheckResult added = assertSameAsClean();

        assertTrue(added.findings().stream().anyMatch(f -> f.ruleId().equals("parity.argument-missing")
                && f.location().file().toString().endsWith("fr/privacy.md") && f.location().line() > 0), added.findings().toString());
        edit("en/privacy.md", "; {company} checks this.", ".");
        CheckResult undone = assertSameAsClean();
        assertTrue(undone.findings().stream().noneMatch(f -> f.ruleId().equals("parity.argument-missing")), undone.findings().toString());
        assertEquals(List.of(), warnings);
    }

    /**
     * A full build leaves a spare copy of the site beside it, of the published files themselves (hard links), so
     * that the first incremental build after it need not link every file (10,000 at 10k pages) before publishing.
     */
    @Test
    void aFullBuildLeavesASpareCopyOfTheSiteForTheNextIncrementalOne() throws IOException {
        Path spare = org.privacysite.internal.output.OutputDirectory.spare(out);
        assertTrue(Files.isDirectory(spare), "a spare site beside " + out);
        assertEquals(SampleSite.snapshot(out), SampleSite.snapshot(spare));
        assertEquals(inode("de/cookies/index.html"), Files.getAttribute(spare.resolve("de/cookies/index.html"), "unix:ino"),
                "the spare holds the published file itself, not a copy");

        Object untouched = inode("de/cookies/index.html");
        edit("en/privacy.md", "## Children {#children}\n", "## Children {#children}\n\nWe never knowingly collect data from children.\n");
        assertSameAsClean();
        assertEquals(untouched, inode("de/cookies/index.html"), "the first incremental build publishes the same files again");
    }

    @Test
    void aTranslationEditAndAnotherEditAfterItStayIdenticalToCleanBuilds() throws IOException {
        Object untouched = inode("en/cookies/index.html");
        edit("fr/privacy.md", "\n## ", "\nUne phrase de plus.\n\n## ");
        assertSameAsClean();
        edit("de/cookies.md", "\n## ", "\nNoch ein Satz.\n\n## ");
        assertSameAsClean();
        assertEquals(untouched, inode("en/cookies/index.html"));
    }

    @Test
    void aBrokenLinkIntroducedByAnEditIsStillFound() throws IOException {
        edit("en/cookies.md", "\n## ", "\nSee [our terms](../../terms/).\n\n## ");
        CheckResult result = assertSameAsClean();
        assertTrue(result.failed(false));
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("links.broken")), result.findings().toString());

        edit("en/cookies.md", "\nSee [our terms](../../terms/).\n", "\n");
        assertFalse(assertSameAsClean().failed(false), "the fixed site is published again");
    }

    @Test
    void aChangedTitleChangesTheMenusOfEveryPage() throws IOException {
        String source = Files.readString(content.resolve("en/cookies.md"));
        String title = source.lines().filter(line -> line.startsWith("title:")).findFirst().orElseThrow();
        edit("en/cookies.md", title + "\n", "title: Cookies and similar things\n");
        assertSameAsClean();
        assertTrue(Files.readString(out.resolve("en/privacy/index.html")).contains("Cookies and similar things"));
    }

    /** A page taken from the cache still switches off what its headings switch off, though its clauses are not read. */
    @Test
    void aRuleSetInTheHeadingOfAnUnchangedPageStillApplies() throws IOException {
        edit("fr/privacy.md", "## Conservation des données {#retention}", "## Conservation des données {#retention parity.stale=off}");
        assertSameAsClean();
        edit("en/privacy.md", "We keep personal data only", "We keep personal data strictly only");

        CheckResult result = assertSameAsClean();

        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("parity.stale") && f.location().file().toString().endsWith("de/privacy.md")),
                "the German translation is stale: " + result.findings());
        assertTrue(result.findings().stream().noneMatch(f -> f.ruleId().equals("parity.stale") && f.location().file().toString().endsWith("fr/privacy.md")
                && "retention".equals(f.clause())), "the French heading switches it off: " + result.findings());
    }

    @Test
    void aFactChange() throws IOException {
        edit("site.yaml", "breachNotificationHours: 72", "breachNotificationHours: 48");
        assertSameAsClean();
    }

    @Test
    void aTemplateChange() throws IOException {
        Path footer = templates.resolve("partials/footer.ftlh");
        Files.writeString(footer, Files.readString(footer) + "<!-- changed -->\n");
        assertSameAsClean();
    }

    @Test
    void aBundleChange() throws IOException {
        Path bundle = templates.resolve("messages/fr.yaml");
        String text = Files.readString(bundle);
        assertTrue(text.contains("nav.documents: \"Documents juridiques\""));
        Files.writeString(bundle, text.replace("nav.documents: \"Documents juridiques\"", "nav.documents: \"Nos documents\""));
        assertSameAsClean();
        assertTrue(Files.readString(out.resolve("fr/privacy/index.html")).contains("Nos documents"));
    }

    @Test
    void aDeletedDocument() throws IOException {
        edit("site.yaml", "documents: [privacy, cookies]", "documents: [privacy]");
        for (String locale : List.of("en", "fr", "de", "ar", "ja")) {
            Files.delete(content.resolve(locale + "/cookies.md"));
            Path privacy = content.resolve(locale + "/privacy.md");
            Files.writeString(privacy, Files.readString(privacy).replaceAll("\\]\\(cookies\\.md(#[\\w-]+)?\\)", "](#children)"));
        }
        assertSameAsClean(); // the footer's link to the cookie settings now fails: a finding, in both
    }

    @Test
    void aNewLocale() throws IOException {
        edit("site.yaml", "locales: [en, fr, de, ar, ja]", "locales: [en, fr, de, ar, ja, es]");
        SampleSite.copyTree(content.resolve("fr"), content.resolve("es"));
        assertSameAsClean();
    }

    @Test
    void aDamagedCacheIsRebuiltWithAWarningNeverTrusted() throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(cache)) {
            file = files.filter(f -> f.toString().endsWith(".cache")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
        edit("en/privacy.md", "## Children {#children}\n", "## Children {#children}\n\nA sentence.\n");

        assertSameAsClean();

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("damaged"), warnings.get(0));
        Object untouched = inode("de/cookies/index.html");
        edit("en/privacy.md", "\nA sentence.\n", "\nAnother sentence.\n");
        assertSameAsClean();
        assertEquals(untouched, inode("de/cookies/index.html"), "the rewritten cache serves the next build");
    }

    @Test
    void anOutputChangedByHandIsNotTrusted() throws IOException {
        Path page = out.resolve("de/cookies/index.html");
        Files.writeString(page, Files.readString(page) + "<!-- by hand -->");
        edit("en/privacy.md", "## Children {#children}\n", "## Children {#children}\n\nA sentence.\n");
        assertSameAsClean();
    }

    @Test
    void withAHistoryEveryBuildIsIdenticalToACleanOne() throws IOException {
        SampleSite.copyTree(SampleSite.content().resolve("archive"), content.resolve("archive"));
        assertSameAsClean();
        edit("en/privacy.md", "## Children {#children}\n", "## Children {#children}\n\nA sentence.\n");
        assertSameAsClean();
    }

    @Test
    void anUnchangedSiteIsPublishedAgainFromTheCache() throws IOException {
        Object untouched = inode("en/privacy/index.html");
        Map<String, String> before = SampleSite.snapshot(out);
        assertSameAsClean();
        assertEquals(before, SampleSite.snapshot(out));
        assertEquals(untouched, inode("en/privacy/index.html"));
    }

    /**
     * A sitemap split into parts (here at 21 entries a file: the sample's ten pages list five languages each, 7 entries)
     * is checked without findings, and an incremental build takes its parts from the previous output as it takes
     * sitemap.xml, into a site byte for byte the one a clean build of the same settings publishes.
     */
    @Test
    void theSitemapsPartsAreTakenFromThePreviousOutputLikeSitemapXml() throws IOException {
        Path splitOut = temp.resolve("target/split-site");
        java.util.function.Function<Path, CheckResult> split = target -> PrivacySite.builder().contentDirectory(content)
                .templatesDirectory(templates).cacheDirectory(temp.resolve("target/split-cache")).sitemapEntriesPerFile(21)
                .warnings(warnings::add).build().checkAndBuild(target, false);
        CheckResult first = split.apply(splitOut);
        assertFalse(first.failed(false), first.findings().toString());
        assertTrue(first.findings().stream().noneMatch(f -> f.ruleId().startsWith("links.sitemap")), first.findings().toString());
        List<String> files = List.of("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap-4.xml");
        List<Object> before = new ArrayList<>();
        for (String file : files) {
            before.add(Files.getAttribute(splitOut.resolve(file), "unix:ino"));
        }
        assertFalse(Files.exists(splitOut.resolve("sitemap-5.xml")));
        Object untouched = Files.getAttribute(splitOut.resolve("de/cookies/index.html"), "unix:ino");

        edit("en/privacy.md", "## Children {#children}\n", "## Children {#children}\n\nWe never knowingly collect data from children.\n");
        CheckResult incremental = split.apply(splitOut);

        assertEquals(untouched, Files.getAttribute(splitOut.resolve("de/cookies/index.html"), "unix:ino"), "an incremental build");
        for (int i = 0; i < files.size(); i++) {
            assertEquals(before.get(i), Files.getAttribute(splitOut.resolve(files.get(i)), "unix:ino"), files.get(i));
        }
        Path clean = temp.resolve("clean-split");
        CheckResult full = PrivacySite.builder().contentDirectory(content).templatesDirectory(templates).sitemapEntriesPerFile(21)
                .build().checkAndBuild(clean, false);
        assertEquals(full.findings().stream().map(Finding::toString).toList(),
                incremental.findings().stream().map(Finding::toString).toList());
        assertEquals(SampleSite.snapshot(clean), SampleSite.snapshot(splitOut));
        assertEquals(List.of(), warnings);
    }
}
