package org.privacysite.internal.importer;

import java.util.regex.Pattern;

/**
 * Escapes plain text so that it reads as written in our Markdown: Markdown punctuation gets a
 * backslash, and a brace becomes a fact ({@code {openBrace}}, {@code {closeBrace}}), because every
 * brace in a policy starts an ICU argument and the content format has no other way to write one yet.
 */
final class MarkdownText {

    /** The facts the importer adds to site.yaml when a brace was escaped. */
    private static final Pattern LINE_START_MARKER = Pattern.compile("^(\\s*)([#>+=-]|\\d{1,9}(?=[.)]))");
    private static final Pattern ENTITY_LIKE = Pattern.compile("&(?=[A-Za-z#])");

    private MarkdownText() {
    }

    /** Escapes text that stands inside a line (not at its start). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                // A brace is written \{ \}: text, not the start of a fact, for the parser and for parity.
                case '\\', '*', '_', '`', '[', ']', '<', '|', '~', '{', '}' -> out.append('\\').append(c);
                case '&' -> out.append(ENTITY_LIKE.matcher(text.substring(i)).lookingAt() ? "\\&" : "&");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Only the braces escaped (as \{ \}): for front matter values, which are ICU text but not Markdown. */
    static String braces(String text) {
        return text.replace("{", "\\{").replace("}", "\\}");
    }

    /** Makes an escaped line safe at the start of a block: "1. x", "- x", "# x" would otherwise become a list or heading. */
    static String guardLineStart(String line) {
        var matcher = LINE_START_MARKER.matcher(line);
        if (!matcher.find()) {
            return line;
        }
        String marker = matcher.group(2);
        if (Character.isDigit(marker.charAt(0))) {
            int end = matcher.end(2); // the '.' or ')' after the number
            return line.substring(0, end) + "\\" + line.substring(end);
        }
        return line.substring(0, matcher.start(2)) + "\\" + line.substring(matcher.start(2));
    }

    /** A link destination: no spaces, parentheses or braces, so it survives in {@code [text](destination)}. */
    static String destination(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (char c : url.trim().toCharArray()) {
            switch (c) {
                case ' ' -> out.append("%20");
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case '{' -> out.append("%7B");
                case '}' -> out.append("%7D");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '\\' -> out.append("%5C");
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
