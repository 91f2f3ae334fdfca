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

import org.privacysite.internal.concurrent.Jobs;

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

        /** The stamp in a file's attributes of the "unix" view (which a file system that is no POSIX one lacks). */
        static Stamp of(java.util.Map<String, Object> unix) {
            return new Stamp((Long) unix.get("size"), nanos(unix.get("lastModifiedTime")), nanos(unix.get("ctime")), (Long) unix.get("ino"));
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
        return hash(executor, known, Jobs.joined(list(executor, directories)));
    }

    /**
     * Every regular file of {@code directories} (none for a missing one) with its stamp, listed on {@code executor}:
     * what {@link #hash(Executor, KnownHashes, List)} hashes. Apart, so that a build cache is read meanwhile.
     */
    public static CompletableFuture<List<Listing>> list(Executor executor, Path... directories) {
        List<CompletableFuture<Listing>> listings = new ArrayList<>();
        for (Path directory : directories) {
            listings.add(directory == null || !java.nio.file.Files.isDirectory(directory)
                    ? CompletableFuture.completedFuture(new Listing(directory, List.of()))
                    : walk(directory, "", executor).thenApply(files -> new Listing(directory, files)));
        }
        return Jobs.allOf(listings);
    }

    /** The files of {@code listings} hashed, in slices on {@code executor}, each taken from {@code known} (if not null) when it knows its stamp. */
    public static List<HashedFiles> hash(Executor executor, KnownHashes known, List<Listing> listings) {
        List<HashedFiles> all = new ArrayList<>();
        for (int index = 0; index < listings.size(); index++) {
            List<Found> files = listings.get(index).files();
            int which = index;
            // One task per file would cost more than hashing a small policy.
            List<byte[]> hashed = Jobs.inSlices(files, Math.max(16, files.size() / 64), executor, part -> {
                List<byte[]> slice = new ArrayList<>(part.size());
                for (Found file : part) {
                    byte[] hash = known == null || file.stamp() == null ? null : known.hash(which, file.name(), file.stamp());
                    slice.add(hash != null ? hash : hashOf(file.path()));
                }
                return slice;
            });
            SortedMap<String, byte[]> hashes = new TreeMap<>();
            java.util.Map<String, Stamp> stamped = new java.util.HashMap<>();
            for (int at = 0; at < files.size(); at++) {
                Found file = files.get(at);
                hashes.put(file.name(), hashed.get(at));
                if (known != null && file.stamp() != null) {
                    stamped.put(file.name(), file.stamp());
                }
            }
            all.add(new HashedFiles(listings.get(index).directory(), Collections.unmodifiableSortedMap(hashes),
                    java.util.Collections.unmodifiableMap(stamped)));
        }
        return List.copyOf(all);
    }

    /** The regular files of one directory, as {@link #list} found them. */
    public record Listing(Path directory, List<Found> files) {
    }

    /** A regular file found by {@link #walk}: its name below the walked directory (with '/'), path and stamp (or null). */
    public record Found(String name, Path path, Stamp stamp) {
    }

    /**
     * Every regular file below {@code folder}, and every link to one (a link to a folder is not followed), found on
     * {@code executor}: one file status for each entry, which both tells a file from a folder and is its stamp (the
     * directory walk of java.nio, and then the stamp, took two; 10,000 of them on one thread were 0.15 s of each edit).
     * Each folder's entries are looked at in slices, its subfolders walked as they are found.
     */
    private static CompletableFuture<List<Found>> walk(Path folder, String prefix, Executor executor) {
        List<Path> entries = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> listing = java.nio.file.Files.newDirectoryStream(folder)) {
            listing.forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources to fingerprint them", e);
        }
        List<CompletableFuture<List<Found>>> parts = new ArrayList<>();
        int slice = Math.max(16, entries.size() / 16);
        for (int from = 0; from < entries.size(); from += slice) {
            List<Path> part = entries.subList(from, Math.min(entries.size(), from + slice));
            parts.add(CompletableFuture.supplyAsync(() -> {
                List<Found> files = new ArrayList<>(part.size());
                List<CompletableFuture<List<Found>>> below = new ArrayList<>();
                for (Path entry : part) {
                    String name = prefix + entry.getFileName();
                    Look look = Look.of(entry);
                    if (look.folder()) {
                        below.add(walk(entry, name + "/", executor));
                    } else if (look.file()) {
                        files.add(new Found(name, entry, look.stamp()));
                    }
                }
                return below.isEmpty() ? CompletableFuture.completedFuture(files) : joinedAsync(files, below);
            }, executor).thenCompose(found -> found));
        }
        return joinedAsync(List.of(), parts);
    }

    /** {@code first} followed by what each of {@code rest} gives, once all have. */
    private static CompletableFuture<List<Found>> joinedAsync(List<Found> first, List<CompletableFuture<List<Found>>> rest) {
        return Jobs.allOf(rest).thenApply(parts -> {
            List<Found> all = new ArrayList<>(first);
            parts.forEach(all::addAll);
            return all;
        });
    }

    /**
     * What one file status (not following a link) says of a folder entry: a folder to walk, a regular file (or a link to
     * one) with its stamp, or neither. Where the file system gives no POSIX stamp, a file's stamp is null.
     */
    private record Look(boolean folder, boolean file, Stamp stamp) {
        private static final int TYPE = 0170000;
        private static final int FOLDER = 0040000;
        private static final int REGULAR = 0100000;
        private static final int LINK = 0120000;
        private static final String ATTRIBUTES = "unix:mode,size,lastModifiedTime,ctime,ino";

        static Look of(Path entry) {
            try {
                java.util.Map<String, Object> unix = java.nio.file.Files.readAttributes(entry, ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                int type = (Integer) unix.get("mode") & TYPE;
                if (type == LINK) { // a file through its link (and its stamp the linked file's), a folder not
                    java.util.Map<String, Object> target = java.nio.file.Files.readAttributes(entry, ATTRIBUTES);
                    boolean file = ((Integer) target.get("mode") & TYPE) == REGULAR;
                    return new Look(false, file, file ? Stamp.of(target) : null);
                }
                return new Look(type == FOLDER, type == REGULAR, type == REGULAR ? Stamp.of(unix) : null);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return withoutStamp(entry);
            } catch (IOException e) {
                return new Look(false, false, null); // gone since it was listed
            }
        }

        private static Look withoutStamp(Path entry) {
            try {
                java.nio.file.attribute.BasicFileAttributes look = java.nio.file.Files.readAttributes(entry,
                        java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                return new Look(look.isDirectory(), org.privacysite.internal.source.SourceFiles.isRegularFile(entry, look), null);
            } catch (IOException e) {
                return new Look(false, false, null);
            }
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
