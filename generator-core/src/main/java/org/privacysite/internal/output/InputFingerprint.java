package org.privacysite.internal.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * A hash of everything a build reads (every file under the content and templates directories, and
 * the generator's version), stored in the output so an unchanged site is not rendered again. It is
 * made of one SHA-256 per file, so that the build cache can tell which files changed from the same reading.
 */
public final class InputFingerprint {

    /** The stamp file inside the output directory. */
    public static final String FILE_NAME = ".privacy-site-build";

    private InputFingerprint() {
    }

    /** The SHA-256 of every regular file below one directory, by path relative to it (with '/'). */
    public record HashedFiles(Path directory, SortedMap<String, byte[]> hashes) {
    }

    public static String of(String generatorVersion, Path... directories) {
        return of(generatorVersion, hash(Runnable::run, directories));
    }

    /** The fingerprint of files hashed by {@link #hash}. */
    public static String of(String generatorVersion, List<HashedFiles> inputs) {
        MessageDigest digest = sha256();
        digest.update(generatorVersion.getBytes(StandardCharsets.UTF_8));
        for (HashedFiles input : inputs) {
            digest.update((byte) 1);
            for (var file : input.hashes().entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hashes every regular file of {@code directories} (a missing one has none), reading on {@code executor}. */
    public static List<HashedFiles> hash(Executor executor, Path... directories) {
        List<HashedFiles> all = new ArrayList<>();
        for (Path directory : directories) {
            if (directory == null || !java.nio.file.Files.isDirectory(directory)) {
                all.add(new HashedFiles(directory, Collections.emptySortedMap()));
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = java.nio.file.Files.walk(directory)) {
                files = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sources to fingerprint them", e);
            }
            // In slices: one task per file would cost more than hashing a small policy.
            List<CompletableFuture<List<byte[]>>> slices = new ArrayList<>();
            int slice = Math.max(16, files.size() / 64);
            for (int from = 0; from < files.size(); from += slice) {
                List<Path> part = files.subList(from, Math.min(files.size(), from + slice));
                slices.add(CompletableFuture.supplyAsync(() -> part.stream().map(InputFingerprint::hashOf).toList(), executor));
            }
            SortedMap<String, byte[]> hashes = new TreeMap<>();
            int at = 0;
            for (CompletableFuture<List<byte[]>> part : slices) {
                for (byte[] hash : joined(part)) {
                    hashes.put(directory.relativize(files.get(at++)).toString().replace('\\', '/'), hash);
                }
            }
            all.add(new HashedFiles(directory, Collections.unmodifiableSortedMap(hashes)));
        }
        return List.copyOf(all);
    }

    private static List<byte[]> joined(CompletableFuture<List<byte[]>> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static byte[] hashOf(Path file) {
        try {
            return sha256().digest(java.nio.file.Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to fingerprint it", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code outputDirectory} was built from inputs with this fingerprint. */
    public static boolean matches(Path outputDirectory, String fingerprint) {
        Path stamp = outputDirectory.resolve(FILE_NAME);
        try {
            return java.nio.file.Files.isRegularFile(stamp)
                    && java.nio.file.Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    public static void write(Path outputDirectory, String fingerprint) {
        try {
            java.nio.file.Files.writeString(outputDirectory.resolve(FILE_NAME), fingerprint + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build stamp", e);
        }
    }
}
