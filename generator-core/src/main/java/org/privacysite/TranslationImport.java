package org.privacysite;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link PrivacySite#importTranslation} wrote.
 *
 * @param locale  the translation's locale (the XLIFF file's target language)
 * @param written translation files changed or created; empty when every target matched the files already
 * @param units   units whose target was imported
 * @param skipped units without a target, or whose target is still in state "initial" (not yet translated)
 * @param notes   clauses that were left alone, each in a sentence
 */
public record TranslationImport(String locale, List<Path> written, int units, int skipped, List<String> notes) {
}
