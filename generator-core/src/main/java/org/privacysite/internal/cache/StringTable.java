package org.privacysite.internal.cache;

import java.nio.ByteBuffer;
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
 * Strings are decoded when first asked for: most records are never read.
 */
final class StringTable {

    private final ByteBuffer bytes; // absolute gets only: it may be a slice of the mapped cache file
    private final int[] starts; // string i is bytes[starts[i], starts[i + 1])
    private final String[] decoded;
    private final List<String> added = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>(); // the strings numbered by this build
    private int[] slots;

    private StringTable(ByteBuffer bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
        this.decoded = new String[starts.length - 1];
    }

    /** A table with no strings yet. */
    static StringTable empty() {
        return new StringTable(ByteBuffer.allocate(0), new int[] {0});
    }

    /** The table {@link #write} wrote, its strings left undecoded. */
    static StringTable read(CacheInput in) {
        int count = in.readVar();
        if (count < 0) {
            throw new DamagedCache("a string table of " + count + " strings");
        }
        int[] starts = new int[count + 1];
        for (int i = 0; i < count; i++) {
            int length = in.readVar();
            if (length < 0 || starts[i] + (long) length > Integer.MAX_VALUE) {
                throw new DamagedCache("a string of " + length + " bytes");
            }
            starts[i + 1] = starts[i] + length;
        }
        return new StringTable(in.readRaw(starts[count]), starts);
    }

    /** Every string: those read, then those added, as {@link #read} reads them. */
    void write(CacheOutput out) {
        int count = decoded.length + added.size();
        out.writeVar(count);
        List<byte[]> encoded = new ArrayList<>(added.size());
        for (int i = 0; i < decoded.length; i++) {
            out.writeVar(starts[i + 1] - starts[i]);
        }
        for (String text : added) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            encoded.add(utf8);
            out.writeVar(utf8.length);
        }
        out.writeRaw(bytes);
        encoded.forEach(utf8 -> out.writeRaw(utf8, 0, utf8.length));
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
            text = CacheInput.utf8(bytes, starts[number], starts[number + 1] - starts[number]);
            decoded[number] = text;
        }
        return text;
    }

    /**
     * The number of {@code text}, added to the table if it is new. The strings read are found by their UTF-8
     * bytes in an open-addressing index, without decoding the table.
     */
    synchronized int number(String text) {
        Integer known = numbers.get(text);
        if (known != null) {
            return known;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (slots == null) {
            slots = index();
        }
        int mask = slots.length - 1;
        for (int slot = hash(utf8, 0, utf8.length) & mask; slots[slot] != 0; slot = slot + 1 & mask) {
            int read = slots[slot] - 1;
            if (sameBytes(starts[read], starts[read + 1], utf8)) {
                numbers.put(text, read);
                return read;
            }
        }
        int number = decoded.length + added.size();
        added.add(text);
        numbers.put(text, number);
        return number;
    }

    /** The strings read, by the hash of their bytes: slot holds the number plus one, 0 when free. */
    private int[] index() {
        int[] index = new int[Integer.highestOneBit(Math.max(8, decoded.length)) * 4]; // at most half full
        int mask = index.length - 1;
        // Hashed from a copy on the heap: a get per byte from the mapped file is several times slower (5 MB at 10k pages).
        byte[] all = new byte[starts[decoded.length]];
        bytes.get(0, all);
        for (int i = 0; i < decoded.length; i++) {
            int slot = hash(all, starts[i], starts[i + 1]) & mask;
            while (index[slot] != 0) {
                slot = slot + 1 & mask;
            }
            index[slot] = i + 1;
        }
        return index;
    }

    private boolean sameBytes(int from, int to, byte[] utf8) {
        if (to - from != utf8.length) {
            return false;
        }
        for (int i = 0; i < utf8.length; i++) {
            if (bytes.get(from + i) != utf8[i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int hash = 0x811c9dc5; // FNV-1a, then mixed: the low bits pick the slot
        for (int i = from; i < to; i++) {
            hash = (hash ^ bytes[i]) * 0x01000193;
        }
        return hash ^ hash >>> 16;
    }

    int size() {
        return decoded.length + added.size();
    }
}
