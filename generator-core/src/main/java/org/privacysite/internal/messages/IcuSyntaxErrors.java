package org.privacysite.internal.messages;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns ICU's report of a message that does not parse into words a legal writer can act on: which
 * argument is broken (at the '{' that opens it, quoted as the writer wrote it), what is wrong, and
 * how to write a brace as text. ICU's own wording and its doubled apostrophes never reach the writer.
 */
final class IcuSyntaxErrors {

    /** The fix every message ends with: most broken arguments are braces meant as text. */
    static final String BRACE_AS_TEXT = "a { starts a fact such as {company}; to write a brace itself, use \\{";

    private static final Pattern ERROR_INDEX = Pattern.compile("at pattern index (\\d+)");
    private static final Pattern KIND = Pattern.compile("\\{\\s*[^,{}]*,\\s*(plural|selectordinal|select|choice)\\b");
    private static final Pattern OTHER = Pattern.compile("[,}\\s]other\\s*\\{");
    private static final int EXCERPT = 40;

    private IcuSyntaxErrors() {
    }

    /**
     * @param pattern  {@code source} as given to ICU
     * @param toSource for each index of {@code pattern}, the index in {@code source}
     * @param icu      ICU's message
     */
    static IcuSyntaxException explain(String source, String pattern, int[] toSource, String icu) {
        String lower = icu == null ? "" : icu.toLowerCase(Locale.ROOT);
        Matcher at = ERROR_INDEX.matcher(lower);
        int errorIndex = at.find() ? Math.min(Integer.parseInt(at.group(1)), pattern.length()) : -1;

        ArrayDeque<Integer> open = new ArrayDeque<>();
        int end = errorIndex < 0 ? pattern.length() : errorIndex;
        for (int i = 0; i < end; i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                i += i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'' ? 1 : 2; // '' or a quoted brace '{'
            } else if (c == '{') {
                open.push(i);
            } else if (c == '}') {
                if (open.isEmpty()) {
                    return new IcuSyntaxException(toSource[i], "this } closes no {; to write a brace itself, use \\}");
                }
                open.pop();
            }
        }
        int brace;
        if (errorIndex < 0) {
            if (open.isEmpty()) {
                brace = lower.contains("other") ? withoutOther(pattern) : firstBrace(pattern);
                if (brace < 0) {
                    return new IcuSyntaxException(0, "the text is not written correctly; " + BRACE_AS_TEXT);
                }
            } else {
                brace = open.peekLast(); // the outermost argument never closed
            }
        } else if (!open.isEmpty()) {
            brace = open.peek(); // the innermost argument open where ICU stopped
        } else if (errorIndex < pattern.length() && pattern.charAt(errorIndex) == '{') {
            brace = errorIndex;
        } else if (errorIndex < pattern.length() && pattern.charAt(errorIndex) == '}') {
            return new IcuSyntaxException(toSource[errorIndex], "this } closes no {; to write a brace itself, use \\}");
        } else {
            return new IcuSyntaxException(toSource[Math.min(errorIndex, pattern.length())],
                    "the text is not written correctly here; " + BRACE_AS_TEXT);
        }
        String excerpt = excerpt(source, pattern, toSource, brace);
        Matcher kind = KIND.matcher(pattern).region(brace, pattern.length());
        String type = kind.lookingAt() ? kind.group(1) : null;
        String problem;
        if (lower.contains("unmatched '{'") || closing(pattern, brace) < 0) {
            problem = "'" + excerpt + "' is never closed with a }";
        } else if (lower.contains("missing 'other'")) {
            problem = "'" + excerpt + "' needs an 'other' case, used for every value the other cases do not cover,"
                    + " e.g. other {" + ("select".equals(type) ? "…" : "# days") + "}";
        } else if (type != null) {
            problem = "'" + excerpt + "' is not a well-formed " + type + ": write each case as a keyword and its text in braces, e.g. "
                    + ("select".equals(type) ? "{region, select, eu {…} other {…}}" : "{days, plural, one {# day} other {# days}}");
        } else if (lower.contains("argument")) {
            problem = "'" + excerpt + "' is not a fact: a fact's name is one word, such as {company}, optionally followed by"
                    + " its format, such as {effective, date, long}";
        } else {
            problem = "'" + excerpt + "' is not written correctly";
        }
        return new IcuSyntaxException(toSource[brace], problem + "; " + BRACE_AS_TEXT);
    }

    /** The first plural or select without an 'other' case (ICU does not say where it is), else the first one. */
    private static int withoutOther(String pattern) {
        int first = -1;
        for (int i = firstBrace(pattern, 0); i >= 0; i = firstBrace(pattern, i + 1)) {
            if (KIND.matcher(pattern).region(i, pattern.length()).lookingAt()) {
                int close = closing(pattern, i);
                String argument = pattern.substring(i, close < 0 ? pattern.length() : close);
                if (!OTHER.matcher(argument).find()) {
                    return i;
                }
                first = first < 0 ? i : first;
            }
        }
        return first;
    }

    private static int firstBrace(String pattern) {
        return firstBrace(pattern, 0);
    }

    /** The first '{' from {@code from} that opens an argument (not a quoted one). */
    private static int firstBrace(String pattern, int from) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                i += i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'' ? 1 : 2;
            } else if (c == '{' && i >= from) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the '}' that closes the '{' at {@code brace}, or -1. */
    private static int closing(String pattern, int brace) {
        int depth = 0;
        for (int i = brace; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                i += i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'' ? 1 : 2;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The broken argument as the writer wrote it, from its '{' (shortened, on one line). */
    private static String excerpt(String source, String pattern, int[] toSource, int brace) {
        int close = closing(pattern, brace);
        int from = toSource[brace];
        int to = close < 0 ? source.length() : toSource[close] + 1;
        String text = IcuMessage.unescapeForDisplay(source.substring(from, Math.min(to, source.length())))
                .replaceAll("\\s+", " ");
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
    }
}
