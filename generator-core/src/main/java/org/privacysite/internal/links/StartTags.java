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

    /** Elements whose content or whose place a reader of start tags cannot follow: left to the parser. */
    private static final Set<String> NOT_PLAIN = Set.of("template", "svg", "math", "iframe", "noembed",
            "noframes", "xmp", "plaintext", "select", "frameset", "frame", "image", "isindex", "listing");
    /** Elements whose content is text up to their end tag (RAWTEXT and RCDATA). */
    private static final Set<String> TEXT_ONLY = Set.of("script", "style", "title", "textarea");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "keygen");
    /** Start tags that close an open p (HTML's "close a p element"): a tree unlike the markup. */
    private static final Set<String> CLOSES_P = Set.of("address", "article", "aside", "blockquote", "center", "details",
            "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
            "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "form",
            "table", "hr", "li", "dd", "dt");
    /** Elements that an element of the same name closes or that the parser does not nest. */
    private static final Set<String> NOT_NESTED = Set.of("a", "nobr", "button", "form");
    /** Elements that end a list item's implied end (HTML's "special" category, but address, div and p). */
    private static final Set<String> SPECIAL = Set.of("applet", "area", "article", "aside", "base", "basefont", "bgsound",
            "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "dl", "dt",
            "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
            "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing",
            "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "param",
            "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody",
            "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final String markup;
    /** Whether this is a whole page (html, head and body once each) rather than a piece inside one. */
    private final boolean page;
    private final List<Element> elements = new ArrayList<>();
    /** The open elements, innermost last. */
    private final List<String> open = new ArrayList<>();
    private final Set<String> seen = new java.util.HashSet<>();

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
        return page || open.isEmpty() ? elements : null;
    }

    /** Reads the start tag whose name begins at {@code from}; returns the index of its '>' (or of its element's end tag), -1 when not plain. */
    private int startTag(int from) {
        int length = markup.length();
        int i = from;
        while (i < length && (isLetter(markup.charAt(i)) || isDigit(markup.charAt(i)) || markup.charAt(i) == '-')) {
            i++;
        }
        if (i < length && !isSpace(markup.charAt(i)) && markup.charAt(i) != '>' && markup.charAt(i) != '/') {
            return -1; // a name of other characters
        }
        String name = markup.substring(from, i).toLowerCase(Locale.ROOT);
        if (NOT_PLAIN.contains(name) || !placedAsWritten(name)) {
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
            String key = markup.substring(nameStart, i).toLowerCase(Locale.ROOT);
            String value = null; // as jsoup keeps an attribute written without a value
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
        if (name.equals("head") && attributes != null && attributes.hasKey("data-source-line")) {
            return -1; // the link check places page-wide findings at the head's line: the parser's head
        }
        if (attributes != null && (attributes.hasKey("id") || attributes.hasKey("href") || attributes.hasKey("src")
                || name.equals("meta") || name.equals("link"))) {
            elements.add(new Element(Tag.valueOf(name), "", attributes));
        }
        if (TEXT_ONLY.contains(name)) {
            return textUntilEndTag(name, i + 1);
        }
        if (!VOID.contains(name)) {
            open.add(name);
        }
        return i;
    }

    /**
     * Whether an element {@code name} starting here goes where it is written, inside the open elements as they
     * are: not when its start closes some of them (and may copy their formatting into the next element), moves it
     * out of a table, or is ignored.
     */
    private boolean placedAsWritten(String name) {
        if (name.equals("html") || name.equals("head") || name.equals("body")) {
            return page && seen.add(name); // a second one adds its attributes to the first
        }
        if (name.equals("noscript") && open.contains("head")) {
            return false; // in a head, the parser takes some of its content out of it
        }
        if (CLOSES_P.contains(name) && open.contains("p")) {
            return false;
        }
        if (NOT_NESTED.contains(name) && open.contains(name)) {
            return false;
        }
        String current = open.isEmpty() ? "" : open.get(open.size() - 1);
        if (HEADINGS.contains(name) && HEADINGS.contains(current)) {
            return false;
        }
        if (name.equals("li") || name.equals("dd") || name.equals("dt")) {
            for (int i = open.size() - 1; i >= 0; i--) { // an open item of the same list closes first
                String element = open.get(i);
                if (element.equals(name) || (!name.equals("li") && (element.equals("dd") || element.equals("dt")))) {
                    return false;
                }
                if (SPECIAL.contains(element)) {
                    break;
                }
            }
        }
        boolean inTable = switch (current) {
            case "table", "tbody", "thead", "tfoot", "tr" -> true;
            default -> false;
        };
        boolean tablePart = switch (name) {
            case "caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th" -> true;
            default -> false;
        };
        if (inTable || tablePart) {
            if (name.equals("script") || name.equals("style")) {
                return true;
            }
            return switch (name) {
                case "caption", "colgroup", "tbody", "thead", "tfoot" -> current.equals("table");
                case "col" -> current.equals("colgroup") || current.equals("table");
                case "tr" -> current.equals("tbody") || current.equals("thead") || current.equals("tfoot") || current.equals("table");
                case "td", "th" -> current.equals("tr");
                default -> false; // anything else directly in a table is moved before it
            };
        }
        return true;
    }

    /** Reads the end tag whose name begins at {@code from}; it must close the innermost open element. */
    private int endTag(int from) {
        int length = markup.length();
        int i = from;
        while (i < length && (isLetter(markup.charAt(i)) || isDigit(markup.charAt(i)) || markup.charAt(i) == '-')) {
            i++;
        }
        if (i == from) {
            return -1;
        }
        String name = markup.substring(from, i).toLowerCase(Locale.ROOT);
        while (i < length && isSpace(markup.charAt(i))) {
            i++;
        }
        if (i >= length || markup.charAt(i) != '>' || open.isEmpty() || !open.get(open.size() - 1).equals(name)) {
            return -1;
        }
        open.remove(open.size() - 1);
        return i;
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
        if (name.equals("script") && markup.substring(from, close).contains("<!--")) {
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
