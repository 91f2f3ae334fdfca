package org.privacysite.internal.spelling;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/** "Did you mean …?" for a mistyped fact, clause key or rule id. */
public final class ClosestName {

    private ClosestName() {
    }

    /**
     * The known name within two edits of {@code name} (ignoring case), if any: most typos are one or two
     * keys off. Ties go to the alphabetically first name, so the suggestion does not depend on order.
     */
    public static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : new TreeSet<>(known)) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
