package org.privacysite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
     * {@link #build()} for the code at {@code code}: of a jar, the names, sizes and checksums of its entries (read from
     * the zip's directory, in milliseconds), because a reproducible build gives every jar of the distribution the same
     * file time (project.build.outputTimestamp), so that a rebuilt jar with other code looked like the old one; of a
     * classes directory (tests, an IDE), the time Version.class was compiled.
     */
    static String build(String version, Path code) throws IOException {
        if (!version.endsWith("-SNAPSHOT")) {
            return version;
        }
        if (Files.isDirectory(code)) {
            return version + "@" + Files.getLastModifiedTime(code.resolve("org/privacysite/Version.class")).toMillis();
        }
        try (ZipFile jar = new ZipFile(code.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (java.util.Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                digest.update((entry.getName() + "\0" + entry.getCrc() + "\0" + entry.getSize() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return version + "@" + HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
