package org.privacysite.internal.content;

import java.util.ArrayList;
import java.util.List;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.rules.ContentRules;

/**
 * The placeholders that {@code init} writes into a skeleton policy: {@code TODO(legal): what to write
 * here}. Each one left in a policy is a warning, so {@code check --strict} fails until a writer has
 * replaced them all, while a plain check (and the site) still works.
 */
public final class Placeholders {

    /** The marker; the rest of its line says what to write in its place. */
    public static final String MARKER = "TODO(legal)";

    private static final int LONGEST_NOTE = 100;

    private Placeholders() {
    }

    /** A warning for each marker in {@code text} (the whole file, front matter included). */
    public static List<Finding> find(Location file, String text) {
        List<Finding> findings = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int scanned = 0;
        for (int at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + MARKER.length())) {
            for (int i = text.indexOf('\n', scanned); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
                line++;
                lineStart = i + 1;
            }
            scanned = at;
            int end = text.indexOf('\n', at);
            String note = text.substring(at, end < 0 ? text.length() : end).strip();
            if (note.length() > LONGEST_NOTE) {
                note = note.substring(0, LONGEST_NOTE - 3) + "...";
            }
            findings.add(Finding.of(file.at(line, at - lineStart + 1), ContentRules.PLACEHOLDER, "placeholder '" + note
                    + "' is not yet replaced; write what you really do instead, and delete the marker"));
        }
        return findings;
    }
}
