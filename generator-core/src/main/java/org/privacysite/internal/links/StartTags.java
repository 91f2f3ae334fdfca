package org.privacysite.internal.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * The elements of a policy body that can matter to the link check (those with an id, a link or a
 * source), read from their start tags without an HTML parser. The body is markup the generator
 * wrote itself (commonmark's renderer with raw HTML escaped, and the theme's auto-escaped cookie
 * tables): every {@code <} starts a tag and every attribute value is double-quoted. Markup of any
 * other shape (a comment, a script, a single-quoted or bare value, a {@code <} in text) gives
 * null, and the caller parses it with jsoup as before. Parsing the body was most of the link
 * check's time: about 17 KB of each page's 22 KB of own markup on the benchmark's site.
 */
final class StartTags {

    /** Elements whose content is not markup, or that jsoup might move: their pages are parsed. */
    private static final Set<String> NOT_PLAIN = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes", "noscript", "plaintext", "template", "svg", "math", "select", "frameset", "body",
            "html", "head");

    private StartTags() {
    }

    /**
     * The elements of {@code markup} with an id, href or src attribute (and any meta or link), in document order;
     * null when it must be parsed.
     */
    static List<Element> of(String markup) {
        List<Element> elements = new ArrayList<>();
        int length = markup.length();
        int at = markup.indexOf('<');
        while (at >= 0) {
            if (at + 1 >= length) {
                return null;
            }
            char next = markup.charAt(at + 1);
            int end;
            if (next == '/') {
                end = markup.indexOf('>', at);
                if (end < 0) {
                    return null;
                }
            } else if (isLetter(next)) {
                end = startTag(markup, at + 1, elements);
                if (end < 0) {
                    return null;
                }
            } else {
                return null; // a comment, a doctype, or a '<' in text
            }
            at = markup.indexOf('<', end + 1);
        }
        return elements;
    }

    /** Reads the start tag whose name begins at {@code from}; returns the index of its '>', or -1 when not plain. */
    private static int startTag(String markup, int from, List<Element> elements) {
        int length = markup.length();
        int i = from;
        while (i < length && (isLetter(markup.charAt(i)) || isDigit(markup.charAt(i)) || markup.charAt(i) == '-')) {
            i++;
        }
        String name = markup.substring(from, i).toLowerCase(Locale.ROOT);
        if (NOT_PLAIN.contains(name)) {
            return -1;
        }
        Attributes attributes = null;
        while (true) {
            while (i < length && isSpace(markup.charAt(i))) {
                i++;
            }
            if (i >= length) {
                return -1;
            }
            char c = markup.charAt(i);
            if (c == '>') {
                break;
            }
            if (c == '/' && i + 1 < length && markup.charAt(i + 1) == '>') {
                i++;
                break;
            }
            int nameStart = i;
            while (i < length && (isLetter(markup.charAt(i)) || isDigit(markup.charAt(i)) || markup.charAt(i) == '-'
                    || markup.charAt(i) == '_' || markup.charAt(i) == ':' || markup.charAt(i) == '.')) {
                i++;
            }
            if (i == nameStart) {
                return -1;
            }
            String key = markup.substring(nameStart, i).toLowerCase(Locale.ROOT);
            String value = "";
            if (i < length && markup.charAt(i) == '=') {
                if (i + 1 >= length || markup.charAt(i + 1) != '"') {
                    return -1; // a single-quoted or bare value
                }
                int close = markup.indexOf('"', i + 2);
                if (close < 0) {
                    return -1;
                }
                value = markup.substring(i + 2, close);
                if (value.indexOf('&') >= 0) {
                    value = Parser.unescapeEntities(value, true);
                }
                i = close + 1;
            } else if (i < length && !isSpace(markup.charAt(i)) && markup.charAt(i) != '>' && markup.charAt(i) != '/') {
                return -1;
            }
            if (attributes == null) {
                attributes = new Attributes();
            }
            if (!attributes.hasKey(key)) { // as jsoup: the first of a repeated attribute counts
                attributes.put(key, value);
            }
        }
        if (attributes != null && (attributes.hasKey("id") || attributes.hasKey("href") || attributes.hasKey("src")
                || name.equals("meta") || name.equals("link"))) {
            elements.add(new Element(Tag.valueOf(name), "", attributes));
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }
}
