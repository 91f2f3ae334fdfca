package org.privacysite.internal.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link CacheOutput} wrote, text by its number in the file's {@link StringTable}. A read past
 * the end, a length that cannot be or a number the table does not have is a {@link DamagedCache}: the
 * cache is rebuilt, never trusted. The bytes may be the cache file mapped into memory: they are read with
 * absolute gets only, so that any number of readers share one buffer.
 */
final class CacheInput {

    private final ByteBuffer bytes;
    private int at;
    private final int end;
    private final StringTable strings;

    CacheInput(byte[] bytes, int offset, int length) {
        this(ByteBuffer.wrap(bytes), offset, length, StringTable.empty());
    }

    private CacheInput(ByteBuffer bytes, int offset, int length, StringTable strings) {
        this.bytes = bytes;
        this.at = offset;
        this.end = offset + length;
        this.strings = strings;
    }

    /** Everything of {@code bytes} (from 0 to its limit), its text in no table. */
    static CacheInput of(ByteBuffer bytes) {
        return new CacheInput(bytes, 0, bytes.limit(), StringTable.empty());
    }

    /** A whole record, its text in {@code strings}. */
    static CacheInput of(ByteBuffer record, StringTable strings) {
        return new CacheInput(record, 0, record.limit(), strings);
    }

    /** A whole record, its text in {@code strings}. */
    static CacheInput of(byte[] record, StringTable strings) {
        return of(ByteBuffer.wrap(record), strings);
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

    /** The next {@code length} bytes, not copied (positioned at 0, limited to {@code length}). */
    ByteBuffer readRaw(int length) {
        need(length);
        ByteBuffer value = bytes.slice(at, length);
        at += length;
        return value;
    }

    int readInt() {
        need(4);
        int value = bytes.getInt(at); // big-endian, as CacheOutput writes it
        at += 4;
        return value;
    }

    long readLong() {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    int readByte() {
        need(1);
        return bytes.get(at++) & 0xff;
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
        String text = utf8(bytes, at, length);
        at += length;
        return text;
    }

    /** What {@link CacheOutput#writeBytes} wrote, copied: for small values such as hashes. */
    byte[] readBytes() {
        ByteBuffer value = readRecord();
        if (value == null) {
            return null;
        }
        byte[] copy = new byte[value.limit()];
        value.get(0, copy);
        return copy;
    }

    /** What {@link CacheOutput#writeBytes} wrote, not copied: a record of the cache file. */
    ByteBuffer readRecord() {
        int length = readInt();
        return length == -1 ? null : readRaw(length);
    }

    /** Passes over what {@link CacheOutput#writeBytes} wrote. */
    void skipBytes() {
        int length = readInt();
        if (length != -1) {
            need(length);
            at += length;
        }
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

    /** {@code length} bytes of {@code bytes} from {@code from}, decoded as UTF-8. */
    static String utf8(ByteBuffer bytes, int from, int length) {
        if (bytes.hasArray()) {
            return new String(bytes.array(), bytes.arrayOffset() + from, length, StandardCharsets.UTF_8);
        }
        byte[] copy = new byte[length];
        bytes.get(from, copy);
        return new String(copy, StandardCharsets.UTF_8);
    }
}
