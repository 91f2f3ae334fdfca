package org.privacysite.internal.importer;

import java.util.List;

/**
 * The findings of {@code import}. Rule ids are strings until the rule catalogue lands; each constant's
 * Javadoc says what it protects and how to fix it, so that the switch to {@code Rule} objects is mechanical.
 */
public final class ImportRules {

    /** A translation's heading that matches no heading of the source: given a {@code todo-<n>} key. Fix: give it the source's key. */
    public static final String HEADING_UNALIGNED = "import.heading-unaligned";
    /** A link points at an anchor that no imported heading or element has: kept as it was. Fix: point it at a clause key. */
    public static final String ANCHOR_UNKNOWN = "import.anchor-unknown";
    /** No effective date was found in the document or its source: write {@code effective: YYYY-MM-DD}. */
    public static final String DATE_MISSING = "import.date-missing";
    /** A source file cannot be read: not UTF-8, not a Word document, a zip bomb, empty. Fix: save it again as named. */
    public static final String FILE_UNREADABLE = "import.file-unreadable";
    /** A source file whose name says no locale or document, or an unknown extension. */
    public static final String FILE_NAME = "import.file-name";
    /** An import would overwrite a file in the content directory: rerun with --force to replace it. */
    public static final String WOULD_OVERWRITE = "import.would-overwrite";
    /** The import's options cannot be used (a missing source folder, a malformed --locale-map). */
    public static final String USAGE = "import.usage";
    /** A document has no file in the source locale, so there is nothing to align its translations to. */
    public static final String SOURCE_MISSING = "import.source-missing";

    private ImportRules() {
    }

    public static List<String> all() {
        return List.of(HEADING_UNALIGNED, ANCHOR_UNKNOWN, DATE_MISSING, FILE_UNREADABLE, FILE_NAME, WOULD_OVERWRITE,
                USAGE, SOURCE_MISSING);
    }
}
