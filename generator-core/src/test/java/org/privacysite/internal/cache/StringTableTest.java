package org.privacysite.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Records name text by number: a number keeps its string across files, and one the table lacks is damage. */
class StringTableTest {

    private static StringTable reread(StringTable table) {
        CacheOutput out = new CacheOutput();
        table.write(out);
        byte[] bytes = out.toByteArray();
        return StringTable.read(new CacheInput(bytes, 0, bytes.length));
    }

    @Test
    void aRecordKeptByAnIncrementalBuildStillNamesItsStrings() {
        StringTable first = StringTable.empty();
        CacheOutput record = new CacheOutput(first);
        List<String> texts = Arrays.asList("privacyEmail", "Données personnelles", null, "個人情報", "privacyEmail", "");
        texts.forEach(record::writeText);
        byte[] kept = record.toByteArray();

        StringTable second = reread(first);
        CacheOutput added = new CacheOutput(second); // the next build adds strings and keeps the old record
        added.writeText("a new clause title");
        added.writeText("Données personnelles"); // found among the strings read, not added again
        added.writeText("个人情报");
        StringTable third = reread(second);

        CacheInput in = CacheInput.of(kept, third);
        assertEquals(texts, texts.stream().map(text -> in.readText()).toList());
        byte[] addedBytes = added.toByteArray();
        CacheInput other = CacheInput.of(addedBytes, third);
        assertEquals(List.of("a new clause title", "Données personnelles", "个人情报"),
                List.of(other.readText(), other.readText(), other.readText()));
        assertEquals(6, third.size(), "each string once");
    }

    /** The index kept in the file finds the strings read, also once the table has outgrown it and it is made anew. */
    @Test
    void stringsReadAreFoundAgainAsTheTableGrows() {
        StringTable table = StringTable.empty();
        CacheOutput first = new CacheOutput(table);
        for (int i = 0; i < 5; i++) {
            first.writeText("clause-" + i);
        }
        for (int round = 1; round <= 3; round++) {
            table = reread(table);
            int before = table.size();
            CacheOutput record = new CacheOutput(table);
            for (int i = 0; i < before; i++) {
                record.writeText("clause-" + i); // every string read: found, not added
            }
            assertEquals(before, table.size(), "round " + round + ": no string twice");
            for (int i = before; i < before * 3; i++) {
                record.writeText("clause-" + i);
            }
            assertEquals(before * 3, table.size());
        }
        StringTable last = reread(table);
        CacheOutput again = new CacheOutput(last);
        again.writeText("clause-100");
        again.writeText("clause-0");
        assertEquals(table.size(), last.size(), "each string found by an index made anew as the table grew");
        CacheInput in = CacheInput.of(again.toByteArray(), last);
        assertEquals(List.of("clause-100", "clause-0"), List.of(in.readText(), in.readText()));
    }

    /** The strings a build adds are packed and indexed as they come: each found again, in the same build, as the index grows. */
    @Test
    void stringsAddedAreFoundAgainByTheSameBuild() {
        StringTable table = StringTable.empty();
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            texts.add(i % 3 == 0 ? "titre " + i : i % 3 == 1 ? "見出し" + i : "clause-" + i);
        }
        List<Integer> numbers = texts.stream().map(table::number).toList();
        assertEquals(java.util.stream.IntStream.range(0, 5000).boxed().toList(), numbers, "numbered in the order first seen");
        for (int i = texts.size() - 1; i >= 0; i--) {
            assertEquals(i, table.number(texts.get(i)), texts.get(i));
            assertEquals(texts.get(i), table.get(i));
        }
        assertEquals(5000, table.size(), "none added twice");
        StringTable reread = reread(table);
        assertEquals(4999, reread.number(texts.get(4999)), "found by the index written");
        assertEquals(5000, reread.size());
        assertEquals("見出し4000", reread.get(4000));
    }

    @Test
    void aNumberTheTableDoesNotHaveIsDamage() {
        StringTable table = StringTable.empty();
        CacheOutput record = new CacheOutput(table);
        record.writeText("one");
        record.writeVar(7); // string 6 of a table of 1
        byte[] bytes = record.toByteArray();
        CacheInput in = CacheInput.of(bytes, reread(table));
        assertEquals("one", in.readText());
        assertThrows(DamagedCache.class, in::readText);
    }

    @Test
    void numbersFromMinusOneToLargeComeBack() {
        CacheOutput out = new CacheOutput();
        int[] values = {0, -1, 1, 63, -64, 64, 8191, 70000, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (int value : values) {
            out.writeVar(value);
        }
        byte[] bytes = out.toByteArray();
        CacheInput in = new CacheInput(bytes, 0, bytes.length);
        for (int value : values) {
            assertEquals(value, in.readVar());
        }
        CacheOutput small = new CacheOutput();
        small.writeVar(-1);
        assertEquals(1, small.size(), "a small number takes one byte");
    }
}
