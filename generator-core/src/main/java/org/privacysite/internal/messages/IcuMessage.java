package org.privacysite.internal.messages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessagePattern.ArgType;
import com.ibm.icu.text.MessagePattern.Part;

/**
 * A piece of text in ICU MessageFormat syntax, parsed once. Writers never need ICU quoting: an
 * apostrophe is always a literal apostrophe (French {@code l'adresse}, {@code d'{company}}).
 */
public final class IcuMessage {

    private static final Set<String> KNOWN_TYPES = Set.of("none", "number", "date", "time", "spellout", "ordinal",
            "duration", "plural", "selectordinal", "select", "choice");
    private static final Pattern ERROR_INDEX = Pattern.compile("at pattern index (\\d+)");

    /** One argument: {@code {name}}, {@code {name, type, ...}}. Keywords are the plural/select cases. */
    public record Argument(String name, String type, Set<String> keywords, int index) {
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
     * Parses {@code source}.
     *
     * @throws IcuSyntaxException with the index in {@code source} where the syntax breaks
     */
    public static IcuMessage parse(String source) {
        String pattern = source.replace("'", "''");
        MessagePattern parsed;
        try {
            parsed = new MessagePattern(pattern);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            int index = errorIndex(e.getMessage(), pattern);
            throw new IcuSyntaxException(sourceIndex(pattern, index), describe(e.getMessage()));
        }
        List<Argument> arguments = arguments(parsed, pattern);
        for (Argument argument : arguments) {
            if (!KNOWN_TYPES.contains(argument.type())) {
                throw new IcuSyntaxException(argument.index(), "unknown argument type '" + argument.type() + "' in {"
                        + argument.name() + ", " + argument.type() + "}; use number, date, time, spellout, ordinal, plural or select");
            }
        }
        return new IcuMessage(source, pattern, arguments, segments(parsed, pattern));
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

    private static List<Argument> arguments(MessagePattern parsed, String pattern) {
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
            found.add(new Argument(name, type, Set.copyOf(keywords), sourceIndex(pattern, part.getIndex())));
        }
        return List.copyOf(found);
    }

    private static List<Segment> segments(MessagePattern parsed, String pattern) {
        List<Segment> segments = new ArrayList<>();
        int textStart = parsed.getPart(0).getLimit();
        int count = parsed.countParts();
        for (int i = 1; i < count; i++) {
            Part part = parsed.getPart(i);
            if (part.getType() == Part.Type.MSG_LIMIT) {
                addLiteral(segments, pattern.substring(textStart, part.getIndex()));
                break;
            }
            if (part.getType() != Part.Type.ARG_START) {
                continue; // apostrophe quoting inside literal text; the literal is unquoted below
            }
            int limit = parsed.getLimitPartIndex(i);
            addLiteral(segments, pattern.substring(textStart, part.getIndex()));
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

    /** Every apostrophe of the writer's text was doubled for ICU; a literal shows it single again. */
    private static void addLiteral(List<Segment> segments, String quoted) {
        if (!quoted.isEmpty()) {
            segments.add(new Segment(quoted.replace("''", "'"), null, List.of()));
        }
    }

    private static int errorIndex(String message, String pattern) {
        Matcher matcher = message == null ? null : ERROR_INDEX.matcher(message);
        if (matcher != null && matcher.find()) {
            return Math.min(Integer.parseInt(matcher.group(1)), pattern.length());
        }
        return unmatchedBrace(pattern);
    }

    /** Where an unclosed argument starts: the outermost '{' never closed (apostrophes are literal here). */
    private static int unmatchedBrace(String pattern) {
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                open.push(i);
            } else if (c == '}') {
                if (open.isEmpty()) {
                    return i;
                }
                open.pop();
            }
        }
        return open.isEmpty() ? Math.max(pattern.indexOf('{'), 0) : open.peekLast();
    }

    /** Maps an index in the escaped pattern back to the writer's text, where apostrophes are single. */
    private static int sourceIndex(String pattern, int patternIndex) {
        int apostrophes = 0;
        for (int i = 0; i < patternIndex && i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\'') {
                apostrophes++;
            }
        }
        return patternIndex - apostrophes / 2;
    }

    private static String describe(String icuMessage) {
        if (icuMessage == null) {
            return "malformed ICU message";
        }
        String lower = icuMessage.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("unmatched '{'")) {
            return "an ICU argument is opened with { but never closed with }";
        }
        if (lower.contains("unmatched")) {
            return "a } has no matching {";
        }
        if (lower.contains("missing 'other'")) {
            return "a plural or select argument needs an 'other' case";
        }
        // ICU says e.g. 'Bad plural pattern syntax: [at pattern index 12] "one {# day"': keep the words and the snippet.
        String cleaned = icuMessage.replaceAll("\\s*\\[at pattern index \\d+\\]", "").replaceAll("\\s*in (message|pattern) ", " ");
        cleaned = cleaned.replaceAll(":\\s*$", "").trim();
        return "malformed ICU argument: " + cleaned.replace("\"", "'");
    }
}
