package org.privacysite.internal.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.privacysite.Finding;

/**
 * The history stage's result, plain data for the renderer: every document with more than one
 * version, the date taken as today, and the problems found.
 *
 * @param today                  the date that decides which version is in force; null when unknown
 *                               (no git history, no SOURCE_DATE_EPOCH, no --as-of): then the latest is
 * @param documents              per document name, in site.yaml order; only documents with a history
 * @param cookieListChanges      how often the cookie list (categories and cookies) changed in the history of
 *                               cookies.yaml: added to its revision, so returning visitors are asked again
 */
public record SiteHistory(LocalDate today, Map<String, DocumentHistory> documents, int cookieListChanges,
                          List<Finding> findings) {

    public static SiteHistory none(List<Finding> findings) {
        return new SiteHistory(null, Map.of(), 0, List.copyOf(findings));
    }

    /** Whether any archive, comparison or feed is published. */
    public boolean published() {
        return !documents.isEmpty();
    }

    public DocumentHistory document(String name) {
        return documents.get(name);
    }
}
