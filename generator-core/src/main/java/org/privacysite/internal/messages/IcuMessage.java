package org.privacysite.internal.messages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessagePattern.ArgType;
import com.ibm.icu.text.MessagePattern.Part;

import org.privacysite.internal.concurrent.Interner;

/**
 * A piece of text in ICU MessageFormat syntax, parsed once. Writers need no ICU quoting: an apostrophe
 * is a literal apostrophe (French {@code l'adresse}, {@code d'{company}}); a brace as text is written
 * {@code \{} (as in Markdown) or {@code '{'} (as in ICU).
 */
public final class IcuMessage {

    private static final Set<String> KNOWN_TYPES = Set.of("none", "number", "date", "time", "spellout", "ordinal",
            "duration", "plural", "selectordinal", "select", "choice");

    /** One argument: {@code {name}}, {@code {name, type, ...}}. Keywords are the plural/select cases. */
    public record Argument(String name, String type, Set<String> keywords, int index) {

        // Written out, as PageKey's (see there): a record's own equals and hashCode are slow under C1. Same hash.
        @Override
        public boolean equals(Object other) {
            return other instanceof Argument that && index == that.index && java.util.Objects.equals(name, that.name)
                    && java.util.Objects.equals(type, that.type) && java.util.Objects.equals(keywords, that.keywords);
        }

        @Override
        public int hashCode() {
            int hash = java.util.Objects.hashCode(name);
            hash = 31 * hash + java.util.Objects.hashCode(type);
            hash = 31 * hash + java.util.Objects.hashCode(keywords);
            return 31 * hash + Integer.hashCode(index);
        }

        /**
         * This argument without its place in the text (index -1): one shared instance for all its
         * uses, for summaries that keep the place as a {@code Location} of their own.
         */
        public Argument placeless() {
            return index < 0 ? this : shared(new Argument(name, type, keywords, -1));
        }
    }

    /**
     * A top-level piece of the message: literal text, or one argument with its own ICU pattern and
     * the names it uses (nested ones included). Formatting piece by piece lets a formatter cache the
     * few argument patterns a site repeats instead of every paragraph they appear in.
     */
    public record Segment(String text, String argumentPattern, List<String> names) {
        public boolean isLiteral() {
            return argumentPattern == null;
        }

        /** A bare {@code {name}}: the value is put in as it is (a fact such as an address or a URL). */
        public boolean isPlainArgument() {
            return argumentPattern != null && argumentPattern.indexOf(',') < 0;
        }
    }

    private final String source;
    private final String pattern;
    private final List<Argument> arguments;
    private final List<Segment> segments;

    private IcuMessage(String source, String pattern, List<Argument> arguments, List<Segment> segments) {
        this.source = source;
        this.pattern = pattern;
        this.arguments = arguments;
        this.segments = segments;
    }

    /** Whether the text needs ICU at all; plain text is used as it is. */
    public static boolean hasArguments(String text) {
        return text.indexOf('{') >= 0 || text.indexOf('}') >= 0;
    }

    /**
     * Stands for a literal '{' in text handed to {@link #parse}: what a parser of the surrounding format
     * (Markdown's {@code \{}) already unescaped puts this in its place, so the brace stays text.
     */
    public static final char LITERAL_OPEN = '\uFDD3';
    /** Stands for a literal '}', like {@link #LITERAL_OPEN}. */
    public static final char LITERAL_CLOSE = '\uFDD4';

    /**
     * Parses {@code source}. A brace is written as text with {@code \{ \}}, ICU's {@code '{' '}'}, or
     * {@link #LITERAL_OPEN}/{@link #LITERAL_CLOSE}; any other apostrophe is a literal apostrophe.
     *
     * @throws IcuSyntaxException with the index in {@code source} of the '{' that opens the broken argument
     */
    public static IcuMessage parse(String source) {
        int[] toSource;
        String pattern;
        if (needsQuoting(source)) {
            toSource = new int[source.length() * 3 + 1];
            pattern = toPattern(source, toSource);
        } else { // most text: the pattern is the text, each index its own (toPattern's loop was 3.5% of a 10k check)
            toSource = new int[source.length() + 1];
            for (int i = 0; i < toSource.length; i++) {
                toSource[i] = i;
            }
            pattern = source;
        }
        MessagePattern parsed;
        try {
            parsed = new MessagePattern(pattern);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw IcuSyntaxErrors.explain(source, pattern, toSource, e.getMessage());
        }
        List<Argument> arguments = arguments(parsed, pattern, toSource);
        for (Argument argument : arguments) {
            if (!KNOWN_TYPES.contains(argument.type())) {
                throw new IcuSyntaxException(argument.index(), "unknown argument type '" + argument.type() + "' in {"
                        + argument.name() + ", " + argument.type() + "}; use number, date, time, spellout, ordinal, plural or select");
            }
        }
        return new IcuMessage(source, pattern, arguments, segments(parsed, pattern, source, toSource));
    }

    /**
     * The writer's text as an ICU pattern: apostrophes doubled, literal braces quoted. {@code toSource}
     * gets, for each index of the pattern, the index in {@code source} it came from.
     */
    private static String toPattern(String source, int[] toSource) {
        StringBuilder pattern = new StringBuilder(source.length() + 8);
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            int from = i;
            if (c == LITERAL_OPEN || c == LITERAL_CLOSE) {
                appendQuoted(pattern, c == LITERAL_OPEN ? '{' : '}', from, toSource);
            } else if (c == '\\' && i + 1 < source.length() && isBrace(source.charAt(i + 1))) {
                appendQuoted(pattern, source.charAt(++i), from, toSource);
            } else if (c == '\'' && i + 2 < source.length() && isBrace(source.charAt(i + 1)) && source.charAt(i + 2) == '\'') {
                appendQuoted(pattern, source.charAt(i + 1), from, toSource);
                i += 2;
            } else if (c == '\'') {
                toSource[pattern.length()] = from;
                toSource[pattern.length() + 1] = from;
                pattern.append("''");
            } else {
                // Most characters: one in, one out (this runs for every character of every policy).
                toSource[pattern.length()] = from;
                pattern.append(c);
            }
        }
        toSource[pattern.length()] = source.length();
        return pattern.toString();
    }

    /** A brace meant as text, quoted for ICU: {@code '{'}. */
    private static void appendQuoted(StringBuilder pattern, char brace, int from, int[] toSource) {
        int at = pattern.length();
        toSource[at] = from;
        toSource[at + 1] = from;
        toSource[at + 2] = from;
        pattern.append('\'').append(brace).append('\'');
    }

    /** Whether {@link #toPattern} changes {@code source}: it has an apostrophe, a backslash or a brace marked as text. */
    private static boolean needsQuoting(String source) {
        return source.indexOf('\'') >= 0 || source.indexOf('\\') >= 0 || source.indexOf(LITERAL_OPEN) >= 0
                || source.indexOf(LITERAL_CLOSE) >= 0;
    }

    private static boolean isBrace(char c) {
        return c == '{' || c == '}';
    }

    /** Text without arguments as it reads: the markers of braces written as text become braces. */
    public static String asText(String text) {
        return text.indexOf(LITERAL_OPEN) < 0 && text.indexOf(LITERAL_CLOSE) < 0 ? text
                : text.replace(LITERAL_OPEN, '{').replace(LITERAL_CLOSE, '}');
    }

    /** The writer's text for a message: braces meant as text shown as the writer could have typed them. */
    static String unescapeForDisplay(String text) {
        return text.replace(String.valueOf(LITERAL_OPEN), "\\{").replace(String.valueOf(LITERAL_CLOSE), "\\}");
    }

    /** Literal text of the writer's as it reads: each way of writing a brace as text becomes the brace. */
    static String unescape(String text) {
        if (text.indexOf(LITERAL_OPEN) < 0 && text.indexOf(LITERAL_CLOSE) < 0 && text.indexOf('\\') < 0 && text.indexOf('\'') < 0) {
            return text;
        }
        return text.replace(LITERAL_OPEN, '{').replace(LITERAL_CLOSE, '}')
                .replace("\\{", "{").replace("\\}", "}").replace("'{'", "{").replace("'}'", "}");
    }

    /** The message as literal text and top-level arguments, in order. */
    public List<Segment> segments() {
        return segments;
    }

    public String source() {
        return source;
    }

    /** The pattern as given to ICU (apostrophes doubled). */
    public String pattern() {
        return pattern;
    }

    public List<Argument> arguments() {
        return arguments;
    }

    /** Argument names in order of first use. */
    public Set<String> argumentNames() {
        Set<String> names = new LinkedHashSet<>();
        arguments.forEach(argument -> names.add(argument.name()));
        return names;
    }

    private static List<Argument> arguments(MessagePattern parsed, String pattern, int[] toSource) {
        List<Argument> found = new ArrayList<>();
        int count = parsed.countParts();
        for (int i = 0; i < count; i++) {
            Part part = parsed.getPart(i);
            if (part.getType() != Part.Type.ARG_START) {
                continue;
            }
            ArgType argType = part.getArgType();
            Part namePart = parsed.getPart(i + 1);
            String name = parsed.getSubstring(namePart);
            int limit = parsed.getLimitPartIndex(i);
            String type = switch (argType) {
                case NONE -> "none";
                case SIMPLE -> parsed.getSubstring(parsed.getPart(i + 2)).trim();
                case PLURAL -> "plural";
                case SELECTORDINAL -> "selectordinal";
                case SELECT -> "select";
                case CHOICE -> "choice";
            };
            Set<String> keywords = new LinkedHashSet<>();
            if (argType.hasPluralStyle() || argType == ArgType.SELECT) {
                for (int j = i + 2; j < limit; j++) {
                    Part inner = parsed.getPart(j);
                    if (inner.getType() == Part.Type.ARG_SELECTOR) {
                        keywords.add(parsed.getSubstring(inner));
                    } else if (inner.getType() == Part.Type.MSG_START) {
                        j = parsed.getLimitPartIndex(j); // skip the case's message, nested arguments included
                    }
                }
            }
            found.add(new Argument(shared(name), shared(type), shared(Set.copyOf(keywords)), toSource[part.getIndex()]));
        }
        return List.copyOf(found);
    }

    /**
     * The one copy of an argument's name, type or keywords: a site repeats a few hundred of them in
     * every paragraph that uses them (a 10,000-page site: 700,000 argument uses, kept in the page
     * summaries to the end, about 300 bytes each in copies of the same strings). Bounded: beyond the
     * limit it starts afresh, so a long-running preview does not grow with every text ever parsed.
     */
    @SuppressWarnings("unchecked")
    private static <T> T shared(T value) {
        return (T) SHARED.intern(value);
    }

    private static final Interner<Object> SHARED = new Interner<>(16_384);

    private static List<Segment> segments(MessagePattern parsed, String pattern, String source, int[] toSource) {
        List<Segment> segments = new ArrayList<>();
        int textStart = parsed.getPart(0).getLimit();
        int count = parsed.countParts();
        for (int i = 1; i < count; i++) {
            Part part = parsed.getPart(i);
            if (part.getType() == Part.Type.MSG_LIMIT) {
                addLiteral(segments, source.substring(toSource[textStart], toSource[part.getIndex()]));
                break;
            }
            if (part.getType() != Part.Type.ARG_START) {
                continue; // apostrophe quoting inside literal text; the literal is unquoted below
            }
            int limit = parsed.getLimitPartIndex(i);
            addLiteral(segments, source.substring(toSource[textStart], toSource[part.getIndex()]));
            Set<String> names = new LinkedHashSet<>();
            for (int j = i; j < limit; j++) {
                if (parsed.getPart(j).getType() == Part.Type.ARG_START) {
                    names.add(parsed.getSubstring(parsed.getPart(j + 1)));
                }
            }
            textStart = parsed.getPart(limit).getLimit();
            segments.add(new Segment(null, pattern.substring(part.getIndex(), textStart), List.copyOf(names)));
            i = limit;
        }
        return List.copyOf(segments);
    }

    /** Literal text is taken from the writer's text, where apostrophes are single and braces written as text. */
    private static void addLiteral(List<Segment> segments, String written) {
        if (!written.isEmpty()) {
            segments.add(new Segment(unescape(written), null, List.of()));
        }
    }
}
