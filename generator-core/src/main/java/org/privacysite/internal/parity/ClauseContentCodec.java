package org.privacysite.internal.parity;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.privacysite.Location;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.messages.IcuMessage;

/**
 * A page's clause contents as bytes, for a build cache to keep beside the page: the parity check of an edited source
 * then compares its unchanged translations without parsing them again. Compact, for a site has many (about a
 * kilobyte a page): numbers as variable-length integers, each string once per page, every place in the page's own
 * file as its line (after the last one) and column, and a clause's title and heading taken from the page's clauses.
 */
final class ClauseContentCodec {

    private ClauseContentCodec() {
    }

    /** The bytes of {@code contents}, those of {@code page}; null when they do not fit this form (then they are not kept). */
    static byte[] write(Map<String, ClauseContent> contents, Page page) {
        Map<String, Clause> headings = new HashMap<>();
        page.clauses().forEach(clause -> headings.putIfAbsent(clause.key(), clause));
        Writer out = new Writer();
        out.number(contents.size());
        for (ClauseContent clause : contents.values()) {
            if (!out.clause(clause, page, headings)) {
                return null;
            }
        }
        return java.util.Arrays.copyOf(out.bytes, out.size);
    }

    /** The contents {@link #write} wrote for {@code page}. */
    static Map<String, ClauseContent> read(ByteBuffer record, Page page) {
        Map<String, Clause> headings = new HashMap<>();
        page.clauses().forEach(clause -> headings.putIfAbsent(clause.key(), clause));
        Reader in = new Reader(record.duplicate(), page);
        try {
            Map<String, ClauseContent> contents = new LinkedHashMap<>();
            for (int i = in.number(); i > 0; i--) {
                ClauseContent clause = in.clause(headings);
                contents.put(clause.key(), clause);
            }
            if (in.bytes.hasRemaining()) {
                throw new IllegalArgumentException("clause contents end early");
            }
            return contents;
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("clause contents cut short", e);
        }
    }

    /** Where a clause's content starts: the page's first line for the text before the first clause, else its heading. */
    private static Location heading(String key, Page page, Map<String, Clause> headings) {
        Clause clause = headings.get(key);
        return clause != null ? clause.location() : Location.of(page.file()).at(1, 1);
    }

    private static final class Writer {
        // Not a ByteArrayOutputStream: its writes are synchronized, a lock taken for each of a page's thousand bytes.
        private byte[] bytes = new byte[1024];
        private int size;
        private final Map<String, Integer> strings = new HashMap<>();
        private int line;

        boolean clause(ClauseContent clause, Page page, Map<String, Clause> headings) {
            Clause heading = headings.get(clause.key());
            String title = heading != null ? heading.title() : "";
            if (!clause.title().equals(title) || !clause.location().equals(heading(clause.key(), page, headings))) {
                return false; // not as the page's clauses give them
            }
            string(clause.key());
            number(clause.arguments().size());
            for (ClauseContent.Argument argument : clause.arguments()) {
                IcuMessage.Argument what = argument.argument();
                if (what.index() != -1) {
                    return false; // a clause content's arguments are placeless (their place is the location)
                }
                string(what.name());
                string(what.type());
                number(what.keywords().size());
                what.keywords().stream().sorted().forEach(this::string);
                if (!place(argument.location(), page)) {
                    return false;
                }
            }
            number(clause.links().size());
            clause.links().forEach(this::string);
            for (int count : new int[] {clause.paragraphs(), clause.lists(), clause.listItems(), clause.tables(), clause.tableRows()}) {
                number(count);
            }
            string(clause.shape());
            for (int i = 0; i < clause.shape().length(); i++) {
                if (!place(page.file(), clause.shapeLines()[i], clause.shapeColumns()[i], page)) {
                    return false;
                }
            }
            number(clause.numbers().size());
            for (Map.Entry<String, Location> number : clause.numbers().entrySet()) {
                string(number.getKey());
                if (!place(number.getValue(), page)) {
                    return false;
                }
            }
            return true;
        }

        private boolean place(Location location, Page page) {
            return place(location.file(), location.line(), location.column(), page);
        }

        /** A place as its line's distance from the last place's line (zig-zag: it may go back) and its column. */
        private boolean place(java.nio.file.Path file, int placeLine, int column, Page page) {
            int delta = placeLine - line;
            number(delta >= 0 ? 2 * delta : -2 * delta - 1);
            number(column);
            line = placeLine;
            return file.equals(page.file()) && column >= 0;
        }

        /** A string's number when it was written before (plus one), else 0 and the string. */
        private void string(String text) {
            Integer known = strings.get(text);
            if (known != null) {
                number(known + 1);
                return;
            }
            strings.put(text, strings.size());
            number(0);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            number(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        /** A number of 0 or more, seven bits a byte. */
        private void number(int value) {
            room(5);
            int rest = value;
            while ((rest & ~0x7F) != 0) {
                bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            bytes[size++] = (byte) rest;
        }
    }

    private static final class Reader {
        private final ByteBuffer bytes;
        private final Page page;
        private final List<String> strings = new ArrayList<>();
        private int line;

        Reader(ByteBuffer bytes, Page page) {
            this.bytes = bytes;
            this.page = page;
        }

        ClauseContent clause(Map<String, Clause> headings) {
            String key = string();
            Clause heading = headings.get(key);
            List<ClauseContent.Argument> arguments = new ArrayList<>();
            for (int i = number(); i > 0; i--) {
                String name = string();
                String type = string();
                List<String> keywords = new ArrayList<>();
                for (int k = number(); k > 0; k--) {
                    keywords.add(string());
                }
                arguments.add(new ClauseContent.Argument(new IcuMessage.Argument(name, type, Set.copyOf(keywords), -1), place()));
            }
            List<String> links = new ArrayList<>();
            for (int i = number(); i > 0; i--) {
                links.add(string());
            }
            int paragraphs = number();
            int lists = number();
            int listItems = number();
            int tables = number();
            int tableRows = number();
            String shape = string();
            int[] lines = new int[shape.length()];
            int[] columns = new int[shape.length()];
            for (int i = 0; i < lines.length; i++) {
                Location at = place();
                lines[i] = at.line();
                columns[i] = at.column();
            }
            Map<String, Location> numbers = new LinkedHashMap<>();
            for (int i = number(); i > 0; i--) {
                String number = string();
                numbers.put(number, place());
            }
            return new ClauseContent(key, heading != null ? heading.title() : "", heading(key, page, headings), List.copyOf(arguments),
                    List.copyOf(links), paragraphs, lists, listItems, tables, tableRows, shape, lines, columns, Map.copyOf(numbers));
        }

        private Location place() {
            int delta = number();
            line += (delta & 1) == 0 ? delta / 2 : -(delta + 1) / 2;
            return new Location(page.file(), line, number());
        }

        private String string() {
            int known = number();
            if (known > 0) {
                return strings.get(known - 1);
            }
            byte[] utf8 = new byte[number()];
            bytes.get(utf8);
            String text = new String(utf8, StandardCharsets.UTF_8);
            strings.add(text);
            return text;
        }

        private int number() {
            int value = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                byte next = bytes.get();
                value |= (next & 0x7F) << shift;
                if (next >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a number too long");
        }
    }
}
