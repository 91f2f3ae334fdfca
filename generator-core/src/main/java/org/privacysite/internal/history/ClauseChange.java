package org.privacysite.internal.history;

import java.util.List;

/**
 * How one clause differs between two consecutive versions. A clause can be both moved and changed.
 *
 * @param number         its number in the newer version (in the older one when removed)
 * @param previousNumber its number in the older version, "" when added
 * @param title          the heading's words, each marked as kept, inserted or deleted
 * @param text           the clause's words, each marked as kept, inserted or deleted
 */
public record ClauseChange(String key, String number, String previousNumber, List<Segment> title, List<Segment> text,
                           boolean added, boolean removed, boolean moved, boolean changed) {

    /** A run of words that the newer version kept, inserted or deleted; {@code text} may hold line breaks. */
    public record Segment(String kind, String text) {
        public static final String SAME = "same";
        public static final String INSERTED = "inserted";
        public static final String DELETED = "deleted";

        public boolean inserted() {
            return INSERTED.equals(kind);
        }

        public boolean deleted() {
            return DELETED.equals(kind);
        }

        /** The text split at its line breaks, for templates that show each line. */
        public List<String> lines() {
            return List.of(text.split("\n", -1));
        }
    }
}
