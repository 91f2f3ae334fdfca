package org.privacysite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Properties;

/** The generator's version, from the build. */
public final class Version {

    private Version() {
    }

    public static String current() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/org/privacysite/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    /**
     * The version, plus for snapshots what identifies the generator's code: a rebuilt snapshot must not consider a
     * site built by the previous one up to date, nor trust its build cache.
     */
    public static String build() {
        return Build.VALUE;
    }

    /** Worked out once per class loader: the build cache and the output's stamp both ask for it. */
    private static final class Build {
        static final String VALUE = identify();

        private static String identify() {
            try {
                java.net.URL code = Version.class.getProtectionDomain().getCodeSource().getLocation();
                return build(current(), Path.of(code.toURI()));
            } catch (Exception e) {
                return current(); // no code location (unusual class loader): fall back to the version alone
            }
        }
    }

    /**
     * {@link #build()} for the code at {@code code}: of a jar, a hash of the zip's central directory (every entry's name,
     * size and checksum: a few MB, read in milliseconds, checksummed twice), because a reproducible build gives every jar of the distribution
     * the same file time (project.build.outputTimestamp), so that a rebuilt jar with other code looked like the old one;
     * of a classes directory (tests, an IDE), the time Version.class was compiled.
     */
    static String build(String version, Path code) throws IOException {
        if (!version.endsWith("-SNAPSHOT")) {
            return version;
        }
        if (Files.isDirectory(code)) {
            return version + "@" + Files.getLastModifiedTime(code.resolve("org/privacysite/Version.class")).toMillis();
        }
        // Two checksums (CRC-32 and CRC-32C, 64 bits together) rather than SHA-256: they run in native code from the
        // first call, where SHA-256 over the 3 MB directory took 70 ms of every command's start (compiled by C1 alone).
        // What they guard against is a rebuilt jar, not a forged one.
        byte[] directory = centralDirectory(code);
        java.util.zip.CRC32 crc32 = new java.util.zip.CRC32();
        crc32.update(directory);
        java.util.zip.CRC32C crc32c = new java.util.zip.CRC32C();
        crc32c.update(directory);
        return version + "@" + HexFormat.of().toHexDigits(crc32.getValue() << 32 | crc32c.getValue());
    }

    /** The central directory of the zip file {@code jar}, found through its end record (the last 22 to 65,557 bytes). */
    private static byte[] centralDirectory(Path jar) throws IOException {
        try (FileChannel file = FileChannel.open(jar)) {
            int tailLength = (int) Math.min(file.size(), 22 + 65_535);
            ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
            readFully(file, tail, file.size() - tailLength);
            for (int end = tailLength - 22; end >= 0; end--) {
                if (tail.getInt(end) == 0x06054b50) {
                    long size = Integer.toUnsignedLong(tail.getInt(end + 12));
                    long offset = Integer.toUnsignedLong(tail.getInt(end + 16));
                    if (size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL || offset + size > file.size()) {
                        break; // a zip64 file, or not a zip: hash the whole file instead
                    }
                    ByteBuffer directory = ByteBuffer.allocate((int) size);
                    readFully(file, directory, offset);
                    return directory.array();
                }
            }
            return Files.readAllBytes(jar);
        }
    }

    private static void readFully(FileChannel file, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) >= 0) {
            // a file channel may read less than asked
        }
    }
}
