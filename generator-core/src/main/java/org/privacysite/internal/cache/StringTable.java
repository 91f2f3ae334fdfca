package org.privacysite.internal.cache;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
    /** The strings read, by the hash of their bytes: a slot holds the number plus one, 0 when free; at most half full. */
    private final IntBuffer slots;
    // The strings this build adds, packed as the file keeps them: their UTF-8 bytes one after the other, where each
    // starts, and an index like the file's. A map from each String to its number (and a list of them) held a 50k
    // site's 834,000 strings, mostly clause titles, in 150 MB at the end of a build; packed, they take 50 MB.
    private byte[] addedBytes = new byte[256];
    private int[] addedStarts = new int[17]; // added string i is addedBytes[addedStarts[i], addedStarts[i + 1])
    private int added;
    private int[] addedSlots = new int[32];

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
    synchronized void write(CacheOutput out) {
        int read = decoded.length;
        int count = read + added;
        int[] allStarts = new int[count + 1];
        starts.get(0, allStarts, 0, read + 1);
        for (int i = 1; i <= added; i++) {
            allStarts[read + i] = allStarts[read] + addedStarts[i];
        }
        int[] index = slotsFor(count);
        if (index.length == slots.limit()) {
            slots.get(0, index); // the strings read are where they were: only those added go in
        } else {
            for (int i = 0; i < read; i++) {
                put(index, hash(bytes, starts.get(i), starts.get(i + 1)), i);
            }
        }
        ByteBuffer addedBuffer = ByteBuffer.wrap(addedBytes);
        for (int i = 0; i < added; i++) {
            put(index, hash(addedBuffer, addedStarts[i], addedStarts[i + 1]), read + i);
        }
        out.writeInt(count);
        out.writeRaw(ints(allStarts));
        out.writeInt(index.length);
        out.writeRaw(ints(index));
        out.writeRaw(bytes);
        out.writeRaw(addedBytes, 0, addedStarts[added]);
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
        if (number >= decoded.length) {
            synchronized (this) {
                if (number - decoded.length >= added) {
                    throw new DamagedCache("a record names string " + number + " of " + (decoded.length + added));
                }
                int from = addedStarts[number - decoded.length];
                return new String(addedBytes, from, addedStarts[number - decoded.length + 1] - from, StandardCharsets.UTF_8);
            }
        }
        if (number < 0) {
            throw new DamagedCache("a record names string " + number + " of " + (decoded.length + added));
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
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer wanted = ByteBuffer.wrap(utf8);
        int hash = hash(wanted, 0, utf8.length);
        int mask = slots.limit() - 1;
        for (int slot = hash & mask; slots.get(slot) != 0; slot = slot + 1 & mask) {
            int read = slots.get(slot) - 1;
            if (read < 0 || read >= decoded.length) {
                throw new DamagedCache("the string index names string " + read + " of " + decoded.length);
            }
            int from = start(read);
            if (bytes.slice(from, start(read + 1) - from).equals(wanted)) {
                return read;
            }
        }
        int addedMask = addedSlots.length - 1;
        int slot = hash & addedMask;
        for (; addedSlots[slot] != 0; slot = slot + 1 & addedMask) {
            int i = addedSlots[slot] - 1;
            if (Arrays.equals(addedBytes, addedStarts[i], addedStarts[i + 1], utf8, 0, utf8.length)) {
                return decoded.length + i;
            }
        }
        return add(utf8, slot);
    }

    /** Appends {@code utf8}, the next number, whose index slot is {@code slot}. */
    private int add(byte[] utf8, int slot) {
        int end = addedStarts[added];
        if (end + utf8.length > addedBytes.length) {
            addedBytes = Arrays.copyOf(addedBytes, Math.max(addedBytes.length * 2, end + utf8.length));
        }
        System.arraycopy(utf8, 0, addedBytes, end, utf8.length);
        if (added + 2 > addedStarts.length) {
            addedStarts = Arrays.copyOf(addedStarts, addedStarts.length * 2);
        }
        addedStarts[added + 1] = end + utf8.length;
        addedSlots[slot] = added + 1;
        added++;
        if (added * 2 > addedSlots.length) {
            int[] larger = new int[addedSlots.length * 2];
            ByteBuffer all = ByteBuffer.wrap(addedBytes);
            for (int i = 0; i < added; i++) {
                put(larger, hash(all, addedStarts[i], addedStarts[i + 1]), i);
            }
            addedSlots = larger;
        }
        return decoded.length + added - 1;
    }

    private static int hash(ByteBuffer bytes, int from, int to) {
        int hash = 0x811c9dc5; // FNV-1a, then mixed: the low bits pick the slot
        for (int i = from; i < to; i++) {
            hash = (hash ^ bytes.get(i)) * 0x01000193;
        }
        return hash ^ hash >>> 16;
    }

    synchronized int size() {
        return decoded.length + added;
    }
}
