package org.privacysite.internal.xliff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.privacysite.internal.content.PageParser;

/**
 * A policy file split into translatable blocks, each with the exact place of its Markdown in the file,
 * so that a translation can be written back into the very characters it came from. The file is parsed
 * here on its own (not through {@code PageParser}'s tree, which merges ICU text and drops heading keys)
 * with commonmark's source spans for blocks and inlines.
 *
 * @param text    the whole file
 * @param blocks  the blocks in file order
 * @param clauses where each clause's Markdown lies: from its heading line to the next clause's heading
 */
record BlockedPage(String text, List<Block> blocks, Map<String, Range> clauses) {

    /** Characters {@code [start, end)} of the file. */
    record Range(int start, int end) {
    }

    private static final Pattern HEADING_KEY = Pattern.compile("\\s*\\{#([^}]*)\\}\\s*$");
    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    /** Splits a policy file (front matter, then Markdown). */
    static BlockedPage of(String text) {
        return split(text, bodyStart(text));
    }

    /** Splits Markdown without front matter, such as one clause's recorded text. */
    static BlockedPage ofBody(String markdown) {
        return split(markdown, 0);
    }

    /** The blocks of {@code clauseKey}, in order. */
    List<Block> blocksOf(String clauseKey) {
        return blocks.stream().filter(block -> block.clauseKey().equals(clauseKey)).toList();
    }

    private static BlockedPage split(String text, int bodyStart) {
        Node document = MARKDOWN.parse(text.substring(bodyStart));
        Splitter splitter = new Splitter(text, bodyStart);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            splitter.topLevel(node);
        }
        splitter.closeClause(text.length());
        return new BlockedPage(text, List.copyOf(splitter.blocks), splitter.clauses);
    }

    /** Where the Markdown starts: after the line that closes the front matter. */
    static int bodyStart(String text) {
        if (!text.startsWith("---\n")) {
            return 0;
        }
        int lineStart = 4;
        while (lineStart < text.length()) {
            int end = text.indexOf('\n', lineStart);
            String line = text.substring(lineStart, end < 0 ? text.length() : end);
            if (line.equals("---") || line.equals("...")) {
                return end < 0 ? text.length() : end + 1;
            }
            if (end < 0) {
                break;
            }
            lineStart = end + 1;
        }
        return 0;
    }

    private static final class Splitter {
        private final String text;
        private final int offset;
        private final List<Block> blocks = new ArrayList<>();
        private final Map<String, Range> clauses = new LinkedHashMap<>();
        private String clause = "";
        private int clauseStart;
        private int index;

        Splitter(String text, int offset) {
            this.text = text;
            this.offset = offset;
            this.clauseStart = offset;
        }

        void topLevel(Node node) {
            if (node instanceof Heading heading && heading.getLevel() >= 2) {
                String key = keyOf(heading);
                if (key != null) {
                    int lineStart = start(heading);
                    closeClause(lineStart);
                    clause = key;
                    clauseStart = lineStart;
                    index = 0;
                }
            }
            collect(node);
        }

        void closeClause(int end) {
            if (end > clauseStart || !clause.isEmpty()) {
                clauses.putIfAbsent(clause, new Range(clauseStart, end));
            }
        }

        /** The clause key at the end of a heading's line, or null. */
        private String keyOf(Heading heading) {
            Range inline = children(heading);
            if (inline == null) {
                return null;
            }
            Matcher matcher = HEADING_KEY.matcher(text.substring(inline.start(), inline.end()));
            return matcher.find() && PageParser.KEY.matcher(matcher.group(1).trim()).matches() ? matcher.group(1).trim() : null;
        }

        private void collect(Node node) {
            if (node instanceof Heading heading) {
                Range inline = children(heading);
                if (inline != null) {
                    Matcher matcher = HEADING_KEY.matcher(text.substring(inline.start(), inline.end()));
                    int end = matcher.find() ? inline.start() + matcher.start() : inline.end();
                    add("heading", heading, inline.start(), end);
                }
            } else if (node instanceof Paragraph paragraph) {
                Range inline = children(paragraph);
                if (inline != null) {
                    add(paragraph.getParent() instanceof ListItem ? "list-item" : "paragraph", paragraph, inline.start(), inline.end());
                }
            } else if (node instanceof TableCell cell) {
                Range inline = children(cell);
                if (inline != null) {
                    add("table-cell", cell, inline.start(), inline.end());
                }
            } else {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    collect(child); // lists, quotes, tables; code blocks have no children and are not translated
                }
            }
        }

        private void add(String kind, Node block, int start, int end) {
            if (end <= start) {
                return;
            }
            List<Inline> pieces = new ArrayList<>();
            inline(block, start, end, pieces, new int[] {0});
            blocks.add(new Block(clause, index++, kind, start, end, List.copyOf(pieces)));
        }

        /** The pieces of {@code parent}'s inline content between {@code from} and {@code to}. */
        private void inline(Node parent, int from, int to, List<Inline> pieces, int[] ids) {
            int cursor = from;
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                Range span = span(child);
                if (span == null || child instanceof Text || child instanceof SoftLineBreak || span.start() < cursor
                        || span.end() > to) {
                    continue; // text is taken from the gaps between codes, as written
                }
                text(cursor, span.start(), pieces, ids);
                Range inner = children(child);
                boolean paired = (child instanceof Emphasis || child instanceof StrongEmphasis || child instanceof Link) && inner != null;
                String id = String.valueOf(++ids[0]);
                if (paired) {
                    pieces.add(new Inline.Code(id, Inline.Code.Kind.OPEN, text.substring(span.start(), inner.start())));
                    inline(child, inner.start(), inner.end(), pieces, ids);
                    pieces.add(new Inline.Code(id, Inline.Code.Kind.CLOSE, text.substring(inner.end(), span.end())));
                } else {
                    pieces.add(new Inline.Code(id, Inline.Code.Kind.PLACEHOLDER, text.substring(span.start(), span.end())));
                }
                cursor = span.end();
            }
            text(cursor, to, pieces, ids);
        }

        /** Literal text; each top-level ICU argument in it becomes a protected code. */
        private void text(int from, int to, List<Inline> pieces, int[] ids) {
            int start = from;
            int i = from;
            while (i < to) {
                if (text.charAt(i) == '{') {
                    int close = matchingBrace(i, to);
                    if (close > 0) {
                        if (i > start) {
                            pieces.add(new Inline.Text(text.substring(start, i)));
                        }
                        pieces.add(new Inline.Code(String.valueOf(++ids[0]), Inline.Code.Kind.ARGUMENT, text.substring(i, close + 1)));
                        i = close + 1;
                        start = i;
                        continue;
                    }
                }
                i++;
            }
            if (to > start) {
                pieces.add(new Inline.Text(text.substring(start, to)));
            }
        }

        private int matchingBrace(int open, int limit) {
            int depth = 0;
            for (int i = open; i < limit; i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        /** From the first child's first character to the last child's last, or null without children. */
        private Range children(Node node) {
            int start = -1;
            int end = -1;
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                Range span = span(child);
                if (span != null) {
                    start = start < 0 ? span.start() : start;
                    end = span.end();
                }
            }
            return start < 0 ? null : new Range(start, end);
        }

        private Range span(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (spans == null || spans.isEmpty()) {
                return null;
            }
            SourceSpan last = spans.get(spans.size() - 1);
            return new Range(offset + spans.get(0).getInputIndex(), offset + last.getInputIndex() + last.getLength());
        }

        /** The start of the line {@code node} begins on. */
        private int start(Node node) {
            Range span = span(node);
            int at = span == null ? offset : span.start();
            return text.lastIndexOf('\n', at - 1) + 1;
        }
    }
}
