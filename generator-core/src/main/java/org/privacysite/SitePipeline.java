package org.privacysite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

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
import org.privacysite.internal.messages.LocaleFallback;
import org.privacysite.internal.messages.MessageBundle;
import org.privacysite.internal.output.AtomicFile;
import org.privacysite.internal.parity.PageContents;
import org.privacysite.internal.parity.ParityChecker;
import org.privacysite.internal.pdf.PdfEdition;
import org.privacysite.internal.pdf.PdfFonts;
import org.privacysite.internal.render.RenderedPage;
import org.privacysite.internal.render.SiteOutput;
import org.privacysite.internal.render.SiteRenderer;
import org.privacysite.internal.theme.Theme;
import org.privacysite.internal.xliff.PseudoTranslation;

/**
 * The stages every command runs, in this order and nowhere else:
 * <ol>
 * <li>{@link #load} the sources: site.yaml, cookies.yaml, the UI texts and every policy, plus the
 *     history of the policies, and the pseudo-locales made from the source when asked; each page body is rendered (and, for a check, read for parity) as soon
 *     as it is parsed, so that no later stage parses it again;</li>
 * <li>{@link #sourceFindings check the sources}: parse errors, references, consent texts; {@link #configured}
 *     applies the site's rule settings; an error here stops a build and the preview;</li>
 * <li>{@link #parity check parity} of the translations, alongside rendering;</li>
 * <li>{@link #render} the pages, or {@link #renderAndCheckLinks render them and check their links};</li>
 * <li>publish: the caller swaps the staged output in ({@code OutputDirectory.replace}) when all passed.</li>
 * </ol>
 * {@code build}, {@code check}, {@code check --out} and the live preview are sequences of these stages.
 */
final class SitePipeline {

    static final Comparator<Finding> BY_PLACE = Comparator
            .comparing((Finding f) -> f.location().displayPath())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    /**
     * What the load stage hands on.
     *
     * @param site     the site, its consent revision raised by the history's changes of the cookie list
     * @param history  every version of the documents
     * @param renderer the renderer of the site, holding the page bodies rendered during the load
     */
    record Loaded(Site site, SiteHistory history, SiteRenderer renderer) {
    }

    private final PrivacySite settings;
    private final ExecutorService executor;

    SitePipeline(PrivacySite settings, ExecutorService executor) {
        this.settings = settings;
        this.executor = executor;
    }

    /**
     * Stage 1. Loads the site; {@code sourcePositions} marks the rendered links with their Markdown line
     * (for the link check); {@code contents}, when given, reads each page's clauses for parity as it is parsed.
     */
    Loaded load(boolean sourcePositions, PageContents contents) {
        return load(sourcePositions, contents, () -> (locale, document) -> null);
    }

    /**
     * Stage 1, taking the pages {@code restored} has (the build cache's unchanged pages) instead of parsing them;
     * asked for only once the configuration and bundles are read, so that it may be made meanwhile.
     */
    Loaded load(boolean sourcePositions, PageContents contents,
                java.util.function.Supplier<java.util.function.BiFunction<String, String, Page>> restored) {
        AtomicReference<SiteRenderer> early = new AtomicReference<>();
        Site loaded = loader().load(settings.contentDirectory(), settings.theme(), pageless -> {
            early.set(new SiteRenderer(pageless, executor, sourcePositions, settings.sitemapEntries()));
            if (contents == null) {
                return early.get()::renderEarly;
            }
            // A translation of its source's date is compared as it is read; only its findings wait for the parity stage.
            contents.checkAsRead(pageless.config().sourceLocale(), pageless.config().facts());
            return page -> {
                Object tree = page.body(); // one tree for both readers
                contents.read(page);
                early.get().renderEarly(page);
                java.lang.ref.Reference.reachabilityFence(tree);
            };
        }, restored);
        SiteHistory history = history(loaded);
        Site site = withConsentRevision(settings.pseudo() ? PseudoTranslation.extend(loaded) : loaded, history);
        return new Loaded(site, history, early.get().forParsedSite(site).withHistory(history));
    }

    /** The loader alone, for commands that need the parsed site and no rendering (status, XLIFF, mark-translated). */
    SiteLoader loader() {
        return new SiteLoader(executor, settings.baseUrl(), settings.progress());
    }

    /** Stage 2. Everything wrong in the sources themselves, unconfigured and sorted by place. */
    List<Finding> sourceFindings(Loaded loaded) {
        return sourceFindings(loaded.site(), loaded.history(), null);
    }

    /**
     * Stage 2 for the build cache: the references of every page are in {@code references} (checked now for the
     * pages that changed, by {@link #references}, the others as the cache has them).
     */
    List<Finding> sourceFindings(Loaded loaded, Map<PageKey, List<Finding>> references) {
        Site site = loaded.site();
        List<Finding> findings = new ArrayList<>(site.findings());
        findings.addAll(loaded.history().findings());
        references.values().forEach(findings::addAll);
        findings.addAll(ReferenceChecker.bundles(site));
        findings.addAll(ParityChecker.consentMessages(site));
        findings.sort(BY_PLACE);
        return findings;
    }

    /** The references of {@code pages}, page by page. */
    Map<PageKey, List<Finding>> references(Site site, Collection<Page> pages) {
        return ReferenceChecker.byPage(site, pages, executor);
    }

    /** Stage 2 for the preview's site: only the references of {@code edited} are checked again, all when null. */
    List<Finding> sourceFindings(Site site, Collection<Page> edited) {
        return sourceFindings(site, SiteHistory.none(List.of()), edited);
    }

    private List<Finding> sourceFindings(Site site, SiteHistory history, Collection<Page> edited) {
        List<Finding> findings = new ArrayList<>(site.findings());
        findings.addAll(history.findings());
        findings.addAll(edited == null ? ReferenceChecker.check(site, executor) : ReferenceChecker.check(site, edited));
        findings.addAll(ParityChecker.consentMessages(site));
        findings.sort(BY_PLACE);
        return findings;
    }

    /**
     * Stage 2's rule settings: applies the rule levels of site.yaml's {@code rules:} and of clause headings to
     * {@code findings}, with an error for each setting that names nothing. Called once per run, on the source findings
     * (the findings of later stages are configured with them in {@link #result}).
     */
    static ConfiguredFindings.Result configured(Site site, List<Finding> findings) {
        return ConfiguredFindings.applyWithUnknownTargets(site, findings, RuleCatalogue::find, RuleCatalogue::closest);
    }

    /** The errors, after the site's rule settings, that keep the site from being rendered. */
    static List<Finding> errors(Site site, List<Finding> sourceFindings) {
        return errors(configured(site, sourceFindings));
    }

    /** The errors among findings already {@link #configured}. */
    static List<Finding> errors(ConfiguredFindings.Result configured) {
        return configured.findings().stream().filter(Finding::isError).toList();
    }

    /**
     * Stage 3. Parity of the translations, in a thread of its own (it needs no rendered page): each
     * translation against the source text of its own version in the history (those of the source's own
     * date were compared during the load, see {@link PageContents}).
     */
    CompletableFuture<List<Finding>> parity(Loaded loaded, PageContents contents) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ParityChecker.check(loaded.site(), loaded.history(), contents, executor);
            } finally {
                contents.clear(); // the clause contents: at 10,000 pages about 80 MB that the render need not carry
            }
        }, SitePipeline::startAlongside);
    }

    /**
     * Stage 3 for the build cache, alongside rendering: the parity findings of each of {@code documents}
     * (the others are the cache's); {@link #paritySiteWide} adds what concerns no single document.
     */
    CompletableFuture<Map<String, List<Finding>>> parity(Loaded loaded, PageContents contents, Collection<String> documents) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ParityChecker.checkDocuments(loaded.site(), documents, loaded.history(), contents, executor);
            } finally {
                contents.clear();
            }
        }, SitePipeline::startAlongside);
    }

    /** The parity findings of the message bundles and content folders, with {@code byDocument}'s. */
    static List<Finding> paritySiteWide(Site site, Map<String, List<Finding>> byDocument) {
        List<Finding> findings = new ArrayList<>();
        byDocument.values().forEach(findings::addAll);
        findings.addAll(ParityChecker.checkSiteWide(site));
        return findings;
    }

    /**
     * Stage 3 without page contents read during the load, for the preview's panel: the parity findings of each of
     * {@code documents}; {@link #paritySiteWide} adds what concerns no single document.
     */
    Map<String, List<Finding>> parity(Site site, SiteHistory history, Collection<String> documents) {
        return ParityChecker.checkDocuments(site, documents, history, new PageContents(), executor);
    }

    /** Stage 4 for a build: the pages into {@code staging}, with the PDFs when asked. */
    int render(Loaded loaded, Path staging) {
        SiteRenderer renderer = loaded.renderer();
        if (settings.pdf()) {
            renderer = renderer.withPdfs(new PdfEdition(PdfFonts.in(settings.pdfFontDirectory()),
                    settings.contentDirectory().resolve("site.yaml"),
                    PdfEdition.sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH")), "privacy-site " + Version.current())
                    .checkFonts(loaded.site().config().locales()));
        }
        return renderer.renderOnce(SiteOutput.directory(staging), settings.progress());
    }

    /**
     * Stages 4 and 5 for a check: renders every page (with the Markdown line of each link) and checks its
     * links as it is rendered. With a {@code publish} output, the pages also go there, without the Markdown
     * lines, exactly as {@link #render} writes them.
     */
    List<Finding> renderAndCheckLinks(Loaded loaded, SiteOutput publish) {
        LinkChecker links;
        try {
            links = renderAndScan(loaded, publish, null);
        } catch (PrivacySiteException e) {
            return e.findings();
        }
        List<Finding> findings = new ArrayList<>(links.findings());
        if (settings.externalLinks()) {
            ExternalLinkSettings.Builder external = ExternalLinkSettings.builder();
            if (settings.externalLinkCache() != null) {
                external.cacheFile(settings.externalLinkCache());
            }
            findings.addAll(new ExternalLinkChecker(external.build()).check(links.externalLinks()));
        }
        return findings;
    }

    /**
     * Stages 4 and 5 for a check with the build cache: renders {@code pages} (null: the whole site) and checks
     * their links, fragment links to the other pages against {@code cachedIds}; the findings page by page.
     *
     * @throws PrivacySiteException when a template fails
     */
    Map<String, LinkChecker.PageFindings> renderAndCheckLinks(Loaded loaded, SiteOutput publish, Collection<PageKey> pages,
                                                              java.util.function.Function<String, java.util.Set<String>> cachedIds) {
        return renderAndScan(loaded, publish, pages).findingsByPage(pages == null ? null : cachedIds);
    }

    private LinkChecker renderAndScan(Loaded loaded, SiteOutput publish, Collection<PageKey> only) {
        Site site = loaded.site();
        SiteRenderer renderer = loaded.renderer();
        // The Markdown file of each page scanned, for the places of its findings: the source's for a fallback page.
        // Looked up when asked for, not held in a map: a map of 50,000 paths was 6 MB kept to the end of a check.
        java.util.Set<PageKey> scanned = only == null ? null : new java.util.HashSet<>(only);
        java.util.function.Function<String, Path> sources = path -> {
            PageKey page = PageKey.ofOutputPath(path);
            Page shown = page == null || (scanned != null && !scanned.contains(page)) ? null
                    : renderer.pageOrFallback(page.locale(), page.document());
            return shown == null ? null : shown.file();
        };
        // Progress is reported by the render stage: each page is checked right after it is rendered.
        LinkChecker links = LinkChecker.forRenderedSite(renderer.files(), sources, executor, ProgressListener.NONE,
                settings.externalLinks(), site.config().baseUrl());
        SiteOutput output = new SiteOutput() {
            @Override
            public void text(String path, String content) {
                links.accept(path, content);
                publish(path, content);
            }

            @Override
            public Path streamed(String path, Streamed content) {
                Path file = publish == null ? null : publish.streamed(path, content);
                if (file != null) {
                    links.accept(path, file); // read back from the published file, never held whole
                    return file;
                }
                // The check alone (or an output that keeps no file): written to a temporary file for the link check to
                // read, so that a sitemap of 25 MB is not held whole here either.
                Path temporary = null;
                try {
                    temporary = Files.createTempFile("privacy-site-sitemap-", ".xml");
                    AtomicFile.write(temporary, content);
                    links.accept(path, temporary);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write a temporary copy of " + path + " for the link check", e);
                } finally {
                    if (temporary != null) {
                        try {
                            Files.deleteIfExists(temporary);
                        } catch (IOException e) {
                            // left in the temporary folder: the check's result stands
                        }
                    }
                }
                return null;
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
        };
        if (only == null) {
            renderer.renderOnce(output, settings.progress());
        } else {
            renderer.renderPages(only, output);
        }
        return links;
    }

    /**
     * What {@code check} reports: the source findings as {@link #configured} gave them, the parity and link
     * findings configured here, all sorted, what is switched off listed apart.
     */
    static CheckResult result(Site site, ConfiguredFindings.Result sourceFindings, List<Finding> parity, List<Finding> links) {
        List<Finding> later = new ArrayList<>(parity);
        later.addAll(links);
        ConfiguredFindings.Result configured = ConfiguredFindings.apply(site, later);
        List<Finding> sorted = new ArrayList<>(sourceFindings.findings());
        sorted.addAll(configured.findings());
        sorted.sort(BY_PLACE);
        List<Finding> off = new ArrayList<>(sourceFindings.switchedOff());
        off.addAll(configured.switchedOff());
        off.sort(BY_PLACE);
        return new CheckResult(List.copyOf(sorted), policyPages(site), checkedFiles(site), List.copyOf(off),
                overrides(site));
    }

    /**
     * The site's files that replace built-in ones: those of the same name, and a UI bundle of its own for a locale
     * whose built-in texts have another name (templates/messages/zh.yaml replaces the built-in zh-Hans.yaml for zh).
     */
    static List<Path> overrides(Site site) {
        List<Path> overrides = new ArrayList<>(site.theme().overridden());
        Path own = site.theme().overrideDirectory();
        java.util.function.Predicate<String> builtIn = locale -> Files.isRegularFile(Theme.builtInDirectory().resolve("messages/" + locale + ".yaml"));
        for (Map.Entry<String, MessageBundle> ui : site.ui().entrySet()) {
            Path file = ui.getValue().file();
            if (own == null || !file.startsWith(own) || overrides.contains(file)) {
                continue;
            }
            if (LocaleFallback.first(ui.getKey(), builtIn) != null) {
                overrides.add(file);
            }
        }
        overrides.sort(Comparator.naturalOrder());
        return List.copyOf(overrides);
    }

    /**
     * The policy pages of the site, counted as {@link SiteRenderer#render} counts those it writes: one per locale and
     * document, a fallback page (the source's text where site.yaml's {@code fallback} allows it) included.
     */
    private static int policyPages(Site site) {
        return site.config().locales().size() * site.config().documents().size();
    }

    private static List<Path> checkedFiles(Site site) {
        List<Path> files = new ArrayList<>();
        files.add(site.config().file());
        site.pages().forEach(page -> files.add(page.file()));
        site.ui().values().forEach(bundle -> files.add(bundle.file()));
        return List.copyOf(files);
    }

    /** The history stage: every version of the policies, read from git and content/archive/. */
    private SiteHistory history(Site site) {
        try {
            return HistoryReader.read(site, settings.asOf(), System.getenv("SOURCE_DATE_EPOCH"));
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

    /** Runs {@code work} in a daemon thread of its own: a check whose result nobody waits for does not keep the JVM up. */
    static void startAlongside(Runnable work) {
        Thread thread = new Thread(work, "privacy-site-alongside");
        thread.setDaemon(true);
        thread.start();
    }
}
