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

    /**
     * Like {@link #closest}, but for long names such as clause keys ("users-in-the-eu-your-rights"):
     * a name may also be off by up to a third of the longer name's length, since a writer who shortens
     * or rewords a long key changes many characters at once.
     */
    public static String closestLong(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : new TreeSet<>(known)) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            int allowed = Math.max(2, Math.max(name.length(), candidate.length()) / 3);
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** A list of names longer than this is not written out in a message: a site may have hundreds of documents. */
    static final int LISTED = 12;

    /**
     * What a message names beside an unknown {@code name}: every known name for a short list ("documents: privacy,
     * cookies"); for a long one, the closest name and how many there are ("did you mean 'terms-002'? site.yaml lists
     * 500 documents"), since one line naming hundreds of documents, repeated at each mistake, hides the mistake.
     */
    public static String knownOrClosest(String name, Collection<String> known, String what) {
        if (known.size() <= LISTED) {
            return what + ": " + String.join(", ", known);
        }
        String suggestion = closestLong(name, known);
        return (suggestion == null ? "" : "did you mean '" + suggestion + "'? ") + "site.yaml lists " + known.size() + " " + what;
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
