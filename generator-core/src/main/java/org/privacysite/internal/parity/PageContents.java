package org.privacysite.internal.parity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.privacysite.internal.concurrent.Jobs;
import org.privacysite.internal.content.Page;

/**
 * What each page's clauses say (see {@link ClauseContent}), gathered while another stage has the
 * page's Markdown tree in memory ({@link #read}), so that the parity check does not parse it again.
 * Thread-safe.
 */
public final class PageContents {

    private final Map<Path, Map<String, ClauseContent>> byFile = new ConcurrentHashMap<>();

    /** Reads {@code page}'s clause contents now. */
    public void read(Page page) {
        byFile.computeIfAbsent(page.file(), file -> ClauseContent.of(page));
    }

    /** Forgets every page's contents, once the parity check has read them (about 80 MB at 10,000 pages). */
    public void clear() {
        byFile.clear();
    }

    /** Every page's contents by file: those read before, the rest read now on {@code executor}. */
    Map<Path, Map<String, ClauseContent>> of(List<Page> pages, Executor executor) {
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (Page page : pages) {
            if (!byFile.containsKey(page.file())) {
                reads.add(CompletableFuture.runAsync(() -> read(page), executor));
            }
        }
        reads.forEach(Jobs::joined);
        return byFile;
    }
}
