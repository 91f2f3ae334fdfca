package org.privacysite.internal.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import org.privacysite.internal.rules.ConfigRules;

/**
 * Writes a site into a fresh directory beside the target and swaps it in only when writing
 * succeeded, so a failed build leaves the previous site exactly as it was.
 */
public final class OutputDirectory {

    private OutputDirectory() {
    }

    /**
     * Runs {@code writer} on an empty staging directory, then replaces {@code target} with it. The
     * writer must leave the build stamp ({@link InputFingerprint#FILE_NAME}) in the directory.
     */
    public static void replace(Path target, Consumer<Path> writer) {
        replace(target, writer, false);
    }

    /**
     * Like {@link #replace(Path, Consumer)}, for a build that changes few files (the build cache's): the
     * staging directory starts as the spare site that the last such build kept (when there is one), and the
     * replaced site becomes the next spare instead of being deleted. The writer must bring every file of the
     * staging directory up to date; creating and deleting thousands of unchanged files is what it saves.
     */
    public static void replaceReusingSpare(Path target, Consumer<Path> writer) {
        replace(target, writer, true);
    }

    /**
     * After a full build: makes the spare site of {@code target} a copy of it by hard links, so that the next
     * {@link #replaceReusingSpare} starts from the published files themselves instead of linking each of them
     * then. Where the file system has no hard links the spare is left out (that build then copies what it needs).
     */
    public static void makeSpare(Path target) {
        Path from = target.toAbsolutePath().normalize();
        Path spare = spare(from);
        try {
            delete(spare);
            mirror(from, spare, (file, link) -> Files.createLink(link, file));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            try {
                delete(spare); // half a spare would only be compared file by file: none is as good
            } catch (IOException ignored) {
                // the next build that reuses it looks at each file anyway
            }
        }
    }

    /** The spare site beside {@code target}, see {@link #replaceReusingSpare}. */
    public static Path spare(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".spare");
    }

    private static void replace(Path target, Consumer<Path> writer, boolean reuseSpare) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        String name = absolute.getFileName().toString();
        try {
            requireCreatable(parent);
            Files.createDirectories(parent);
            recover(absolute);
            requireReplaceable(absolute);
            // Not createTempDirectory: its owner-only permissions would hide the site from the web server.
            Path staging = parent.resolve("." + name + ".new-" + Long.toHexString(System.nanoTime()));
            Path spare = spare(absolute);
            if (reuseSpare && Files.isDirectory(spare, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                move(spare, staging);
            } else {
                delete(spare); // out of date once a full build replaced the site
                Files.createDirectory(staging);
            }
            try {
                writer.accept(staging);
            } catch (RuntimeException | Error e) {
                delete(staging);
                throw e;
            }
            swap(staging, absolute, reuseSpare ? spare : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the site to " + target, e);
        }
    }

    /**
     * Cleans up after a build that was killed: staging directories are dropped, and if the process
     * died between the two renames of the swap (target moved away, new site not yet in place), the
     * previous site is put back.
     */
    public static void recover(Path target) throws IOException {
        Path parent = target.toAbsolutePath().normalize().getParent();
        String name = target.getFileName().toString();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (var siblings = Files.list(parent)) {
            for (Path sibling : (Iterable<Path>) siblings.sorted()::iterator) {
                String siblingName = sibling.getFileName().toString();
                if (siblingName.startsWith("." + name + ".new-")) {
                    delete(sibling);
                } else if (siblingName.startsWith("." + name + ".old-")) {
                    if (Files.exists(target)) {
                        delete(sibling);
                    } else {
                        move(sibling, target);
                    }
                }
            }
        }
    }

    /**
     * Only a missing or empty directory, or a site this tool built (it has the build stamp), may be
     * replaced: {@code --out .} must never wipe a project.
     */
    private static void requireReplaceable(Path target) throws IOException {
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean replaceable = false;
        if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var entries = Files.list(target)) {
                replaceable = entries.findAny().isEmpty() || holdsBuiltSite(target);
            }
        }
        if (!replaceable) {
            throw new org.privacysite.ConfigurationException(org.privacysite.Finding.of(org.privacysite.Location.of(target),
                    ConfigRules.OUTPUT, "the output " + (Files.isDirectory(target) ? "directory holds files that this tool did not build"
                            : "path is not a directory") + "; it is not replaced. Choose a new or empty directory, or a previous site"));
        }
    }

    /** Whether {@code directory} holds a site this tool built: it has the build stamp ({@link InputFingerprint#FILE_NAME}). */
    public static boolean holdsBuiltSite(Path directory) {
        return Files.isRegularFile(directory.resolve(InputFingerprint.FILE_NAME));
    }

    /** A file where a folder of the output path should be is the user's to fix, not our bug. */
    private static void requireCreatable(Path directory) {
        for (Path ancestor = directory; ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor) && !Files.isDirectory(ancestor)) {
                throw new org.privacysite.ConfigurationException(org.privacysite.Finding.of(org.privacysite.Location.of(ancestor),
                        ConfigRules.OUTPUT, "this is a file, so the output directory " + directory
                                + " cannot be created below it; choose another output directory"));
            }
        }
    }

    private static void swap(Path staging, Path target, Path spare) throws IOException {
        Path previous = null;
        if (Files.exists(target)) {
            previous = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
            move(target, previous);
        }
        move(staging, target);
        if (previous != null && spare != null) {
            move(previous, spare);
        } else if (previous != null) {
            delete(previous);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a directory tree; used for staging and replaced sites only. */
    public static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Copies the tree {@code source} into {@code target} (created if missing); existing files are not replaced. */
    public static void copyTree(Path source, Path target) throws IOException {
        mirror(source, target, (file, copy) -> Files.copy(file, copy));
    }

    /** What {@link #mirror} does with each file: {@code file} of the source tree, {@code destination} its place in the target. */
    private interface FileAction {
        void apply(Path file, Path destination) throws IOException;
    }

    /** Makes the folders of the tree {@code source} in {@code target}, and {@code action} for each of its files. */
    private static void mirror(Path source, Path target, FileAction action) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                action.apply(file, target.resolve(source.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
