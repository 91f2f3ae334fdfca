package org.privacysite;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link PolicyImport#run()} wrote.
 *
 * @param sourceLocale   the language the clause keys come from
 * @param locales        the locales imported, source first (as written to site.yaml)
 * @param documents      the documents imported
 * @param clauses        the clauses of the source documents
 * @param alignedClauses the source clauses found in every translation of their document
 * @param findings       what needs a look: unaligned headings, links to unknown anchors, missing dates
 * @param written        the files written, relative to the output directory
 */
public record ImportResult(String sourceLocale, List<String> locales, List<String> documents, int clauses, int alignedClauses,
                           List<Finding> findings, List<Path> written) {

    /**
     * The summary for people, one line each: what was imported, how many clauses are aligned in every
     * locale, and each place that needs a look ({@code file:line: warning: message [rule]}).
     */
    public List<String> summary(Path out) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Imported " + count(documents.size(), "document") + " (" + String.join(", ", documents) + ") in "
                + count(locales.size(), "locale") + " (" + String.join(", ", locales) + ", source " + sourceLocale + ") into " + out + ".");
        lines.add(count(clauses, "clause") + ", " + alignedClauses + " aligned in every locale.");
        if (!findings.isEmpty()) {
            lines.add(findings.size() == 1 ? "1 place needs a look:" : findings.size() + " places need a look:");
            findings.forEach(finding -> lines.add("  " + finding));
        }
        return lines;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
