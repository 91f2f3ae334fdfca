package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** Whether a translator's XLIFF file can be taken back into the policies safely ({@code import-translation}). */
public final class XliffRules {

    public static final Rule NOT_XLIFF = Rule.error("xliff.not-xliff", "Not an XLIFF 2 file",
            "Only an XLIFF 2 file made by export-translation can be matched with the policies' clauses.",
            "Import the .xlf file your CAT tool saved from the exported one (XLIFF 2.0 or 2.1), not another format.",
            "fr.xlf:1:1: the file is XML but not XLIFF 2: its root element is <html>");
    public static final Rule INVALID = Rule.error("xliff.invalid", "XLIFF file breaks the standard",
            "A file that breaks XLIFF's own rules cannot be read reliably.",
            "Open the file in your CAT tool and save it again, or export again and carry the translations over.",
            "fr.xlf:54:1: this is not valid XLIFF 2: an inline code has no closing code");
    public static final Rule DOCTYPE = Rule.error("xliff.doctype", "DOCTYPE in an XLIFF file",
            "A DOCTYPE's entities can read files of the computer running the import (XXE) or fill its memory "
                    + "(billion laughs); XLIFF never needs one.",
            "Save the file again from your CAT tool without a DOCTYPE.",
            "fr.xlf:2:1: the file declares a DOCTYPE; XLIFF never needs one, and it is refused unread");
    public static final Rule LANGUAGE = Rule.error("xliff.language", "XLIFF file for another language",
            "Importing a file into the wrong language folder would replace a translation with another language.",
            "Export for a locale listed in site.yaml and keep the file's trgLang.",
            "es.xlf:2:1: the target language 'es' (trgLang) is not a translation locale of this site; translations: fr, de");
    public static final Rule UNKNOWN_UNIT = Rule.error("xliff.unknown-unit", "Unit not in the source",
            "A unit whose id names no block of the current source cannot be placed: the source changed, or the id was edited.",
            "Export again and carry the translations over (your CAT tool's translation memory does it).",
            "fr.xlf:120:1: unit 'privacy.retention.4' is not a block of this site's en policies");
    public static final Rule TAG = Rule.error("xliff.tag", "Tag missing or altered in a translation",
            "Tags stand for facts ({company}), links and emphasis: a lost or changed tag drops a fact or a link from the policy.",
            "Copy each tag of the source into the translation exactly once, unchanged.",
            "fr.xlf:68:1: the translation of unit 'privacy.controller.1' is not usable: the tag {company} is missing");
    public static final Rule INCOMPLETE = Rule.error("xliff.incomplete", "New translation only partly translated",
            "A new translation file made from a partial XLIFF would mix languages.",
            "Translate every unit of the document, or create the translation file first.",
            "content/es/cookies.md: does not exist yet, and the XLIFF file does not translate every block of it");
    public static final Rule OPTION = Rule.error("xliff.option", "Unknown --only value",
            "An export must say which clauses it holds.",
            "Use --only missing, --only stale or --only all.",
            "--only must be missing, stale or all, not 'new'");

    private XliffRules() {
    }

    public static List<Rule> all() {
        return List.of(NOT_XLIFF, INVALID, DOCTYPE, LANGUAGE, UNKNOWN_UNIT, TAG, INCOMPLETE, OPTION);
    }
}
