package org.privacysite.internal.history;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The text of one version of a policy in one locale, as recorded in git or in content/archive/.
 *
 * @param file   where the text is (or was) written: content/&lt;locale&gt;/&lt;document&gt;.md, or the archive file
 * @param origin where it comes from, for messages: "commit 1a2b3c4" or "content/archive/..."
 */
record RecordedVersion(String locale, String document, LocalDate effective, String text, Path file, String origin) {
}
