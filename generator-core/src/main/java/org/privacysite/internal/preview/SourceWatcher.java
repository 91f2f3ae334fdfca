package org.privacysite.internal.preview;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches directory trees (content and templates) with the platform's {@link WatchService},
 * registering new subdirectories as they appear. Events are collected until the trees have been quiet
 * for a moment (editors save in several steps), then handed over as one batch of changed paths.
 * A batch that already looks like a finished save of policies (every path a non-empty Markdown file)
 * needs only a short quiet; anything else (a temporary file not yet renamed, a file just truncated
 * or deleted, a template) the full one. Editors' swap and backup files are ignored, and so is
 * anything below {@code ignored} (the output).
 */
final class SourceWatcher implements AutoCloseable {

    private final WatchService service;
    private final List<Path> roots;
    private final List<Path> ignored;
    private final long quietMillis;
    private final long settledMillis;
    private final long maxDelayMillis;
    private final Consumer<Set<Path>> onChange;
    private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();
    private final WatchEvent.Modifier[] modifiers;
    private final Thread thread;

    /**
     * @param roots          directory trees to watch (missing ones are skipped)
     * @param ignored        trees whose changes are never reported, e.g. the output directory
     * @param quietMillis    how long the trees must be quiet before a batch is handed over
     * @param settledMillis  the same for a batch of non-empty Markdown files only (at most {@code quietMillis})
     * @param maxDelayMillis the longest a batch waits for quiet
     * @param onChange       called on the watcher's thread with each batch
     */
    SourceWatcher(List<Path> roots, List<Path> ignored, long quietMillis, long settledMillis, long maxDelayMillis,
            Consumer<Set<Path>> onChange) throws IOException {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.ignored = ignored.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.quietMillis = quietMillis;
        this.settledMillis = Math.min(settledMillis, quietMillis);
        this.maxDelayMillis = maxDelayMillis;
        this.onChange = onChange;
        this.service = FileSystems.getDefault().newWatchService();
        this.modifiers = sensitivity(service);
        for (Path root : this.roots) {
            if (Files.isDirectory(root)) {
                registerTree(root, null);
            }
        }
        this.thread = new Thread(this::run, "privacy-site-preview-watcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Set<Path> batch = new LinkedHashSet<>();
                Set<Path> created = new HashSet<>();
                collect(key, batch, created);
                long first = System.nanoTime();
                while (true) {
                    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first);
                    if (waited >= maxDelayMillis) {
                        break;
                    }
                    long quiet = looksSaved(batch, created) ? settledMillis : quietMillis;
                    WatchKey more = service.poll(Math.min(quiet, maxDelayMillis - waited), TimeUnit.MILLISECONDS);
                    if (more == null) {
                        break;
                    }
                    collect(more, batch, created);
                }
                // files that came and went within the batch: an editor's or sed's temporary copy
                batch.removeIf(path -> created.contains(path) && !Files.exists(path, LinkOption.NOFOLLOW_LINKS));
                if (!batch.isEmpty()) {
                    onChange.accept(Set.copyOf(batch));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /**
     * Whether every path of {@code batch} is a non-empty Markdown file: what an editor's save of a
     * policy leaves once it is done. Its temporary file not yet renamed over the policy, the policy
     * renamed away or just truncated (an in-place save writes after it) are not, nor is a template.
     * A file {@code created} in the batch and gone again (the temporary file, renamed) does not count.
     */
    static boolean looksSaved(Set<Path> batch, Set<Path> created) {
        boolean policies = false;
        for (Path path : batch) {
            if (created.contains(path) && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            policies = true;
            Path name = path.getFileName();
            try {
                if (name == null || !name.toString().endsWith(".md")
                        || Files.size(path) == 0 || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
            } catch (IOException e) {
                return false; // gone, or not readable (yet)
            }
        }
        return policies;
    }

    private void collect(WatchKey key, Set<Path> batch, Set<Path> created) {
        Path directory = directories.get(key);
        if (directory != null) {
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == OVERFLOW) {
                    batch.add(directory); // events were lost: not a page file, so the whole site is rebuilt
                    continue;
                }
                Path changed = directory.resolve((Path) event.context());
                if (isIgnored(changed)) {
                    continue;
                }
                if (event.kind() == ENTRY_CREATE && !batch.contains(changed)) {
                    created.add(changed);
                }
                boolean isDirectory = Files.isDirectory(changed, LinkOption.NOFOLLOW_LINKS);
                if (event.kind() == ENTRY_CREATE && isDirectory) {
                    registerTree(changed, batch);
                    batch.add(changed);
                } else if (event.kind() == ENTRY_MODIFY && isDirectory) {
                    continue; // the changes inside it are reported by its own key
                } else {
                    batch.add(changed);
                }
            }
        } else {
            key.pollEvents();
        }
        if (!key.reset()) {
            directories.remove(key);
        }
    }

    /** Registers {@code root} and the directories below it; adds the files found to {@code found}. */
    private void registerTree(Path root, Set<Path> found) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (isIgnored(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    directories.put(dir.register(service, new WatchEvent.Kind<?>[] {ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY},
                            modifiers), dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (found != null && !isIgnored(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // gone again, or unreadable: the rebuild will say so
                }
            });
        } catch (IOException e) {
            if (found == null) {
                throw new UncheckedIOException("cannot watch " + root, e);
            }
        }
    }

    /** The output tree, and the files editors write beside the one being saved. */
    boolean isIgnored(Path path) {
        for (Path tree : ignored) {
            if (path.startsWith(tree)) {
                return true;
            }
            // OutputDirectory's staging and previous copies live beside the output directory
            Path name = tree.getFileName();
            if (name != null && path.getParent() != null && path.getParent().equals(tree.getParent())
                    && path.getFileName().toString().startsWith("." + name + ".")) {
                return true;
            }
        }
        Path fileName = path.getFileName();
        if (fileName == null) {
            return false;
        }
        String name = fileName.toString();
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".swo")
                || name.startsWith(".#") || (name.startsWith("#") && name.endsWith("#")) || name.equals("4913")
                || name.equals(".DS_Store") || name.endsWith(".tmp") || name.startsWith(".goutputstream-")
                || name.startsWith("~$");
    }

    /** On platforms where the watch service polls (macOS), asks it to poll often; nothing elsewhere. */
    private static WatchEvent.Modifier[] sensitivity(WatchService service) {
        if (!service.getClass().getName().contains("Polling")) {
            return new WatchEvent.Modifier[0];
        }
        try {
            Class<?> type = Class.forName("com.sun.nio.file.SensitivityWatchEventModifier");
            Object high = type.getField("HIGH").get(null);
            return new WatchEvent.Modifier[] {(WatchEvent.Modifier) high};
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new WatchEvent.Modifier[0];
        }
    }

    /** The directories being watched (for tests). */
    List<Path> watchedDirectories() {
        return new ArrayList<>(directories.values());
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            service.close();
        } catch (IOException ignoredClose) {
            // nothing left to release
        }
    }
}
