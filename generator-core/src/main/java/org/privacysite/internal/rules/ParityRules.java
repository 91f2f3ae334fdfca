package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** Whether every translation says the same things as the source: documents, clauses, facts, structure. */
public final class ParityRules {

    public static final Rule DOCUMENT_MISSING = Rule.error("parity.document-missing", "Document missing in a language",
            "Readers in that language would have no policy, or a link to a missing page.",
            "Translate the document, or allow a fallback to the source language in site.yaml ('fallback').",
            "content/ja/cookies.md: document 'cookies' is missing in ja (present in en)");
    public static final Rule VERSION_MISSING = Rule.error("parity.version-missing", "Version in force not translated",
            "The translation is of an earlier version: readers in that language see the version in force in the source "
                    + "language, with the fallback notice, until it is translated.",
            "Translate the version in force (commit it with its effective date), or allow a fallback to the source "
                    + "language in site.yaml ('fallback').",
            "content/ar/privacy.md:3:12: the ar text is the version of 2026-04-01, but the version in force since 2026-09-01 "
                    + "has no ar translation; the ar page shows the en text with the fallback notice");
    public static final Rule DOCUMENT_EXTRA = Rule.warning("parity.document-extra", "Document not listed in site.yaml",
            "A file that is not listed is not published; usually the listing was forgotten.",
            "List the document under 'documents' in site.yaml, or delete the file.",
            "content/fr/terms.md: 'terms' is not listed under 'documents' in site.yaml, so it is not published");
    public static final Rule LOCALE_UNKNOWN = Rule.warning("parity.locale-unknown", "Folder of an unknown locale",
            "A translation in a folder site.yaml does not list is not published.",
            "Add the locale to 'locales' in site.yaml, or rename the folder.",
            "content/es: folder 'es' is not a locale of site.yaml (locales: en, fr, de)");
    public static final Rule CLAUSE_MISSING = Rule.error("parity.clause-missing", "Clause missing in a translation",
            "A clause the source has and a translation lacks is a promise readers in that language are not told.",
            "Translate the clause and give it the same {#key} as in the source.",
            "content/fr/privacy.md:42:1: clause 'retention' is missing (present in en)");
    public static final Rule CLAUSE_EXTRA = Rule.error("parity.clause-extra", "Clause not in the source",
            "A clause only one language has says something the source does not; usually its key is misspelled.",
            "Fix its key, remove it, or declare it local to the language (rules: in site.yaml, or {#key local}).",
            "content/fr/privacy.md:50:1: clause 'retension' is not in the en source; remove it or fix its key");
    public static final Rule CLAUSE_DUPLICATE = Rule.error("parity.clause-duplicate", "Clause key used twice",
            "Two clauses with one key cannot both be matched with their translations, nor linked to.",
            "Give one of them another key.",
            "content/en/privacy.md:80:1: clause key 'contact' is used twice in this document");
    public static final Rule CLAUSE_LEVEL = Rule.error("parity.clause-level", "Clause at another level",
            "A clause that is a section in one language and a sub-section in another is numbered differently.",
            "Use the same number of '#' as the source.",
            "content/de/privacy.md:33:1: clause 'cookies' is a ### heading here but ## in en");
    public static final Rule CLAUSE_PARENT = Rule.error("parity.clause-parent", "Clause under another section",
            "A clause moved under another section changes what it applies to.",
            "Move the clause under the same section as in the source.",
            "content/de/privacy.md:33:1: clause 'cookies' is under 'sharing' here but under 'collection' in en");
    public static final Rule CLAUSE_ORDER = Rule.error("parity.clause-order", "Clauses in another order",
            "Clause numbers are cited in correspondence; a different order gives the same number to different clauses.",
            "Put the clauses in the source's order.",
            "content/ja/privacy.md:60:1: clause 'rights' is out of order: en has 'retention' at this position");
    public static final Rule ARGUMENT_MISSING = Rule.error("parity.argument-missing", "Fact missing in a translation",
            "A translation that writes a period or an address itself goes out of date when the fact changes.",
            "Use the same {fact} as the source clause instead of writing its value.",
            "content/fr/privacy.md:44:1: clause 'retention' does not use {accountRetentionDays}, which en uses");
    public static final Rule ARGUMENT_EXTRA = Rule.error("parity.argument-extra", "Fact not in the source clause",
            "A fact the source clause does not use adds a statement the source does not make.",
            "Remove the fact, or use it in the source too.",
            "content/fr/privacy.md:44:12: {dpoEmail} is not used in this clause of en");
    public static final Rule ARGUMENT_TYPE = Rule.error("parity.argument-type", "Fact formatted differently",
            "A number shown as a plural in one language and as a date in another cannot both be right.",
            "Use the same kind of argument (plural, number, date, select) as the source.",
            "content/de/privacy.md:44:12: {responseDays} is a number argument here but a plural in en");
    public static final Rule SELECT_CASES = Rule.error("parity.select-cases", "Other select cases",
            "A case the source distinguishes and a translation does not would show the wrong text for it.",
            "Use the same cases as the source's select.",
            "content/de/privacy.md:50:3: {region} has cases [eu, other] but en has [eu, uk, other]");
    public static final Rule PLURAL_CATEGORIES = Rule.warning("parity.plural-categories", "Plural forms missing",
            "Languages have their own plural forms (Arabic six, Polish four); a missing one falls back to 'other', often wrongly.",
            "Add the plural forms the message names.",
            "content/ar/privacy.md:44:12: {accountRetentionDays, plural} lacks the ar plural forms [few, many, two, zero]");
    public static final Rule LINKS = Rule.error("parity.links", "Clause links elsewhere",
            "A translated clause that links to other clauses or pages than the source sends readers elsewhere.",
            "Link to the same clauses and pages as the source.",
            "content/fr/privacy.md:60:1: clause 'rights' links to [#contact] but en links to [#complaints]");
    public static final Rule STRUCTURE = Rule.warning("parity.structure", "Clause structured differently",
            "A list item or paragraph more or less than the source is often a sentence lost in translation.",
            "Give the clause the same paragraphs, list items and tables as the source.",
            "content/de/privacy.md:71:1: clause 'rights' has 6 list items; the source has 7");
    public static final Rule STALE = Rule.warning("parity.stale", "Translation older than the source",
            "The source clause changed after the translation was made; the translation may say something the source no longer does.",
            "Update the translation, then record it with mark-translated.",
            "content/fr/privacy.md:42:1: clause 'retention' was translated from an older en version");

    private ParityRules() {
    }

    public static List<Rule> all() {
        return List.of(DOCUMENT_MISSING, VERSION_MISSING, DOCUMENT_EXTRA, LOCALE_UNKNOWN, CLAUSE_MISSING, CLAUSE_EXTRA, CLAUSE_DUPLICATE,
                CLAUSE_LEVEL, CLAUSE_PARENT, CLAUSE_ORDER, ARGUMENT_MISSING, ARGUMENT_EXTRA, ARGUMENT_TYPE, SELECT_CASES,
                PLURAL_CATEGORIES, LINKS, STRUCTURE, STALE);
    }
}
