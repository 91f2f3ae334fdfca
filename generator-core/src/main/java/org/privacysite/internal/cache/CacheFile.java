package org.privacysite.internal.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.output.InputFingerprint;

/**
 * The build cache's one file: a header (what wrote it), the records, and a CRC-32C of the records.
 * A file with another header, a wrong length or checksum is {@link DamagedCache damaged}; one written
 * by another generator version or format is simply out of date.
 */
final class CacheFile {

    /** Raised whenever the layout below changes. */
    static final int FORMAT = 7;
    private static final byte[] MAGIC = "privacy-site build cache\n".getBytes(StandardCharsets.US_ASCII);
    private static final boolean WINDOWS = java.io.File.separatorChar == '\\';

    /** A file of the output as the previous build published it: reused while its size and modification time are unchanged. */
    record OutputFile(long size, long modified) {
    }

    /** An input file's stamp and hash: while the stamp is the same, the file is not read again. */
    record InputFile(InputFingerprint.Stamp stamp, byte[] hash) {
    }

    /**
     * One page's records, each kept as the bytes it was written as (a slice of the file read, not a copy): a record
     * that a build does not change is written again as it was.
     *
     * @param source     the page's file SHA-256
     * @param structure  its {@code PageCodec.structure}
     * @param page       its {@link PageCodec} record
     * @param references its reference findings (cross-references, facts, cookie tables)
     * @param contents   its clause contents for the parity check ({@code PageContents.written}), empty or null for none
     */
    record PageRecords(byte[] source, ByteBuffer structure, ByteBuffer page, ByteBuffer references, ByteBuffer contents) {
    }

    /**
     * The records. The writer takes the pages in their map's order, one entry at a time: a build hands it a view
     * that encodes each page as it is asked for ({@code CachedBuild.save}), so that they are never all held at once.
     *
     * @param inputs     the key of everything but the policy texts (see {@code CacheKey})
     * @param output     the output directory the build published
     * @param strings    the text the records name by number
     * @param pages      each page's records
     * @param links      each HTML file's link findings and face, by its path in the site ({@code ""}: the site's own)
     * @param parity     each document's parity findings
     * @param files      every file of the published output but the build stamp
     * @param stamps     the input files, by the index of their directory, ':' and their path
     */
    record Contents(String generator, String inputs, String output, StringTable strings, Map<PageKey, PageRecords> pages,
                    Map<String, ByteBuffer> links, Map<String, ByteBuffer> parity, Map<String, OutputFile> files,
                    Map<String, InputFile> stamps) {
    }

    private CacheFile() {
    }

    /**
     * Writes {@code contents} to {@code file}. The string table comes last, after the records that add to it, and the
     * header says where it starts.
     */
    static void write(Path file, Contents contents) throws IOException {
        Files.createDirectories(file.getParent());
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            CacheOutput header = new CacheOutput();
            header.writeRaw(MAGIC, 0, MAGIC.length);
            header.writeInt(FORMAT);
            header.writeString(contents.generator());
            long lengthAt = header.size();
            header.writeInt(0); // the length of the records and the table, known once they are written
            header.writeInt(0); // where the table starts in them
            writeFully(channel, header.toByteArray());
            CacheOutput body = CacheOutput.streaming(channel);
            writeRecords(body, contents);
            long tableAt = body.written();
            contents.strings().write(body);
            body.finish();
            if (body.written() > Integer.MAX_VALUE - 64) {
                throw new IOException("the cache would be larger than a cache file can be");
            }
            CacheOutput trailer = new CacheOutput();
            trailer.writeInt(body.crc());
            writeFully(channel, trailer.toByteArray());
            CacheOutput lengths = new CacheOutput();
            lengths.writeInt((int) body.written());
            lengths.writeInt((int) tableAt);
            writeFully(channel.position(lengthAt), lengths.toByteArray());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeRecords(CacheOutput body, Contents contents) {
        body.writeString(contents.inputs());
        body.writeString(contents.output());
        body.writeInt(contents.pages().size());
        for (Map.Entry<PageKey, PageRecords> page : contents.pages().entrySet()) {
            PageRecords records = page.getValue();
            body.writeString(page.getKey().locale());
            body.writeString(page.getKey().document());
            body.writeBytes(records.source());
            body.writeBytes(records.structure());
            body.writeBytes(records.page());
            body.writeBytes(records.references());
            body.writeBytes(records.contents() != null ? records.contents() : ByteBuffer.allocate(0));
        }
        writeMap(body, contents.links());
        writeMap(body, contents.parity());
        body.writeInt(contents.files().size());
        contents.files().forEach((path, output) -> {
            body.writeString(path);
            body.writeLong(output.size());
            body.writeLong(output.modified());
        });
        body.writeInt(contents.stamps().size());
        contents.stamps().forEach((path, input) -> {
            body.writeString(path);
            body.writeLong(input.stamp().size());
            body.writeLong(input.stamp().modified());
            body.writeLong(input.stamp().changed());
            body.writeLong(input.stamp().inode());
            body.writeBytes(input.hash());
        });
    }

    /** {@code bytes} at the channel's position. */
    private static void writeFully(java.nio.channels.FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * The bytes of {@code file}: mapped into memory, outside the heap, so that its records need neither a
     * copy nor the collector's copying (an edit of a 10k site: 25 MB read and 19 MB of records copied out,
     * most of the young collections' work). Not on Windows, where a mapped file cannot be replaced, as the next
     * cache is; there it is read {@link CacheOutput#SLICE} at a time (a read of the whole file would have the JDK
     * copy it through a native buffer of its size, which it keeps for the thread).
     */
    private static ByteBuffer contentsOf(Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 64) {
                throw new DamagedCache("it is larger than any cache file");
            }
            if (!WINDOWS) {
                return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining()) {
                buffer.limit(Math.min(buffer.capacity(), buffer.position() + CacheOutput.SLICE));
                if (channel.read(buffer) < 0) {
                    throw new DamagedCache("it ended while being read");
                }
                buffer.limit(buffer.capacity());
            }
            return buffer.clear();
        }
    }

    private static void writeMap(CacheOutput out, Map<String, ByteBuffer> records) {
        out.writeInt(records.size());
        records.forEach((key, record) -> {
            out.writeString(key);
            out.writeBytes(record);
        });
    }

    /** The cache was written by another generator version or in another format: out of date, not damaged. */
    static final class OutOfDate extends Exception {
        OutOfDate(String writtenBy) {
            super(writtenBy, null, false, false);
        }
    }

    /**
     * The contents of {@code file}.
     *
     * @throws OutOfDate   when it was written by another generator or format
     * @throws DamagedCache when it is not a whole cache file
     */
    static Contents read(Path file, String generator) throws IOException, OutOfDate {
        ByteBuffer bytes = contentsOf(file);
        if (bytes.limit() < MAGIC.length || !bytes.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new DamagedCache("it does not start like a cache file");
        }
        CacheInput header = CacheInput.of(bytes);
        header.readRaw(MAGIC.length);
        int format = header.readInt();
        String writtenBy = header.readString();
        if (format != FORMAT || !generator.equals(writtenBy)) {
            throw new OutOfDate(format != FORMAT ? "cache format " + format : writtenBy);
        }
        int length = header.readInt();
        int tableAt = header.readInt();
        if (tableAt < 0 || length < tableAt) {
            throw new DamagedCache("its string table starts outside its records");
        }
        CacheInput records = header.slice(tableAt);
        CacheInput table = header.slice(length - tableAt);
        int expected = header.readInt();
        if (!header.atEnd()) {
            throw new DamagedCache("it has bytes after its checksum");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.slice(bytes.limit() - length - 4, length));
        if ((int) crc.getValue() != expected) {
            throw new DamagedCache("its checksum does not match its contents");
        }
        StringTable strings = StringTable.read(table);
        if (!table.atEnd()) {
            throw new DamagedCache("its string table ends early");
        }
        String inputs = records.readString();
        String output = records.readString();
        Map<PageKey, PageRecords> pages = new LinkedHashMap<>();
        for (int i = records.readInt(); i > 0; i--) {
            PageKey key = new PageKey(records.readString(), records.readString());
            pages.put(key, new PageRecords(records.readBytes(), records.readRecord(), records.readRecord(), records.readRecord(),
                    records.readRecord()));
        }
        Map<String, ByteBuffer> links = readMap(records);
        Map<String, ByteBuffer> parity = readMap(records);
        Map<String, OutputFile> files = new LinkedHashMap<>();
        for (int i = records.readInt(); i > 0; i--) {
            files.put(records.readString(), new OutputFile(records.readLong(), records.readLong()));
        }
        Map<String, InputFile> stamps = new java.util.HashMap<>();
        for (int i = records.readInt(); i > 0; i--) {
            String path = records.readString();
            stamps.put(path, new InputFile(new InputFingerprint.Stamp(records.readLong(), records.readLong(), records.readLong(),
                    records.readLong()), records.readBytes()));
        }
        if (!records.atEnd()) {
            throw new DamagedCache("its records end early");
        }
        return new Contents(generator, inputs, output, strings, pages, links, parity, files, stamps);
    }

    private static Map<String, ByteBuffer> readMap(CacheInput in) {
        Map<String, ByteBuffer> records = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            records.put(in.readString(), in.readRecord());
        }
        return records;
    }
}
