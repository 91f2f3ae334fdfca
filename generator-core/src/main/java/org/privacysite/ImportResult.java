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
}
