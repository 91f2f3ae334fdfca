package org.privacysite.internal.cache;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cache file's text, each string once: records name a string by its number. Argument names, clause
 * keys, rule ids and titles repeat across thousands of pages; written once, the file is a sixth of its
 * size, and a restored page shares its strings with the others. Numbers are only ever added, so that a
 * record an incremental build keeps still names the same strings; a full build starts a new table.
 * Strings are decoded when first asked for: most records are never read. The file keeps, beside the strings,
 * where each starts and the index that finds a string's number by its bytes, so that reading the table costs
 * nothing (a 10k site's: 172,000 strings, 5 MB, which took 20-40 ms to index at every incremental check).
 */
final class StringTable {

    private final ByteBuffer bytes; // absolute gets only: it may be a slice of the mapped cache file
    private final IntBuffer starts; // string i is bytes[starts[i], starts[i + 1])
    private final String[] decoded;
    private final List<String> added = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>(); // the strings numbered by this build
    /** The strings read, by the hash of their bytes: a slot holds the number plus one, 0 when free; at most half full. */
    private final IntBuffer slots;

    private StringTable(ByteBuffer bytes, IntBuffer starts, IntBuffer slots) {
        this.bytes = bytes;
        this.starts = starts;
        this.decoded = new String[starts.limit() - 1];
        this.slots = slots;
    }

    /** A table with no strings yet. */
    static StringTable empty() {
        return new StringTable(ByteBuffer.allocate(0), IntBuffer.wrap(new int[] {0}), IntBuffer.wrap(slotsFor(0)));
    }

    /** The table {@link #write} wrote, its strings left undecoded (and checked as they are asked for). */
    static StringTable read(CacheInput in) {
        int count = in.readInt();
        if (count < 0 || count > Integer.MAX_VALUE / 8) {
            throw new DamagedCache("a string table of " + count + " strings");
        }
        IntBuffer starts = in.readRaw((count + 1) * 4).asIntBuffer();
        int slotCount = in.readInt();
        if (slotCount < 8 || Integer.bitCount(slotCount) != 1 || slotCount < 2L * count || slotCount > Integer.MAX_VALUE / 8) {
            throw new DamagedCache("a string index of " + slotCount + " slots for " + count + " strings");
        }
        IntBuffer slots = in.readRaw(slotCount * 4).asIntBuffer();
        int length = starts.get(count);
        if (starts.get(0) != 0 || length < 0) {
            throw new DamagedCache("a string table of " + length + " bytes");
        }
        return new StringTable(in.readRaw(length), starts, slots);
    }

    /** Every string, those read then those added, with where each starts and the index, as {@link #read} reads them. */
    void write(CacheOutput out) {
        int read = decoded.length;
        int count = read + added.size();
        List<byte[]> encoded = new ArrayList<>(added.size());
        int[] allStarts = new int[count + 1];
        starts.get(0, allStarts, 0, read + 1);
        for (int i = 0; i < added.size(); i++) {
            byte[] utf8 = added.get(i).getBytes(StandardCharsets.UTF_8);
            encoded.add(utf8);
            allStarts[read + i + 1] = allStarts[read + i] + utf8.length;
        }
        int[] index = slotsFor(count);
        if (index.length == slots.limit()) {
            slots.get(0, index); // the strings read are where they were: only those added go in
        } else {
            for (int i = 0; i < read; i++) {
                put(index, hash(bytes, starts.get(i), starts.get(i + 1)), i);
            }
        }
        for (int i = 0; i < added.size(); i++) {
            put(index, hash(ByteBuffer.wrap(encoded.get(i)), 0, encoded.get(i).length), read + i);
        }
        out.writeInt(count);
        out.writeRaw(ints(allStarts));
        out.writeInt(index.length);
        out.writeRaw(ints(index));
        out.writeRaw(bytes);
        encoded.forEach(utf8 -> out.writeRaw(utf8, 0, utf8.length));
    }

    /** An index for {@code count} strings: a power of two, two to four times as many slots. */
    private static int[] slotsFor(int count) {
        return new int[Integer.highestOneBit(Math.max(4, count)) * 4];
    }

    private static void put(int[] index, int hash, int number) {
        int mask = index.length - 1;
        int slot = hash & mask;
        while (index[slot] != 0) {
            slot = slot + 1 & mask;
        }
        index[slot] = number + 1;
    }

    private static ByteBuffer ints(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4); // big-endian, as CacheInput reads ints
        buffer.asIntBuffer().put(values);
        return buffer;
    }

    /** String {@code number}; a number the table does not have means the file is damaged. */
    String get(int number) {
        if (number < 0 || number >= decoded.length + added.size()) {
            throw new DamagedCache("a record names string " + number + " of " + (decoded.length + added.size()));
        }
        if (number >= decoded.length) {
            synchronized (this) {
                return added.get(number - decoded.length);
            }
        }
        String text = decoded[number]; // a race decodes a string twice: Strings are immutable, either copy serves
        if (text == null) {
            text = CacheInput.utf8(bytes, start(number), start(number + 1) - start(number));
            decoded[number] = text;
        }
        return text;
    }

    /** Where string {@code number} starts in the bytes: damage when the file says it is outside them or backwards. */
    private int start(int number) {
        int start = starts.get(number);
        if (start < 0 || start > bytes.limit() || number > 0 && start < starts.get(number - 1)) {
            throw new DamagedCache("string " + number + " starts outside the table");
        }
        return start;
    }

    /** The number of {@code text}, added to the table if it is new. The strings read are found by the file's index. */
    synchronized int number(String text) {
        Integer known = numbers.get(text);
        if (known != null) {
            return known;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int mask = slots.limit() - 1;
        for (int slot = hash(ByteBuffer.wrap(utf8), 0, utf8.length) & mask; slots.get(slot) != 0; slot = slot + 1 & mask) {
            int read = slots.get(slot) - 1;
            if (read < 0 || read >= decoded.length) {
                throw new DamagedCache("the string index names string " + read + " of " + decoded.length);
            }
            int from = start(read);
            if (bytes.slice(from, start(read + 1) - from).equals(ByteBuffer.wrap(utf8))) {
                numbers.put(text, read);
                return read;
            }
        }
        int number = decoded.length + added.size();
        added.add(text);
        numbers.put(text, number);
        return number;
    }

    private static int hash(ByteBuffer bytes, int from, int to) {
        int hash = 0x811c9dc5; // FNV-1a, then mixed: the low bits pick the slot
        for (int i = from; i < to; i++) {
            hash = (hash ^ bytes.get(i)) * 0x01000193;
        }
        return hash ^ hash >>> 16;
    }

    int size() {
        return decoded.length + added.size();
    }
}
