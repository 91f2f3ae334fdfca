package org.privacysite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.privacysite.internal.cache.BuildCache;
import org.privacysite.internal.cache.CachedBuild;
import org.privacysite.internal.concurrent.Jobs;
import org.privacysite.internal.config.SiteConfig;
import org.privacysite.internal.config.SiteConfigLoader;
import org.privacysite.internal.consent.ConsentConfigLoader;
import org.privacysite.internal.content.ConfiguredFindings;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.content.SiteLoader;
import org.privacysite.internal.history.HistoryReader;
import org.privacysite.internal.output.InputFingerprint;
import org.privacysite.internal.output.OutputDirectory;
import org.privacysite.internal.parity.KeptContents;
import org.privacysite.internal.parity.PageContents;
import org.privacysite.internal.parity.StatusCollector;
import org.privacysite.internal.render.StatusPage;
import org.privacysite.internal.report.ReportFormat;
import org.privacysite.internal.report.ReportOptions;
import org.privacysite.internal.report.Reports;
import org.privacysite.internal.parity.TranslationState;
import org.privacysite.internal.render.SiteOutput;
import org.privacysite.internal.render.Sitemap;
import org.privacysite.internal.pdf.PdfFonts;
import org.privacysite.internal.rules.ConfigRules;
import org.privacysite.internal.rules.ParityRules;
import org.privacysite.internal.rules.XliffRules;
import org.privacysite.internal.spelling.ClosestName;
import org.privacysite.internal.xliff.XliffExporter;
import org.privacysite.internal.xliff.XliffImporter;
import org.privacysite.internal.theme.Theme;

/**
 * The generator: turns a content directory (site.yaml, policies per locale) into a static site
 * with the built-in theme, or with a templates directory whose files replace the built-in ones, and
 * checks translations and links.
 *
 * <pre>{@code
 * PrivacySite site = PrivacySite.builder()
 *         .contentDirectory(Path.of("content"))
 *         .templatesDirectory(Path.of("templates")) // optional: only the files it overrides
 *         .build();
 * site.build(Path.of("target/privacy-site"));
 * CheckResult result = site.check();
 * }</pre>
 *
 * Mistakes in the sources are reported as {@link PrivacySiteException}s whose findings name a
 * {@code file:line:col}; a broken configuration as a {@link ConfigurationException}.
 */
public final class PrivacySite {

    private final Path contentDirectory;
    private final Theme theme;
    private final int threads;
    private final boolean externalLinks;
    private final Path externalLinkCache;
    private final String baseUrl;
    private final ProgressListener progress;
    private final java.time.LocalDate asOf;
    private final boolean pdf;
    private final Path pdfFontDirectory;
    private final Path cacheDirectory;
    private final java.util.function.Consumer<String> warnings;
    private final boolean pseudo;
    private final int sitemapEntries;

    private PrivacySite(Builder builder) {
        this.sitemapEntries = builder.sitemapEntries;
        this.cacheDirectory = builder.cacheDirectory;
        this.warnings = builder.warnings;
        this.pdf = builder.pdf;
        this.pseudo = builder.pseudo;
        this.pdfFontDirectory = builder.pdfFontDirectory;
        this.contentDirectory = builder.contentDirectory.toAbsolutePath().normalize();
        this.theme = Theme.of(builder.templatesDirectory);
        this.threads = builder.threads;
        this.externalLinks = builder.externalLinks;
        this.externalLinkCache = builder.externalLinkCache;
        this.baseUrl = builder.baseUrl;
        this.progress = builder.progress;
        this.asOf = builder.asOf;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether {@code directory} holds a site this tool published (it has the build stamp): only such a site can be
     * replaced by {@link #checkAndBuild}, and only on such a site can a build cache save work.
     */
    public static boolean isPublishedSite(Path directory) {
        return OutputDirectory.holdsBuiltSite(directory);
    }

    /**
     * Builds the site into {@code outputDirectory}. The site is written beside it first and swapped
     * in only when complete, so on failure the previous site is untouched.
     *
     * @throws PrivacySiteException when the sources have errors
     */
    public BuildResult build(Path outputDirectory) {
        ExecutorService executor = executor();
        try {
            OutputDirectory.recover(outputDirectory); // a build killed mid-swap: the previous site comes back first
            CompletableFuture<String> fingerprint = fingerprintAlongside();
            SitePipeline pipeline = new SitePipeline(this, executor);
            SitePipeline.Loaded loaded = pipeline.load(false, null);
            List<Finding> findings = SitePipeline.configured(loaded.site(), pipeline.sourceFindings(loaded)).findings();
            if (findings.stream().anyMatch(Finding::isError)) {
                throw new PrivacySiteException(findings);
            }
            AtomicInteger pages = new AtomicInteger();
            OutputDirectory.replace(outputDirectory, staging -> {
                pages.set(pipeline.render(loaded, staging));
                InputFingerprint.write(staging, Jobs.joined(fingerprint));
            });
            return new BuildResult(outputDirectory, pages.get(), findings, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output directory " + outputDirectory, e);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Like {@link #build}, but does nothing when no source or template changed since the build that
     * wrote {@code outputDirectory} (see {@link BuildResult#upToDate()}).
     */
    public BuildResult buildIfChanged(Path outputDirectory) {
        String fingerprint = fingerprint();
        if (InputFingerprint.matches(outputDirectory, fingerprint)) {
            return new BuildResult(outputDirectory, 0, List.of(), true);
        }
        return build(outputDirectory);
    }

    /**
     * Checks everything that decides whether the site can be published: source errors, translation
     * parity, and the links of the built site (rendered in memory; nothing is written).
     *
     * @throws ConfigurationException when site.yaml or the directories cannot be used
     */
    public CheckResult check() {
        return check(null, false);
    }

    /**
     * {@link #check()} and {@link #build} in one pass: the site is rendered once, its pages are
     * checked as they are written, and the result replaces {@code outputDirectory} only when the
     * check passes ({@link CheckResult#failed(boolean)} is false). Otherwise the previous site stays
     * as it was. The pages are byte-identical to those of {@code build}.
     *
     * @param strict whether warnings also keep the site from being published
     */
    public CheckResult checkAndBuild(Path outputDirectory, boolean strict) {
        return check(java.util.Objects.requireNonNull(outputDirectory, "outputDirectory"), strict);
    }

    /** Thrown inside the output swap to abandon the staged site of a failed check. */
    private static final class NotPublished extends RuntimeException {
        private final transient CheckResult result;

        NotPublished(CheckResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private CheckResult check(Path outputDirectory, boolean strict) {
        ExecutorService executor = executor();
        try {
            if (outputDirectory != null) {
                OutputDirectory.recover(outputDirectory);
            }
            if (outputDirectory != null && cacheDirectory != null && !externalLinks) {
                return cachedCheck(outputDirectory, strict, executor);
            }
            CompletableFuture<String> fingerprint = outputDirectory == null
                    ? CompletableFuture.completedFuture(null) : fingerprintAlongside();
            SitePipeline pipeline = new SitePipeline(this, executor);
            // Parity's clause contents and the page bodies are read from each Markdown tree right after its parse.
            PageContents contents = new PageContents();
            SitePipeline.Loaded loaded = pipeline.load(true, contents);
            Site site = loaded.site();
            ConfiguredFindings.Result findings = SitePipeline.configured(site, pipeline.sourceFindings(loaded));
            boolean buildable = SitePipeline.errors(findings).isEmpty();
            CompletableFuture<List<Finding>> parity = pipeline.parity(loaded, contents);
            if (!buildable || outputDirectory == null) {
                List<Finding> links = buildable ? pipeline.renderAndCheckLinks(loaded, null) : List.of();
                return SitePipeline.result(site, findings, Jobs.joined(parity), links);
            }
            AtomicReference<CheckResult> published = new AtomicReference<>();
            try {
                OutputDirectory.replace(outputDirectory, staging -> {
                    List<Finding> links = pipeline.renderAndCheckLinks(loaded, SiteOutput.directory(staging));
                    CheckResult result = SitePipeline.result(site, findings, Jobs.joined(parity), links);
                    if (result.failed(strict)) {
                        throw new NotPublished(result);
                    }
                    InputFingerprint.write(staging, Jobs.joined(fingerprint));
                    published.set(result);
                });
            } catch (NotPublished notPublished) {
                return notPublished.result;
            }
            return published.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output directory " + outputDirectory, e);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Thrown inside the output swap when the build cache finds that an incremental build cannot go on. */
    private static final class StartOver extends RuntimeException {
        StartOver() {
            super(null, null, false, false);
        }
    }

    /**
     * {@link #checkAndBuild} with the build cache: when only policy texts changed since the last published
     * check, only their pages are parsed, rendered and checked, and the other files are taken from the
     * previous output (see {@link CachedBuild}); else a full check, which refills the cache. The output and
     * the findings are the same either way.
     */
    private CheckResult cachedCheck(Path outputDirectory, boolean strict, ExecutorService executor) {
        try (KeptContents kept = new KeptContents()) {
            return cachedCheck(outputDirectory, strict, executor, kept);
        }
    }

    private CheckResult cachedCheck(Path outputDirectory, boolean strict, ExecutorService executor, KeptContents kept) {
        SitePipeline pipeline = new SitePipeline(this, executor);
        BuildCache cache = BuildCache.open(cacheDirectory, outputDirectory, Version.build(), RuleCatalogue::find, warnings);
        // The cache is read and the inputs stamped while site.yaml, the bundles and the templates are read: neither
        // needs the other until the pages are. (Its own thread: the pool's threads are free to hash the inputs.)
        CompletableFuture<Started> starting = CompletableFuture.supplyAsync(() -> {
            String salt = fingerprintSalt();
            CachedBuild build = cache.start(executor, salt + "\u0000check", inputDirectories());
            return new Started(build, InputFingerprint.of(salt, build.inputs()));
        }, SitePipeline::startAlongside);
        while (true) {
            kept.clear();
            PageContents contents = new PageContents(kept); // what it reads is kept in the cache, for the next run's parity check
            SitePipeline.Loaded loaded = pipeline.load(true, contents, () -> Jobs.joined(starting).build().restorer(contentDirectory));
            CachedBuild cached = Jobs.joined(starting).build();
            contents.takeUnread(cached.unreadContents());
            Site site = loaded.site();
            if (cached.incremental() && loaded.history().published()) {
                cached.startOver("the site publishes the history of its policies");
                continue;
            }
            if (cached.incremental() && !cached.keeps(site)) {
                continue;
            }
            Map<PageKey, List<Finding>> references = cached.references(site,
                    pipeline.references(site, cached.pagesToCheck(site)));
            ConfiguredFindings.Result findings = SitePipeline.configured(site, pipeline.sourceFindings(loaded, references));
            CompletableFuture<Map<String, List<Finding>>> parity = pipeline.parity(loaded, contents, cached.documentsToCheck(site));
            if (!SitePipeline.errors(findings).isEmpty()) {
                return SitePipeline.result(site, findings, SitePipeline.paritySiteWide(site, cached.parity(site, Jobs.joined(parity))),
                        List.of());
            }
            AtomicReference<CheckResult> published = new AtomicReference<>();
            AtomicReference<Map<String, List<Finding>>> parityKept = new AtomicReference<>();
            AtomicReference<BuildCache.SavedCache> saved = new AtomicReference<>();
            List<PageKey> pages = cached.incremental() ? cached.pagesToRender(site) : null;
            java.util.Set<String> written = pages == null ? java.util.Set.of()
                    : pages.stream().map(PageKey::outputPath).collect(java.util.stream.Collectors.toSet());
            java.util.function.Consumer<Path> writer = staging -> {
                List<Finding> links;
                Map<String, List<Finding>> byDocument;
                boolean spareSite = pages != null && cached.prepare(staging, written);
                try {
                    links = cached.links(pipeline.renderAndCheckLinks(loaded, SiteOutput.directory(staging), pages, cached.cachedIds()));
                    if (links == null) {
                        throw new StartOver();
                    }
                } catch (PrivacySiteException e) {
                    links = e.findings(); // a template failed: nothing is published, the cache stays as it was
                }
                byDocument = cached.parity(site, Jobs.joined(parity));
                CheckResult result = SitePipeline.result(site, findings, SitePipeline.paritySiteWide(site, byDocument), links);
                if (result.failed(strict)) {
                    throw new NotPublished(result);
                }
                if (pages != null) {
                    // The cache is written aside while the unchanged files are linked in, and put in place once published.
                    CompletableFuture<BuildCache.SavedCache> saving = CompletableFuture.supplyAsync(
                            () -> cached.save(site, references, byDocument, contents::written, staging), SitePipeline::startAlongside);
                    cached.reuseOutput(staging, written, spareSite, executor);
                    saved.set(Jobs.joined(saving));
                }
                InputFingerprint.write(staging, Jobs.joined(starting).fingerprint());
                published.set(result);
                parityKept.set(byDocument);
            };
            try {
                if (pages != null) {
                    OutputDirectory.replaceReusingSpare(outputDirectory, writer);
                } else {
                    OutputDirectory.replace(outputDirectory, writer);
                }
            } catch (StartOver startOver) {
                continue;
            } catch (NotPublished notPublished) {
                return notPublished.result;
            } catch (RuntimeException e) {
                if (saved.get() != null) {
                    saved.get().discard(); // it describes a site that was not published
                }
                throw e;
            }
            if (pages == null) {
                // After a full build, the next incremental one's spare site is made while the cache is written.
                CompletableFuture<Void> spare = CompletableFuture.runAsync(() -> OutputDirectory.makeSpare(outputDirectory),
                        SitePipeline::startAlongside);
                saved.set(cached.save(site, references, parityKept.get(), contents::written, outputDirectory.toAbsolutePath().normalize()));
                Jobs.joined(spare);
            }
            if (saved.get() != null) {
                saved.get().putInPlace();
            }
            return published.get();
        }
    }

    /** A cached build as started, and the build stamp of its inputs. */
    private record Started(CachedBuild build, String fingerprint) {
    }

    private Path[] inputDirectories() {
        return theme.overrideDirectory() == null ? new Path[] {contentDirectory} : new Path[] {contentDirectory, theme.overrideDirectory()};
    }

    /** The inputs' fingerprint, read while the pages are parsed (as they are read: an edit during the run is not "up to date"). */
    private CompletableFuture<String> fingerprintAlongside() {
        return CompletableFuture.supplyAsync(this::fingerprint, SitePipeline::startAlongside);
    }

    /** What decides the output besides the sources: the generator and its built-in theme, the base URL and the history's today. */
    private String fingerprintSalt() {
        return Version.build() + "+" + Theme.builtInIdentity() + baseUrl + (pdf ? " pdf" : "") + (pseudo ? " pseudo" : "")
                + (sitemapEntries == Sitemap.ENTRIES_PER_FILE ? "" : " sitemap " + sitemapEntries)
                + HistoryReader.stamp(contentDirectory, asOf, System.getenv("SOURCE_DATE_EPOCH"));
    }

    /** The salt, and every file of the content and templates directories. */
    private String fingerprint() {
        return theme.overrideDirectory() == null ? InputFingerprint.of(fingerprintSalt(), contentDirectory)
                : InputFingerprint.of(fingerprintSalt(), contentDirectory, theme.overrideDirectory());
    }

    /**
     * A live preview writing into {@code outputDirectory}: call {@link Preview#rebuild} once for the
     * first build, then with the files that changed. Close it to stop its worker threads.
     */
    public Preview preview(Path outputDirectory) {
        // The site-wide check runs from the first build on: one thread fewer than the rebuilds', so that an edit
        // saved meanwhile still finds a processor free.
        return new Preview(this, outputDirectory, executor(), executor(Math.max(1, threads - 1)));
    }

    Path contentDirectory() {
        return contentDirectory;
    }

    /** The site's own templates directory, or null when the built-in theme serves alone. */
    Path templatesDirectory() {
        return theme.overrideDirectory();
    }

    Theme theme() {
        return theme;
    }

    /** Documents × locales: how many clauses of each translation are up to date, stale or missing. */
    public TranslationStatus translationStatus() {
        ExecutorService executor = executor();
        try {
            return StatusCollector.collect(loader(executor).load(contentDirectory, theme));
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Writes the translation status as an HTML page for legal writers, rendered with the theme's
     * {@code status.ftlh} template and {@code assets/site.css} (copied beside it as {@code status.css}).
     */
    public void writeTranslationStatus(Path file) {
        TranslationStatus status = translationStatus();
        new StatusPage(theme).write(status, file);
    }

    /**
     * Writes the reports of {@code result} into {@code directory}: any of {@code junit} (JUnit XML),
     * {@code sarif} (SARIF 2.1.0), {@code json}, and {@code html} (the translation status page).
     *
     * @param strict whether warnings count as failures in the JUnit report
     * @return the files written
     * @throws IllegalArgumentException for an unknown format name
     */
    public List<Path> writeReports(CheckResult result, Path directory, java.util.Collection<String> formats, boolean strict) {
        java.util.Set<ReportFormat> machineReadable = new java.util.LinkedHashSet<>();
        boolean html = false;
        for (String format : formats) {
            if (format.equalsIgnoreCase("html")) {
                html = true;
            } else {
                machineReadable.add(ReportFormat.parse(format));
            }
        }
        List<Path> written = new ArrayList<>(Reports.write(result, directory, machineReadable,
                ReportOptions.defaults().withStrict(strict).withCheckedFiles(result.files()).withRules(RuleCatalogue.all())));
        if (html) {
            Path page = directory.resolve("translation-status.html");
            writeTranslationStatus(page);
            written.add(page);
        }
        return written;
    }

    /**
     * What the cookie audit compares the live site with: cookies.yaml, and the banner's "Accept all" and
     * "Reject all" texts in every locale of the site (from the UI message bundles).
     *
     * @throws ConfigurationException when the site has no cookies.yaml
     */
    CookieAudit.Declarations auditDeclarations() {
        ExecutorService executor = executor();
        try {
            Site site = loader(executor).load(contentDirectory, theme);
            if (site.consent() == null) {
                throw new ConfigurationException(Finding.error(Location.of(contentDirectory.resolve(ConsentConfigLoader.FILE_NAME)),
                        org.privacysite.internal.rules.ConsentRules.MISSING, "the cookie audit compares the site with cookies.yaml, and "
                                + contentDirectory + " has none; write it first (see the README's Cookie consent section)"));
            }
            return new CookieAudit.Declarations(site, site.consent(), uiTexts(site, "consent.acceptAll"),
                    uiTexts(site, "consent.rejectAll"));
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<String> uiTexts(Site site, String key) {
        java.util.Set<String> texts = new java.util.LinkedHashSet<>();
        for (String locale : site.config().locales()) {
            org.privacysite.internal.messages.MessageBundle bundle = site.ui().get(locale);
            if (bundle != null && bundle.has(key)) {
                texts.add(bundle.entry(key).message().source());
            }
        }
        return List.copyOf(texts);
    }

    /** The locales of the site, the source locale first, as site.yaml lists them. */
    public List<String> locales() {
        try {
            return SiteConfigLoader.load(contentDirectory).locales();
        } catch (ConfigurationException e) {
            throw e;
        } catch (PrivacySiteException e) {
            throw new ConfigurationException(e.findings());
        }
    }

    /** The documents of the site, in menu order, as site.yaml lists them. */
    public List<String> documents() {
        try {
            return SiteConfigLoader.load(contentDirectory).documents();
        } catch (ConfigurationException e) {
            throw e;
        } catch (PrivacySiteException e) {
            throw new ConfigurationException(e.findings());
        }
    }

    /**
     * Records that the translation of {@code document} into {@code locale} has been reviewed against
     * the current source: its clauses are no longer reported stale until the source changes again.
     *
     * @return the number of clauses recorded
     * @throws PrivacySiteException when the locale or document is unknown or the pages have errors
     */
    public int markTranslated(String locale, String document) {
        ExecutorService executor = executor();
        try {
            Site site = loader(executor).load(contentDirectory, theme);
            SiteConfig config = site.config();
            checkTranslation(config, locale, List.of(document));
            Page source = site.sourcePage(document);
            Page translation = site.page(locale, document);
            if (source == null || translation == null) {
                List<Finding> errors = site.findings().stream().filter(Finding::isError).toList();
                throw new PrivacySiteException(errors.isEmpty()
                        ? List.of(Finding.of(Location.of(site.pageFile(locale, document)), ParityRules.DOCUMENT_MISSING,
                                "there is no " + locale + " translation of '" + document + "' to mark"))
                        : errors);
            }
            return TranslationState.markTranslated(contentDirectory, source, translation);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Writes the source text of {@code documents} (every document when empty) as one XLIFF 2.0 file for
     * translation into {@code locale}: one unit per heading, paragraph, list item and table cell, ICU
     * arguments, links and emphasis as protected tags, existing translations as targets.
     *
     * @param only {@code missing}, {@code stale} or {@code all} clauses
     * @throws ConfigurationException for an unknown locale, document or {@code only}
     */
    public TranslationExport exportTranslation(String locale, List<String> documents, String only, Path out) {
        XliffExporter.Only which;
        try {
            which = XliffExporter.Only.parse(only == null ? "all" : only);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(Finding.of(Location.of(out), XliffRules.OPTION,
                    "--only must be missing, stale or all, not '" + only + "'"));
        }
        ExecutorService executor = executor();
        try {
            Site site = loader(executor).load(contentDirectory, theme);
            List<String> names = documents == null || documents.isEmpty() ? site.config().documents() : documents;
            checkTranslation(site.config(), locale, names);
            XliffExporter.Export export = XliffExporter.export(site, locale, names, which);
            try {
                org.privacysite.internal.output.AtomicFile.write(out, export.xliff());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out, e);
            }
            return new TranslationExport(out, export.units(), export.clauses());
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Writes the targets of a translator's XLIFF file (as made by {@link #exportTranslation}) back into
     * the translation's Markdown files and records the imported clauses as translated. Everything is
     * checked first: on any problem nothing is written.
     *
     * @throws PrivacySiteException with {@code file:line} findings in the XLIFF file
     */
    public TranslationImport importTranslation(Path xliff) {
        ExecutorService executor = executor();
        try {
            Site site = loader(executor).load(contentDirectory, theme);
            XliffImporter.Import result = XliffImporter.importFile(site, xliff);
            return new TranslationImport(result.locale(), result.written(), result.units(), result.skipped(), result.notes());
        } finally {
            executor.shutdownNow();
        }
    }

    private static void checkTranslation(SiteConfig config, String locale, List<String> documents) {
        if (!config.targetLocales().contains(locale)) {
            throw new ConfigurationException(Finding.of(config.location(), ConfigRules.LOCALE,
                    "'" + locale + "' is not a translation locale of this site (translations: "
                            + String.join(", ", config.targetLocales()) + ")"));
        }
        for (String document : documents) {
            if (!config.documents().contains(document)) {
                throw new ConfigurationException(Finding.of(config.location(), ConfigRules.DOCUMENT,
                        "'" + document + "' is not a document of this site ("
                                + ClosestName.knownOrClosest(document, config.documents(), "documents") + ")"));
            }
        }
    }


    SiteLoader loader(ExecutorService executor) {
        return new SitePipeline(this, executor).loader();
    }

    String baseUrl() {
        return baseUrl;
    }

    ProgressListener progress() {
        return progress;
    }

    java.time.LocalDate asOf() {
        return asOf;
    }

    boolean pdf() {
        return pdf;
    }

    Path pdfFontDirectory() {
        return pdfFontDirectory;
    }

    boolean pseudo() {
        return pseudo;
    }

    int sitemapEntries() {
        return sitemapEntries;
    }

    boolean externalLinks() {
        return externalLinks;
    }

    Path externalLinkCache() {
        return externalLinkCache;
    }

    private ExecutorService executor() {
        return executor(threads);
    }

    private static ExecutorService executor(int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "privacy-site-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Configures a {@link PrivacySite}. */
    public static final class Builder {
        private Path contentDirectory = Path.of("content");
        private Path templatesDirectory;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean externalLinks;
        private Path externalLinkCache;
        private String baseUrl;
        private ProgressListener progress = ProgressListener.NONE;
        private java.time.LocalDate asOf;
        private boolean pdf;
        private Path pdfFontDirectory = PdfFonts.SYSTEM;
        private Path cacheDirectory;
        private java.util.function.Consumer<String> warnings = warning -> { };
        private boolean pseudo;
        private int sitemapEntries = Sitemap.ENTRIES_PER_FILE;

        private Builder() {
        }

        /** The entries (loc and hreflang links) a sitemap file holds before the sitemap is split; for tests of the split. */
        Builder sitemapEntriesPerFile(int entries) {
            this.sitemapEntries = entries;
            return this;
        }

        /**
         * Where {@code checkAndBuild} keeps its build cache (one file per output directory), so that after an
         * edit of policy texts only their pages are parsed, rendered and checked again; the output is the same
         * as without it. Default: none, every build is a full one.
         */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = directory;
            return this;
        }

        /** Told of what a user should know but that is no finding, e.g. a damaged build cache. Default: nobody. */
        public Builder warnings(java.util.function.Consumer<String> listener) {
            this.warnings = java.util.Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Whether {@code build} and the preview also render the pseudo-locales {@code en-XA} (accented, about 30%
         * longer, bracketed text) and {@code ar-XB} (right to left), made from the source locale's texts, to find
         * truncation, hard-coded text and mirroring problems before translations exist. Default: false.
         */
        public Builder pseudo(boolean render) {
            this.pseudo = render;
            return this;
        }

        /**
         * Whether {@code build} also writes each translated document as a tagged PDF,
         * {@code <locale>/<document>/<document>.pdf}, linked from its page. Default: false.
         */
        public Builder pdf(boolean write) {
            this.pdf = write;
            return this;
        }

        /** Where the PDFs' fonts are looked up (Noto, by file name). Default: {@code /usr/share/fonts}. */
        public Builder pdfFontDirectory(Path directory) {
            this.pdfFontDirectory = java.util.Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The directory with {@code site.yaml} and one folder per locale. Default: {@code content}. */
        public Builder contentDirectory(Path directory) {
            this.contentDirectory = directory;
            return this;
        }

        /**
         * A directory of templates, assets and UI messages ({@code messages/<locale>.yaml}) that replace
         * the built-in theme's files of the same name, one file at a time; it need hold only those.
         * Default: none, the built-in theme alone.
         */
        public Builder templatesDirectory(Path directory) {
            this.templatesDirectory = directory;
            return this;
        }

        /** Worker threads for parsing and rendering. Default: the number of processors. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Whether {@code check} also requests every http(s) link of the site (concurrently, with
         * timeouts, retries and a per-host limit). Default: false, the check stays offline.
         */
        public Builder externalLinks(boolean check) {
            this.externalLinks = check;
            return this;
        }

        /** A file that remembers external link results between runs (entries expire after a day). */
        public Builder externalLinkCache(Path file) {
            this.externalLinkCache = file;
            return this;
        }

        /** Publishes under {@code url} instead of site.yaml's {@code baseUrl} (canonical, hreflang, sitemap). */
        public Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        /** Told of each page parsed, rendered and link-checked (e.g. for a progress line). Default: none. */
        public Builder progress(ProgressListener listener) {
            this.progress = java.util.Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The date that decides which version of each policy is in force, and which are upcoming.
         * Default: {@code SOURCE_DATE_EPOCH} when set, else the date of the content's last commit.
         */
        public Builder asOf(java.time.LocalDate date) {
            this.asOf = date;
            return this;
        }

        public PrivacySite build() {
            return new PrivacySite(this);
        }
    }
}
