package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** Cross-references between clauses and documents, checked in the sources. */
public final class XrefRules {

    public static final Rule UNKNOWN_DOCUMENT = Rule.error("xref.unknown-document", "Link to an unknown document",
            "A reader following the reference would land on a missing page.",
            "Link to a document site.yaml lists, like cookies.md.",
            "content/en/privacy.md:33:5: link to 'terms.md', which is not a document of this site");
    public static final Rule UNKNOWN_CLAUSE = Rule.error("xref.unknown-clause", "Link to an unknown clause",
            "A reference to a clause that does not exist points readers nowhere, in a text whose references have legal weight.",
            "Use the key of an existing clause (the {#key} at the end of its heading).",
            "content/en/privacy.md:33:5: cross-reference to clause 'retension', which does not exist in en/privacy.md");

    private XrefRules() {
    }

    public static List<Rule> all() {
        return List.of(UNKNOWN_DOCUMENT, UNKNOWN_CLAUSE);
    }
}
