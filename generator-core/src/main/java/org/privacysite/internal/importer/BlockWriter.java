package org.privacysite.internal.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.privacysite.internal.content.SafeUrls;

/**
 * Writes one block of a policy (paragraph, list, table, quote, preformatted text) as our Markdown.
 * Only what a policy needs survives: text, emphasis, links, lists, tables; attributes, scripts and
 * event handlers never do, because nothing but the text and the link address is read.
 */
final class BlockWriter {

    private final Set<String> anchors = new LinkedHashSet<>();

    /** Ids of elements met while writing (a {@code <span id>} inside a paragraph): links to them go to the clause. */
    Set<String> anchors() {
        return anchors;
    }

    /** The block as Markdown, or an empty string when it holds no text. */
    String block(Element element) {
        collectId(element);
        return switch (element.normalName()) {
            case "ul", "ol" -> list(element, 0);
            case "table" -> table(element);
            case "blockquote" -> quote(element);
            case "pre" -> fenced(element.wholeText());
            case "dl" -> definitions(element);
            default -> paragraph(inline(element));
        };
    }

    /** Plain text of a block, whitespace collapsed. */
    static String plain(Element element) {
        return element.text().trim();
    }

    private static String paragraph(String inline) {
        String text = inline.strip();
        if (text.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(MarkdownText.guardLineStart(singleSpaced(line)));
        }
        return String.join("\n", lines);
    }

    /** Text nodes that met after an element was dropped leave two spaces between words: one is enough. */
    static String singleSpaced(String line) {
        return line.strip().replaceAll("(?<=\\S) {2,}(?=\\S)", " ");
    }

    private String list(Element list, int depth) {
        boolean ordered = list.normalName().equals("ol");
        int number = ordered && list.hasAttr("start") ? parseStart(list.attr("start")) : 1;
        StringBuilder out = new StringBuilder();
        for (Element item : list.children()) {
            if (!item.normalName().equals("li")) {
                continue;
            }
            collectId(item);
            String marker = ordered ? (number++) + ". " : "- ";
            String indent = " ".repeat(marker.length());
            List<String> parts = new ArrayList<>();
            StringBuilder inlineRun = new StringBuilder();
            for (Node child : item.childNodes()) {
                if (child instanceof Element e && isBlock(e)) {
                    flush(inlineRun, parts);
                    String nested = e.normalName().equals("ul") || e.normalName().equals("ol") ? list(e, depth + 1) : block(e);
                    if (!nested.isBlank()) {
                        parts.add(nested);
                    }
                } else {
                    inlineRun.append(inline(child));
                }
            }
            flush(inlineRun, parts);
            if (parts.isEmpty()) {
                continue;
            }
            StringBuilder itemText = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                boolean nestedList = i > 0 && isListMarkdown(parts.get(i));
                itemText.append(i == 0 ? "" : nestedList ? "\n" : "\n\n").append(parts.get(i));
            }
            String[] lines = itemText.toString().split("\n", -1);
            out.append(marker).append(lines[0]).append('\n');
            for (int i = 1; i < lines.length; i++) {
                out.append(lines[i].isEmpty() ? "" : indent + lines[i]).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    private static boolean isListMarkdown(String markdown) {
        return markdown.startsWith("- ") || markdown.matches("(?s)\\d+\\. .*");
    }

    private static int parseStart(String value) {
        try {
            return Math.max(0, Math.min(999_999_999, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void flush(StringBuilder inlineRun, List<String> parts) {
        String text = paragraph(inlineRun.toString());
        if (!text.isEmpty()) {
            parts.add(text);
        }
        inlineRun.setLength(0);
    }

    private String table(Element table) {
        List<List<String>> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue; // a row of a nested table is flattened into its cell
            }
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    collectId(cell);
                    cells.add(cellText(cell));
                }
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>(rows.get(r));
            while (cells.size() < columns) {
                cells.add("");
            }
            out.append("| ").append(String.join(" | ", cells)).append(" |\n");
            if (r == 0) {
                out.append("|").append(" --- |".repeat(columns)).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    /** A cell is one line: its paragraphs and list items are joined with a line-break-free separator. */
    private String cellText(Element cell) {
        List<String> pieces = new ArrayList<>();
        StringBuilder inlineRun = new StringBuilder();
        for (Node child : cell.childNodes()) {
            if (child instanceof Element e && isBlock(e)) {
                pieces.add(inlineRun.toString());
                inlineRun.setLength(0);
                for (Element item : e.normalName().matches("ul|ol") ? e.children() : List.of(e)) {
                    pieces.add(inline(item));
                }
            } else {
                inlineRun.append(inline(child));
            }
        }
        pieces.add(inlineRun.toString());
        return pieces.stream().map(p -> singleSpaced(p.replace("\\\n", " ").replace('\n', ' '))).filter(p -> !p.isEmpty())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private String quote(Element quote) {
        List<String> parts = new ArrayList<>();
        StringBuilder inlineRun = new StringBuilder();
        for (Node child : quote.childNodes()) {
            if (child instanceof Element e && isBlock(e)) {
                flush(inlineRun, parts);
                String inner = block(e);
                if (!inner.isBlank()) {
                    parts.add(inner);
                }
            } else {
                inlineRun.append(inline(child));
            }
        }
        flush(inlineRun, parts);
        StringBuilder out = new StringBuilder();
        for (String line : String.join("\n\n", parts).split("\n", -1)) {
            out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return parts.isEmpty() ? "" : out.toString().stripTrailing();
    }

    private String definitions(Element list) {
        List<String> parts = new ArrayList<>();
        for (Element child : list.children()) {
            collectId(child);
            String text = inline(child).strip();
            if (!text.isEmpty()) {
                parts.add(child.normalName().equals("dt") ? "**" + text + "**" : paragraph(text));
            }
        }
        return String.join("\n\n", parts);
    }

    private static String fenced(String code) {
        String body = code.replace("\r\n", "\n").stripTrailing();
        if (body.isBlank()) {
            return "";
        }
        String fence = body.contains("```") ? "~~~~" : "```";
        return fence + "\n" + body + "\n" + fence;
    }

    /** Inline content: text, emphasis, links, code; everything else by its text. */
    String inline(Node node) {
        if (node instanceof TextNode text) {
            return MarkdownText.escape(collapse(text.getWholeText()));
        }
        if (!(node instanceof Element element)) {
            return "";
        }
        collectId(element);
        return switch (element.normalName()) {
            case "br" -> "\\\n";
            case "strong", "b" -> wrap(children(element), "**");
            case "em", "i", "cite", "dfn" -> wrap(children(element), "*");
            case "code", "kbd", "samp", "tt" -> code(element.text());
            case "a" -> link(element);
            case "img" -> MarkdownText.escape(element.attr("alt"));
            default -> children(element);
        };
    }

    private String children(Element element) {
        StringBuilder out = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof Element e && isBlock(e)) {
                out.append(' ').append(children(e)).append(' ');
            } else {
                out.append(inline(child));
            }
        }
        return out.toString();
    }

    private static String wrap(String inner, String marker) {
        String trimmed = inner.strip();
        if (trimmed.isEmpty()) {
            return inner;
        }
        // "** x **" is not emphasis in CommonMark: keep the spaces outside the markers.
        String lead = inner.startsWith(" ") ? " " : "";
        String trail = inner.endsWith(" ") ? " " : "";
        return lead + marker + trimmed + marker + trail;
    }

    private static String code(String text) {
        String collapsed = collapse(text).strip();
        if (collapsed.isEmpty()) {
            return "";
        }
        String fence = collapsed.contains("`") ? "``" : "`";
        return fence + (fence.length() > 1 ? " " + collapsed + " " : collapsed) + fence;
    }

    private String link(Element a) {
        String text = children(a).strip();
        String href = a.attr("href").strip();
        if (href.isEmpty() || !SafeUrls.isAllowed(href) || href.startsWith("//")) {
            return text; // no address, or a javascript: or data: one: keep the words only
        }
        return "[" + text + "](" + MarkdownText.destination(href) + ")";
    }

    private void collectId(Element element) {
        if (!element.id().isBlank()) {
            anchors.add(element.id().strip());
        }
        if (element.normalName().equals("a") && !element.attr("name").isBlank()) {
            anchors.add(element.attr("name").strip());
        }
    }

    static boolean isBlock(Element element) {
        return switch (element.normalName()) {
            case "p", "div", "ul", "ol", "li", "table", "blockquote", "pre", "dl", "section", "article", "main",
                 "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "figure", "address",
                 "details", "summary", "form", "fieldset", "figcaption", "dd", "dt", "tr", "td", "th", "thead", "tbody" -> true;
            default -> false;
        };
    }

    private static String collapse(String text) {
        return text.replaceAll("[ \\t\\n\\r\\f]+", " ");
    }
}
