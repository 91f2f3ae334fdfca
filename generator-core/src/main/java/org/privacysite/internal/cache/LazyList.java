package org.privacysite.internal.cache;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A list read from the cache when first used: a restored page's clauses, links and ICU arguments are read
 * only by the checks of changed pages and of pages they link to, so most pages never decode them (a
 * one-clause edit of a 10k site: 28 pages' clauses). Thread-safe; unmodifiable.
 */
final class LazyList<T> extends AbstractList<T> {

    private Supplier<List<T>> source;
    private List<T> list;

    LazyList(Supplier<List<T>> source) {
        this.source = source;
    }

    private synchronized List<T> list() {
        if (list == null) {
            list = List.copyOf(source.get());
            source = null;
        }
        return list;
    }

    @Override
    public T get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }
}
