package org.privacysite.internal.links;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.function.UnaryOperator;

/**
 * A page's element ids as a sorted array, held from the page's scan to the end of the link check: as a
 * hash set, with a string of its own for each id, they were about 3 KB a page (150 MB at 50,000 pages);
 * sorted, with each id one shared string, about 150 bytes. Unmodifiable.
 */
final class IdSet extends AbstractSet<String> {

    private static final IdSet EMPTY = new IdSet(new String[0]);

    private final String[] sorted;

    private IdSet(String[] sorted) {
        this.sorted = sorted;
    }

    /** {@code ids}, each replaced by {@code shared}'s copy of it. */
    static IdSet of(Collection<String> ids, UnaryOperator<String> shared) {
        if (ids.isEmpty()) {
            return EMPTY;
        }
        String[] sorted = new String[ids.size()];
        int i = 0;
        for (String id : ids) {
            sorted[i++] = shared.apply(id);
        }
        Arrays.sort(sorted);
        return new IdSet(sorted);
    }

    @Override
    public boolean contains(Object id) {
        return id instanceof String text && Arrays.binarySearch(sorted, text) >= 0;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.asList(sorted).iterator(); // Arrays.asList's iterator cannot remove
    }

    @Override
    public int size() {
        return sorted.length;
    }
}
