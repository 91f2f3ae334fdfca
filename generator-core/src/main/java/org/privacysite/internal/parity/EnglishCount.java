package org.privacysite.internal.parity;

import java.util.List;
import java.util.Map;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/** Counts in the (English) findings, grammatical: "1 paragraph", "2 paragraphs". */
final class EnglishCount {

    private EnglishCount() {
    }

    /** {@code noun} counted: ICU's English plural rules pick the form; the plural adds an 's'. */
    static String of(int count, String noun) {
        return new MessageFormat("{n, plural, one {# " + noun + "} other {# " + noun + "s}}", ULocale.ENGLISH)
                .format(Map.of("n", count));
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
