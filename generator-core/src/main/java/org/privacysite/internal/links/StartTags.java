package org.privacysite.internal.links;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * The elements of a page that can matter to the link check (those with an id, a link or a source, and
 * any meta or link), read from their start tags without an HTML parser, for markup whose tree an HTML
 * parser would build as written: every element closed in the order opened (void elements aside), every
 * attribute value double-quoted. Markup an HTML parser would rearrange (an element closed by another's
 * start, a misnested end tag, content foster-parented out of a table), or of a kind this reader does not
 * know (a template, SVG, a single-quoted or bare value, a {@code <} in text), gives null, and the caller
 * parses it with jsoup. Parsing was most of the link check's time: the policy text is about 17 KB of a
 * page's 22 KB of own markup on the benchmark's site, the theme's frame around it the rest.
 */
final class StartTags {

    // What an element's name tells, as bits: one map lookup per tag.
    /** Content or place a reader of start tags cannot follow: left to the parser. */
    private static final int NOT_PLAIN = 1;
    /** Content that is text up to the end tag (RAWTEXT and RCDATA). */
    private static final int TEXT_ONLY = 1 << 1;
    private static final int VOID = 1 << 2;
    /** A start tag that closes an open p (HTML's "close a p element"). */
    private static final int CLOSES_P = 1 << 3;
    /** Closed by an element of the same name, or not nested by the parser. */
    private static final int NOT_NESTED = 1 << 4;
    /** HTML's "special" elements but address, div and p: where a list item's implied end stops looking. */
    private static final int SPECIAL = 1 << 5;
    private static final int HEADING = 1 << 6;
    /** html, head and body: once in a page, never in a piece of one. */
    private static final int DOCUMENT = 1 << 7;
    /** Where only table parts may go: anything else is moved before the table. */
    private static final int TABLE_CONTEXT = 1 << 8;
    private static final int TABLE_PART = 1 << 9;

    private static final Map<String, Integer> KINDS = new HashMap<>();

    static {
        kind(NOT_PLAIN, "template", "svg", "math", "iframe", "noembed", "noframes", "xmp", "plaintext", "select", "frameset",
                "frame", "image", "isindex", "listing");
        kind(TEXT_ONLY, "script", "style", "title", "textarea");
        kind(VOID, "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
                "wbr", "basefont", "bgsound", "keygen");
        kind(CLOSES_P, "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
                "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search",
                "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "form", "table", "hr", "li", "dd", "dt");
        kind(NOT_NESTED, "a", "nobr", "button", "form");
        kind(SPECIAL, "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
                "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "dl", "dt", "embed", "fieldset",
                "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
                "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main",
                "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "param", "plaintext",
                "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody", "td",
                "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp");
        kind(HEADING, "h1", "h2", "h3", "h4", "h5", "h6");
        kind(DOCUMENT, "html", "head", "body");
        kind(TABLE_CONTEXT, "table", "tbody", "thead", "tfoot", "tr");
        kind(TABLE_PART, "caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th");
    }

    private static void kind(int bit, String... names) {
        for (String name : names) {
            KINDS.merge(name, bit, (a, b) -> a | b);
        }
    }

    private final String markup;
    /** Whether this is a whole page (html, head and body once each) rather than a piece inside one. */
    private final boolean page;
    private final List<Element> elements = new ArrayList<>();
    /** The open elements and their kinds, innermost last. */
    private String[] open = new String[32];
    private int[] openKinds = new int[32];
    private int depth;
    private int openParagraphs;
    private int openLinks;
    private boolean inHead;
    /** Which of html (1), head (2) and body (4) a page has shown: bits, not a set made for every piece of markup. */
    private int seenDocument;
    /** The attributes of the tag being read: where each name and value starts and ends (value start -1: none). */
    private int[] attributes = new int[32];
    private int attributeCount;

    private StartTags(String markup, boolean page) {
        this.markup = markup;
        this.page = page;
    }

    /**
     * The elements of {@code markup}, a piece of a page's body (the policy text), with an id, href or src
     * attribute (and any meta or link), in document order; null when it must be parsed.
     */
    static List<Element> of(String markup) {
        return new StartTags(markup, false).read();
    }

    /** Like {@link #of}, for a whole page: its html, head and body may be written, once each. */
    static List<Element> ofPage(String markup) {
        return new StartTags(markup, true).read();
    }

    private List<Element> read() {
        int length = markup.length();
        int at = markup.indexOf('<');
        while (at >= 0) {
            if (at + 1 >= length) {
                return null;
            }
            char next = markup.charAt(at + 1);
            int end;
            if (next == '/') {
                end = endTag(at + 2);
            } else if (isLetter(next)) {
                end = startTag(at + 1);
            } else if (next == '!') {
                end = commentOrDoctype(at);
            } else {
                return null; // a processing instruction, or a '<' in text
            }
            if (end < 0) {
                return null;
            }
            at = markup.indexOf('<', end + 1);
        }
        // A piece of a page must close what it opens; a page may leave its last elements to the end of the file.
        return page || depth == 0 ? elements : null;
    }

    /** Reads the start tag whose name begins at {@code from}; returns the index of its '>' (or of its element's end tag), -1 when not plain. */
    private int startTag(int from) {
        int length = markup.length();
        int i = nameEnd(from);
        if (i < length && !isSpace(markup.charAt(i)) && markup.charAt(i) != '>' && markup.charAt(i) != '/') {
            return -1; // a name of other characters
        }
        String name = markup.substring(from, i).toLowerCase(Locale.ROOT);
        int kind = KINDS.getOrDefault(name, 0);
        if ((kind & NOT_PLAIN) != 0 || !placedAsWritten(name, kind)) {
            return -1;
        }
        attributeCount = 0;
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
                break; // HTML ignores the slash: an element that is not void stays open
            }
            int nameStart = i;
            while (i < length && (isLetter(markup.charAt(i)) || isDigit(markup.charAt(i)) || markup.charAt(i) == '-'
                    || markup.charAt(i) == '_' || markup.charAt(i) == ':' || markup.charAt(i) == '.')) {
                i++;
            }
            if (i == nameStart) {
                return -1;
            }
            int nameEnd = i;
            int valueStart = -1;
            int valueEnd = -1;
            if (i < length && markup.charAt(i) == '=') {
                if (i + 1 >= length || markup.charAt(i + 1) != '"') {
                    return -1; // a single-quoted or bare value
                }
                valueStart = i + 2;
                valueEnd = markup.indexOf('"', valueStart);
                if (valueEnd < 0) {
                    return -1;
                }
                i = valueEnd + 1;
            } else if (i < length && !isSpace(markup.charAt(i)) && markup.charAt(i) != '>' && markup.charAt(i) != '/') {
                return -1;
            }
            addAttribute(nameStart, nameEnd, valueStart, valueEnd);
        }
        if (name.equals("head") && hasAttribute("data-source-line")) {
            return -1; // the link check places page-wide findings at the head's line: the parser's head
        }
        if (name.equals("meta") || name.equals("link") || hasAttribute("id") || hasAttribute("href") || hasAttribute("src")) {
            elements.add(new Element(Tag.valueOf(name), "", attributes()));
        }
        if ((kind & TEXT_ONLY) != 0) {
            return textUntilEndTag(name, i + 1);
        }
        if ((kind & VOID) == 0) {
            push(name, kind);
        }
        return i;
    }

    /**
     * Whether an element {@code name} starting here goes where it is written, inside the open elements as they
     * are: not when its start closes some of them (and may copy their formatting into the next element), moves it
     * out of a table, or is ignored.
     */
    private boolean placedAsWritten(String name, int kind) {
        if ((kind & DOCUMENT) != 0) {
            int bit = name.equals("html") ? 1 : name.equals("head") ? 2 : 4;
            boolean first = (seenDocument & bit) == 0;
            seenDocument |= bit;
            return page && first; // a second one adds its attributes to the first
        }
        if (name.equals("noscript") && inHead) {
            return false; // in a head, the parser takes some of its content out of it
        }
        if ((kind & CLOSES_P) != 0 && openParagraphs > 0) {
            return false;
        }
        if ((kind & NOT_NESTED) != 0 && (name.equals("a") ? openLinks > 0 : isOpen(name))) {
            return false;
        }
        int current = depth == 0 ? 0 : openKinds[depth - 1];
        if ((kind & HEADING) != 0 && (current & HEADING) != 0) {
            return false;
        }
        if (name.equals("li") || name.equals("dd") || name.equals("dt")) {
            for (int i = depth - 1; i >= 0; i--) { // an open item of the same list closes first
                if (open[i].equals(name) || (!name.equals("li") && (open[i].equals("dd") || open[i].equals("dt")))) {
                    return false;
                }
                if ((openKinds[i] & SPECIAL) != 0) {
                    break;
                }
            }
        }
        if ((current & TABLE_CONTEXT) == 0 && (kind & TABLE_PART) == 0) {
            return true;
        }
        String parent = depth == 0 ? "" : open[depth - 1];
        return switch (name) {
            case "script", "style" -> true;
            case "caption", "colgroup", "tbody", "thead", "tfoot" -> parent.equals("table");
            case "col" -> parent.equals("colgroup") || parent.equals("table");
            case "tr" -> parent.equals("tbody") || parent.equals("thead") || parent.equals("tfoot") || parent.equals("table");
            case "td", "th" -> parent.equals("tr");
            default -> false; // anything else directly in a table is moved before it
        };
    }

    private boolean isOpen(String name) {
        for (int i = 0; i < depth; i++) {
            if (open[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void push(String name, int kind) {
        if (depth == open.length) {
            open = java.util.Arrays.copyOf(open, depth * 2);
            openKinds = java.util.Arrays.copyOf(openKinds, depth * 2);
        }
        open[depth] = name;
        openKinds[depth++] = kind;
        count(name, 1);
    }

    private void count(String name, int change) {
        switch (name) {
            case "p" -> openParagraphs += change;
            case "a" -> openLinks += change;
            case "head" -> inHead = change > 0;
            default -> {
            }
        }
    }

    /** Reads the end tag whose name begins at {@code from}; it must close the innermost open element. */
    private int endTag(int from) {
        int length = markup.length();
        int i = nameEnd(from);
        if (i == from || depth == 0) {
            return -1;
        }
        String innermost = open[depth - 1];
        if (i - from != innermost.length() || !markup.regionMatches(true, from, innermost, 0, innermost.length())) {
            return -1;
        }
        while (i < length && isSpace(markup.charAt(i))) {
            i++;
        }
        if (i >= length || markup.charAt(i) != '>') {
            return -1;
        }
        depth--;
        count(innermost, -1);
        return i;
    }

    private int nameEnd(int from) {
        int i = from;
        while (i < markup.length() && (isLetter(markup.charAt(i)) || isDigit(markup.charAt(i)) || markup.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    private void addAttribute(int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (attributeCount * 4 == attributes.length) {
            attributes = java.util.Arrays.copyOf(attributes, attributes.length * 2);
        }
        int at = attributeCount++ * 4;
        attributes[at] = nameStart;
        attributes[at + 1] = nameEnd;
        attributes[at + 2] = valueStart;
        attributes[at + 3] = valueEnd;
    }

    private boolean hasAttribute(String key) {
        for (int at = 0; at < attributeCount * 4; at += 4) {
            if (attributes[at + 1] - attributes[at] == key.length() && markup.regionMatches(true, attributes[at], key, 0, key.length())) {
                return true;
            }
        }
        return false;
    }

    /** The tag's attributes as jsoup keeps them: names in lower case, values decoded, the first of a repeated name. */
    private Attributes attributes() {
        Attributes kept = new Attributes();
        for (int at = 0; at < attributeCount * 4; at += 4) {
            String key = markup.substring(attributes[at], attributes[at + 1]).toLowerCase(Locale.ROOT);
            if (kept.hasKey(key)) {
                continue;
            }
            String value = null; // as jsoup keeps an attribute written without a value
            if (attributes[at + 2] >= 0) {
                value = markup.substring(attributes[at + 2], attributes[at + 3]);
                if (value.indexOf('&') >= 0) {
                    value = Parser.unescapeEntities(value, true);
                }
            }
            kept.put(key, value);
        }
        return kept;
    }

    /** Skips the text of a script, style, title or textarea from {@code from} to its end tag; returns the end tag's '>'. */
    private int textUntilEndTag(String name, int from) {
        int close = indexOfIgnoreCase("</" + name, from);
        if (close < 0) {
            return -1;
        }
        int after = close + 2 + name.length();
        if (after >= markup.length() || markup.charAt(after) != '>') {
            return -1;
        }
        int comment = markup.indexOf("<!--", from);
        if (name.equals("script") && comment >= 0 && comment < close) {
            return -1; // a script's escaped text has rules of its own
        }
        return after;
    }

    /** Skips a comment or a doctype at {@code at}; returns the index of its last character, -1 for anything else. */
    private int commentOrDoctype(int at) {
        if (markup.startsWith("<!--", at)) {
            int end = markup.indexOf("-->", at + 4);
            if (end < 0 || markup.startsWith(">", at + 4) || markup.startsWith("->", at + 4)) {
                return -1; // unclosed, or closed early the way only a parser knows
            }
            int early = markup.indexOf("--!>", at + 4);
            return early >= 0 && early < end ? -1 : end + 2;
        }
        if (markup.regionMatches(true, at + 2, "doctype", 0, 7)) {
            return markup.indexOf('>', at);
        }
        return -1;
    }

    private int indexOfIgnoreCase(String text, int from) {
        for (int i = markup.indexOf('<', from); i >= 0; i = markup.indexOf('<', i + 1)) {
            if (markup.regionMatches(true, i, text, 0, text.length())) {
                return i;
            }
        }
        return -1;
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
