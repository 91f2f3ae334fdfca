package org.privacysite.internal.cache;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link CacheOutput} wrote, text by its number in the file's {@link StringTable}. A read past
 * the end, a length that cannot be or a number the table does not have is a {@link DamagedCache}: the
 * cache is rebuilt, never trusted.
 */
final class CacheInput {

    private final byte[] bytes;
    private int at;
    private final int end;
    private final StringTable strings;

    CacheInput(byte[] bytes, int offset, int length) {
        this(bytes, offset, length, StringTable.empty());
    }

    CacheInput(byte[] bytes, int offset, int length, StringTable strings) {
        this.bytes = bytes;
        this.at = offset;
        this.end = offset + length;
        this.strings = strings;
    }

    /** A whole record, its text in {@code strings}. */
    static CacheInput of(byte[] record, StringTable strings) {
        return new CacheInput(record, 0, record.length, strings);
    }

    /** What {@link CacheOutput#writeVar} wrote. */
    int readVar() {
        int raw = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int next = readByte();
            raw |= (next & 0x7f) << shift;
            if ((next & 0x80) == 0) {
                return raw >>> 1 ^ -(raw & 1);
            }
        }
        throw new DamagedCache("a number of more than five bytes");
    }

    /** What {@link CacheOutput#writeText} wrote. */
    String readText() {
        int number = readVar();
        return number == 0 ? null : strings.get(number - 1);
    }

    /** The next {@code length} bytes, copied. */
    byte[] readRaw(int length) {
        need(length);
        byte[] value = java.util.Arrays.copyOfRange(bytes, at, at + length);
        at += length;
        return value;
    }

    int readInt() {
        need(4);
        int value = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
        at += 4;
        return value;
    }

    long readLong() {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    int readByte() {
        need(1);
        return bytes[at++] & 0xff;
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    String readString() {
        int length = readInt();
        if (length == -1) {
            return null;
        }
        need(length);
        String text = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        return text;
    }

    byte[] readBytes() {
        int length = readInt();
        if (length == -1) {
            return null;
        }
        need(length);
        byte[] value = java.util.Arrays.copyOfRange(bytes, at, at + length);
        at += length;
        return value;
    }

    /** The next {@code length} bytes, not copied, for a reader of their own. */
    CacheInput slice(int length) {
        need(length);
        CacheInput slice = new CacheInput(bytes, at, length, strings);
        at += length;
        return slice;
    }

    boolean atEnd() {
        return at == end;
    }

    private void need(int length) {
        if (length < 0 || length > end - at) {
            throw new DamagedCache("a record ends before its data");
        }
    }
}
