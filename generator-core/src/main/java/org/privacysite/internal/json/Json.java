package org.privacysite.internal.json;

import java.util.Collection;
import java.util.Map;

/**
 * The one place where JSON is written (reports, the live preview's events): maps in their iteration
 * order, collections, strings, integral numbers, booleans and null.
 */
public final class Json {

    /** Depth marker for one-line output. */
    private static final int COMPACT = -1;

    private Json() {
    }

    /** Pretty-printed with two spaces and {@code \n} line ends, ending with a newline (report files). */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    /** On one line, e.g. for a Server-Sent Events {@code data:} field. */
    public static String writeCompact(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, COMPACT);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out, depth);
        } else if (value instanceof Collection<?> items) {
            array(items, out, depth);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            separate(out, first, depth + 1);
            first = false;
            string(String.valueOf(entry.getKey()), out);
            out.append(depth == COMPACT ? ":" : ": ");
            write(entry.getValue(), out, next(depth));
        }
        close(out, depth);
        out.append('}');
    }

    private static void array(Collection<?> items, StringBuilder out, int depth) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            separate(out, first, depth + 1);
            first = false;
            write(item, out, next(depth));
        }
        close(out, depth);
        out.append(']');
    }

    private static int next(int depth) {
        return depth == COMPACT ? COMPACT : depth + 1;
    }

    /** Before an entry: a comma after the first, and a new indented line when pretty-printing. */
    private static void separate(StringBuilder out, boolean first, int depth) {
        if (!first) {
            out.append(',');
        }
        if (depth > 0) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    private static void close(StringBuilder out, int depth) {
        if (depth != COMPACT) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    /** A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped; lone surrogates as {@code \}{@code uXXXX}. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                    boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
                    // '<' and '>' too: the text may end up inside an HTML page ("</script>").
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7f || c == '<' || c == '>' 
                            || (Character.isSurrogate(c) && !pairedHigh && !pairedLow)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
