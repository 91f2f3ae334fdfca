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
    /** Where a file's bytes go as they come, or null: then they are kept (a record). */
    private final java.nio.channels.WritableByteChannel sink;
    private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    private long sent;

    CacheOutput() {
        this(256);
    }

    /** With room for {@code capacity} bytes before it grows. */
    CacheOutput(int capacity) {
        this(capacity, null); // no text: hashed parts and the file's own fields are written as strings
    }

    /** For a record whose text goes to {@code strings}. */
    CacheOutput(StringTable strings) {
        this(256, strings);
    }

    private CacheOutput(int capacity, StringTable strings) {
        this(capacity, strings, null);
    }

    private CacheOutput(int capacity, StringTable strings, java.nio.channels.WritableByteChannel sink) {
        bytes = new byte[Math.max(16, capacity)];
        this.strings = strings;
        this.sink = sink;
    }

    /**
     * Bytes that go to {@code sink} a {@link #SLICE} at a time as they are written, never held whole (a 10k site's
     * cache file is 25 MB, which a buffer of its size made the heap zero and the kernel map page by page); the CRC-32C
     * and size cover them all. {@link #finish} sends the last ones.
     */
    static CacheOutput streaming(java.nio.channels.WritableByteChannel sink) {
        return new CacheOutput(SLICE, null, sink);
    }

    /** Sends what a {@link #streaming} output holds still. */
    void finish() {
        send();
    }

    private void send() {
        send(java.nio.ByteBuffer.wrap(bytes, 0, size));
        size = 0;
    }

    private void send(java.nio.ByteBuffer value) {
        crc.update(value.duplicate());
        sent += value.remaining();
        try {
            while (value.hasRemaining()) {
                sink.write(value);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
        if (strings == null) {
            throw new IllegalStateException("text written to an output without a string table"); // a bug: use writeString
        }
        writeVar(text == null ? 0 : strings.number(text) + 1);
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

    /** The CRC-32C of the bytes written ({@link #finish finished}, for a streaming output). */
    int crc() {
        if (sink != null) {
            return (int) crc.getValue();
        }
        java.util.zip.CRC32C all = new java.util.zip.CRC32C();
        all.update(bytes, 0, size);
        return (int) all.getValue();
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
        if (sink != null && length > bytes.length) {
            send();
            send(value.slice(0, length));
            return;
        }
        room(length);
        value.get(0, bytes, size, length);
        size += length;
    }

    void writeRaw(byte[] value, int offset, int length) {
        room(length);
        System.arraycopy(value, offset, bytes, size, length);
        size += length;
    }

    /** How many bytes are held: all those written, but for a {@link #streaming} output (see {@link #written}). */
    int size() {
        return size;
    }

    /** How many bytes were written, those sent included. */
    long written() {
        return sent + size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The bytes written, as a record of the cache file. */
    java.nio.ByteBuffer toRecord() {
        return java.nio.ByteBuffer.wrap(toByteArray());
    }

    private void room(int more) {
        if (sink != null && size + more > bytes.length && size > 0) {
            send();
        }
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
