package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** Bringing existing policies in with {@code import}: what it could not do by itself and left for a person. */
public final class ImportRules {

    public static final Rule HEADING_UNALIGNED = Rule.warning("import.heading-unaligned", "Translated heading matches no source heading",
            "A guessed clause key would silently pair a translated clause with the wrong source clause, so parity would compare unrelated texts.",
            "Replace the todo key with the key of the source clause the heading translates, or remove the section if the source has none.",
            "content/ar/privacy.md:33:1: heading 'ملفات تعريف الارتباط' (privacy.md:31) matches no heading of the en version, so it was given the key 'todo-1'");
    public static final Rule ANCHOR_UNKNOWN = Rule.warning("import.anchor-unknown", "Link to an anchor that exists nowhere",
            "A link that pointed nowhere in the old site still points nowhere; readers following it land at the top of a page.",
            "Point the link at a clause key, like [](#retention), or remove it.",
            "content/en/privacy.md:12:1: the link to '#old-section' points at an anchor that no heading of en/privacy has; it was kept as it was");
    public static final Rule DATE_MISSING = Rule.warning("import.date-missing", "No effective date found",
            "A policy must say from when it applies; the site shows the effective date on every page.",
            "Add 'effective: YYYY-MM-DD' (and 'updated:' if it changed since) to the file's front matter.",
            "content/en/terms.md:1:1: no effective date was found in terms.html; add 'effective: YYYY-MM-DD' to the front matter");
    public static final Rule FILE_UNREADABLE = Rule.error("import.file-unreadable", "Source file cannot be read",
            "Importing a file that is damaged, in an unknown encoding or a zip bomb would bring in garbled text or exhaust the machine.",
            "Open the file in its editor and save it again, as UTF-8 text or as a Word .docx document, then import again.",
            "old/fr/privacy.md:3:8: the file is not UTF-8 text (byte 0xE9 here); save it as UTF-8 in your editor");
    public static final Rule TRACKED_CHANGES = Rule.error("import.tracked-changes", "Word file has tracked changes",
            "Text that is still a tracked insertion or deletion has not been agreed; importing it either way would publish a choice nobody made.",
            "Accept or reject the tracked changes in Word (Review > Accept or Reject), save the file and import again.",
            "old/en/privacy.docx:12:1: paragraph 12 has a tracked deletion by Legal (\"30 days\"); accept or reject the tracked changes in Word");
    public static final Rule FILE_SKIPPED = Rule.warning("import.file-skipped", "Source file not imported",
            "A file whose name says no language, or in a format import cannot read, would otherwise be left out without a word.",
            "Name it <locale>/<document>.md (.html, .docx) or <document>.<locale>.md, map its locale with --locale-map, or convert it.",
            "old/privacy.pdf: not imported: import reads Markdown (.md), web pages (.html) and Word documents (.docx)");
    public static final Rule FILE_DUPLICATE = Rule.error("import.file-duplicate", "Two sources for one document and language",
            "Importing both versions of one document in one language would keep one of them at random.",
            "Keep one file per document and language in the source folder, e.g. fr/privacy.md or fr/privacy.html.",
            "old/fr/privacy.html: a second source for fr/privacy (the first is privacy.docx); keep one of them in the source folder");
    public static final Rule WOULD_OVERWRITE = Rule.error("import.would-overwrite", "Import would replace an existing file",
            "Content that was edited after an earlier import must never be lost to a second one.",
            "Move the file away, or run the import again with --force to replace it.",
            "content/site.yaml: this file exists already and was left as it was; run the import again with --force to replace it");
    public static final Rule OPTIONS = Rule.error("import.options", "Import cannot start",
            "An import from the wrong folder or into the wrong language would write a site nobody asked for.",
            "Give the folder that holds the policies and, with --source-locale, a language that folder has.",
            "old-site: the import source is not a folder; give the folder that holds <locale>/<document>.md (or .html, .docx) files");
    public static final Rule SOURCE_MISSING = Rule.error("import.source-missing", "Document has no source-language version",
            "Translations can only be aligned to a source; without it every clause key would be a guess.",
            "Add the document in the source language, or choose the source language with --source-locale.",
            "old/fr/terms.md: document 'terms' has no en version, so its translations cannot be aligned");

    private ImportRules() {
    }

    public static List<Rule> all() {
        return List.of(HEADING_UNALIGNED, ANCHOR_UNKNOWN, DATE_MISSING, FILE_UNREADABLE, FILE_SKIPPED, FILE_DUPLICATE, WOULD_OVERWRITE,
                OPTIONS, SOURCE_MISSING, TRACKED_CHANGES);
    }
}
