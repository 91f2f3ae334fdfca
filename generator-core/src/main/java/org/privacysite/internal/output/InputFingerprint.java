package org.privacysite.internal.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A hash of everything a build reads (every file under the content and templates directories, and
 * the generator's version), stored in the output so an unchanged site is not rendered again.
 */
public final class InputFingerprint {

    /** The stamp file inside the output directory. */
    public static final String FILE_NAME = ".privacy-site-build";

    private InputFingerprint() {
    }

    public static String of(String generatorVersion, Path... directories) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(generatorVersion.getBytes(StandardCharsets.UTF_8));
            for (Path directory : directories) {
                if (!Files.isDirectory(directory)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        digest.update(directory.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                        digest.update(Files.readAllBytes(file));
                        digest.update((byte) 0);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources to fingerprint them", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code outputDirectory} was built from inputs with this fingerprint. */
    public static boolean matches(Path outputDirectory, String fingerprint) {
        Path stamp = outputDirectory.resolve(FILE_NAME);
        try {
            return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    public static void write(Path outputDirectory, String fingerprint) {
        try {
            Files.writeString(outputDirectory.resolve(FILE_NAME), fingerprint + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build stamp", e);
        }
    }
}
