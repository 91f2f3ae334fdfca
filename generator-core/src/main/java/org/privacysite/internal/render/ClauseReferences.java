package org.privacysite.internal.render;

/** Resolves links to clauses for the page being rendered. */
public interface ClauseReferences {

    /** The visible label of a cross-reference, e.g. "Section 7" or "Cookie Policy, Section 4". */
    String label(String document, String key);

    /** The relative URL of a clause, or of a document when {@code key} is null. */
    String href(String document, String key);
}
