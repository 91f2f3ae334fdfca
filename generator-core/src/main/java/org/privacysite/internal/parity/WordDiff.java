package org.privacysite.internal.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * What changed in a source clause between the version a translation was made from and now, word by
 * word: the text as runs that stayed, were removed or were added.
 *
 * @param parts the runs in order; adjacent runs never have the same kind
 */
public record WordDiff(List<Part> parts) {

    /** Words, runs of spaces, and single punctuation marks: a changed comma does not mark its whole word changed. */
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}\\p{M}_'’-]+|.", Pattern.DOTALL);

    public enum Kind { SAME, REMOVED, ADDED }

    /** One run of text. */
    public record Part(Kind kind, String text) {
    }

    /** The word-level difference from {@code before} to {@code after}. */
    public static WordDiff between(String before, String after) {
        List<String> old = tokens(before);
        List<String> now = tokens(after);
        Patch<String> patch = DiffUtils.diff(old, now);
        List<Part> parts = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            add(parts, Kind.SAME, old.subList(position, delta.getSource().getPosition()));
            add(parts, Kind.REMOVED, delta.getSource().getLines());
            add(parts, Kind.ADDED, delta.getTarget().getLines());
            position = delta.getSource().getPosition() + delta.getSource().size();
        }
        add(parts, Kind.SAME, old.subList(position, old.size()));
        return new WordDiff(List.copyOf(parts));
    }

    /** Whether anything changed at all. */
    public boolean changed() {
        return parts.stream().anyMatch(part -> part.kind() != Kind.SAME);
    }

    /**
     * The changes in one line of plain text, {@code git diff --word-diff} style: {@code [-removed-]}
     * and {@code {+added+}}, with up to {@code context} words around each change and "…" for the rest.
     */
    public String compact(int context) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            switch (part.kind()) {
                case REMOVED -> out.append("[-").append(oneLine(part.text())).append("-]");
                case ADDED -> out.append("{+").append(oneLine(part.text())).append("+}");
                case SAME -> out.append(shortened(oneLine(part.text()), context, i > 0, i < parts.size() - 1));
            }
        }
        return out.toString().strip();
    }

    private static String shortened(String text, int context, boolean changeBefore, boolean changeAfter) {
        List<String> words = tokens(text);
        int keep = context * 2; // words and the spaces between them
        if (words.size() <= keep * (changeBefore && changeAfter ? 2 : 1) + 1) {
            return text;
        }
        String head = changeBefore ? String.join("", words.subList(0, keep)) : "";
        String tail = changeAfter ? String.join("", words.subList(words.size() - keep, words.size())) : "";
        return head + "… " + tail.stripLeading();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\n\\s*", " ⏎ ");
    }

    private static void add(List<Part> parts, Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!parts.isEmpty() && parts.get(parts.size() - 1).kind() == kind) {
            Part last = parts.remove(parts.size() - 1);
            text = last.text() + text;
        }
        parts.add(new Part(kind, text));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
