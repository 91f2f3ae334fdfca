package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live preview's incremental rebuild: only affected pages, errors without losing the last good site. */
class PreviewTest {

    @TempDir
    Path temp;

    @Test
    void editingAClauseRerendersOnlyItsPageAndABrokenFileKeepsTheLastGoodSite() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path out = temp.resolve("preview");
        PrivacySite generator = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        try (Preview preview = generator.preview(out)) {
            PreviewUpdate first = preview.rebuild(List.of());
            assertTrue(first.succeeded(), first.errors().toString());
            assertEquals(10, first.pages().size());

            Path french = content.resolve("fr/privacy.md");
            String original = Files.readString(french);
            Files.writeString(french, original.replace("## Enfants {#children}", "## Enfants {#children}\n\nTexte ajouté en direct."));
            PreviewUpdate edit = preview.rebuild(List.of(french));
            assertTrue(edit.succeeded(), edit.errors().toString());
            assertEquals(List.of("fr/privacy/index.html"), edit.pages());
            assertTrue(Files.readString(out.resolve("fr/privacy/index.html")).contains("Texte ajouté en direct."));

            Files.writeString(french, original.replaceFirst("---\n", "---\ntitle: [broken\n"));
            PreviewUpdate broken = preview.rebuild(List.of(french));
            assertFalse(broken.succeeded());
            assertTrue(broken.errors().get(0).toString().matches(".*fr/privacy\\.md:\\d+:\\d+: error: .*"), broken.errors().toString());
            assertTrue(Files.readString(out.resolve("fr/privacy/index.html")).contains("Texte ajouté en direct."), "last good page kept");

            Files.writeString(french, original);
            PreviewUpdate fixed = preview.rebuild(List.of(french));
            assertTrue(fixed.succeeded(), fixed.errors().toString());
            assertFalse(Files.readString(out.resolve("fr/privacy/index.html")).contains("Texte ajouté en direct."));
        }
    }

    @Test
    void changingATitleRerendersTheMenusOfItsLocale() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        PrivacySite generator = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        try (Preview preview = generator.preview(temp.resolve("preview"))) {
            preview.rebuild(List.of());
            Path german = content.resolve("de/cookies.md");
            Files.writeString(german, Files.readString(german).replaceFirst("\ntitle: .*\n", "\ntitle: Cookie-Hinweise\n"));
            PreviewUpdate update = preview.rebuild(List.of(german));
            assertEquals(List.of("de/cookies/index.html", "de/privacy/index.html"), update.pages().stream().sorted().toList());
            assertTrue(Files.readString(temp.resolve("preview/de/privacy/index.html")).contains("Cookie-Hinweise"));
        }
    }

    @Test
    void theSitemapIsRewrittenOnlyWhenAPagesUpdateDateChanges() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path sitemap = temp.resolve("preview/sitemap.xml");
        PrivacySite generator = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        try (Preview preview = generator.preview(temp.resolve("preview"))) {
            preview.rebuild(List.of());
            Files.writeString(sitemap, "<!-- marker: not rewritten -->");
            Path german = content.resolve("de/cookies.md");
            String original = Files.readString(german);
            Files.writeString(german, original.replaceFirst("\n## ", "\nEin neuer Satz.\n\n## "));
            assertTrue(preview.rebuild(List.of(german)).succeeded());
            assertEquals("<!-- marker: not rewritten -->", Files.readString(sitemap), "a text edit leaves the sitemap alone");

            Files.writeString(german, original.replaceFirst("\nupdated: [0-9-]+\n", "\nupdated: 2031-02-03\n"));
            assertTrue(preview.rebuild(List.of(german)).succeeded());
            assertTrue(Files.readString(sitemap).contains("<lastmod>2031-02-03</lastmod>"), Files.readString(sitemap));
        }
    }

    @Test
    void findingsForThePageOnScreen() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path german = content.resolve("de/privacy.md");
        Files.writeString(german, Files.readString(german).replaceAll("(?ms)^## [^\\n]*\\{#children\\}\\n.*?(?=^## )", ""));
        PrivacySite generator = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        try (Preview preview = generator.preview(temp.resolve("preview"))) {
            assertTrue(preview.rebuild(List.of()).succeeded());
            List<Finding> findings = preview.findings("de", "privacy");
            assertTrue(findings.stream().anyMatch(f -> f.message().equals("clause 'children' (\"Children\") is missing (present in en)")), findings.toString());
            assertEquals(List.of(), preview.findings("fr", "privacy"));
        }
    }

    /** The check's executor, holding every task until {@link #open}: a site-wide check that takes as long as the test wants. */
    private static final class HeldChecks extends java.util.concurrent.AbstractExecutorService {
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);

        void open() {
            open.countDown();
        }

        @Override
        public void execute(Runnable task) {
            started.countDown();
            pool.execute(() -> {
                try {
                    open.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                task.run();
            });
        }

        @Override
        public void shutdown() {
            pool.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return pool.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return pool.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return pool.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
            return pool.awaitTermination(timeout, unit);
        }
    }

    @Test
    void theSiteWideCheckStartsOnceTheSiteIsBuiltAndPagesAskingDuringItWaitForItsFindings() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path german = content.resolve("de/privacy.md");
        Files.writeString(german, Files.readString(german).replaceAll("(?ms)^## [^\\n]*\\{#children\\}\\n.*?(?=^## )", ""));
        PrivacySite generator = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        HeldChecks checks = new HeldChecks();
        try (Preview preview = new Preview(generator, temp.resolve("preview"), java.util.concurrent.Executors.newFixedThreadPool(2), checks)) {
            assertTrue(preview.rebuild(List.of()).succeeded());
            assertTrue(checks.started.await(60, java.util.concurrent.TimeUnit.SECONDS),
                    "the site-wide check started as soon as the site was built, before any page asked");

            java.util.concurrent.CompletableFuture<List<Finding>> germanPage = preview.checkedFindings("de", "privacy");
            java.util.concurrent.CompletableFuture<List<Finding>> frenchPage = preview.checkedFindings("fr", "privacy");
            assertFalse(germanPage.isDone(), "the check is still running: the page waits for it");
            // An edit while the first check runs: its findings build on that check, once it is done.
            Path french = content.resolve("fr/cookies.md");
            Files.writeString(french, Files.readString(french).replaceFirst("\n## ", "\nUne phrase de plus.\n\n## "));
            assertTrue(preview.rebuild(List.of(french)).succeeded());
            java.util.concurrent.CompletableFuture<List<Finding>> afterEdit = preview.checkedFindings("de", "privacy");

            checks.open();
            List<Finding> findings = germanPage.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(findings.stream().anyMatch(f -> f.message().equals("clause 'children' (\"Children\") is missing (present in en)")),
                    findings.toString());
            assertEquals(List.of(), frenchPage.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(findings, afterEdit.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(findings, preview.findings("de", "privacy"));
        }
    }

    @Test
    void afterEditsThePanelShowsWhatAFreshPreviewOfTheEditedSitesShows() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        PrivacySite generator = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        try (Preview preview = generator.preview(temp.resolve("preview"))) {
            assertTrue(preview.rebuild(List.of()).succeeded());
            assertEquals(List.of(), preview.findings("fr", "privacy")); // checked in full once; later edits in part

            // The source loses a clause: every translation of the document has one too many.
            Path english = content.resolve("en/privacy.md");
            Files.writeString(english, Files.readString(english).replaceAll("(?ms)^## Children \\{#children\\}\n.*?(?=^## )", ""));
            assertTrue(preview.rebuild(List.of(english)).succeeded());
            // A second edit before any page asked: both are checked when one does.
            Path german = content.resolve("de/cookies.md");
            Files.writeString(german, Files.readString(german).replaceFirst("\n## ", "\nEin neuer Satz.\n\n## "));
            assertTrue(preview.rebuild(List.of(german)).succeeded());

            assertTrue(preview.findings("fr", "privacy").stream().anyMatch(f -> f.message().contains("'children'")),
                    preview.findings("fr", "privacy").toString());
            try (Preview fresh = generator.preview(temp.resolve("fresh"))) {
                assertTrue(fresh.rebuild(List.of()).succeeded());
                for (String locale : generator.locales()) {
                    for (String document : generator.documents()) {
                        assertEquals(fresh.findings(locale, document), preview.findings(locale, document), locale + "/" + document);
                    }
                }
            }
        }
    }

    @Test
    void aPageLinkingToAClauseThatAnEditRenamedShowsTheBrokenLink() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        PrivacySite generator = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        try (Preview preview = generator.preview(temp.resolve("preview"))) {
            assertTrue(preview.rebuild(List.of()).succeeded());
            assertEquals(List.of(), preview.findings("en", "cookies"));

            Path english = content.resolve("en/privacy.md");
            String original = Files.readString(english);
            Files.writeString(english, original.replace("{#transfers}", "{#transfers-abroad}"));
            assertTrue(preview.rebuild(List.of(english)).succeeded());
            List<Finding> cookies = preview.findings("en", "cookies");
            assertEquals(List.of("xref.unknown-clause"), cookies.stream().map(Finding::ruleId).toList(), cookies.toString());

            Files.writeString(english, original);
            assertTrue(preview.rebuild(List.of(english)).succeeded());
            assertEquals(List.of(), preview.findings("en", "cookies"));
        }
    }

    @Test
    void thePanelShowsWhatCheckReportsWithTheSitesRuleSettings() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"), "fr/privacy.md", "## Enfants {#children}\n",
                "## Médiateur {#mediator}\n\nVous pouvez saisir le médiateur.\n\n## Enfants {#children}\n");
        PrivacySite generator = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        try (Preview preview = generator.preview(temp.resolve("preview"))) {
            assertTrue(preview.rebuild(List.of()).succeeded());
            assertEquals(List.of("parity.clause-extra"), preview.findings("fr", "privacy").stream().map(Finding::ruleId).toList());
        }
        Path siteYaml = content.resolve("site.yaml");
        Files.writeString(siteYaml, Files.readString(siteYaml) + "rules:\n  parity.clause-extra: {fr/privacy#mediator: off}\n");
        try (Preview preview = generator.preview(temp.resolve("preview"))) {
            assertTrue(preview.rebuild(List.of()).succeeded());
            assertEquals(List.of(), preview.findings("fr", "privacy"), "switched off in site.yaml, as in check");
        }
    }

    @Test
    void aRuleSwitchedOffInSiteYamlDoesNotStopThePreviewAsItDoesNotStopABuild() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"), "fr/privacy.md", "## Enfants {#children}\n",
                "## Enfants {#children}\n\nLes <b>enfants</b> sont protégés.\n");
        Path siteYaml = content.resolve("site.yaml");
        Files.writeString(siteYaml, Files.readString(siteYaml) + "rules:\n  content.raw-html: {fr/privacy: off}\n");
        PrivacySite generator = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        try (Preview preview = generator.preview(temp.resolve("preview"))) {
            PreviewUpdate first = preview.rebuild(List.of());
            assertTrue(first.succeeded(), first.errors().toString());
        }
    }
}
