package org.privacysite.internal.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.ProgressListener;
import org.privacysite.internal.progress.StageProgress;
import org.privacysite.internal.config.SiteConfig;
import org.privacysite.internal.render.ConsentView;
import org.privacysite.internal.render.CookieTables;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.history.DocumentHistory;
import org.privacysite.internal.history.SiteHistory;
import org.privacysite.internal.messages.LocaleFormatter;
import org.privacysite.internal.rules.ConsentRules;

import com.ibm.icu.util.ULocale;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;

/**
 * The render stage: writes every page, the language picker, the sitemap and the assets of a
 * {@link Site} into a directory. Pages render in parallel; each page's bytes depend only on the
 * sources, so the output is the same whatever the thread count.
 */
public final class SiteRenderer {

    public static final String ASSETS = "assets";

    private final Site site;
    private final SiteConfig config;
    private final TemplateEngine templates;
    private final ExecutorService executor;
    private final boolean sourcePositions;
    private final Map<String, UiMessages> ui = new HashMap<>();
    private final Map<String, UiMessages> texts = new HashMap<>();
    private final SecurityPolicy security;
    private final TemplateFacts facts;
    /** The files a template may link to when known before (see the constructor's {@code files}), else null. */
    private final java.util.Set<String> knownFiles;
    /** Made when first asked for: the file list depends on the pages, the history and the PDFs this renderer has. */
    private volatile TemplateLinks templateLinks;
    private final Map<String, String> integrity;
    /** The rendered menu entries per locale: the menu repeats on every page, only its current entry differs. */
    private final Map<String, Entries> menus = new java.util.concurrent.ConcurrentHashMap<>();
    /** The language switcher's entries per document: the same on the document's page in every language. */
    private final Map<String, Entries> switchers = new java.util.concurrent.ConcurrentHashMap<>();
    /** The hreflang alternates per document, as one part: the same on each of its pages. */
    private final Map<String, RepeatedParts> alternateLinks = new java.util.concurrent.ConcurrentHashMap<>();
    /** Whether the templates render the switcher's entries and the hreflang links as parts (older template sets do not). */
    private final boolean languageItems;
    private final boolean alternatesPartial;
    /** Tells the markers of one renderer apart from any text: a page cannot contain it by chance or on purpose. */
    private final String markerPrefix = "\uFDD2privacy-site:" + Long.toHexString(new java.security.SecureRandom().nextLong()) + ":";

    /** Every version of the documents that have more than one; none when the site has no history. */
    private final SiteHistory history;
    /**
     * The version in force where the working copy holds another (an upcoming one, or a translation of an
     * earlier or later version): shown as the current page instead.
     */
    private final Map<PageKey, Page> inForce = new HashMap<>();
    /** The translations of another version than the one in force: their pages show the source's with the fallback notice. */
    private final Set<PageKey> untranslatedInForce = new HashSet<>();
    /** {@link #ownLocales}, remembered: the site and the versions in force do not change once this renderer is made. */
    private final Map<String, List<String>> ownLocalesByDocument = new java.util.concurrent.ConcurrentHashMap<>();
    /** The PDF edition, or null when the build writes no PDFs. */
    private final org.privacysite.internal.pdf.PdfEdition pdfs;
    /** The entries a sitemap file holds at most ({@link Sitemap#ENTRIES_PER_FILE}; lower in tests). */
    private final int sitemapEntries;

    /**
     * Bodies rendered right after their page's first parse ({@link #renderEarly}), until the page is
     * rendered: HTML with a placeholder ({@code U+FDD0 index U+FDD1}) for each cross-reference label
     * (labels name other pages' clause numbers and titles, known only once every page was parsed).
     */
    private final EarlyBodies early;

    /**
     * The entries of a list that many pages repeat (the menu: one per document; the language
     * switcher: one per locale), each rendered once as a link to another page and once as the
     * current page, as markup and as UTF-8.
     */
    private record Entries(Map<String, Integer> positions, List<String> other, List<String> current, List<String> all,
                           List<byte[]> otherUtf8, List<byte[]> currentUtf8) {

        /** The entries as the page of {@code currentKey} shows them. */
        RepeatedParts on(String currentKey) {
            // Copies of the "other" entries with the current one swapped in: 500 comparisons a page were 2% of a check.
            String[] parts = other.toArray(new String[0]);
            byte[][] utf8 = otherUtf8.toArray(new byte[0][]);
            Integer at = positions.get(currentKey);
            if (at != null) {
                parts[at] = current.get(at);
                utf8[at] = currentUtf8.get(at);
            }
            return new RepeatedParts(java.util.Arrays.asList(parts), java.util.Arrays.asList(utf8), all);
        }
    }

    private static final String MENU_ITEM = "partials/menu-item.ftlh";
    private static final String LANGUAGE_ITEM = "partials/language-item.ftlh";
    private static final String ALTERNATES = "partials/alternates.ftlh";

    private static final String SOURCE_POSITION = " data-source-line=\"";

    /**
     * A page rendered with source positions as a build without them renders it. Safe on any page:
     * in text and in other attribute values a quote is always escaped, so only our attribute matches.
     */
    public static String withoutSourcePositions(String html) {
        int at = html.indexOf(SOURCE_POSITION);
        if (at < 0) {
            return html;
        }
        // indexOf over the page and bulk appends: a regex replace took 5% of a check --out.
        StringBuilder stripped = new StringBuilder(html.length());
        int from = 0;
        for (; at >= 0; at = html.indexOf(SOURCE_POSITION, at + 1)) {
            int digits = at + SOURCE_POSITION.length();
            int end = digits;
            while (end < html.length() && html.charAt(end) >= '0' && html.charAt(end) <= '9') {
                end++;
            }
            if (end > digits && end < html.length() && html.charAt(end) == '"') { // else not ours: kept as written
                stripped.append(html, from, at);
                from = end + 1;
            }
        }
        return stripped.append(html, from, html.length()).toString();
    }

    /** @param sourcePositions mark links and headings with their Markdown line (check builds only) */
    public SiteRenderer(Site site, ExecutorService executor, boolean sourcePositions) {
        this(site, executor, sourcePositions, Sitemap.ENTRIES_PER_FILE);
    }

    /** @param sitemapEntries the entries a sitemap file holds at most before the sitemap is split (tests lower it) */
    public SiteRenderer(Site site, ExecutorService executor, boolean sourcePositions, int sitemapEntries) {
        this(site, executor, sourcePositions, new TemplateEngine(site.theme()), Map.of(),
                SecurityPolicy.of(site, List.of()), AssetIntegrity.of(site.theme().files(ASSETS)),
                EarlyBodies.kept(), SiteHistory.none(List.of()), null, sitemapEntries, null, null);
    }

    /**
     * @param before a renderer of the same site, bundles and theme, whose UI texts still hold (before an edit of policy
     *               pages only, or before the pages were parsed); or null. Making them again took 70 ms of every check.
     * @param files  the files of the site when they are those of {@code before} (an edit of policy pages only), else null
     */
    private SiteRenderer(Site site, ExecutorService executor, boolean sourcePositions, TemplateEngine templates,
                         Map<String, Entries> menus, SecurityPolicy security, Map<String, String> integrity,
                         EarlyBodies early, SiteHistory history,
                         org.privacysite.internal.pdf.PdfEdition pdfs, int sitemapEntries, SiteRenderer before,
                         java.util.Set<String> files) {
        this.site = site;
        this.sitemapEntries = sitemapEntries;
        this.history = history;
        this.pdfs = pdfs;
        this.early = early;
        this.config = site.config();
        this.templates = templates;
        this.executor = executor;
        this.sourcePositions = sourcePositions;
        this.security = security;
        this.facts = new TemplateFacts(config.facts());
        history.documents().values().forEach(document -> {
            LocalDate date = document.inForce();
            Page source = site.sourcePage(document.document());
            // The working copy when it is in force (the preview edits it), else the text recorded in the history.
            Page sourceInForce = source != null && source.frontMatter().effective().equals(date) ? source : document.sourcePage(date);
            for (String locale : config.locales()) {
                Page own = site.page(locale, document.document());
                Page current = own != null ? own : source;
                if (current == null || current.frontMatter().effective().equals(date)) {
                    continue; // the working copy is the version in force
                }
                // Another version (upcoming, or a translation of an earlier or later one): the page shows the version
                // in force, in the locale's own words if it has them, else the source's with the fallback notice.
                Page translated = own == null ? null : document.page(locale, date);
                if (own != null && translated == null) {
                    untranslatedInForce.add(new PageKey(locale, document.document()));
                }
                Page shown = translated != null ? translated : sourceInForce;
                if (shown != null) {
                    inForce.put(new PageKey(locale, document.document()), shown);
                }
            }
        });
        this.knownFiles = files;
        this.integrity = integrity;
        this.menus.putAll(menus);
        this.languageItems = templates.has(LANGUAGE_ITEM);
        this.alternatesPartial = templates.has(ALTERNATES);
        if (before != null) {
            ui.putAll(before.ui);
            texts.putAll(before.texts);
        }
        String source = config.sourceLocale();
        for (String locale : config.locales()) {
            if (ui.containsKey(locale)) {
                continue; // kept from the renderer before (a pseudo-locale added since is not)
            }
            LocaleFormatter formatter = new LocaleFormatter(locale);
            ui.put(locale, new UiMessages(List.of(site.ui().get(locale), site.ui().get(source)), formatter, config.facts()));
            texts.put(locale, new UiMessages(List.of(site.texts().get(locale), site.texts().get(source)), formatter, config.facts()));
        }
    }

    /**
     * A renderer for {@code edited}, a version of this site in which only policy pages changed (the
     * live preview): it keeps the compiled templates, the security policy and asset hashes (templates,
     * assets and cookies.yaml are unchanged), and the rendered menus unless a title changed.
     */
    public SiteRenderer forEdited(Site edited, boolean titlesChanged) {
        return new SiteRenderer(edited, executor, sourcePositions, templates, titlesChanged ? Map.of() : menus,
                security, integrity, EarlyBodies.none(), history, pdfs, sitemapEntries, this, files());
    }

    /**
     * The renderer of {@code site}, whose pages this renderer (made for the same site without its
     * pages, see {@code SiteLoader}) rendered early: it renders them from those bodies instead of
     * parsing them again, and keeps the compiled templates, security policy and asset hashes.
     */
    public SiteRenderer forParsedSite(Site site) {
        return new SiteRenderer(site, executor, sourcePositions, templates, Map.of(), security, integrity, early, history,
                pdfs, sitemapEntries, this, null);
    }

    /**
     * This renderer publishing {@code history} too: the archive of earlier versions, what changed
     * between them, the feeds, and where the working copy holds an upcoming version, the version in
     * force as the current page with a notice of the change.
     */
    public SiteRenderer withHistory(SiteHistory history) {
        return new SiteRenderer(site, executor, sourcePositions, templates, Map.of(), security, integrity, early, history,
                pdfs, sitemapEntries, this, null);
    }

    /**
     * This renderer, also writing each translated document as a PDF ({@code pdf.ftlh}) beside its page,
     * linked from it. Only for a directory output (a build).
     */
    public SiteRenderer withPdfs(org.privacysite.internal.pdf.PdfEdition edition) {
        return new SiteRenderer(site, executor, sourcePositions, templates, menus, security, integrity, early, history,
                edition, sitemapEntries, this, null);
    }

    /**
     * Renders {@code page}'s body now, while its Markdown tree is in memory, and keeps it for
     * {@link #forParsedSite}'s render (in {@link EarlyBodies}, unless it cannot be kept), so that the page need not be
     * parsed again. Thread-safe.
     */
    public void renderEarly(Page page) {
        int[] labels = {0};
        boolean[] altered = {false}; // a reference that would not come back from the HTML as it went in
        ClauseReferences real = references(page.locale(), page.document());
        ClauseReferences placeholders = new ClauseReferences() {
            @Override
            public String label(String document, String key) {
                labels[0]++;
                String documentPart = document == null ? "" : document;
                String keyPart = key == null ? "" : key;
                altered[0] |= !asIs(documentPart) || !asIs(keyPart);
                // The reference rides in the HTML, which waits in a file: held in the heap, the references of a
                // 50,000-page site were about 100 MB at the end of the parse, when the heap is fullest.
                return LABEL_OPEN + documentPart + LABEL_BETWEEN + keyPart + LABEL_CLOSE;
            }

            @Override
            public String href(String document, String key) {
                return real.href(document, key);
            }
        };
        String html = BodyRenderer.render(bodyContext(page, page.locale(), placeholders));
        if (altered[0] || count(html, LABEL_OPEN) != labels[0]) {
            return; // the text itself has a placeholder character: render it the usual way
        }
        early.put(new PageKey(page.locale(), page.document()), html);
    }

    /** Noncharacters, which no page shows, around a cross-reference's document and clause key in an early body. */
    private static final char LABEL_OPEN = '\uFDD0';
    private static final char LABEL_BETWEEN = '\uFDD2';
    private static final char LABEL_CLOSE = '\uFDD1';

    /**
     * Whether {@code text} comes back from the early body as it went in: no placeholder character, and nothing
     * that the HTML writer escapes (a mistyped key such as {@code #a&b}, which the check reports).
     */
    private static boolean asIs(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case LABEL_OPEN, LABEL_BETWEEN, LABEL_CLOSE, '&', '<', '>', '"' -> {
                    return false;
                }
                default -> {
                    // kept as it is
                }
            }
        }
        return true;
    }

    private static int count(String text, char c) {
        int count = 0;
        for (int at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) {
            count++;
        }
        return count;
    }

    /** The early body of an own page, with its labels filled in; null when there is none. */
    private String earlyBody(String locale, String document) {
        String html = early.take(new PageKey(locale, document));
        if (html == null) {
            return null;
        }
        ClauseReferences references = references(locale, document);
        StringBuilder filled = new StringBuilder(html.length() + 256);
        org.commonmark.renderer.html.HtmlWriter writer = new org.commonmark.renderer.html.HtmlWriter(filled);
        int from = 0;
        for (int at = html.indexOf(LABEL_OPEN); at >= 0; at = html.indexOf(LABEL_OPEN, from)) {
            int between = html.indexOf(LABEL_BETWEEN, at);
            int end = html.indexOf(LABEL_CLOSE, between);
            filled.append(html, from, at);
            String target = between == at + 1 ? null : html.substring(at + 1, between);
            String key = end == between + 1 ? null : html.substring(between + 1, end);
            writer.text(references.label(target, key)); // escaped as BodyRenderer escapes text
            from = end + 1;
        }
        return filled.append(html, from, html.length()).toString();
    }

    /** Renders the whole site into {@code out}, which must exist and be empty. Returns the page count. */
    public int render(Path out) {
        return render(out, ProgressListener.NONE);
    }

    /** Like {@link #render(Path)}, telling {@code progress} of each page. */
    public int render(Path out, ProgressListener progress) {
        return render(SiteOutput.directory(out), progress);
    }

    /** Renders the whole site into {@code out}, telling {@code progress} of each page. */
    public int render(SiteOutput out, ProgressListener progress) {
        return render(out, progress, false);
    }

    /**
     * Like {@link #render(SiteOutput, ProgressListener)}, for a run that renders the site once (a build or a
     * check, not the preview, whose later edits reuse them): each locale's menus and formatted values are let
     * go as soon as its pages are written (a site in 100 locales held about 55 MB of them to the end).
     */
    public int renderOnce(SiteOutput out, ProgressListener progress) {
        return render(out, progress, true);
    }

    private int render(SiteOutput out, ProgressListener progress, boolean once) {
        StageProgress done = StageProgress.start(progress, ProgressListener.Stage.RENDER,
                config.locales().size() * config.documents().size());
        List<Future<?>> jobs = new ArrayList<>();
        // The single files first: a reader of the sitemap (the link check) then works on it while pages render.
        jobs.add(executor.submit(() -> writeSitemap(out)));
        jobs.add(executor.submit(() -> {
            String index = templates.render("index.ftlh", indexModel());
            templateLinks().check("index.html", index, null);
            out.text("index.html", index);
        }));
        jobs.add(executor.submit(() -> copyAssets(out)));
        jobs.add(executor.submit(() -> out.text(HostingHeaders.HEADERS_FILE, HostingHeaders.headersFile(security))));
        jobs.add(executor.submit(() -> out.text(HostingHeaders.NGINX_FILE, HostingHeaders.nginxSnippet(security))));
        boolean letsGo = once && !publishesHistory(); // the history's pages show the menus again
        for (String locale : config.locales()) {
            java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(config.documents().size());
            for (String document : config.documents()) {
                jobs.add(executor.submit(() -> {
                    renderDocument(locale, document, out);
                    done.step();
                    if (letsGo && left.decrementAndGet() == 0) {
                        forget(locale);
                    }
                }));
            }
        }
        if (publishesHistory()) {
            new HistoryPages(this, history).submit(out, executor, jobs);
        }
        await(jobs);
        early.close(); // every page is rendered: the bodies kept for them are read
        failOnTemplateLinks();
        return config.locales().size() * config.documents().size(); // the policies; their history pages are not counted
    }

    /** Lets go of what only the pages of {@code locale} use, which are written (a later use makes it again). */
    private void forget(String locale) {
        menus.keySet().removeIf(key -> key.startsWith(locale + "\u0000"));
        ui.get(locale).formatter().forgetResults();
    }

    /** Whether this renderer writes the history's pages (not with template sets that lack them). */
    private boolean publishesHistory() {
        return history.published() && templates.has(HistoryPages.VERSION);
    }

    /**
     * Renders only {@code pages} (pairs of locale and document), and the sitemap if asked, into
     * {@code out}, which already holds the rest of the site: the incremental rebuild of the live preview.
     */
    public void renderPages(java.util.Collection<PageKey> pages, Path directory, boolean sitemap) {
        SiteOutput out = SiteOutput.directory(directory);
        List<Future<?>> jobs = new ArrayList<>();
        for (PageKey page : pages) {
            jobs.add(executor.submit(() -> renderDocument(page.locale(), page.document(), out)));
        }
        if (sitemap) {
            // a part the sitemap no longer has would be left behind
            jobs.add(executor.submit(() -> writeSitemap(out).removeOtherParts(directory)));
        }
        await(jobs);
        failOnTemplateLinks();
    }

    /**
     * Renders only {@code pages} into {@code out}: a build from the build cache, which takes every other
     * file from the previous output. Fails like {@link #render(SiteOutput, ProgressListener)} on a template error.
     */
    public void renderPages(java.util.Collection<PageKey> pages, SiteOutput out) {
        List<Future<?>> jobs = new ArrayList<>();
        for (PageKey page : pages) {
            jobs.add(executor.submit(() -> renderDocument(page.locale(), page.document(), out)));
        }
        await(jobs);
        failOnTemplateLinks();
    }

    private void renderDocument(String locale, String document, SiteOutput out) {
        Page own = ownPage(locale, document);
        Page page = own != null ? own : site.sourcePage(document);
        boolean fallback = own == null;
        String body = fallback ? null : earlyBody(locale, document);
        Page shown = inForce.get(new PageKey(locale, document));
        if (shown != null) { // the working copy is upcoming: the page shows the version in force
            page = shown;
            body = null;
        }
        String root = "../../";
        BodyRenderer.Context context = bodyContext(page, locale, references(locale, document));
        if (body == null) {
            body = BodyRenderer.render(context); // from the Markdown tree, parsed again if it was dropped
        }
        String contentLocale = page.locale();
        PageView view = new PageView(locale, contentLocale, direction(locale), direction(contentLocale), document,
                BodyRenderer.formatPlainText(context, page.frontMatter().title()),
                BodyRenderer.formatPlainText(context, page.frontMatter().description()),
                fallback ? url(contentLocale, document) : url(locale, document), root, body, toc(context),
                page.frontMatter().effective(), page.frontMatter().updated(), fallback);

        Map<String, Object> model = commonModel(locale, root);
        model.put("page", view);
        boolean pdf = pdfs != null && !fallback;
        model.put("pdf", pdf ? org.privacysite.internal.pdf.PdfEdition.fileName(document) : null);
        model.put("languages", languages(locale, document, root));
        model.put("alternates", alternates(document, root));
        model.put("xDefault", url(config.sourceLocale(), document));
        DocumentHistory documentHistory = history.document(document);
        if (documentHistory != null && publishesHistory()) {
            model.put("history", HistoryPages.currentPageView(documentHistory, locale, root));
        }
        Map<String, RepeatedParts> repeated = new LinkedHashMap<>();
        repeated.put("menu", menu(locale, document, root));
        if (languageItems) {
            repeated.put("languageLinks", switchers.computeIfAbsent(document + "\u0000" + root,
                    key -> languageEntries(document, root)).on(locale));
        }
        if (alternatesPartial) {
            repeated.put("alternateLinks", alternateLinks.computeIfAbsent(document + "\u0000" + root,
                    key -> alternateLinks(document, root)));
        }
        String path = new PageKey(locale, document).outputPath();
        RenderedPage rendered = renderPage(model, repeated).withBody(body);
        templateLinks().check(path, rendered);
        out.page(path, rendered);
        if (pdf) {
            model.put("fontFamilies", pdfs.fontFamilies(locale));
            out.binary(org.privacysite.internal.pdf.PdfEdition.path(locale, document), pdfs.write(templates.render("pdf.ftlh", model),
                    view.canonicalUrl(), locale, "rtl".equals(view.dir()), view.title(), view.description(),
                    String.valueOf(config.facts().getOrDefault("company", config.name())), page.frontMatter().updated(), page.file()));
        }
    }

    /** A template's link to a page the site does not have fails the build, as a template error does. */
    private void failOnTemplateLinks() {
        List<org.privacysite.Finding> broken = templateLinks().findings();
        if (!broken.isEmpty()) {
            throw new PrivacySiteException(broken);
        }
    }

    /**
     * document.ftlh with {@code model}, split around the repeated parts (model variables, by name)
     * where the template shows each once, as ours does. While the template runs, each part is a
     * marker; a part the template shows twice is put in as markup, and the page rendered again.
     */
    private RenderedPage renderPage(Map<String, Object> model, Map<String, RepeatedParts> repeated) {
        Map<String, RepeatedParts> marked = new HashMap<>();
        for (Map.Entry<String, RepeatedParts> part : repeated.entrySet()) {
            boolean empty = part.getValue().parts().isEmpty();
            model.put(part.getKey(), markup(empty ? "" : markerPrefix + part.getKey() + "\uFDD2"));
            if (!empty) {
                marked.put(part.getKey(), part.getValue());
            }
        }
        while (true) {
            String html = templates.render("document.ftlh", model);
            List<String> own = new ArrayList<>();
            List<RepeatedParts> parts = new ArrayList<>();
            Set<String> shown = new HashSet<>();
            String twice = null;
            int from = 0;
            for (int at = html.indexOf(markerPrefix); at >= 0 && twice == null; at = html.indexOf(markerPrefix, from)) {
                int end = html.indexOf('\uFDD2', at + markerPrefix.length());
                String name = html.substring(at + markerPrefix.length(), end);
                if (!shown.add(name)) {
                    twice = name;
                }
                own.add(html.substring(from, at));
                parts.add(marked.get(name));
                from = end + 1;
            }
            if (twice == null) {
                own.add(html.substring(from));
                return new RenderedPage(own, parts);
            }
            model.put(twice, markup(marked.remove(twice).markup()));
        }
    }

    /**
     * A page's title as other pages show it (the document menu, cross-reference labels): its facts formatted,
     * and isolated in right-to-left text, as on the page itself. The menu showed "{company}" as written.
     */
    private String shownTitle(Page page, String locale) {
        String title = page.frontMatter().title();
        return org.privacysite.internal.messages.IcuMessage.hasArguments(title) ? BodyRenderer.formatPlainText(bodyContext(page, locale, null), title) : title;
    }

    BodyRenderer.Context bodyContext(Page page, String locale, ClauseReferences references) {
        return new BodyRenderer.Context(page, ui.get(locale).formatter(), site.arguments(page), references,
                cookieTables(locale), sourcePositions);
    }

    Map<String, Object> commonModel(String locale, String root) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", Map.of("name", config.name(), "baseUrl", config.baseUrl(), "sourceLocale", config.sourceLocale()));
        model.put("facts", facts);
        model.put("locale", locale);
        model.put("dir", direction(locale));
        model.put("root", root);
        model.put("msg", ui.get(locale));
        model.put("text", texts.get(locale));
        model.put("consent", site.consent() == null ? null : new ConsentView(site.consent(), texts.get(locale)));
        model.put("security", security);
        model.put("integrity", integrity);
        return model;
    }

    ClauseReferences references(String locale, String document) {
        UiMessages messages = ui.get(locale);
        return new ClauseReferences() {
            @Override
            public String label(String targetDocument, String key) {
                String target = targetDocument == null ? document : targetDocument;
                Page page = pageOrFallback(locale, target);
                String title = shownTitle(page, locale);
                if (key == null) {
                    return title;
                }
                Clause clause = page.clause(key);
                String number = clause == null ? "?" : clause.number();
                if (target.equals(document)) {
                    return messages.format("xref.clause", Map.of("number", number));
                }
                return messages.format("xref.document", Map.of("number", number, "title", title));
            }

            @Override
            public String href(String targetDocument, String key) {
                String fragment = key == null ? "" : "#" + key;
                if (targetDocument == null || targetDocument.equals(document)) {
                    return fragment.isEmpty() ? "./" : fragment;
                }
                return "../" + targetDocument + "/" + fragment;
            }
        };
    }

    java.util.function.Function<String, String> cookieTables(String locale) {
        return category -> {
            if (site.consent() == null) {
                throw PrivacySiteException.at(Location.of(site.contentDirectory().resolve("cookies.yaml")), ConsentRules.MISSING,
                        "a cookie-table block needs content/cookies.yaml");
            }
            return CookieTables.render(site.consent(), category, ui.get(locale), texts.get(locale), templates);
        };
    }

    /**
     * The locale's own text of {@code document} that its page shows, or null when the page shows the
     * source's (no translation, or a translation of another version than the one in force).
     */
    private Page ownPage(String locale, String document) {
        return untranslatedInForce.contains(new PageKey(locale, document)) ? null : site.page(locale, document);
    }

    /**
     * The text the page of {@code document} in {@code locale} shows: its own, or the source's (a fallback,
     * or a translation of another version than the one in force), or the version in force; null when none.
     */
    public Page pageOrFallback(String locale, String document) {
        Page shown = inForce.get(new PageKey(locale, document));
        if (shown != null) {
            return shown;
        }
        Page page = site.page(locale, document);
        return page != null ? page : site.sourcePage(document);
    }

    List<PageView.TocEntry> toc(BodyRenderer.Context context) {
        List<PageView.TocEntry> top = new ArrayList<>();
        Map<String, List<PageView.TocEntry>> children = new HashMap<>();
        for (Clause clause : context.page().clauses()) {
            if (clause.isSummary()) {
                continue; // shown first as cards, not a clause of the contents
            }
            List<PageView.TocEntry> mine = new ArrayList<>();
            children.put(clause.key(), mine);
            PageView.TocEntry entry = new PageView.TocEntry(clause.key(), clause.number(),
                    BodyRenderer.formatPlainText(context, clause.title()), mine);
            (clause.parentKey() == null ? top : children.get(clause.parentKey())).add(entry);
        }
        return top;
    }

    /** The document menu of a page: the markup for {@code partials/menu.ftlh}, entry by entry. */
    RepeatedParts menu(String locale, String current, String root) {
        return menus.computeIfAbsent(locale + "\u0000" + root, key -> entries(MENU_ITEM, commonModel(locale, root),
                config.documents(), (document, isCurrent) -> new PageView.LinkView(locale,
                        shownTitle(pageOrFallback(locale, document), locale), root + locale + "/" + document + "/",
                        url(locale, document), isCurrent))).on(current);
    }

    /**
     * The language switcher's entries of {@code document}, shown on its page in every language:
     * {@code partials/language-item.ftlh} sees only {@code item} and {@code root}, no page data.
     */
    private Entries languageEntries(String document, String root) {
        Map<String, Object> model = new HashMap<>();
        model.put("root", root);
        return entries(LANGUAGE_ITEM, model, config.locales(), (locale, isCurrent) -> new PageView.LinkView(locale,
                ui.get(locale).languageName(), root + locale + "/" + document + "/", url(locale, document), isCurrent));
    }

    /** The hreflang links of {@code document}'s pages, rendered once by {@code partials/alternates.ftlh}. */
    private RepeatedParts alternateLinks(String document, String root) {
        Map<String, Object> model = new HashMap<>();
        model.put("root", root);
        model.put("alternates", alternates(document, root));
        model.put("xDefault", url(config.sourceLocale(), document));
        List<String> markup = List.of(templates.render(ALTERNATES, model));
        return new RepeatedParts(markup, utf8(markup), markup);
    }

    private Entries entries(String template, Map<String, Object> model, List<String> keys,
                            java.util.function.BiFunction<String, Boolean, PageView.LinkView> item) {
        List<String> other = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String key : keys) {
            for (boolean isCurrent : new boolean[] {false, true}) {
                model.put("item", item.apply(key, isCurrent));
                (isCurrent ? current : other).add(templates.render(template, model));
            }
        }
        List<String> all = new ArrayList<>(other);
        all.addAll(current);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            positions.put(keys.get(i), i);
        }
        return new Entries(Map.copyOf(positions), List.copyOf(other), List.copyOf(current), List.copyOf(all), utf8(other), utf8(current));
    }

    private static List<byte[]> utf8(List<String> markup) {
        return markup.stream().map(part -> part.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    static TemplateHTMLOutputModel markup(String html) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(html);
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException(e); // only thrown for formats that cannot hold markup
        }
    }

    /** The language switcher: the same document in every locale. */
    Site site() {
        return site;
    }

    SiteConfig config() {
        return config;
    }

    TemplateEngine templates() {
        return templates;
    }

    UiMessages ui(String locale) {
        return ui.get(locale);
    }

    boolean sourcePositions() {
        return sourcePositions;
    }

    private List<PageView.LinkView> languages(String current, String document, String root) {
        List<PageView.LinkView> languages = new ArrayList<>();
        for (String locale : config.locales()) {
            languages.add(new PageView.LinkView(locale, ui.get(locale).languageName(),
                    root + locale + "/" + document + "/", url(locale, document), locale.equals(current)));
        }
        return languages;
    }

    /** hreflang alternates: only locales that really have the document in their language. */
    private List<PageView.LinkView> alternates(String document, String root) {
        List<PageView.LinkView> alternates = new ArrayList<>();
        for (String locale : ownLocales(document)) {
            alternates.add(new PageView.LinkView(locale, ui.get(locale).languageName(),
                    root + locale + "/" + document + "/", url(locale, document), false));
        }
        return alternates;
    }

    private Map<String, Object> indexModel() {
        String source = config.sourceLocale();
        Map<String, Object> model = commonModel(source, "");
        List<PageView.LinkView> languages = new ArrayList<>();
        String first = config.documents().get(0);
        for (String locale : config.locales()) {
            languages.add(new PageView.LinkView(locale, ui.get(locale).languageName(),
                    locale + "/" + first + "/", url(locale, first), false));
        }
        model.put("languages", languages);
        model.put("canonicalUrl", config.baseUrl());
        return model;
    }

    /**
     * Writes sitemap.xml, or its parts and the index naming them when it would be too big for one file; returns the split.
     * Each URL's entry is made when the template reads it: made all at once, at 50,000 pages in 100 locales, they held
     * 25 MB while the sitemap was written.
     */
    private Sitemap writeSitemap(SiteOutput out) {
        List<PageKey> own = new ArrayList<>(); // the own pages, one URL each, document by document
        for (String document : config.documents()) {
            for (String locale : ownLocales(document)) {
                own.add(new PageKey(locale, document));
            }
        }
        List<Map<String, Object>> urls = new java.util.AbstractList<>() {
            // The alternates of the document read last: the template reads the URLs in order, on one thread.
            private String document;
            private List<PageView.LinkView> alternates;

            @Override
            public Map<String, Object> get(int index) {
                PageKey page = own.get(index);
                if (!page.document().equals(document)) {
                    document = page.document();
                    alternates = alternates(document, "");
                }
                return Map.of("loc", url(page.locale(), document), "lastmod",
                        pageOrFallback(page.locale(), document).frontMatter().updated().toString(),
                        "alternates", alternates, "xDefault", url(config.sourceLocale(), document));
            }

            @Override
            public int size() {
                return own.size();
            }
        };
        Sitemap plan = sitemapPlan();
        plan.write(urls, Map.of("baseUrl", config.baseUrl(), "sourceLocale", config.sourceLocale()), templates, out);
        return plan;
    }

    /**
     * The languages with a page of their own of {@code document} (not a fallback), in site order: its alternates and
     * sitemap URLs. Found once per document: every page's alternates ask (20 page lookups a page at 10k pages).
     */
    private List<String> ownLocales(String document) {
        return ownLocalesByDocument.computeIfAbsent(document, key -> {
            List<String> locales = new ArrayList<>();
            for (String locale : config.locales()) {
                if (ownPage(locale, key) != null) {
                    locales.add(locale);
                }
            }
            return List.copyOf(locales);
        });
    }

    /**
     * How the sitemap's URLs split into files: each URL (an own page, in {@link #writeSitemap}'s order) has its
     * loc, one alternate per language the document is in, and x-default. Counted without rendering, for {@link #files}.
     */
    private Sitemap sitemapPlan() {
        List<Integer> entries = new ArrayList<>();
        for (String document : config.documents()) {
            int languages = ownLocales(document).size();
            for (int i = 0; i < languages; i++) {
                entries.add(languages + 2);
            }
        }
        return Sitemap.plan(entries.stream().mapToInt(Integer::intValue).toArray(), sitemapEntries);
    }

    String url(String locale, String document) {
        return config.baseUrl() + locale + "/" + document + "/";
    }

    static String direction(String locale) {
        return ULocale.forLanguageTag(locale).isRightToLeft() ? "rtl" : "ltr";
    }

    private void copyAssets(SiteOutput out) {
        out.assets(site.theme().files(ASSETS));
    }

    /**
     * Every file {@link #render(SiteOutput, ProgressListener)} writes,
     * relative and with '/': what a link check needs to know before the pages are rendered.
     */
    public java.util.Set<String> files() {
        return templateLinks().files();
    }

    private TemplateLinks templateLinks() {
        TemplateLinks links = templateLinks;
        if (links == null) {
            synchronized (this) {
                links = templateLinks;
                if (links == null) {
                    templateLinks = links = new TemplateLinks(site.theme(), knownFiles != null ? knownFiles : listFiles(),
                            config.locales(), config.documents(), this::pageOrFallback);
                }
            }
        }
        return links;
    }

    /** {@link #files}, listed once per site (unordered: they are only looked up). */
    private java.util.Set<String> listFiles() {
        // A list, which Set.copyOf dedupes (into a hash set, then its own): a hash set here hashed every path once more.
        List<String> files = new ArrayList<>(List.of("index.html", HostingHeaders.HEADERS_FILE, HostingHeaders.NGINX_FILE));
        files.addAll(sitemapPlan().files());
        for (String locale : config.locales()) {
            for (String document : config.documents()) {
                files.add(new PageKey(locale, document).outputPath());
                if (pdfs != null && ownPage(locale, document) != null) { // a fallback page has no PDF of its own
                    files.add(org.privacysite.internal.pdf.PdfEdition.path(locale, document));
                }
            }
        }
        if (publishesHistory()) {
            files.addAll(new HistoryPages(this, history).paths());
        }
        site.theme().files(ASSETS).keySet().forEach(name -> files.add(ASSETS + "/" + name));
        return java.util.Set.copyOf(files); // which the link checker's Set.copyOf takes as it is
    }

    /** Waits for every job, so none still writes when the caller cleans up, then reports the first failure. */
    private static void await(List<Future<?>> jobs) {
        RuntimeException failure = null;
        // A broken template fails every page that uses it: its findings are reported once, not once a page.
        java.util.Set<org.privacysite.Finding> templateFindings = new java.util.LinkedHashSet<>();
        for (Future<?> job : jobs) {
            try {
                job.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PrivacySiteException problem) {
                    templateFindings.addAll(problem.findings());
                }
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rendering", e);
            }
        }
        if (failure instanceof PrivacySiteException && templateFindings.size() > 1) {
            throw new PrivacySiteException(List.copyOf(templateFindings));
        }
        if (failure != null) {
            throw failure;
        }
    }
}
