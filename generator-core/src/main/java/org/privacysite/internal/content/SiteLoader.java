package org.privacysite.internal.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.ProgressListener;
import org.privacysite.internal.progress.StageProgress;
import org.privacysite.internal.config.SiteConfig;
import org.privacysite.internal.config.SiteConfigLoader;
import org.privacysite.ConfigurationException;
import org.privacysite.internal.consent.ConsentConfig;
import org.privacysite.internal.consent.ConsentConfigLoader;
import org.privacysite.internal.messages.LocaleFallback;
import org.privacysite.internal.messages.MessageBundle;
import org.privacysite.internal.rules.BundleRules;
import org.privacysite.internal.rules.ConfigRules;
import org.privacysite.internal.rules.ContentRules;
import org.privacysite.internal.rules.ParityRules;
import org.privacysite.internal.rules.SourceRules;
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.theme.Theme;

/**
 * The parse stage: reads site.yaml, cookies.yaml, every policy file and every message bundle.
 * A page that cannot be parsed is left out and its errors become findings.
 */
public final class SiteLoader {

    private final ExecutorService executor;
    private final String baseUrl;
    private final ProgressListener progress;

    /**
     * @param executor runs the page parses; pages are independent of each other
     * @param baseUrl  replaces site.yaml's base URL, or null
     * @param progress told of each parsed page
     */
    public SiteLoader(ExecutorService executor, String baseUrl, ProgressListener progress) {
        this.executor = executor;
        this.baseUrl = baseUrl;
        this.progress = progress;
    }

    public SiteLoader(ExecutorService executor) {
        this(executor, null, ProgressListener.NONE);
    }

    /** Loads with {@code templatesDirectory} over the built-in theme (null: the built-in theme alone). */
    public Site load(Path contentDirectory, Path templatesDirectory) {
        return load(contentDirectory, Theme.of(templatesDirectory));
    }

    public Site load(Path contentDirectory, Theme theme) {
        return load(contentDirectory, theme, frame -> page -> { });
    }

    /**
     * Like {@link #load(Path, Theme)}, handing each page to a reader while its Markdown tree is still
     * in memory, on the thread that parsed it: {@code readers} gets the site without its pages
     * (configuration, consent, message bundles) before any page is parsed, and returns the reader.
     * A reader that fails changes nothing: the later stages read the page again.
     */
    public Site load(Path contentDirectory, Theme theme,
                     java.util.function.Function<Site, java.util.function.Consumer<Page>> readers) {
        return load(contentDirectory, theme, readers, () -> (locale, document) -> null);
    }

    /**
     * Like {@link #load(Path, Theme, java.util.function.Function)}, taking from {@code restored} the pages it
     * has (a build cache's pages of unchanged files; null: parse the file). Restored pages are not handed
     * to the readers. {@code restored} is asked for on this thread once the configuration and bundles are
     * read (so it may be made meanwhile), before any page is.
     */
    public Site load(Path contentDirectory, Theme theme,
                     java.util.function.Function<Site, java.util.function.Consumer<Page>> readers,
                     java.util.function.Supplier<java.util.function.BiFunction<String, String, Page>> restored) {
        if (!Files.isDirectory(contentDirectory)) {
            throw new ConfigurationException(Finding.of(Location.of(contentDirectory), ConfigRules.CONTENT_DIRECTORY, "content directory not found"));
        }
        if (theme.overrideDirectory() != null && !Files.isDirectory(theme.overrideDirectory())) {
            throw new ConfigurationException(Finding.of(Location.of(theme.overrideDirectory()), ConfigRules.TEMPLATES_DIRECTORY,
                    "templates directory not found; create it, or leave it out to use the built-in theme alone"));
        }
        SiteConfig config;
        ConsentConfig consent;
        try {
            config = SiteConfigLoader.load(contentDirectory);
            if (baseUrl != null) {
                if (!baseUrl.matches("https?://[^\\s/]+(/\\S*)?")) {
                    throw PrivacySiteException.at(config.location(), ConfigRules.BASE_URL,
                            "the base URL '" + baseUrl + "' given to the build must be an absolute http(s) URL");
                }
                config = config.withBaseUrl(baseUrl);
            }
            consent = ConsentConfigLoader.load(contentDirectory);
        } catch (PrivacySiteException e) {
            throw new ConfigurationException(e.findings());
        }
        Map<String, MessageBundle> ui = new LinkedHashMap<>();
        List<Finding> bundleFindings = new ArrayList<>(); // reported after the pages' findings, as always
        Map<String, MessageBundle> texts = new LinkedHashMap<>();
        for (String locale : config.locales()) {
            MessageBundle uiBundle = MessageBundle.read(locale, uiFile(theme, locale, config, bundleFindings));
            MessageBundle textBundle = MessageBundle.read(locale, contentDirectory.resolve(locale).resolve("messages.yaml"));
            ui.put(locale, uiBundle);
            texts.put(locale, textBundle);
            bundleFindings.addAll(uiBundle.findings());
            bundleFindings.addAll(textBundle.findings());
        }
        java.util.function.Consumer<Page> reader = readers.apply(Site.of(config, contentDirectory, theme, List.of(),
                Map.copyOf(ui), Map.copyOf(texts), consent, List.of()));
        List<Finding> findings = new ArrayList<>();
        PageParser parser = new PageParser(config.sourceLocale());
        Path realContent = realPath(contentDirectory, Location.of(contentDirectory));
        // Each locale folder's real path once: a policy that is no link is where its folder really is.
        Map<String, Path> realFolders = new java.util.concurrent.ConcurrentHashMap<>();
        // One task per policy listed in site.yaml, which also looks whether its file is there: 10,000 file statuses on
        // this thread were 50-100 ms of every run. A missing one gives null, and its finding below, in the usual order.
        List<PageKey> listed = new ArrayList<>();
        java.util.function.BiFunction<String, String, Page> restoring = restored.get();
        for (String locale : config.locales()) {
            for (String document : config.documents()) {
                listed.add(new PageKey(locale, document));
            }
        }
        StageProgress parsed = StageProgress.start(progress, ProgressListener.Stage.PARSE, listed.size());
        List<Future<Page>> parses = new ArrayList<>();
        for (PageKey policy : listed) {
            String locale = policy.locale();
            String document = policy.document();
            parses.add(executor.submit(() -> {
                try {
                    Path file = contentDirectory.resolve(locale).resolve(document + ".md");
                    Boolean link = policyFile(file);
                    if (link == null) {
                        return null;
                    }
                    checkInside(realContent, realFolders, locale, file, link); // here: 10,000 real paths took 0.2 s on one thread
                    Page page = restoring.apply(locale, document);
                    if (page == null) {
                        page = parser.parse(locale, document, file);
                        try {
                            reader.accept(page);
                        } catch (RuntimeException e) {
                            // the render stage reads the page again, and reports what is wrong with it
                        }
                    }
                    return page;
                } finally {
                    parsed.step();
                }
            }));
        }
        List<Page> pages = new ArrayList<>();
        List<Finding> pageFindings = new ArrayList<>();
        for (int i = 0; i < parses.size(); i++) {
            try {
                Page page = parses.get(i).get();
                if (page != null) {
                    pages.add(page);
                    pageFindings.addAll(page.findings());
                } else {
                    missing(listed.get(i), contentDirectory, config).ifPresent(findings::add);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PrivacySiteException problem) {
                    pageFindings.addAll(problem.findings()); // the page is left out; its errors block the build
                } else if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                } else {
                    throw new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing", e);
            }
        }
        findings.addAll(pageFindings);
        findings.addAll(bundleFindings);
        return Site.of(config, contentDirectory, theme, pages, Map.copyOf(ui), Map.copyOf(texts), consent,
                findings);
    }

    /**
     * The UI bundle of {@code locale}: the site's own, else the built-in one, else (with a warning) that of its
     * nearest CLDR parent that has one, the site's own before the built-in at each step (es-MX: es-419, then es).
     */
    static java.nio.file.Path uiFile(Theme theme, String locale, SiteConfig config, List<Finding> findings) {
        String found = LocaleFallback.first(locale, candidate -> Files.isRegularFile(bundleFile(theme, candidate)));
        if (found != null) {
            java.nio.file.Path file = bundleFile(theme, found);
            if (!sameLocale(found, locale)) {
                List<String> chain = LocaleFallback.chain(locale);
                findings.add(fallback(theme, config, locale, found, file,
                        "CLDR parents: " + String.join(", ", chain.subList(1, chain.indexOf(found) + 1))));
            }
            return file;
        }
        // A macrolanguage without texts of its own takes those of the first of its CLDR children (no: nb, Bokmål).
        for (Map.Entry<String, java.nio.file.Path> bundle : theme.files("messages").entrySet()) {
            String child = bundle.getKey().replaceFirst("\\.yaml$", "");
            if (!child.equals(bundle.getKey()) && LocaleFallback.chain(child).contains(locale)) {
                findings.add(fallback(theme, config, locale, child, bundle.getValue(), "a CLDR child of " + locale));
                return bundle.getValue();
            }
        }
        return theme.file("messages/" + locale + ".yaml"); // none: parity reports the missing file
    }

    /** The warning that {@code locale}'s pages show the texts of {@code shown}, from {@code file}, which is {@code relation}. */
    private static Finding fallback(Theme theme, SiteConfig config, String locale, String shown, java.nio.file.Path file, String relation) {
        boolean own = theme.overrideDirectory() != null && file.startsWith(theme.overrideDirectory());
        return Finding.of(config.locationOf(locale), BundleRules.FALLBACK, "locale '" + locale + "' has no UI texts of its own; its pages show "
                + (own ? "the " + shown + " texts of templates/messages/" + file.getFileName() : "the built-in " + shown + " texts")
                + " (" + relation + "); add templates/messages/" + locale + ".yaml for texts of its own");
    }

    /**
     * The bundle of {@code candidate}: the site's own, under the locale's name or its other spelling (templates/messages/zh.yaml
     * for zh-Hans, so that zh-CN finds it), before the built-in one.
     */
    private static java.nio.file.Path bundleFile(Theme theme, String candidate) {
        java.nio.file.Path file = theme.file("messages/" + candidate + ".yaml");
        java.nio.file.Path own = theme.overrideDirectory();
        String other = own == null || file.startsWith(own) ? null : LocaleFallback.otherSpelling(candidate); // CLDR data: only if needed
        if (other != null) {
            java.nio.file.Path ownOther = own.resolve("messages/" + other + ".yaml");
            if (Files.isRegularFile(ownOther)) {
                return ownOther;
            }
        }
        return file;
    }

    /** zh and zh-Hans are one locale, spelled two ways: showing the one's texts for the other needs no warning. */
    private static boolean sameLocale(String candidate, String locale) {
        return candidate.equals(locale) || candidate.equals(LocaleFallback.withUsualScript(locale));
    }

    /** The finding of a policy site.yaml lists that has no file, if it needs one: a source always, a translation without a fallback. */
    private static java.util.Optional<Finding> missing(PageKey policy, Path contentDirectory, SiteConfig config) {
        String locale = policy.locale();
        String document = policy.document();
        Path file = contentDirectory.resolve(locale).resolve(document + ".md");
        if (locale.equals(config.sourceLocale())) {
            return java.util.Optional.of(Finding.of(Location.of(file), ContentRules.SOURCE_MISSING, "the source document '"
                    + document + "' listed in site.yaml does not exist; create " + locale + "/" + document + ".md"));
        } else if (!config.mayFallBack(locale, document)) {
            return java.util.Optional.of(Finding.of(Location.of(file), ParityRules.DOCUMENT_MISSING, "document '" + document
                    + "' is missing in " + locale + " (present in " + config.sourceLocale()
                    + "); translate it, or allow a fallback to the source in site.yaml"));
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether {@code file} is a link to a policy file (true) or a policy file itself (false); null when there is none.
     * One file status for both questions, not two: in a virtual machine each costs a few microseconds, 10,000 of them
     * tens of milliseconds.
     */
    private static Boolean policyFile(Path file) {
        try {
            java.nio.file.attribute.BasicFileAttributes look = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return SourceFiles.isRegularFile(file, look) ? look.isSymbolicLink() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** A policy that is a link to a file outside the content directory would publish that file. */
    private static void checkInside(Path realContent, Map<String, Path> realFolders, String locale, Path file, boolean link) {
        Path folder = realFolders.computeIfAbsent(locale, key -> realPath(file.getParent(), Location.of(file.getParent())));
        Path real = link ? realPath(file, Location.of(file)) : folder.resolve(file.getFileName());
        if (!real.startsWith(realContent)) {
            throw PrivacySiteException.at(Location.of(file), SourceRules.OUTSIDE_CONTENT,
                    "this file is a link to " + real + ", outside the content directory; copy the file instead");
        }
    }

    private static Path realPath(Path path, Location where) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            throw PrivacySiteException.at(where, SourceRules.UNREADABLE, "cannot read the file: " + e.getMessage());
        }
    }
}
