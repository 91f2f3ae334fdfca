package org.privacysite.internal.content;

import java.lang.ref.WeakReference;
import java.util.function.Supplier;

import org.commonmark.node.Document;

/**
 * A page's Markdown tree, held weakly: the collector may drop it as soon as no stage is reading
 * it, and it is then parsed again from the source. Parsing again costs less than keeping every
 * tree of a large site (the 10k-page benchmark: 47 s and 2.4 GB instead of 54 s and 5 GB, and it
 * builds within -Xmx512m), and memory grows with the largest page, not with the site. The checks
 * that run on every page use the page's summary ({@link Page#clauses()}, links, argument uses)
 * instead of the tree, and build and check render each body right after the first parse
 * ({@code SiteRenderer.renderEarly}), so a tree is parsed again only for what comes later: a
 * fallback page, a body that could not be kept (see {@code EarlyBodies}), the live preview.
 */
public final class PageBody {

    private final Supplier<Document> parser;
    private WeakReference<Document> tree;
    private boolean restored;

    PageBody(Document tree, Supplier<Document> parser) {
        this.tree = new WeakReference<>(tree);
        this.parser = parser;
    }

    /** A tree not parsed yet: parsed from the source when first asked for (a page restored from the build cache). */
    static PageBody unparsed(Supplier<Document> parser) {
        PageBody body = new PageBody(null, parser);
        body.restored = true;
        return body;
    }

    /** Whether the page was restored from the build cache rather than parsed: the load's readers skip it. */
    public boolean isRestored() {
        return restored;
    }

    /** The tree; callers only read it. */
    public synchronized Document get() {
        Document document = tree.get();
        if (document == null) {
            document = parser.get();
            tree = new WeakReference<>(document);
        }
        return document;
    }
}
