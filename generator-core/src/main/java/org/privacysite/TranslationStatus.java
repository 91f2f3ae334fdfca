package org.privacysite;

import java.util.List;

/**
 * How far each translation is, for legal writers: documents × locales, each cell counting missing,
 * stale and up-to-date clauses.
 *
 * @param sourceLocale the locale translations are made from
 * @param documents    one row per document, in menu order
 * @param settings     the site's rule settings (site.yaml's {@code rules:} and clause headings), so that what is
 *                     switched off or downgraded is visible to legal writers
 * @param localClauses clauses declared {@code {#key local}}: one language's own, outside parity
 */
public record TranslationStatus(String sourceLocale, List<String> locales, List<DocumentRow> documents,
                                List<RuleSettingRow> settings, List<LocalClause> localClauses) {

    public TranslationStatus(String sourceLocale, List<String> locales, List<DocumentRow> documents) {
        this(sourceLocale, locales, documents, List.of(), List.of());
    }

    /** One rule setting: the rule, where it applies ({@code site}, {@code fr}, {@code fr/privacy#key}), its level, where it is written. */
    public record RuleSettingRow(String rule, String target, String level, String where) {
    }

    /** A clause that exists in one locale only. */
    public record LocalClause(String locale, String document, String key, String title, String where) {
    }

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

    /**
     * A source clause in one locale: ok, stale, missing, or local (the source's own, not expected here).
     *
     * @param changes for a stale clause, what changed in the source since it was translated, word by word;
     *                empty otherwise, and for a clause whose record predates keeping the source text
     */
    public record ClauseState(String key, String number, String title, String state, List<Change> changes) {

        public ClauseState(String key, String number, String title, String state) {
            this(key, number, title, state, List.of());
        }
    }

    /**
     * A run of words of a "what changed" diff.
     *
     * @param kind "same", "removed" or "added"
     */
    public record Change(String kind, String text) {
    }
}
