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
