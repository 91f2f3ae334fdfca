package org.privacysite;

import java.io.IOException;
import java.io.InputStream;
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
     * The version, plus for snapshots the time the generator's code was built: a rebuilt snapshot
     * must not consider a site built by the previous one up to date.
     */
    public static String build() {
        String version = current();
        if (!version.endsWith("-SNAPSHOT")) {
            return version;
        }
        try {
            java.net.URL code = Version.class.getProtectionDomain().getCodeSource().getLocation();
            java.nio.file.Path path = java.nio.file.Path.of(code.toURI());
            java.nio.file.Path stamp = java.nio.file.Files.isDirectory(path) ? path.resolve("org/privacysite/Version.class") : path;
            return version + "@" + java.nio.file.Files.getLastModifiedTime(stamp).toMillis();
        } catch (Exception e) {
            return version; // no code location (unusual class loader): fall back to the version alone
        }
    }
}
