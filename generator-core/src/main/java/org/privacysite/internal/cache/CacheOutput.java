package org.privacysite.internal.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bytes written for the build cache: fixed-size numbers big-endian, small ones as {@link #writeVar
 * varints}, strings as length and UTF-8 (-1 for null) or, in records, as their number in the file's
 * {@link StringTable}.
 */
final class CacheOutput {

    private byte[] bytes;
    private int size;
    private final StringTable strings;

    CacheOutput() {
        this(256);
    }

    /** With room for {@code capacity} bytes before it grows. */
    CacheOutput(int capacity) {
        this(capacity, StringTable.empty());
    }

    /** For a record whose text goes to {@code strings}. */
    CacheOutput(StringTable strings) {
        this(256, strings);
    }

    private CacheOutput(int capacity, StringTable strings) {
        bytes = new byte[Math.max(16, capacity)];
        this.strings = strings;
    }

    /** {@code value} in one byte from -64 to 63, two to 8191, and so on (zigzag, then 7 bits a byte). */
    void writeVar(int value) {
        int raw = value << 1 ^ value >> 31;
        while ((raw & ~0x7f) != 0) {
            writeByte(raw & 0x7f | 0x80);
            raw >>>= 7;
        }
        writeByte(raw);
    }

    /** {@code text} by its number in the string table (0 for null). */
    void writeText(String text) {
        writeVar(text == null ? 0 : strings.number(text) + 1);
    }

    /**
     * The bytes written, without copying them, in slices: a file's stream copies each write into a native
     * buffer of its size, which the JDK keeps for the thread (one write of a 10k site's cache: 67 MB more RSS).
     */
    void writeTo(java.io.OutputStream out) throws java.io.IOException {
        for (int at = 0; at < size; at += SLICE) {
            out.write(bytes, at, Math.min(SLICE, size - at));
        }
    }

    /** The bytes a file read or write moves at once, here and in {@link CacheFile#read}. */
    static final int SLICE = 1 << 20;

    /** A new output for a part of a record, its text going to the same string table. */
    CacheOutput another() {
        return new CacheOutput(256, strings);
    }

    /** The bytes written, appended to {@code out}. */
    void appendTo(CacheOutput out) {
        out.writeRaw(bytes, 0, size);
    }

    /** The CRC-32C of the bytes written. */
    int crc() {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, size);
        return (int) crc.getValue();
    }

    void writeInt(int value) {
        room(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    void writeByte(int value) {
        room(1);
        bytes[size++] = (byte) value;
    }

    void writeString(String text) {
        if (text == null) {
            writeInt(-1);
            return;
        }
        writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Length, then the bytes; null as -1. */
    void writeBytes(byte[] value) {
        if (value == null) {
            writeInt(-1);
            return;
        }
        writeInt(value.length);
        writeRaw(value, 0, value.length);
    }

    /** Length, then the record's bytes (from 0 to its limit); null as -1. */
    void writeBytes(java.nio.ByteBuffer record) {
        if (record == null) {
            writeInt(-1);
            return;
        }
        writeInt(record.limit());
        writeRaw(record);
    }

    /** The bytes of {@code value} from 0 to its limit. */
    void writeRaw(java.nio.ByteBuffer value) {
        int length = value.limit();
        room(length);
        value.get(0, bytes, size, length);
        size += length;
    }

    void writeRaw(byte[] value, int offset, int length) {
        room(length);
        System.arraycopy(value, offset, bytes, size, length);
        size += length;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The bytes written, as a record of the cache file. */
    java.nio.ByteBuffer toRecord() {
        return java.nio.ByteBuffer.wrap(toByteArray());
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
