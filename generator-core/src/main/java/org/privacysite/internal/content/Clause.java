package org.privacysite.internal.content;

import org.privacysite.Location;

/**
 * A numbered clause: a heading with a stable key, {@code ## Data retention {#retention}}.
 *
 * @param key       the key, identical in every language; the HTML id
 * @param level     heading level, 2 for top-level clauses
 * @param number    "7", or "7.2" for a subclause; derived from clause order
 * @param title     heading text as written (may hold ICU arguments)
 * @param parentKey key of the enclosing clause, or null at the top level
 */
public record Clause(String key, int level, String number, String title, String parentKey, Location location) {
}
