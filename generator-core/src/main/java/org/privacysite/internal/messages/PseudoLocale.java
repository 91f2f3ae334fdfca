package org.privacysite.internal.messages;

import java.util.Arrays;
import java.util.List;

/**
 * The pseudo-locales of Android and Chromium, made from the source text so that a web team sees
 * truncation, hard-coded strings and mirroring problems before any translation exists:
 * <ul>
 * <li>{@code en-XA}: every letter accented, each message about 30% longer and bracketed,
 *     {@code [Ƥŕîṽåçý Þöļîçý one two]};</li>
 * <li>{@code ar-XB}: every word written right to left (each wrapped in RLM, RLO … PDF, RLM), on a right-to-left page.</li>
 * </ul>
 * Only text changes: ICU arguments ({@code {company}}, {@code {n, plural, one {# day} other {# days}}}, whose
 * case texts are pseudo-translated too), escapes, entities, addresses and e-mail addresses are kept as written.
 */
public enum PseudoLocale {

    ACCENTED("en-XA"),
    RIGHT_TO_LEFT("ar-XB");

    private static final String ASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String ACCENTS = "ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽåƀçðéƒĝĥîĵķļṁñöþǫŕšţûṽŵẋýž";
    private static final String[] PADDING = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    /** Right-to-left mark, right-to-left override, pop directional formatting. */
    static final String RLM = "\u200f";
    static final String RLO = "\u202e";
    static final String PDF = "\u202c";

    private final String tag;

    PseudoLocale(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag the pseudo-locale's pages are published under. */
    public String tag() {
        return tag;
    }

    /** Every pseudo-locale's tag. */
    public static List<String> tags() {
        return Arrays.stream(values()).map(PseudoLocale::tag).toList();
    }

    /** The pseudo-locale of {@code tag}, or null when it is a real locale. */
    public static PseudoLocale of(String tag) {
        for (PseudoLocale pseudo : values()) {
            if (pseudo.tag.equals(tag)) {
                return pseudo;
            }
        }
        return null;
    }

    /** Whether {@code locale} is a pseudo-locale: never a translation that parity or a translator should see. */
    public static boolean isPseudo(String locale) {
        return of(locale) != null;
    }

    /** An ICU message (as bundles and policies write it) pseudo-translated: bracketed and padded when accented. */
    public String message(String source) {
        StringBuilder out = new StringBuilder();
        int letters = translate(source, 0, source.length(), out);
        return this == ACCENTED ? "[" + out + padding(letters) + "]" : out.toString();
    }

    /**
     * Text between ICU arguments pseudo-translated, arguments kept (their plural and select cases translated);
     * returns the number of letters translated, for the padding.
     */
    public int translate(String source, int from, int to, StringBuilder out) {
        int letters = 0;
        int i = from;
        while (i < to) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < to) {
                out.append(c).append(source.charAt(i + 1)); // an escape, \{ or \*, is kept
                i += 2;
            } else if (c == '{') {
                int close = matchingBrace(source, i, to);
                if (close < 0) {
                    out.append(source, i, to);
                    return letters;
                }
                letters += argument(source, i, close + 1, out);
                i = close + 1;
            } else if (c == '&' && entityEnd(source, i, to) > 0) {
                int end = entityEnd(source, i, to);
                out.append(source, i, end);
                i = end;
            } else if (Character.isWhitespace(c)) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < to && !Character.isWhitespace(source.charAt(end)) && "{\\&".indexOf(source.charAt(end)) < 0) {
                    end++;
                }
                end = Math.max(end, i + 1);
                String word = source.substring(i, end);
                if (word.contains("://") || word.contains("@") || word.startsWith("www.")) {
                    out.append(word); // an address stays usable
                } else {
                    letters += word(word, out);
                }
                i = end;
            }
        }
        return letters;
    }

    /** Extra words that make a text of {@code letters} letters about 30% longer. */
    public String padding(int letters) {
        if (this != ACCENTED || letters == 0) {
            return "";
        }
        int wanted = Math.max(1, (int) Math.ceil(letters * 0.3));
        StringBuilder pad = new StringBuilder();
        for (int i = 0; pad.length() < wanted; i++) {
            pad.append(' ').append(PADDING[i % PADDING.length]);
        }
        return pad.toString();
    }

    /** Letters accented, or runs of letters overridden to run right to left. */
    private int word(String word, StringBuilder out) {
        int letters = 0;
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (!Character.isLetter(c)) {
                out.append(c);
                i++;
                continue;
            }
            if (this == ACCENTED) {
                int at = ASCII.indexOf(c);
                out.append(at < 0 ? c : ACCENTS.charAt(at));
                letters++;
                i++;
            } else {
                int end = i;
                while (end < word.length() && (Character.isLetter(word.charAt(end)) || Character.getType(word.charAt(end)) == Character.NON_SPACING_MARK)) {
                    end++;
                }
                out.append(RLM).append(RLO).append(word, i, end).append(PDF).append(RLM);
                letters += end - i;
                i = end;
            }
        }
        return letters;
    }

    /** {@code {name}} as written; a plural or select argument with each case's text translated. */
    private int argument(String source, int open, int end, StringBuilder out) {
        int firstComma = source.indexOf(',', open);
        int secondComma = firstComma < 0 || firstComma >= end ? -1 : source.indexOf(',', firstComma + 1);
        String type = firstComma < 0 || firstComma >= end ? "" : source.substring(firstComma + 1,
                secondComma < 0 || secondComma >= end ? end - 1 : secondComma).trim();
        if (secondComma < 0 || secondComma >= end || !List.of("plural", "select", "selectordinal").contains(type)) {
            out.append(source, open, end);
            return 0;
        }
        out.append(source, open, secondComma + 1);
        int letters = 0;
        int i = secondComma + 1;
        while (i < end - 1) {
            char c = source.charAt(i);
            if (c == '{') {
                int close = matchingBrace(source, i, end - 1);
                if (close < 0) {
                    break;
                }
                out.append('{');
                letters += translate(source, i + 1, close, out);
                out.append('}');
                i = close + 1;
            } else {
                out.append(c); // selectors: one, other, =0, offset:1
                i++;
            }
        }
        out.append(source, i, end);
        return letters;
    }

    private static int matchingBrace(String text, int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The end of an HTML entity ({@code &amp;}, {@code &#8212;}) starting at {@code at}, or -1. */
    private static int entityEnd(String text, int at, int limit) {
        int i = at + 1;
        while (i < limit && i - at <= 32 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '#')) {
            i++;
        }
        return i > at + 1 && i < limit && text.charAt(i) == ';' ? i + 1 : -1;
    }
}
