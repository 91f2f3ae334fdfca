package org.privacysite.internal.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.privacysite.Location;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.MessageText;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.messages.IcuMessage;

/**
 * What one clause says, reduced to what must match across languages: its ICU arguments, the
 * clauses it links to, and the shape of its text (paragraphs, lists, tables).
 *
 * @param key the clause key; "" for the text before the first clause
 */
record ClauseContent(String key, String title, Location location, List<Argument> arguments, List<String> links,
                     int paragraphs, int lists, int listItems, int tables, int tableRows, String shape, int[] shapeLines,
                     int[] shapeColumns, Map<String, Location> numbers) {


    /** The letters of {@link #shape}: one per block, in document order. */
    static final char PARAGRAPH = 'p';
    static final char LIST = 'l';
    static final char LIST_ITEM = 'i';
    static final char TABLE = 't';
    static final char TABLE_ROW = 'r';

    /** Where the {@code index}th block of {@link #shape} was written; the heading for a clause without blocks. */
    Location blockLocation(int index) {
        if (shape.isEmpty()) {
            return location;
        }
        int at = Math.min(index, shape.length() - 1);
        return location.at(shapeLines[at], shapeColumns[at]);
    }

    /** An ICU argument where it was written. */
    record Argument(IcuMessage.Argument argument, Location location) {
    }

    /** The content of every clause of {@code page}, by key, in document order. */
    static Map<String, ClauseContent> of(Page page) {
        Map<String, Builder> builders = new LinkedHashMap<>();
        Map<Integer, Clause> clausesByLine = new LinkedHashMap<>();
        page.clauses().forEach(clause -> clausesByLine.put(clause.location().line(), clause));
        Builder current = new Builder(page, "", "", Location.of(page.file()).at(1, 1));
        builders.put("", current);
        for (Node node = page.body().getFirstChild(); node != null; node = node.getNext()) {
            Clause clause = node instanceof Heading ? clausesByLine.get(page.lineOf(node)) : null;
            if (clause != null) {
                current = new Builder(page, clause.key(), clause.title(), clause.location());
                builders.putIfAbsent(clause.key(), current);
            }
            node.accept(current);
        }
        Map<String, ClauseContent> contents = new LinkedHashMap<>();
        builders.forEach((key, builder) -> contents.put(key, builder.build()));
        return contents;
    }

    /** A link to another document's file: compiled once, not per link as {@code String.matches} would. */
    private static final java.util.regex.Pattern DOCUMENT_LINK = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*\\.md(#.*)?");

    private static final class Builder extends AbstractVisitor {
        private final Page page;
        private final String key;
        private final String title;
        private final Location location;
        /** The blocks in order, one letter each, and where each starts: to point at the first that differs. */
        private final StringBuilder shape = new StringBuilder();
        private final List<int[]> positions = new ArrayList<>();
        /** Each number written in the text, where it first appears: a translation may write a fact's value by hand. */
        private final Map<String, Location> numbers = new LinkedHashMap<>();
        private final List<Argument> arguments = new ArrayList<>();
        private final List<String> links = new ArrayList<>();
        private int paragraphs;
        private int lists;
        private int listItems;
        private int tables;
        private int tableRows;

        Builder(Page page, String key, String title, Location location) {
            this.page = page;
            this.key = key;
            this.title = title;
            this.location = location;
        }

        ClauseContent build() {
            int[] lines = positions.stream().mapToInt(position -> position[0]).toArray();
            int[] columns = positions.stream().mapToInt(position -> position[1]).toArray();
            return new ClauseContent(key, title, location, List.copyOf(arguments), List.copyOf(links), paragraphs, lists,
                    listItems, tables, tableRows, shape.toString(), lines, columns, Map.copyOf(numbers));
        }

        private void block(char kind, Node node) {
            Location where = page.locationOf(node);
            shape.append(kind);
            positions.add(new int[] {where.line(), where.column()});
        }

        @Override
        public void visit(Paragraph paragraph) {
            if (!(paragraph.getParent() instanceof ListItem)) {
                paragraphs++;
                block(PARAGRAPH, paragraph);
            }
            visitChildren(paragraph);
        }

        @Override
        public void visit(BulletList list) {
            lists++;
            block(LIST, list);
            visitChildren(list);
        }

        @Override
        public void visit(OrderedList list) {
            lists++;
            block(LIST, list);
            visitChildren(list);
        }

        @Override
        public void visit(ListItem item) {
            listItems++;
            block(LIST_ITEM, item);
            visitChildren(item);
        }

        @Override
        public void visit(Link link) {
            String destination = link.getDestination();
            if (destination.startsWith("#") || DOCUMENT_LINK.matcher(destination).matches()) {
                links.add(destination);
            }
            visitChildren(link);
        }

        @Override
        public void visit(Text text) {
            addNumbers(text.getLiteral(), index -> {
                Location start = page.locationOf(text);
                return start.at(start.line(), start.column() + index);
            });
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof TableBlock) {
                tables++;
                block(TABLE, block);
            }
            visitChildren(block);
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableRow) {
                tableRows++;
                block(TABLE_ROW, node);
            } else if (node instanceof MessageText text) {
                for (IcuMessage.Argument argument : text.message().arguments()) {
                    arguments.add(new Argument(argument.placeless(), text.locationOf(argument.index())));
                }
                addNumbers(text.message().source(), text::locationOf);
            }
            visitChildren(node);
        }

        /**
         * Each run of ASCII digits in {@code text} (what the regex {@code \d+} finds), first place kept. A loop,
         * not a regex: the matcher's search at every position was 2% of a 10k-page check.
         */
        private void addNumbers(String text, java.util.function.IntFunction<Location> locationAt) {
            int length = text.length();
            for (int i = 0; i < length; i++) {
                if (isDigit(text.charAt(i))) {
                    int start = i;
                    while (i + 1 < length && isDigit(text.charAt(i + 1))) {
                        i++;
                    }
                    String number = text.substring(start, i + 1);
                    if (!numbers.containsKey(number)) {
                        numbers.put(number, locationAt.apply(start));
                    }
                }
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
