package org.privacysite;

import java.util.List;

/**
 * How far each translation is, for legal writers: documents × locales, each cell counting missing,
 * stale and up-to-date clauses.
 *
 * @param sourceLocale the locale translations are made from
 * @param documents    one row per document, in menu order
 */
public record TranslationStatus(String sourceLocale, List<String> locales, List<DocumentRow> documents) {

    /** One document in every locale. */
    public record DocumentRow(String document, String title, List<Cell> cells) {
    }

    /**
     * One document in one locale.
     *
     * @param present false when the translation file does not exist (or falls back to the source)
     * @param clauses every source clause and its state in this locale
     */
    public record Cell(String locale, boolean present, int ok, int stale, int missing, List<ClauseState> clauses) {
        public int total() {
            return ok + stale + missing;
        }
    }

    /** A source clause in one locale: ok, stale or missing. */
    public record ClauseState(String key, String number, String title, String state) {
    }
}
