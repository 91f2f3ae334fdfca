package org.privacysite.internal.importer;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.ibm.icu.text.Transliterator;

/** Clause keys and the anchors other tools derive from a heading's text. */
final class ClauseKeys {

    /** Keys longer than this are cut at a hyphen: a key is typed in links by hand. */
    private static final int MAX_LENGTH = 60;
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private ClauseKeys() {
    }

    /** A key in our syntax ({@code [a-z][a-z0-9-]*}) from an author's id, or null when none can be made. */
    static String fromId(String id) {
        String key = ascii(id).replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+|-+$", "");
        return key.isEmpty() ? null : cut(key);
    }

    /** A readable key from a heading: "Users in the EU: your rights" gives {@code users-in-the-eu-your-rights}. */
    static String fromText(String text) {
        String key = ascii(text).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (key.isEmpty()) {
            return "clause";
        }
        return cut(Character.isLetter(key.charAt(0)) ? key : "clause-" + key);
    }

    /** The anchors GitHub, kramdown and Hugo generate for a heading, so that links relying on them resolve. */
    static Set<String> generatedAnchors(String text) {
        Set<String> anchors = new LinkedHashSet<>();
        String lower = text.strip().toLowerCase(Locale.ROOT);
        anchors.add(lower.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replaceAll("\\s", "-")); // GitHub, Hugo
        anchors.add(lower.replaceAll("[^\\p{L}\\p{N}\\s-]", "").strip().replaceAll("\\s+", "-").replaceAll("^[^\\p{L}]+", "")); // kramdown
        anchors.remove("");
        return anchors;
    }

    private static synchronized String ascii(String text) {
        return TO_ASCII.transliterate(text).toLowerCase(Locale.ROOT);
    }

    private static String cut(String key) {
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        int hyphen = key.lastIndexOf('-', MAX_LENGTH);
        return key.substring(0, hyphen > 10 ? hyphen : MAX_LENGTH).replaceAll("-+$", "");
    }
}
