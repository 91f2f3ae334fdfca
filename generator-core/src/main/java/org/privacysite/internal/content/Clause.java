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
 * @param file      the file of the heading, which {@link #location()} names with its line and column (kept apart:
 *                  every clause of a site is held to the end of a run, 800,000 of them at 50,000 pages)
 * @param line      the heading's line in {@code file}
 * @param column    the heading's column
 * @param textHash  hash of the clause's own Markdown (heading and text up to the next heading), to see
 *                  whether the source changed since a translation was made; null in a translation
 *                  parsed for a build or check, which never needs its own
 * @param local     written {@code {#key local}}: this clause exists in this locale only (a country's
 *                  addition), so parity does not expect it elsewhere
 * @param rules     levels set in the heading for this clause only, {@code {#key parity.structure=off}}:
 *                  rule id to error, warning or off
 */
public record Clause(String key, int level, String number, String title, String parentKey, java.nio.file.Path file,
                     int line, int column, String textHash, boolean local, java.util.Map<String, String> rules) {

    /** A clause whose heading is at {@code location}. */
    public Clause(String key, int level, String number, String title, String parentKey, Location location,
                  String textHash, boolean local, java.util.Map<String, String> rules) {
        this(key, level, number, title, parentKey, location.file(), location.line(), location.column(), textHash, local, rules);
    }

    /** Where the heading is written. */
    public Location location() {
        return new Location(file, line, column);
    }

    /**
     * The key of the layered notice's first layer: a document's first clause with this key is its summary,
     * shown as short cards that link to the full clauses. It has no number and is not in the contents;
     * parity checks it like any clause.
     */
    public static final String SUMMARY = "summary";

    /** Whether this is the document's summary (see {@link #SUMMARY}). */
    public boolean isSummary() {
        return SUMMARY.equals(key) && number.isEmpty();
    }

    Clause withTextHash(String hash) {
        return new Clause(key, level, number, title, parentKey, file, line, column, hash, local, rules);
    }
}
