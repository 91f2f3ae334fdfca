package org.privacysite.internal.content;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A page's clauses as parallel arrays instead of one record each, as {@link PackedUses} packs its argument uses:
 * every page holds its clauses to the end of a run, 800,000 of them at 50,000 pages, about 100 MB as records with
 * a string per title and about 45 MB packed. Each clause is made again when read; {@link Page} finds one by key or
 * line without making the others. Unmodifiable.
 */
final class PackedClauses extends AbstractList<Clause> implements RandomAccess {

    private static final int FIELDS = 3;

    private final Path file;
    private final String[] keys;
    private final String[] numbers;
    /** The titles one after another; {@link #fields} says where each ends. */
    private final String titles;
    /** Per clause: its heading's place (line, column and whether it is local), where its title ends, its level and parent. */
    private final int[] fields;
    /** Null when no clause has a text hash (a translation's). */
    private final String[] textHashes;
    /** Null when no clause sets a rule. */
    private final Map<String, String>[] rules;

    private PackedClauses(Path file, String[] keys, String[] numbers, String titles, int[] fields, String[] textHashes,
                          Map<String, String>[] rules) {
        this.file = file;
        this.keys = keys;
        this.numbers = numbers;
        this.titles = titles;
        this.fields = fields;
        this.textHashes = textHashes;
        this.rules = rules;
    }

    /** {@code clauses}, all written in {@code file}, packed; as a plain copy if one does not fit. */
    static List<Clause> of(Path file, List<Clause> clauses) {
        int size = clauses.size();
        if (size == 0 || size > 0xfffe) { // a parent's index is kept in 16 bits
            return List.copyOf(clauses);
        }
        String[] keys = new String[size];
        String[] numbers = new String[size];
        StringBuilder titles = new StringBuilder();
        int[] fields = new int[size * FIELDS];
        String[] textHashes = null;
        @SuppressWarnings("unchecked")
        Map<String, String>[] rules = null;
        for (int i = 0; i < size; i++) {
            Clause clause = clauses.get(i);
            int parent = clause.parentKey() == null ? -1 : lastIndexOf(keys, i, clause.parentKey());
            if (!PackedUses.fits(file, clause.file(), clause.line(), clause.column()) || clause.level() < 0
                    || clause.level() > Short.MAX_VALUE || (clause.parentKey() != null && parent < 0)) {
                return List.copyOf(clauses);
            }
            keys[i] = clause.key();
            numbers[i] = clause.number();
            titles.append(clause.title());
            fields[FIELDS * i] = PackedUses.place(clause.line(), clause.column(), clause.local());
            fields[FIELDS * i + 1] = titles.length();
            fields[FIELDS * i + 2] = clause.level() << 16 | parent + 1;
            if (clause.textHash() != null) {
                textHashes = textHashes == null ? new String[size] : textHashes;
                textHashes[i] = clause.textHash();
            }
            if (!clause.rules().isEmpty()) {
                rules = rules == null ? newRules(size) : rules;
                rules[i] = clause.rules();
            }
        }
        return new PackedClauses(file, keys, numbers, titles.toString(), fields, textHashes, rules);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] newRules(int size) {
        return new Map[size];
    }

    /** The index of the last clause before {@code end} with {@code key}: a parent is the latest heading above. */
    private static int lastIndexOf(String[] keys, int end, String key) {
        for (int i = end - 1; i >= 0; i--) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Clause get(int index) {
        java.util.Objects.checkIndex(index, keys.length);
        int place = fields[FIELDS * index];
        int parent = (fields[FIELDS * index + 2] & 0xffff) - 1;
        Map<String, String> set = rules == null ? null : rules[index];
        return new Clause(keys[index], fields[FIELDS * index + 2] >>> 16, numbers[index],
                titles.substring(index == 0 ? 0 : fields[FIELDS * (index - 1) + 1], fields[FIELDS * index + 1]),
                parent < 0 ? null : keys[parent], file, PackedUses.line(place), PackedUses.column(place),
                textHashes == null ? null : textHashes[index], PackedUses.flag(place), set == null ? Map.of() : set);
    }

    @Override
    public int size() {
        return keys.length;
    }

    /** The key of clause {@code index}, without making the clause. */
    String key(int index) {
        return keys[index];
    }

    /** The line of clause {@code index}'s heading, without making the clause. */
    int line(int index) {
        return PackedUses.line(fields[FIELDS * index]);
    }
}
