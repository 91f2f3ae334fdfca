package org.privacysite.internal.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.privacysite.Finding;
import org.privacysite.internal.concurrent.Jobs;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.content.PageParser;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.links.LinkChecker;
import org.privacysite.internal.output.InputFingerprint;

/**
 * One build's use of the {@link BuildCache}. When everything but the text of some policies is as the
 * last published build saw it (site.yaml, bundles, templates, every file name, the generator and its
 * settings), the build is <em>incremental</em>: the other pages are restored from the cache instead of
 * parsed, and once the changed pages turn out to show the rest of the site nothing new (their front
 * matter, clause numbers and titles, ids and hreflang links are as before), only they are rendered and
 * link-checked, only their documents' parity is checked, and every other file is taken from the
 * previous output. Otherwise the build is a full one, and refills the cache.
 */
public final class CachedBuild {

    private final BuildCache cache;
    private final CacheKey key;
    private final CacheFile.Contents previous;
    private final Set<PageKey> changed = new LinkedHashSet<>();
    private final Map<String, Set<String>> ids = new ConcurrentHashMap<>();
    private volatile String fullBecause;
    private Map<String, ByteBuffer> linkRecords = Map.of();
    private StringTable strings;

    private final List<InputFingerprint.HashedFiles> inputs;
    private final long hashedAt;
    /** Each published file's identity (device and inode), as {@link #lookAtOutput} found it: {@link #reuse} compares with it. */
    private final Map<String, Object> publishedKeys;

    CachedBuild(BuildCache cache, CacheKey key, CacheFile.Contents previous, List<InputFingerprint.HashedFiles> inputs, long hashedAt,
                PublishedOutput published) {
        this.cache = cache;
        this.key = key;
        this.previous = previous;
        this.inputs = inputs;
        this.hashedAt = hashedAt;
        this.publishedKeys = published.keys();
        if (previous == null) {
            fullBecause = "there is no cache of an earlier build";
        } else if (!previous.inputs().equals(key.inputs())) {
            fullBecause = "more than policy texts changed (configuration, bundles, templates, file names or the generator)";
        } else if (!previous.output().equals(cache.output().toString())) {
            fullBecause = "the cache is of another output directory";
        } else if (!Jobs.joined(published.intact())) {
            fullBecause = "the previous output is not as the last build left it";
        } else {
            for (Map.Entry<PageKey, CacheFile.PageRecords> page : previous.pages().entrySet()) {
                if (!Arrays.equals(page.getValue().source(), key.policies().get(page.getKey()))) {
                    changed.add(page.getKey());
                }
            }
        }
    }

    /** Every input file, hashed: what the build stamp is made of. */
    public List<InputFingerprint.HashedFiles> inputs() {
        return inputs;
    }

    /** Whether this build takes unchanged pages from the cache; false once {@link #fullBecause()} says why not. */
    public boolean incremental() {
        return fullBecause == null;
    }

    /** Why this build is a full one, or null. */
    public String fullBecause() {
        return fullBecause;
    }

    /** The policies whose text changed since the last build (incremental builds only). */
    public Set<PageKey> changed() {
        return Set.copyOf(changed);
    }

    /** Stops this build from taking anything from the cache; it will write the cache anew. */
    public void startOver(String because) {
        fullBecause = because;
        changed.clear();
        strings = null;
    }

    /**
     * The string table of the records this build writes: the previous one, added to, while records of the
     * previous build are kept (they name its strings by number); a new one in a full build.
     */
    private StringTable strings() {
        if (strings == null) {
            strings = incremental() ? previous.strings() : StringTable.empty();
        }
        return strings;
    }

    /**
     * For {@code SiteLoader}: each unchanged page of {@code contentDirectory} as the cache has it (its tree parsed
     * only if a stage asks), null for a page to parse.
     */
    public BiFunction<String, String, Page> restorer(Path contentDirectory) {
        if (!incremental()) {
            return (locale, document) -> null;
        }
        PageParser parser = new PageParser();
        return (locale, document) -> {
            PageKey page = new PageKey(locale, document);
            CacheFile.PageRecords records = previous.pages().get(page);
            if (records == null || changed.contains(page)) {
                return null;
            }
            Path file = contentDirectory.resolve(locale).resolve(document + ".md");
            try {
                return cache.codec().read(CacheInput.of(records.page(), previous.strings()), locale, document, file,
                        parser.unparsedBody(file, key.policies().get(page)));
            } catch (DamagedCache | java.time.DateTimeException e) {
                return null; // parsed instead; the cache is rewritten at the end
            }
        };
    }

    /**
     * Whether the pages parsed anew show the rest of the site what they showed before (title, dates,
     * clause keys, numbers and titles). When not, this build {@linkplain #startOver starts over}.
     */
    public boolean keeps(Site site) {
        if (!incremental()) {
            return false;
        }
        for (PageKey page : changed) {
            Page parsed = site.page(page.locale(), page.document());
            if (parsed == null || !ByteBuffer.wrap(PageCodec.structure(parsed)).equals(previous.pages().get(page).structure())) {
                startOver(page.locale() + "/" + page.document() + ".md changed its title, dates or clauses, which other pages show");
                return false;
            }
        }
        return true;
    }

    /** The pages whose references are checked again: the changed ones (all of them in a full build). */
    public List<Page> pagesToCheck(Site site) {
        if (!incremental()) {
            return site.pages();
        }
        return site.pages().stream().filter(page -> changed.contains(new PageKey(page.locale(), page.document()))
                || !previous.pages().containsKey(new PageKey(page.locale(), page.document()))).toList();
    }

    /** Every page's reference findings: {@code checked} now, the others as the cache has them. */
    public Map<PageKey, List<Finding>> references(Site site, Map<PageKey, List<Finding>> checked) {
        Map<PageKey, List<Finding>> all = new LinkedHashMap<>();
        for (Page page : site.pages()) {
            PageKey pageKey = new PageKey(page.locale(), page.document());
            List<Finding> found = checked.get(pageKey);
            if (found == null) {
                ByteBuffer record = previous.pages().get(pageKey).references();
                found = cache.codec().readFindings(CacheInput.of(record, previous.strings()), page.file());
            }
            all.put(pageKey, found);
        }
        return all;
    }

    /**
     * For {@code PageContents.takeUnread}: the clause contents the cache keeps of each unchanged page (null for a page it
     * keeps none of, and in a full build), so that the parity check of a changed source need not parse its translations.
     */
    public Function<PageKey, ByteBuffer> unreadContents() {
        if (!incremental()) {
            return page -> null;
        }
        return page -> {
            CacheFile.PageRecords records = changed.contains(page) ? null : previous.pages().get(page);
            ByteBuffer kept = records == null ? null : records.contents();
            return kept == null || !kept.hasRemaining() ? null : kept;
        };
    }

    /** The documents whose parity is checked again: those with a changed page (all of them in a full build). */
    public Set<String> documentsToCheck(Site site) {
        Set<String> documents = new LinkedHashSet<>();
        for (String document : site.config().documents()) {
            if (!incremental() || !previous.parity().containsKey(document)
                    || changed.stream().anyMatch(page -> page.document().equals(document))) {
                documents.add(document);
            }
        }
        return documents;
    }

    /** Each document's parity findings: {@code checked} now, the others as the cache has them. */
    public Map<String, List<Finding>> parity(Site site, Map<String, List<Finding>> checked) {
        Map<String, List<Finding>> all = new LinkedHashMap<>();
        for (String document : site.config().documents()) {
            List<Finding> fresh = checked.get(document);
            if (fresh == null) {
                ByteBuffer record = previous.parity().get(document);
                fresh = cache.codec().readFindings(CacheInput.of(record, previous.strings()), null);
            }
            all.put(document, fresh);
        }
        return all;
    }

    /**
     * The pages an incremental build renders: the changed ones, and where a source changed, the
     * pages that show it in place of a missing translation.
     */
    public List<PageKey> pagesToRender(Site site) {
        Set<PageKey> pages = new LinkedHashSet<>();
        for (PageKey page : changed) {
            pages.add(page);
            if (page.locale().equals(site.config().sourceLocale())) {
                for (String locale : site.config().locales()) {
                    if (site.page(locale, page.document()) == null) {
                        pages.add(new PageKey(locale, page.document()));
                    }
                }
            }
        }
        return List.copyOf(pages);
    }

    /** The ids of a page of the last build, for the fragment links of the pages checked now; null for no such page. */
    public Function<String, Set<String>> cachedIds() {
        return path -> ids.computeIfAbsent(path, ignored -> {
            ByteBuffer record = previous.links().get(path);
            if (record == null) {
                return Set.of();
            }
            CacheInput in = CacheInput.of(record, previous.strings());
            LinkRecord.skipFindings(in, cache.codec());
            return LinkRecord.readIds(in);
        });
    }

    /**
     * Every link finding of the site: {@code checked} now (by page path, {@code ""} for the site's own), the
     * rest as the cache has them. Null when a page checked now shows other pages something new (ids,
     * canonical or hreflang links): then this build {@linkplain #startOver starts over}.
     */
    public List<Finding> links(Map<String, LinkChecker.PageFindings> checked) {
        // In path order: the previous build's records are (it wrote this map), and a checked page is one of them.
        Map<String, ByteBuffer> records = incremental() ? new LinkedHashMap<>(previous.links()) : new TreeMap<>();
        if (incremental()) {
            for (Map.Entry<String, LinkChecker.PageFindings> page : checked.entrySet()) {
                ByteBuffer before = previous.links().get(page.getKey());
                if (before == null || !Arrays.equals(LinkRecord.face(page.getValue().face()), LinkRecord.faceOf(before))) {
                    startOver(page.getKey() + " now has other ids or hreflang links, which other pages' links depend on");
                    return null;
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, LinkChecker.PageFindings> page : checked.entrySet()) {
            LinkChecker.PageFindings found = page.getValue();
            List<Finding> alternates = found.alternates();
            if (incremental()) { // checked against the pages it names by the last build: they show the same
                ByteBuffer before = records.get(page.getKey());
                CacheInput in = CacheInput.of(before, strings());
                alternates = LinkRecord.readFindings(in, cache.codec()).get(1);
            }
            records.put(page.getKey(), LinkRecord.write(found, alternates, cache.codec(), strings()));
        }
        for (ByteBuffer record : records.values()) {
            LinkRecord.readFindings(CacheInput.of(record, strings()), cache.codec()).forEach(findings::addAll);
        }
        linkRecords = records;
        return findings;
    }

    /**
     * Readies a staging directory that may be the spare copy of an earlier site (see
     * {@code OutputDirectory.replaceReusingSpare}): the files about to be written anew are removed first,
     * for each may be a hard link to the published file, which must stay as it is.
     *
     * @return whether {@code staging} is the spare copy of an earlier site, not a new and empty directory
     */
    public boolean prepare(Path staging, Set<String> written) {
        // An earlier site has its build stamp; a staging directory without one is new and empty.
        boolean spareSite = Files.exists(staging.resolve(InputFingerprint.FILE_NAME));
        try {
            for (String path : written) {
                Files.deleteIfExists(staging.resolve(path));
            }
            Files.deleteIfExists(staging.resolve(InputFingerprint.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the staging directory " + staging, e);
        }
        return spareSite;
    }

    /**
     * Puts every file of the previous output into {@code staging} but those in {@code written}: a hard
     * link to the published file where the file system allows it, else a copy. A file the staging directory
     * has already ({@code spareSite}: it is a spare copy of an earlier site, see {@link #prepare}) is kept when it
     * is that very file, replaced otherwise.
     */
    public void reuseOutput(Path staging, Set<String> written, boolean spareSite, java.util.concurrent.Executor executor) {
        Path from = cache.output();
        List<String> paths = previous.files().keySet().stream().filter(path -> !written.contains(path)).toList();
        Set<Path> folders = ConcurrentHashMap.newKeySet();
        List<java.util.concurrent.CompletableFuture<Void>> slices = new ArrayList<>();
        int slice = Math.max(64, paths.size() / 16);
        for (int start = 0; start < paths.size(); start += slice) {
            List<String> part = paths.subList(start, Math.min(paths.size(), start + slice));
            slices.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (String path : part) {
                    if (!spareSite) {
                        link(from.resolve(path), staging.resolve(path), folders);
                    } else {
                        reuse(from.resolve(path), staging.resolve(path), publishedKeys.get(path));
                    }
                }
            }, executor));
        }
        slices.forEach(java.util.concurrent.CompletableFuture::join);
    }

    /**
     * {@link #reuse} into a staging directory that held nothing of an earlier site (the first incremental build after a
     * full one): no file is there to compare, so each is linked at once, each folder made once.
     */
    private static void link(Path source, Path target, Set<Path> folders) {
        try {
            if (!folders.contains(target.getParent())) {
                Files.createDirectories(target.getParent()); // safe when another thread makes it at the same time
                folders.add(target.getParent());
            }
            linkOrCopy(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take " + source + " from the previous output", e);
        }
    }

    /**
     * {@code target} as the published {@code source}; {@code publishedKey} is the source's identity when known (one
     * file status fewer for each unchanged file; see {@code SiteLoader.policyFile}), else null.
     */
    private static void reuse(Path source, Path target, Object publishedKey) {
        try {
            Object published = publishedKey != null ? publishedKey : Files.readAttributes(source, BasicFileAttributes.class).fileKey();
            BasicFileAttributes staged = null;
            try {
                staged = Files.readAttributes(target, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.NoSuchFileException e) {
                Files.createDirectories(target.getParent());
            }
            if (staged != null) {
                if (published != null && published.equals(staged.fileKey())) {
                    return; // the spare site holds this very file
                }
                Files.delete(target);
            }
            linkOrCopy(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take " + source + " from the previous output", e);
        }
    }

    /** {@code target} as a hard link to the published {@code source} where the file system allows it, else a copy. */
    private static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The previous output as {@link #lookAtOutput} looks at it: whether it is intact, and each file's identity. */
    record PublishedOutput(java.util.concurrent.CompletableFuture<Boolean> intact, Map<String, Object> keys) {
    }

    /**
     * Starts looking on {@code executor} whether every file of the previous output is as the last build wrote it (size
     * and modification time), while the inputs are hashed; not at all when {@code previous} is of no build of this output.
     */
    static PublishedOutput lookAtOutput(BuildCache cache, CacheFile.Contents previous, java.util.concurrent.Executor executor) {
        Map<String, Object> keys = new ConcurrentHashMap<>();
        if (previous == null || previous.files().isEmpty() || !previous.output().equals(cache.output().toString())) {
            return new PublishedOutput(java.util.concurrent.CompletableFuture.completedFuture(false), keys);
        }
        Path from = cache.output();
        List<Map.Entry<String, CacheFile.OutputFile>> files = List.copyOf(previous.files().entrySet());
        List<java.util.concurrent.CompletableFuture<Boolean>> slices = new ArrayList<>();
        int slice = Math.max(64, files.size() / 16);
        for (int start = 0; start < files.size(); start += slice) {
            List<Map.Entry<String, CacheFile.OutputFile>> part = files.subList(start, Math.min(files.size(), start + slice));
            slices.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> part.stream()
                    .allMatch(file -> unchanged(from.resolve(file.getKey()), file.getValue(), file.getKey(), keys)), executor));
        }
        return new PublishedOutput(Jobs.allOf(slices).thenApply(all -> !all.contains(false)), keys);
    }

    private static boolean unchanged(Path file, CacheFile.OutputFile recorded, String path, Map<String, Object> keys) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.fileKey() != null) {
                keys.put(path, attributes.fileKey());
            }
            return attributes.isRegularFile() && attributes.size() == recorded.size()
                    && attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) == recorded.modified();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes, beside the cache, the cache of the site in {@code output} (the staging directory about to be
     * published, or the published output): every page of {@code site}, {@code parity} by document, the link findings
     * of the last {@link #links} call. It becomes the cache by {@link BuildCache.SavedCache#putInPlace} once the site
     * is published; null when nothing could be written.
     */
    public BuildCache.SavedCache save(Site site, Map<PageKey, List<Finding>> references, Map<String, List<Finding>> parity,
                                      Function<PageKey, byte[]> contents, Path output) {
        Set<String> written = new HashSet<>();
        pagesToRender(site).forEach(page -> written.add(page.outputPath()));
        Map<PageKey, Page> pages = new LinkedHashMap<>();
        for (Page page : site.pages()) {
            PageKey pageKey = new PageKey(page.locale(), page.document());
            if (key.policies().get(pageKey) == null) {
                return null; // a page that is no file of the content directory: nothing to key it by
            }
            pages.put(pageKey, page);
        }
        try {
            Map<String, ByteBuffer> parityRecords = new LinkedHashMap<>();
            parity.forEach((document, findings) -> {
                CacheOutput record = new CacheOutput(strings());
                cache.codec().writeFindings(record, null, findings);
                parityRecords.put(document, record.toRecord());
            });
            Map<PageKey, CacheFile.PageRecords> records = new EncodedPages(pages, (pageKey, page) -> records(pageKey, page, references, contents));
            return cache.writeAside(new CacheFile.Contents(cache.generator(), key.inputs(), cache.output().toString(), strings(), records,
                    linkRecords, parityRecords, incremental() ? files(output, written) : files(output), stamps()));
        } catch (PageCodec.NotCacheable e) {
            cache.warnings().accept("the build cache is not written: " + e.getMessage() + " cannot be kept in it");
            return null;
        }
    }

    /** The records of {@code page}: those of the previous build for a page restored from it, else encoded now. */
    private CacheFile.PageRecords records(PageKey pageKey, Page page, Map<PageKey, List<Finding>> references,
                                          Function<PageKey, byte[]> contents) {
        byte[] source = key.policies().get(pageKey);
        CacheFile.PageRecords before = incremental() && page.parsedBody().isRestored() ? previous.pages().get(pageKey) : null;
        byte[] read = contents.apply(pageKey); // read in this run: a changed page's, or one the cache had none of
        ByteBuffer kept = read != null ? ByteBuffer.wrap(read) : before != null ? before.contents() : null;
        if (before != null) {
            return new CacheFile.PageRecords(source, before.structure(), before.page(), before.references(), kept);
        }
        CacheOutput found = new CacheOutput(strings());
        cache.codec().writeFindings(found, page.file(), references.get(pageKey));
        CacheOutput record = new CacheOutput(strings());
        cache.codec().write(record, page);
        return new CacheFile.PageRecords(source, ByteBuffer.wrap(PageCodec.structure(page)), record.toRecord(), found.toRecord(), kept);
    }

    /**
     * The pages' records as the cache file's writer takes them, in the site's order: each encoded when its entry is
     * read and dropped once written. Held together, a 50k site's (200 MB) made the heap of a cold build with the cache
     * grow to 1.3 GB at its end.
     */
    private static final class EncodedPages extends java.util.AbstractMap<PageKey, CacheFile.PageRecords> {

        private final Map<PageKey, Page> pages;
        private final BiFunction<PageKey, Page, CacheFile.PageRecords> encoder;

        EncodedPages(Map<PageKey, Page> pages, BiFunction<PageKey, Page, CacheFile.PageRecords> encoder) {
            this.pages = pages;
            this.encoder = encoder;
        }

        @Override
        public Set<Entry<PageKey, CacheFile.PageRecords>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Entry<PageKey, CacheFile.PageRecords>> iterator() {
                    java.util.Iterator<Entry<PageKey, Page>> each = pages.entrySet().iterator();
                    return new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return each.hasNext();
                        }

                        @Override
                        public Entry<PageKey, CacheFile.PageRecords> next() {
                            Entry<PageKey, Page> page = each.next();
                            return Map.entry(page.getKey(), encoder.apply(page.getKey(), page.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return pages.size();
                }
            };
        }
    }

    /**
     * The input files' stamps and hashes, but for files changed in the two seconds before they were hashed:
     * where the file system's clock is coarse, another change in the same tick would leave the stamp as it was.
     */
    private Map<String, CacheFile.InputFile> stamps() {
        long recent = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(hashedAt - 2000);
        Map<String, CacheFile.InputFile> stamps = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            InputFingerprint.HashedFiles directory = inputs.get(i);
            for (Map.Entry<String, InputFingerprint.Stamp> file : directory.stamps().entrySet()) {
                InputFingerprint.Stamp stamp = file.getValue();
                if (stamp.modified() < recent && stamp.changed() < recent) {
                    stamps.put(i + ":" + file.getKey(), new CacheFile.InputFile(stamp, directory.hashes().get(file.getKey())));
                }
            }
        }
        return stamps;
    }

    /**
     * The files of an output published by an incremental build: those taken from the previous output are the
     * same files (hard links, or copies with their times); only the {@code written} ones are looked at.
     */
    private Map<String, CacheFile.OutputFile> files(Path output, Set<String> written) {
        Map<String, CacheFile.OutputFile> files = new TreeMap<>(previous.files());
        for (String path : written) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(output.resolve(path), BasicFileAttributes.class);
                files.put(path, new CacheFile.OutputFile(attributes.size(), attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot look at the published " + output.resolve(path), e);
            }
        }
        return files;
    }

    /** Every file of the published output but the build stamp, with its size and modification time. */
    private static Map<String, CacheFile.OutputFile> files(Path output) {
        Map<String, CacheFile.OutputFile> files = new TreeMap<>();
        try {
            Files.walkFileTree(output, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String path = output.relativize(file).toString().replace('\\', '/');
                    if (attributes.isRegularFile() && !path.equals(InputFingerprint.FILE_NAME)) {
                        files.put(path, new CacheFile.OutputFile(attributes.size(),
                                attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the published output " + output, e);
        }
        return files;
    }
}
