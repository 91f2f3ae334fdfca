package org.privacysite.internal.content;

import java.lang.ref.SoftReference;
import java.util.function.Supplier;

import org.commonmark.node.Document;

/**
 * A page's Markdown tree, kept only while memory allows: the JVM may drop it under pressure, and
 * it is then parsed again from the source. This keeps memory bounded by the largest pages rather
 * than by the size of the site.
 */
public final class PageBody {

    private final Supplier<Document> parser;
    private SoftReference<Document> tree;

    PageBody(Document tree, Supplier<Document> parser) {
        this.tree = new SoftReference<>(tree);
        this.parser = parser;
    }

    /** The tree; callers only read it. */
    public synchronized Document get() {
        Document document = tree.get();
        if (document == null) {
            document = parser.get();
            tree = new SoftReference<>(document);
        }
        return document;
    }
}
