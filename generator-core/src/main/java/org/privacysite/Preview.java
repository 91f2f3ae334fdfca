package org.privacysite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.privacysite.internal.concurrent.Jobs;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.content.PageParser;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.output.InputFingerprint;
import org.privacysite.internal.output.OutputDirectory;
import org.privacysite.internal.history.SiteHistory;
import org.privacysite.internal.render.SiteRenderer;

/**
 * A site kept in memory for the live preview: after an edit, only the changed policy is parsed again
 * and only the pages it affects are rendered. A failed rebuild keeps the last good site on disk.
 * Call {@link #rebuild} from one thread (the preview's build thread); {@link #findings} may be called
 * from another at the same time: the last good build is checked in a thread and on an executor of its own,
 * so that a rebuild never waits for the site-wide checks.
 */
public final class Preview implements AutoCloseable {

    private final PrivacySite generator;
    private final Path outputDirectory;
    private final ExecutorService executor;
    private final SitePipeline pipeline;
    /** The findings' checks run on their own threads: queued behind them, the render of an edited page would wait. */
    private final ExecutorService checkExecutor;
    private PageParser parser;
    private Site site;
    /** The history read by the last full build: parity compares each translation with its own version's source. */
    private SiteHistory history = SiteHistory.none(List.of());
    private SiteRenderer renderer;
    /** The pages by their file: an edit names a file. */
    private Map<Path, Page> pagesByFile = Map.of();
    /** The findings of the last good build (checked from its full build on, or after an edit when a page asks); null before the first. */
    private volatile PreviewFindings findings;

    Preview(PrivacySite generator, Path outputDirectory, ExecutorService executor, ExecutorService checkExecutor) {
        this.generator = generator;
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
        this.executor = executor;
        this.checkExecutor = checkExecutor;
        this.pipeline = new SitePipeline(generator, executor);
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    /**
     * Rebuilds after {@code changedFiles} changed. An edited policy file re-renders its own page, and
     * more only when its title or clause numbers changed; anything else rebuilds the whole site.
     */
    public PreviewUpdate rebuild(Collection<Path> changedFiles) {
        long start = System.nanoTime();
        try {
            // The pseudo-locales are made from the source's pages: with them, every edit rebuilds the whole site.
            List<Page> edited = site == null || generator.pseudo() ? null : editedPages(changedFiles);
            if (edited == null) {
                return fullBuild(start);
            }
            Site updated = site;
            Set<PageKey> affected = new LinkedHashSet<>();
            boolean titlesChanged = false;
            boolean datesChanged = false; // the sitemap lists each page's last update
            for (Page page : edited) {
                Page previous = updated.page(page.locale(), page.document());
                updated = updated.withPage(page);
                affected.addAll(affectedPages(updated, previous, page));
                titlesChanged |= titleChanged(previous, page);
                datesChanged |= !previous.frontMatter().updated().equals(page.frontMatter().updated());
            }
            List<Finding> errors = SitePipeline.errors(updated, pipeline.sourceFindings(updated, edited));
            if (!errors.isEmpty()) {
                return new PreviewUpdate(List.of(), List.copyOf(errors), System.nanoTime() - start);
            }
            SiteRenderer next = renderer.forEdited(updated, titlesChanged);
            next.renderPages(affected, outputDirectory, datesChanged);
            site = updated;
            renderer = next;
            for (Page page : edited) {
                pagesByFile.put(page.file(), page);
            }
            // The checks of the edit (parity, the references into it) wait until a page asks for its findings.
            findings = findings.afterEdit(updated, edited);
            return new PreviewUpdate(affected.stream().map(PageKey::outputPath).toList(), List.of(), System.nanoTime() - start);
        } catch (PrivacySiteException e) {
            return new PreviewUpdate(List.of(), e.findings(), System.nanoTime() - start);
        }
    }

    /**
     * Every finding of {@code check} (without the link check) located in the page's source file, for the
     * last good build, waiting for its check if that is still running. Thread-safe: may run while a rebuild does.
     */
    public List<Finding> findings(String locale, String document) {
        return Jobs.joined(checkedFindings(locale, document));
    }

    /**
     * {@link #findings} without waiting: they come when the check of the last good build is done. A full build
     * starts that check at once; after an edit it starts with the first call. Every call for one build waits for
     * the same check.
     */
    public CompletableFuture<List<Finding>> checkedFindings(String locale, String document) {
        PreviewFindings current = findings;
        if (current == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        // A check that failed because the files changed under it: the build that followed has the findings to show.
        return current.in(current.site().pageFile(locale, document)).exceptionallyCompose(failed -> findings != current
                ? checkedFindings(locale, document) : CompletableFuture.failedFuture(failed));
    }

    private PreviewUpdate fullBuild(long start) {
        SitePipeline.Loaded loaded = pipeline.load(false, null);
        List<Finding> errors = SitePipeline.errors(loaded.site(), pipeline.sourceFindings(loaded));
        if (!errors.isEmpty()) {
            return new PreviewUpdate(List.of(), List.copyOf(errors), System.nanoTime() - start);
        }
        SiteRenderer full = loaded.renderer();
        OutputDirectory.replace(outputDirectory, staging -> {
            full.render(staging);
            InputFingerprint.write(staging, "preview");
        });
        site = loaded.site();
        history = loaded.history();
        renderer = full;
        pagesByFile = new HashMap<>();
        site.pages().forEach(page -> pagesByFile.put(page.file(), page));
        // history.findings() are the last full build's: an edit of a page changes no earlier version
        findings = PreviewFindings.of(new SitePipeline(generator, checkExecutor), site, history);
        // Checked from now on, beside the writer's first look: at 10,000 pages the check takes longer than a page can wait.
        findings.start();
        // The same parser as a build's: clause hashes for the source language, where staleness is measured.
        parser = new PageParser(site.config().sourceLocale());
        List<String> pages = new ArrayList<>();
        for (String locale : site.config().locales()) {
            for (String document : site.config().documents()) {
                pages.add(new PageKey(locale, document).outputPath());
            }
        }
        return new PreviewUpdate(List.copyOf(pages), List.of(), System.nanoTime() - start);
    }

    /** The re-parsed pages when every change is an edit of an existing policy file; null otherwise. */
    private List<Page> editedPages(Collection<Path> changedFiles) {
        List<Page> pages = new ArrayList<>();
        for (Path changed : changedFiles) {
            Path file = changed.toAbsolutePath().normalize();
            Page existing = pagesByFile.get(file);
            if (existing == null || !Files.isRegularFile(file)) {
                return null;
            }
            pages.add(parser.parse(existing.locale(), existing.document(), existing.file()));
        }
        return pages;
    }

    /** The page itself; its locale's pages when its title changed (menus) or its numbering did (labels). */
    private static Set<PageKey> affectedPages(Site site, Page previous, Page page) {
        Set<PageKey> affected = new LinkedHashSet<>();
        affected.add(new PageKey(page.locale(), page.document()));
        boolean titleChanged = titleChanged(previous, page);
        boolean numberingChanged = !numbers(previous).equals(numbers(page));
        if (titleChanged || numberingChanged) {
            for (String document : site.config().documents()) { // the locale's pages, not the site's 10,000
                Page other = site.page(page.locale(), document);
                if (other != null && (titleChanged || other.links().stream()
                        .anyMatch(link -> link.targetDocument(other.document()).equals(page.document())))) {
                    affected.add(new PageKey(other.locale(), other.document()));
                }
            }
        }
        if (page.locale().equals(site.config().sourceLocale())) {
            for (String locale : site.config().targetLocales()) {
                if (site.page(locale, page.document()) == null) {
                    affected.add(new PageKey(locale, page.document())); // a fallback page shows this text
                }
            }
        }
        return affected;
    }

    /** A new title changes the menus of its locale. */
    private static boolean titleChanged(Page previous, Page page) {
        return !previous.frontMatter().title().equals(page.frontMatter().title());
    }

    private static Map<String, String> numbers(Page page) {
        Map<String, String> numbers = new java.util.LinkedHashMap<>();
        for (Clause clause : page.clauses()) {
            numbers.put(clause.key(), clause.number());
        }
        return numbers;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        checkExecutor.shutdownNow();
    }
}
