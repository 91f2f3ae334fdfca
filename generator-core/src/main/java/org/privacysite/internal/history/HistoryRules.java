package org.privacysite.internal.history;

import java.util.List;

/**
 * The rules of the policy history, by id. Each id is what a finding names and what site.yaml's
 * {@code checks:} can make stricter or switch off.
 */
public final class HistoryRules {

    /** The content is in a shallow clone: earlier versions cannot be read. Fix: fetch the full history. */
    public static final String SHALLOW = "history.shallow";
    /** {@code history: off} in site.yaml: no archive is published. Fix: remove the setting. */
    public static final String OFF = "history.off";
    /** A version's effective date is not later than the one before it. Fix: correct the {@code effective} date. */
    public static final String DATE_ORDER = "history.date-order";
    /** Two versions of a document take effect on the same date. Fix: give the later one its own date. */
    public static final String DUPLICATE_DATE = "history.duplicate-date";
    /** A version of the source has no translation, so its page shows the source text. Fix: add an archive file. */
    public static final String TRANSLATION_MISSING = "history.translation-missing";
    /** A translation's version has a date the source never had. Fix: use the source version's date. */
    public static final String UNMATCHED_VERSION = "history.unmatched-version";
    /** A file under content/archive/ is misplaced or its date disagrees with its folder. */
    public static final String ARCHIVE_FILE = "history.archive-file";
    /** An earlier version cannot be read or rendered with today's facts and templates. */
    public static final String VERSION_BROKEN = "history.version-broken";
    /** The git repository of the content cannot be read. */
    public static final String REPOSITORY = "history.repository";

    private HistoryRules() {
    }

    public static List<String> all() {
        return List.of(SHALLOW, OFF, DATE_ORDER, DUPLICATE_DATE, TRANSLATION_MISSING, UNMATCHED_VERSION, ARCHIVE_FILE,
                VERSION_BROKEN, REPOSITORY);
    }
}
