package org.privacysite;

import java.nio.file.Path;

/**
 * An XLIFF file written for a translator by {@link PrivacySite#exportTranslation}.
 *
 * @param file    the XLIFF 2.0 file
 * @param units   translatable blocks in it (headings, paragraphs, list items, table cells)
 * @param clauses clauses they belong to
 */
public record TranslationExport(Path file, int units, int clauses) {
}
