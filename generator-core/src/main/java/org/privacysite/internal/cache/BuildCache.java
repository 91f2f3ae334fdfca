package org.privacysite.internal.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.privacysite.Rule;
import org.privacysite.internal.concurrent.Jobs;
import org.privacysite.internal.output.InputFingerprint;

/**
 * The persistent build cache of one output directory: what the last published build read and found,
 * page by page, so that the next build parses, renders and checks only what changed (see
 * {@link CachedBuild}). It lives in a directory of its own, one file per output directory. A damaged
 * file, or one from another generator version, is never trusted: the build starts from scratch and
 * writes it anew.
 */
public final class BuildCache {

    private final Path file;
    private final Path output;
    private final String generator;
    private final PageCodec codec;
    private final Consumer<String> warnings;

    private BuildCache(Path file, Path output, String generator, PageCodec codec, Consumer<String> warnings) {
        this.file = file;
        this.output = output;
        this.generator = generator;
        this.codec = codec;
        this.warnings = warnings;
    }

    /**
     * The cache in {@code directory} for builds into {@code output}.
     *
     * @param generator the generator's version and build: a cache written by another is out of date
     * @param rules     the rule of a finding's id ({@code RuleCatalogue::find})
     * @param warnings  told, in a sentence, when the cache was damaged and is rebuilt
     */
    public static BuildCache open(Path directory, Path output, String generator, Function<String, Optional<Rule>> rules,
                                  Consumer<String> warnings) {
        Path absolute = output.toAbsolutePath().normalize();
        String name = HexFormat.of().formatHex(Digests.sha256(absolute.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
        return new BuildCache(directory.toAbsolutePath().normalize().resolve(name + ".cache"), absolute, generator,
                new PageCodec(rules), warnings);
    }

    /** The file that holds the cache. */
    public Path file() {
        return file;
    }

    /**
     * Starts a build of every file of {@code directories} (the content directory first, then the templates
     * directory), hashed on {@code executor} unless the cache knows the file's stamp; {@code salt}: everything
     * else that decides the output, as for the build stamp.
     */
    public CachedBuild start(java.util.concurrent.Executor executor, String salt, Path... directories) {
        long hashedAt = System.currentTimeMillis();
        // The input files are looked at (a file status each) on the executor while the cache file is read on this thread.
        java.util.concurrent.CompletableFuture<List<InputFingerprint.Listing>> listing = InputFingerprint.list(executor, directories);
        CacheFile.Contents previous = read();
        // So is the published output, whether it is as the last build left it.
        CachedBuild.PublishedOutput published = CachedBuild.lookAtOutput(this, previous, executor);
        InputFingerprint.KnownHashes known = (directory, path, stamp) -> {
            CacheFile.InputFile before = previous == null ? null : previous.stamps().get(directory + ":" + path);
            return before != null && before.stamp().equals(stamp) ? before.hash() : null;
        };
        List<InputFingerprint.HashedFiles> inputs = InputFingerprint.hash(executor, known, Jobs.joined(listing));
        return new CachedBuild(this, CacheKey.of(inputs, salt), previous, inputs, hashedAt, published);
    }

    /** A build of {@code inputs}, hashed already (tests). */
    CachedBuild start(List<InputFingerprint.HashedFiles> inputs, String salt) {
        CacheFile.Contents previous = read();
        return new CachedBuild(this, CacheKey.of(inputs, salt), previous, inputs, System.currentTimeMillis(),
                CachedBuild.lookAtOutput(this, previous, Runnable::run));
    }

    private CacheFile.Contents read() {
        CacheFile.Contents previous = null;
        if (java.nio.file.Files.isRegularFile(file)) {
            try {
                previous = CacheFile.read(file, generator);
            } catch (CacheFile.OutOfDate e) {
                warnings.accept("the build cache " + file + " was written by another version of the generator (" + e.getMessage()
                        + "); everything is built again and the cache rewritten");
            } catch (DamagedCache e) {
                warnings.accept("the build cache " + file + " is damaged (" + e.getMessage() + "); everything is built again and the cache rewritten");
            } catch (IOException | RuntimeException e) {
                warnings.accept("the build cache " + file + " cannot be read (" + e.getMessage() + "); everything is built again and the cache rewritten");
            }
        }
        return previous;
    }

    Path output() {
        return output;
    }

    PageCodec codec() {
        return codec;
    }

    Consumer<String> warnings() {
        return warnings;
    }

    /**
     * Writes {@code contents} beside the cache file; {@link SavedCache#putInPlace} makes it the cache once the
     * site it describes is published, so that it can be written while the site is still being staged.
     */
    SavedCache writeAside(CacheFile.Contents contents) {
        Path aside = file.resolveSibling(file.getFileName() + ".new");
        try {
            CacheFile.write(aside, contents);
            return new SavedCache(this, aside);
        } catch (PageCodec.NotCacheable e) {
            new SavedCache(this, aside).discard(); // a page found as it was written: the caller says which
            throw e;
        } catch (IOException | RuntimeException e) {
            cannotWrite(e);
            return new SavedCache(this, null);
        }
    }

    /** A cache file written aside, not yet the cache (see {@link #writeAside}). */
    public record SavedCache(BuildCache cache, Path aside) {

        /** Makes it the cache of the output directory: call once the site it describes is published. */
        public void putInPlace() {
            if (aside != null) {
                try {
                    java.nio.file.Files.move(aside, cache.file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException | RuntimeException e) {
                    cache.cannotWrite(e);
                }
            }
        }

        /** Removes it: the site it describes was not published. */
        public void discard() {
            if (aside != null) {
                try {
                    java.nio.file.Files.deleteIfExists(aside);
                } catch (IOException ignored) {
                    // it is written over by the next build
                }
            }
        }
    }

    private void cannotWrite(Exception e) {
        warnings.accept("the build cache " + file + " cannot be written (" + e.getMessage() + "); the next build starts from scratch");
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a cache that cannot be replaced is recognised as out of date by its key
        }
    }

    String generator() {
        return generator;
    }
}
