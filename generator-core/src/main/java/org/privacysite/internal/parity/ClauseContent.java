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
record ClauseContent(String key, Location location, List<Argument> arguments, List<String> links,
                     int paragraphs, int lists, int listItems, int tables, int tableRows) {

    /** An ICU argument where it was written. */
    record Argument(IcuMessage.Argument argument, Location location) {
    }

    /** The content of every clause of {@code page}, by key, in document order. */
    static Map<String, ClauseContent> of(Page page) {
        Map<String, Builder> builders = new LinkedHashMap<>();
        Map<Integer, Clause> clausesByLine = new LinkedHashMap<>();
        page.clauses().forEach(clause -> clausesByLine.put(clause.location().line(), clause));
        Builder current = new Builder("", Location.of(page.file()).at(1, 1));
        builders.put("", current);
        for (Node node = page.body().getFirstChild(); node != null; node = node.getNext()) {
            Clause clause = node instanceof Heading ? clausesByLine.get(page.lineOf(node)) : null;
            if (clause != null) {
                current = new Builder(clause.key(), clause.location());
                builders.putIfAbsent(clause.key(), current);
            }
            node.accept(current);
        }
        Map<String, ClauseContent> contents = new LinkedHashMap<>();
        builders.forEach((key, builder) -> contents.put(key, builder.build()));
        return contents;
    }

    private static final class Builder extends AbstractVisitor {
        private final String key;
        private final Location location;
        private final List<Argument> arguments = new ArrayList<>();
        private final List<String> links = new ArrayList<>();
        private int paragraphs;
        private int lists;
        private int listItems;
        private int tables;
        private int tableRows;

        Builder(String key, Location location) {
            this.key = key;
            this.location = location;
        }

        ClauseContent build() {
            return new ClauseContent(key, location, List.copyOf(arguments), List.copyOf(links), paragraphs, lists,
                    listItems, tables, tableRows);
        }

        @Override
        public void visit(Paragraph paragraph) {
            if (!(paragraph.getParent() instanceof ListItem)) {
                paragraphs++;
            }
            visitChildren(paragraph);
        }

        @Override
        public void visit(BulletList list) {
            lists++;
            visitChildren(list);
        }

        @Override
        public void visit(OrderedList list) {
            lists++;
            visitChildren(list);
        }

        @Override
        public void visit(ListItem item) {
            listItems++;
            visitChildren(item);
        }

        @Override
        public void visit(Link link) {
            String destination = link.getDestination();
            if (destination.startsWith("#") || destination.matches("[a-z0-9][a-z0-9-]*\\.md(#.*)?")) {
                links.add(destination);
            }
            visitChildren(link);
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof TableBlock) {
                tables++;
            }
            visitChildren(block);
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableRow) {
                tableRows++;
            } else if (node instanceof MessageText text) {
                for (IcuMessage.Argument argument : text.message().arguments()) {
                    arguments.add(new Argument(argument, text.locationOf(argument.index())));
                }
            }
            visitChildren(node);
        }
    }
}
