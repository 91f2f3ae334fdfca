package org.privacysite.internal.cache;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link CacheOutput} wrote. A read past the end or a length that cannot be is a
 * {@link DamagedCache}: the cache is rebuilt, never trusted.
 */
final class CacheInput {

    private final byte[] bytes;
    private int at;
    private final int end;

    CacheInput(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.at = offset;
        this.end = offset + length;
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
        CacheInput slice = new CacheInput(bytes, at, length);
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
