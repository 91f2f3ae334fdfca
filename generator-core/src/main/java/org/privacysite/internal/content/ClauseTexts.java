package org.privacysite.internal.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Each clause's own Markdown: its heading line and the lines up to the next clause's heading, trailing
 * spaces and surrounding blank lines removed. What a clause's text hash is made from, and what the
 * translation record keeps so a translator can see what changed.
 */
public final class ClauseTexts {

    private ClauseTexts() {
    }

    /** The own text of each of {@code clauses} (in file order, as parsed from {@code fileText}). */
    public static List<String> of(List<Clause> clauses, String fileText) {
        String[] lines = fileText.split("\n", -1);
        List<String> texts = new ArrayList<>(clauses.size());
        for (int i = 0; i < clauses.size(); i++) {
            int from = clauses.get(i).location().line() - 1;
            int to = i + 1 < clauses.size() ? clauses.get(i + 1).location().line() - 1 : lines.length;
            StringBuilder own = new StringBuilder();
            for (int line = from; line < to && line < lines.length; line++) {
                own.append(lines[line]).append('\n');
            }
            texts.add(normalize(own.toString()));
        }
        return texts;
    }

    /** A clause's lines as its own text: trailing spaces and surrounding blank lines removed. */
    public static String normalize(String lines) {
        StringBuilder own = new StringBuilder();
        for (String line : lines.split("\n", -1)) {
            own.append(line.stripTrailing()).append('\n');
        }
        return own.toString().strip();
    }
}
