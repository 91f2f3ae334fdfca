package org.privacysite.internal.parity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.privacysite.Finding;
import org.privacysite.internal.concurrent.Jobs;
import org.privacysite.internal.content.Page;

/**
 * What each page's clauses say (see {@link ClauseContent}), gathered while another stage has the
 * page's Markdown tree in memory ({@link #read}), so that the parity check does not parse it again.
 * Once {@link #checkAsRead} named the source locale, a translation read after its source is compared
 * with it at once and only the findings are kept: at 10,000 pages the contents of every clause were
 * about 80 MB waiting for the parity check. Thread-safe.
 */
public final class PageContents {

    private record Source(String locale, Map<String, Object> facts) {
    }

    private final Map<Path, Map<String, ClauseContent>> byFile = new ConcurrentHashMap<>();
    /** The source pages' contents by document. */
    private final Map<String, Map<String, ClauseContent>> sources = new ConcurrentHashMap<>();
    /** The content findings of translations compared as they were read, by file. */
    private final Map<Path, List<Finding>> checked = new ConcurrentHashMap<>();
    private volatile Source source;

    /** From now on, compares each translation read after its source at once (the site's source locale and facts). */
    public void checkAsRead(String sourceLocale, Map<String, Object> facts) {
        source = new Source(sourceLocale, facts);
    }

    /** Reads {@code page}'s clause contents now. */
    public void read(Page page) {
        if (byFile.containsKey(page.file()) || checked.containsKey(page.file())) {
            return;
        }
        Map<String, ClauseContent> contents = ClauseContent.of(page);
        Source site = source;
        if (site != null && !page.locale().equals(site.locale())) {
            Map<String, ClauseContent> original = sources.get(page.document());
            if (original != null) {
                List<Finding> findings = new ArrayList<>();
                ParityChecker.pluralCategories(page, contents, findings);
                ParityChecker.content(site.locale(), original, contents, site.facts(), findings);
                checked.put(page.file(), List.copyOf(findings));
                return;
            }
        }
        byFile.put(page.file(), contents);
        if (site != null && page.locale().equals(site.locale())) {
            sources.put(page.document(), contents);
        }
    }

    /** The content findings of {@code file} if it was compared with its source as it was read, else null. */
    List<Finding> checked(Path file) {
        return checked.get(file);
    }

    /** Forgets every page's contents, once the parity check has read them. */
    public void clear() {
        byFile.clear();
        sources.clear();
        checked.clear();
    }

    /** The contents of the pages not compared as they were read, by file: those read before, the rest read now on {@code executor}. */
    Map<Path, Map<String, ClauseContent>> of(List<Page> pages, Executor executor) {
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (Page page : pages) {
            if (!byFile.containsKey(page.file()) && !checked.containsKey(page.file())) {
                reads.add(CompletableFuture.runAsync(() -> read(page), executor));
            }
        }
        reads.forEach(Jobs::joined);
        return byFile;
    }
}
