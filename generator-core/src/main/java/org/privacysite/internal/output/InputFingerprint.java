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

    /** The SHA-256 of every regular file below one directory, by path relative to it (with '/'), and each file's {@link Stamp}. */
    public record HashedFiles(Path directory, SortedMap<String, byte[]> hashes, java.util.Map<String, Stamp> stamps) {
    }

    /**
     * What the file system says of a file without reading it: size, modification and status-change times
     * (nanoseconds) and inode. Any write changes the status-change time, which no tool can set back, so a
     * file with the same stamp has the same bytes (git's index relies on the same).
     */
    public record Stamp(long size, long modified, long changed, long inode) {

        /** The file's stamp, or null where the file system does not give these (not a POSIX one). */
        static Stamp of(Path file) {
            try {
                java.util.Map<String, Object> unix = java.nio.file.Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
                return new Stamp((Long) unix.get("size"), nanos(unix.get("lastModifiedTime")), nanos(unix.get("ctime")), (Long) unix.get("ino"));
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
                return null;
            }
        }

        private static long nanos(Object time) {
            return ((java.nio.file.attribute.FileTime) time).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** The hash a build cache knows for a file with this stamp, or null: then the file is read. */
    @FunctionalInterface
    public interface KnownHashes {
        byte[] hash(int directory, String path, Stamp stamp);
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
        return hash(executor, null, directories);
    }

    /** Like {@link #hash(Executor, Path...)}, taking from {@code known} (if not null) the hashes of files whose stamp it knows. */
    public static List<HashedFiles> hash(Executor executor, KnownHashes known, Path... directories) {
        List<HashedFiles> all = new ArrayList<>();
        for (int index = 0; index < directories.length; index++) {
            Path directory = directories[index];
            if (directory == null || !java.nio.file.Files.isDirectory(directory)) {
                all.add(new HashedFiles(directory, Collections.emptySortedMap(), java.util.Map.of()));
                continue;
            }
            List<Path> files;
            // The walk's own look at each file decides (one file status, not two); a link is followed, as before.
            try (Stream<Path> walk = java.nio.file.Files.find(directory, Integer.MAX_VALUE,
                    org.privacysite.internal.source.SourceFiles::isRegularFile)) {
                files = walk.toList(); // in any order: the hashes are sorted by name below
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sources to fingerprint them", e);
            }
            // In slices: one task per file would cost more than hashing a small policy.
            // The walk's paths are the directory's with the name resolved against it: its text, cut (relativize costs more).
            String base = directory.toString();
            int prefix = base.isEmpty() || base.endsWith(directory.getFileSystem().getSeparator()) ? base.length() : base.length() + 1;
            List<String> names = files.stream().map(file -> file.toString().substring(prefix).replace('\\', '/')).toList();
            Stamp[] stamps = new Stamp[files.size()];
            int which = index;
            List<CompletableFuture<List<byte[]>>> slices = new ArrayList<>();
            int slice = Math.max(16, files.size() / 64);
            for (int from = 0; from < files.size(); from += slice) {
                int start = from;
                int end = Math.min(files.size(), from + slice);
                slices.add(CompletableFuture.supplyAsync(() -> {
                    List<byte[]> part = new ArrayList<>(end - start);
                    for (int i = start; i < end; i++) {
                        byte[] hash = null;
                        if (known != null) {
                            stamps[i] = Stamp.of(files.get(i));
                            hash = stamps[i] == null ? null : known.hash(which, names.get(i), stamps[i]);
                        }
                        part.add(hash != null ? hash : hashOf(files.get(i)));
                    }
                    return part;
                }, executor));
            }
            SortedMap<String, byte[]> hashes = new TreeMap<>();
            java.util.Map<String, Stamp> stamped = new java.util.HashMap<>();
            int at = 0;
            for (CompletableFuture<List<byte[]>> part : slices) {
                for (byte[] hash : joined(part)) {
                    hashes.put(names.get(at), hash);
                    if (stamps[at] != null) {
                        stamped.put(names.get(at), stamps[at]);
                    }
                    at++;
                }
            }
            all.add(new HashedFiles(directory, Collections.unmodifiableSortedMap(hashes), java.util.Collections.unmodifiableMap(stamped)));
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
