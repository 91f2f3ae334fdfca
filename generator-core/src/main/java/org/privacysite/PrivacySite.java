package org.privacysite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.privacysite.internal.concurrent.Jobs;
import org.privacysite.internal.config.SiteConfig;
import org.privacysite.internal.config.SiteConfigLoader;
import org.privacysite.internal.consent.ConsentConfigLoader;
import org.privacysite.internal.content.ConfiguredFindings;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.content.ReferenceChecker;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.content.SiteLoader;
import org.privacysite.internal.history.HistoryReader;
import org.privacysite.internal.history.SiteHistory;
import org.privacysite.internal.links.ExternalLinkChecker;
import org.privacysite.internal.links.ExternalLinkSettings;
import org.privacysite.internal.links.LinkChecker;
import org.privacysite.internal.output.InputFingerprint;
import org.privacysite.internal.output.OutputDirectory;
import org.privacysite.internal.parity.PageContents;
import org.privacysite.internal.parity.ParityChecker;
import org.privacysite.internal.parity.StatusCollector;
import org.privacysite.internal.render.StatusPage;
import org.privacysite.internal.report.ReportFormat;
import org.privacysite.internal.report.ReportOptions;
import org.privacysite.internal.report.Reports;
import org.privacysite.internal.parity.TranslationState;
import org.privacysite.internal.render.RenderedPage;
import org.privacysite.internal.render.SiteOutput;
import org.privacysite.internal.pdf.PdfEdition;
import org.privacysite.internal.pdf.PdfFonts;
import org.privacysite.internal.render.SiteRenderer;
import org.privacysite.internal.rules.ConfigRules;
import org.privacysite.internal.rules.ParityRules;
import org.privacysite.internal.rules.XliffRules;
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

    private static final Comparator<Finding> BY_PLACE = Comparator
            .comparing((Finding f) -> f.location().displayPath())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

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

    private PrivacySite(Builder builder) {
        this.pdf = builder.pdf;
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
            AtomicReference<SiteRenderer> early = new AtomicReference<>();
            Site site = loader(executor).load(contentDirectory, theme, pageless -> {
                // Each body is rendered right after its page is parsed, so that rendering need not parse it again.
                early.set(new SiteRenderer(pageless, executor, false));
                return early.get()::renderEarly;
            });
            SiteHistory history = history(site);
            Site withHistory = withConsentRevision(site, history);
            List<Finding> findings = configured(withHistory, sourceFindings(withHistory, history, executor)).findings();
            if (findings.stream().anyMatch(Finding::isError)) {
                throw new PrivacySiteException(findings);
            }
            SiteRenderer renderer = early.get().forParsedSite(withHistory).withHistory(history);
            if (pdf) {
                renderer = renderer.withPdfs(new PdfEdition(PdfFonts.in(pdfFontDirectory), contentDirectory.resolve("site.yaml"),
                        PdfEdition.sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH")), "privacy-site " + Version.current())
                        .checkFonts(site.config().locales()));
            }
            SiteRenderer pageRenderer = renderer;
            AtomicInteger pages = new AtomicInteger();
            OutputDirectory.replace(outputDirectory, staging -> {
                pages.set(pageRenderer.render(staging, progress));
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
            CompletableFuture<String> fingerprint = outputDirectory == null
                    ? CompletableFuture.completedFuture(null) : fingerprintAlongside();
            // Parity's clause contents and the page bodies are read from each Markdown tree right after
            // its parse; the link check renders every page from those bodies.
            PageContents contents = new PageContents();
            AtomicReference<SiteRenderer> early = new AtomicReference<>();
            Site loaded = loader(executor).load(contentDirectory, theme, pageless -> {
                early.set(new SiteRenderer(pageless, executor, true));
                return page -> {
                    Object tree = page.body(); // one tree for both readers
                    contents.read(page);
                    early.get().renderEarly(page);
                    java.lang.ref.Reference.reachabilityFence(tree);
                };
            });
            SiteHistory history = history(loaded);
            Site site = withConsentRevision(loaded, history);
            SiteRenderer renderer = early.get().forParsedSite(site).withHistory(history);
            List<Finding> findings = new ArrayList<>(sourceFindings(site, history, executor));
            boolean buildable = configured(site, findings).findings().stream().noneMatch(Finding::isError);
            // The parity check needs no rendered page: it runs while the pages render, in a thread of its own.
            CompletableFuture<List<Finding>> parity = CompletableFuture.supplyAsync(
                    () -> ParityChecker.check(site, contents, executor), PrivacySite::startAlongside);
            if (!buildable || outputDirectory == null) {
                List<Finding> links = buildable ? checkLinks(site, renderer, null, executor) : List.of();
                return result(site, findings, Jobs.joined(parity), links);
            }
            AtomicReference<CheckResult> published = new AtomicReference<>();
            try {
                OutputDirectory.replace(outputDirectory, staging -> {
                    List<Finding> links = checkLinks(site, renderer, SiteOutput.directory(staging), executor);
                    CheckResult result = result(site, findings, Jobs.joined(parity), links);
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

    /** The inputs' fingerprint, read while the pages are parsed (as they are read: an edit during the run is not "up to date"). */
    private CompletableFuture<String> fingerprintAlongside() {
        return CompletableFuture.supplyAsync(this::fingerprint, PrivacySite::startAlongside);
    }

    /** What decides the output besides the sources: the generator and its built-in theme, the base URL and the history's today. */
    private String fingerprintSalt() {
        return Version.build() + "+" + Theme.builtInIdentity() + baseUrl + (pdf ? " pdf" : "")
                + HistoryReader.stamp(contentDirectory, asOf, System.getenv("SOURCE_DATE_EPOCH"));
    }

    /** The salt, and every file of the content and templates directories. */
    private String fingerprint() {
        return theme.overrideDirectory() == null ? InputFingerprint.of(fingerprintSalt(), contentDirectory)
                : InputFingerprint.of(fingerprintSalt(), contentDirectory, theme.overrideDirectory());
    }

    private static void startAlongside(Runnable check) {
        Thread thread = new Thread(check, "privacy-site-alongside");
        thread.setDaemon(true); // a check whose result nobody waits for any more does not keep the JVM up
        thread.start();
    }

    private CheckResult result(Site site, List<Finding> sourceFindings, List<Finding> parity, List<Finding> links) {
        List<Finding> findings = new ArrayList<>(sourceFindings);
        findings.addAll(parity);
        findings.addAll(links);
        ConfiguredFindings.Result configured = configured(site, findings);
        List<Finding> sorted = new ArrayList<>(configured.findings());
        sorted.sort(BY_PLACE);
        List<Finding> off = new ArrayList<>(configured.switchedOff());
        off.sort(BY_PLACE);
        return new CheckResult(List.copyOf(sorted), site.pages().size(), checkedFiles(site), List.copyOf(off),
                site.theme().overridden());
    }

    /** Applies the rule levels of site.yaml's {@code rules:} and of clause headings; a setting naming nothing is an error. */
    private static ConfiguredFindings.Result configured(Site site, List<Finding> findings) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(ConfiguredFindings.unknownTargets(site, RuleCatalogue::find, RuleCatalogue::closest));
        return ConfiguredFindings.apply(site, all);
    }

    /**
     * A live preview writing into {@code outputDirectory}: call {@link Preview#rebuild} once for the
     * first build, then with the files that changed. Close it to stop its worker threads.
     */
    public Preview preview(Path outputDirectory) {
        return new Preview(this, outputDirectory, executor());
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
            if (!config.targetLocales().contains(locale)) {
                throw new ConfigurationException(Finding.of(config.location(), ConfigRules.LOCALE,
                        "'" + locale + "' is not a translation locale of this site (translations: "
                                + String.join(", ", config.targetLocales()) + ")"));
            }
            if (!config.documents().contains(document)) {
                throw new ConfigurationException(Finding.of(config.location(), ConfigRules.DOCUMENT,
                        "'" + document + "' is not a document of this site (documents: " + String.join(", ", config.documents()) + ")"));
            }
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
                        "'" + document + "' is not a document of this site (documents: " + String.join(", ", config.documents()) + ")"));
            }
        }
    }

    /** The history stage: every version of the policies, read from git and content/archive/. */
    private SiteHistory history(Site site) {
        try {
            return HistoryReader.read(site, asOf, System.getenv("SOURCE_DATE_EPOCH"));
        } catch (ConfigurationException e) {
            throw e;
        } catch (PrivacySiteException e) {
            throw new ConfigurationException(e.findings());
        }
    }

    /** The site with its consent revision raised by each change of the cookie list in its history. */
    private static Site withConsentRevision(Site site, SiteHistory history) {
        if (site.consent() == null || history.cookieListChanges() == 0) {
            return site;
        }
        return Site.of(site.config(), site.contentDirectory(), site.theme(), site.pages(), site.ui(), site.texts(),
                site.consent().withRevision(site.consent().revision() + history.cookieListChanges()), site.findings());
    }

    /**
     * The errors that stop a build of {@code site}, as {@code build} decides them (parse errors, references,
     * consent texts, with the site's rule settings); only the references of {@code edited} when given.
     * The preview asks this before it renders, so it stops on exactly what a build would stop on.
     */
    static List<Finding> buildErrors(Site site, java.util.Collection<Page> edited, ExecutorService executor) {
        List<Finding> findings = new ArrayList<>(site.findings());
        findings.addAll(edited == null ? ReferenceChecker.check(site, executor) : ReferenceChecker.check(site, edited));
        ParityChecker.consentMessages(site, findings);
        return configured(site, findings).findings().stream().filter(Finding::isError).toList();
    }

    /** What {@code check} reports of {@code site} before rendering (no link check): sources and parity, configured. */
    static List<Finding> checkFindings(Site site, ExecutorService executor) {
        List<Finding> findings = new ArrayList<>(sourceFindings(site, SiteHistory.none(List.of()), executor));
        findings.addAll(ParityChecker.check(site, executor));
        return configured(site, findings).findings();
    }

    private static List<Finding> sourceFindings(Site site, SiteHistory history, ExecutorService executor) {
        List<Finding> findings = new ArrayList<>(site.findings());
        findings.addAll(history.findings());
        findings.addAll(ReferenceChecker.check(site, executor));
        ParityChecker.consentMessages(site, findings);
        findings.sort(BY_PLACE);
        return findings;
    }

    private static List<Path> checkedFiles(Site site) {
        List<Path> files = new ArrayList<>();
        files.add(site.config().file());
        site.pages().forEach(page -> files.add(page.file()));
        site.ui().values().forEach(bundle -> files.add(bundle.file()));
        return List.copyOf(files);
    }

    /**
     * Renders the site as {@code build} would (plus the Markdown line of each link) and checks its
     * links page by page as they are rendered. With a {@code publish} output, the pages also go
     * there, without the Markdown lines, exactly as {@code build} writes them.
     */
    private List<Finding> checkLinks(Site site, SiteRenderer renderer, SiteOutput publish, ExecutorService executor) {
        Map<String, Path> sources = new HashMap<>();
        for (String locale : site.config().locales()) {
            for (String document : site.config().documents()) {
                Page page = site.page(locale, document);
                Page shown = page != null ? page : site.sourcePage(document);
                if (shown != null) {
                    sources.put(new PageKey(locale, document).outputPath(), shown.file());
                }
            }
        }
        // Progress is reported by the render stage: each page is checked right after it is rendered.
        LinkChecker links = LinkChecker.forRenderedSite(renderer.files(), sources, executor, ProgressListener.NONE);
        try {
            renderer.render(new SiteOutput() {
                @Override
                public void text(String path, String content) {
                    links.accept(path, content);
                    publish(path, content);
                }

                @Override
                public void page(String path, RenderedPage page) {
                    links.accept(path, page);
                    if (publish != null) {
                        publish.page(path, page.withoutSourcePositions());
                    }
                }

                private void publish(String path, String content) {
                    if (publish != null) {
                        publish.text(path, SiteRenderer.withoutSourcePositions(content));
                    }
                }

                @Override
                public void assets(java.util.SortedMap<String, Path> files) {
                    if (publish != null) {
                        publish.assets(files); // for the check alone, assets are link targets listed by renderer.files()
                    }
                }
            }, progress);
        } catch (PrivacySiteException e) {
            return e.findings();
        }
        List<Finding> findings = new ArrayList<>(links.findings());
        if (externalLinks) {
            ExternalLinkSettings.Builder settings = ExternalLinkSettings.builder();
            if (externalLinkCache != null) {
                settings.cacheFile(externalLinkCache);
            }
            findings.addAll(new ExternalLinkChecker(settings.build()).check(links.externalLinks()));
        }
        return findings;
    }

    SiteLoader loader(ExecutorService executor) {
        return new SiteLoader(executor, baseUrl, progress);
    }

    private ExecutorService executor() {
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

        private Builder() {
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
