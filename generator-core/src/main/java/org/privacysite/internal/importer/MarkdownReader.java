package org.privacysite.internal.importer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.ImportRules;

/**
 * Reads Markdown written for another tool (GitHub, Jekyll/kramdown, Hugo, Docusaurus): front matter of
 * any kind, kramdown attribute lists ({@code {: #id }}), heading ids ({@code {#id}}), {@code <a id>}
 * anchors and GFM tables. Rendered to HTML first, so that one writer turns every format into ours.
 */
final class MarkdownReader {

    private static final Pattern FRONT_MATTER_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*[:=]\\s*(.*)$");
    private static final Pattern BLOCK_ATTRIBUTES = Pattern.compile("^\\s*\\{:\\s*([^}]*)\\}\\s*$");
    private static final Pattern SPAN_ATTRIBUTES = Pattern.compile("\\{:\\s*[^}]*\\}");
    private static final Pattern ATX_HEADING = Pattern.compile("^\\s{0,3}#{1,6}(\\s.*)?$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^\\s{0,3}(=+|-+)\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern ID = Pattern.compile("#([^\\s}.]+)");

    private static final int MAX_DEPTH = 100;
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .attributeProviderFactory(context -> MarkdownReader::lineAttribute).build();

    private MarkdownReader() {
    }

    static ParsedFile read(Path file, String locale, String document) {
        String text = SourceText.decode(file, SourceText.bytes(file), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Map<String, String> frontMatter = frontMatter(lines);
        moveAttributeLists(lines);
        Node tree = PARSER.parse(String.join("\n", lines));
        requireShallow(tree, file);
        Document html = Jsoup.parseBodyFragment(RENDERER.render(tree));
        PolicyBody.clean(html.body());
        String title = frontMatter.get("title");
        return SectionSplitter.split(html.body(), file, locale, document, title, frontMatter);
    }

    /** Rendering recurses once per level: a text nested deeper than any policy is refused before it overflows the stack. */
    private static void requireShallow(Node tree, Path file) {
        java.util.ArrayDeque<Node> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        nodes.push(tree);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) {
                int line = node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
                throw PrivacySiteException.at(new Location(file, line, 0), ImportRules.FILE_UNREADABLE, "the text is nested more "
                        + "than " + MAX_DEPTH + " levels deep (lists or quotes inside each other); simplify it and import again");
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
    }

    private static void lineAttribute(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof Block && !node.getSourceSpans().isEmpty()) {
            attributes.put("data-line", String.valueOf(node.getSourceSpans().get(0).getLineIndex() + 1));
        }
    }

    /**
     * Reads YAML ({@code ---}) or TOML ({@code +++}) front matter's top-level scalar values and blanks
     * its lines, so that line numbers still match the file.
     */
    static Map<String, String> frontMatter(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        if (lines.isEmpty()) {
            return values;
        }
        String fence = lines.get(0).strip();
        if (!fence.equals("---") && !fence.equals("+++")) {
            return values;
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals(fence) || (fence.equals("---") && line.equals("..."))) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return values;
        }
        for (int i = 0; i <= end; i++) {
            Matcher matcher = FRONT_MATTER_KEY.matcher(lines.get(i));
            if (i > 0 && i < end && matcher.matches()) {
                String value = unquote(matcher.group(2).strip());
                if (!value.isEmpty()) {
                    values.putIfAbsent(matcher.group(1).toLowerCase(java.util.Locale.ROOT), value);
                }
            }
            lines.set(i, "");
        }
        return values;
    }

    private static String unquote(String value) {
        String v = value.replaceAll("\\s+#.*$", "");
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /**
     * A kramdown block attribute list on the line after a heading ({@code {: #id}}) is moved onto the
     * heading as {@code {#id}}; other attribute lists (classes, paragraph ids) are dropped.
     */
    private static void moveAttributeLists(List<String> lines) {
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher block = BLOCK_ATTRIBUTES.matcher(line);
            if (block.matches()) {
                Matcher id = ID.matcher(block.group(1));
                int headingLine = headingAbove(lines, i);
                if (id.find() && headingLine >= 0 && !lines.get(headingLine).contains("{#")) {
                    lines.set(headingLine, lines.get(headingLine).stripTrailing() + " {#" + id.group(1) + "}");
                }
                lines.set(i, "");
            } else if (line.contains("{:")) {
                lines.set(i, SPAN_ATTRIBUTES.matcher(line).replaceAll(""));
            }
        }
    }

    /** The index of the heading text line right above {@code i} (ATX, or the text of a setext heading), or -1. */
    private static int headingAbove(List<String> lines, int i) {
        if (i == 0) {
            return -1;
        }
        String above = lines.get(i - 1);
        if (ATX_HEADING.matcher(above).matches()) {
            return i - 1;
        }
        if (i >= 2 && SETEXT_UNDERLINE.matcher(above).matches() && !lines.get(i - 2).isBlank()) {
            return i - 2;
        }
        return -1;
    }
}
