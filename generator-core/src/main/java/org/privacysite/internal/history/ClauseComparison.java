package org.privacysite.internal.history;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import org.privacysite.internal.history.ClauseChange.Segment;

/**
 * What changed between two versions of a policy, clause by clause and matched by clause key, so a
 * renumbered or moved clause is not a change of its text. Changed text is compared word by word
 * (java-diff-utils over ICU word boundaries, which also split Japanese or Chinese text into words).
 */
public final class ClauseComparison {

    private ClauseComparison() {
    }

    /** The clauses added, removed, moved or changed, in the newer version's order; removed ones where they were. */
    public static List<ClauseChange> compare(List<ClauseText> before, List<ClauseText> after, String locale) {
        Map<String, ClauseText> old = byKey(before);
        Map<String, ClauseText> now = byKey(after);
        Set<String> moved = moved(before, after, old, now);
        // A removed clause is shown after the last clause before it that the newer version kept.
        Map<String, List<ClauseText>> removedAfter = new LinkedHashMap<>();
        String kept = "\u0000start";
        for (ClauseText clause : before) {
            if (now.containsKey(clause.key())) {
                kept = clause.key();
            } else {
                removedAfter.computeIfAbsent(kept, key -> new ArrayList<>()).add(clause);
            }
        }
        List<ClauseChange> changes = new ArrayList<>();
        addRemoved(changes, removedAfter.get("\u0000start"));
        for (ClauseText clause : after) {
            ClauseText previous = old.get(clause.key());
            if (previous == null) {
                changes.add(new ClauseChange(clause.key(), clause.number(), "", all(Segment.INSERTED, clause.title()),
                        all(Segment.INSERTED, clause.text()), true, false, false, false));
            } else {
                boolean changed = !previous.title().equals(clause.title()) || !previous.text().equals(clause.text());
                if (changed || moved.contains(clause.key())) {
                    changes.add(new ClauseChange(clause.key(), clause.number(), previous.number(),
                            words(previous.title(), clause.title(), locale), words(previous.text(), clause.text(), locale),
                            false, false, moved.contains(clause.key()), changed));
                }
                addRemoved(changes, removedAfter.get(clause.key()));
            }
        }
        return List.copyOf(changes);
    }

    private static void addRemoved(List<ClauseChange> changes, List<ClauseText> removed) {
        if (removed != null) {
            for (ClauseText clause : removed) {
                changes.add(new ClauseChange(clause.key(), clause.number(), clause.number(), all(Segment.DELETED, clause.title()),
                        all(Segment.DELETED, clause.text()), false, true, false, false));
            }
        }
    }

    /** The clauses kept in both versions whose order relative to the others changed. */
    private static Set<String> moved(List<ClauseText> before, List<ClauseText> after, Map<String, ClauseText> old,
                                     Map<String, ClauseText> now) {
        List<String> oldOrder = before.stream().map(ClauseText::key).filter(now::containsKey).toList();
        List<String> newOrder = after.stream().map(ClauseText::key).filter(old::containsKey).toList();
        Set<String> moved = new HashSet<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(oldOrder, newOrder).getDeltas()) {
            moved.addAll(delta.getTarget().getLines()); // outside the longest common order: these were moved
        }
        return moved;
    }

    private static Map<String, ClauseText> byKey(List<ClauseText> clauses) {
        Map<String, ClauseText> byKey = new LinkedHashMap<>();
        clauses.forEach(clause -> byKey.putIfAbsent(clause.key(), clause));
        return byKey;
    }

    private static List<Segment> all(String kind, String text) {
        return text.isEmpty() ? List.of() : List.of(new Segment(kind, text));
    }

    /** {@code before} and {@code after} word by word: kept, deleted and inserted runs in reading order. */
    static List<Segment> words(String before, String after, String locale) {
        List<String> oldWords = tokens(before, locale);
        List<String> newWords = tokens(after, locale);
        Patch<String> patch = DiffUtils.diff(oldWords, newWords);
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Segment.SAME, oldWords.subList(at, start));
            add(segments, Segment.DELETED, delta.getSource().getLines());
            add(segments, Segment.INSERTED, delta.getTarget().getLines());
            at = start + delta.getSource().size();
        }
        add(segments, Segment.SAME, oldWords.subList(at, oldWords.size()));
        return grouped(segments);
    }

    /**
     * Adjacent changes read as one: "one year" replaced by "thirty days" is one deletion and one
     * insertion, not two of each around a kept space.
     */
    private static List<Segment> grouped(List<Segment> segments) {
        List<Segment> grouped = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean betweenChanges = segment.kind().equals(Segment.SAME) && segment.text().isBlank() && !segment.text().contains("\n")
                    && (deleted.length() > 0 || inserted.length() > 0) && i + 1 < segments.size();
            if (segment.kind().equals(Segment.DELETED) || betweenChanges) {
                deleted.append(segment.text());
            }
            if (segment.kind().equals(Segment.INSERTED) || betweenChanges) {
                inserted.append(segment.text());
            }
            if (segment.kind().equals(Segment.SAME) && !betweenChanges) {
                flush(grouped, deleted, inserted);
                grouped.add(segment);
            }
        }
        flush(grouped, deleted, inserted);
        return List.copyOf(grouped);
    }

    private static void flush(List<Segment> grouped, StringBuilder deleted, StringBuilder inserted) {
        if (deleted.length() > 0) {
            grouped.add(new Segment(Segment.DELETED, deleted.toString()));
        }
        if (inserted.length() > 0) {
            grouped.add(new Segment(Segment.INSERTED, inserted.toString()));
        }
        deleted.setLength(0);
        inserted.setLength(0);
    }

    private static void add(List<Segment> segments, String kind, List<String> words) {
        if (words.isEmpty()) {
            return;
        }
        String text = String.join("", words);
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && last.kind().equals(kind)) {
            segments.set(segments.size() - 1, new Segment(kind, last.text() + text));
        } else {
            segments.add(new Segment(kind, text));
        }
    }

    /** Words, spaces and punctuation as the locale's word boundaries cut them. */
    static List<String> tokens(String text, String locale) {
        BreakIterator words = BreakIterator.getWordInstance(ULocale.forLanguageTag(locale));
        words.setText(text);
        List<String> tokens = new ArrayList<>();
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            tokens.add(text.substring(start, end));
        }
        return tokens;
    }
}
