package org.privacysite.internal.concurrent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of equal values (clause keys, element ids) that every language's pages repeat, so
 * that what a run keeps to its end holds each once. Bounded: a long-running preview, or a site of ever
 * new values, starts afresh beyond the limit instead of keeping every value ever seen. Thread-safe.
 */
public final class Interner<T> {

    private final Map<T, T> copies = new ConcurrentHashMap<>();
    private final int limit;

    /** An interner of at most about {@code limit} values. */
    public Interner(int limit) {
        this.limit = limit;
    }

    /** The one copy of {@code value} (null stays null). */
    public T intern(T value) {
        if (value == null) {
            return null;
        }
        T known = copies.get(value); // almost always there: a lookup takes no lock, putIfAbsent may
        if (known != null) {
            return known;
        }
        known = copies.putIfAbsent(value, value);
        if (known != null) {
            return known;
        }
        if (copies.size() > limit) {
            copies.clear();
        }
        return value;
    }
}
