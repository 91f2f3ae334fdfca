package org.privacysite.internal.parity;

import java.nio.ByteBuffer;
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
import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.messages.PseudoLocale;

/**
 * What each page's clauses say (see {@link ClauseContent}), gathered while another stage has the
 * page's Markdown tree in memory ({@link #read}), so that the parity check does not parse it again.
 * Once {@link #checkAsRead} named the source locale, a translation read after its source and of the
 * same effective date is compared with it at once and only the findings are kept: at 10,000 pages
 * the contents of every clause were about 80 MB waiting for the parity check. A translation of
 * another date translates another version of the source, known only once the history is read: it is
 * compared at the end, as is one read before its source. Thread-safe.
 */
public final class PageContents {

    private record Settings(String sourceLocale, Map<String, Object> facts) {
    }

    /** A source page as it was read, with its contents: what translations read after it are compared with. */
    private record Source(Page page, Map<String, ClauseContent> contents) {
    }

    /**
     * The findings of a translation compared as it was read, with the two pages compared: they stand only
     * for that source page (the parity check compares with the site's source page, see {@link #compared}).
     */
    record Compared(Page translation, Page source, List<Finding> plurals, List<Finding> content) {
    }

    private final Map<Path, Map<String, ClauseContent>> byFile = new ConcurrentHashMap<>();
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final Map<Path, Compared> checked = new ConcurrentHashMap<>();
    private volatile Settings settings;
    /** Where the contents read are kept as bytes ({@link #written}) for a build cache, or null; they outlive {@link #clear}. */
    private final KeptContents kept;
    /** The contents of pages not read in this run, as a build cache kept them (null: none); see {@link #takeUnread}. */
    private volatile java.util.function.Function<PageKey, ByteBuffer> unread = page -> null;

    /** Contents read for the parity check alone. */
    public PageContents() {
        this(null);
    }

    /** @param kept where each page's contents are also kept as bytes, for a build cache ({@link #written}); null for nowhere */
    public PageContents(KeptContents kept) {
        this.kept = kept;
    }

    /**
     * Takes the contents of each page not read in this run from {@code unread} (the bytes {@link #written} gave a
     * build cache for the same text, or null), instead of parsing the page again.
     */
    public void takeUnread(java.util.function.Function<PageKey, ByteBuffer> unread) {
        this.unread = unread;
    }

    /** The contents of {@code page} as bytes, if they were read in this run and kept; else null. */
    public byte[] written(PageKey page) {
        return kept == null ? null : kept.get(page);
    }

    /** From now on, compares each translation read after its source at once (the site's source locale and facts). */
    public void checkAsRead(String sourceLocale, Map<String, Object> facts) {
        settings = new Settings(sourceLocale, facts);
    }

    /** Reads {@code page}'s clause contents now. */
    public void read(Page page) {
        if (byFile.containsKey(page.file()) || checked.containsKey(page.file())) {
            return;
        }
        Map<String, ClauseContent> contents = ClauseContent.of(page);
        keep(page, contents);
        Settings site = settings;
        if (site == null) {
            byFile.put(page.file(), contents);
        } else if (page.locale().equals(site.sourceLocale())) {
            byFile.put(page.file(), contents);
            sources.put(page.document(), new Source(page, contents));
        } else if (!compareNow(page, contents, site)) {
            byFile.put(page.file(), contents);
        }
    }

    /**
     * Compares {@code translation} with its source now when that was read and has the translation's
     * effective date: then it is the text the translation translates, whatever the history holds.
     */
    private boolean compareNow(Page translation, Map<String, ClauseContent> contents, Settings site) {
        Source source = sources.get(translation.document());
        java.time.LocalDate date = translation.frontMatter().effective();
        if (source == null || PseudoLocale.isPseudo(translation.locale()) || date == null
                || !date.equals(source.page().frontMatter().effective())) {
            return false;
        }
        checked.put(translation.file(), new Compared(translation, source.page(),
                List.copyOf(ParityChecker.pluralCategories(translation, contents)),
                List.copyOf(ParityChecker.content(site.sourceLocale(), source.contents(), contents, site.facts()))));
        return true;
    }

    /**
     * The findings of {@code translation} if it was compared as it was read with {@code source}, the
     * page the parity check compares it with; else null, and its contents are in {@link #of}'s map.
     */
    Compared compared(Page translation, Page source) {
        Compared compared = checked.get(translation.file());
        return compared != null && compared.translation() == translation && compared.source() == source ? compared : null;
    }

    /** {@code page}'s contents: as a build cache kept them, else read from its Markdown tree (and then kept). */
    private Map<String, ClauseContent> contentsOf(Page page) {
        PageKey key = new PageKey(page.locale(), page.document());
        ByteBuffer kept = unread.apply(key);
        if (kept != null) {
            try {
                return ClauseContentCodec.read(kept, page);
            } catch (IllegalArgumentException e) {
                // not as written: read from the page instead
            }
        }
        Map<String, ClauseContent> contents = ClauseContent.of(page);
        keep(page, contents);
        return contents;
    }

    private void keep(Page page, Map<String, ClauseContent> contents) {
        if (kept != null) {
            byte[] bytes = ClauseContentCodec.write(contents, page);
            if (bytes != null) {
                kept.put(new PageKey(page.locale(), page.document()), bytes);
            }
        }
    }

    /** Forgets every page's contents and findings, once the parity check has read them (not those {@link #written}). */
    public void clear() {
        byFile.clear();
        sources.clear();
        checked.clear();
    }

    /**
     * The contents of the pages not compared as they were read, by file: those read before, the rest
     * read now on {@code executor}. {@code sourcePage} gives the page each document's translations are
     * compared with: one compared as it was read with another page is read again.
     */
    Map<Path, Map<String, ClauseContent>> of(List<Page> pages, java.util.function.Function<String, Page> sourcePage,
                                             Executor executor) {
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (Page page : pages) {
            if (!byFile.containsKey(page.file()) && compared(page, sourcePage.apply(page.document())) == null) {
                reads.add(CompletableFuture.runAsync(() -> byFile.put(page.file(), contentsOf(page)), executor));
            }
        }
        reads.forEach(Jobs::joined);
        return byFile;
    }
}
