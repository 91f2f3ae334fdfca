package org.privacysite.internal.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.privacysite.Finding;
import org.privacysite.internal.rules.HistoryRules;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.config.SiteConfig;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.history.ClauseComparison;
import org.privacysite.internal.history.ClauseText;
import org.privacysite.internal.history.DocumentHistory;
import org.privacysite.internal.history.SiteHistory;

/**
 * The pages of the policy history, rendered with the site's templates: each earlier or upcoming
 * version ({@code <locale>/<document>/versions/<date>/}), what changed in each version
 * ({@code .../versions/<date>/changes/}), a versions index per document and locale, and an Atom
 * feed per locale ({@code <locale>/feed.atom}).
 */
final class HistoryPages {

    static final String VERSION = "version.ftlh";
    static final String VERSIONS = "versions.ftlh";
    static final String CHANGES = "changes.ftlh";
    static final String FEED = "feed.ftlx";
    static final String FEED_FILE = "feed.atom";

    private static final String LANGUAGE_ITEM = "partials/language-item.ftlh";
    private static final String ALTERNATES = "partials/alternates.ftlh";

    private final SiteRenderer renderer;
    private final SiteHistory history;
    private final SiteConfig config;

    HistoryPages(SiteRenderer renderer, SiteHistory history) {
        this.renderer = renderer;
        this.history = history;
        this.config = renderer.config();
    }

    /** Every file these pages are written to, relative and with '/'. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (String locale : config.locales()) {
            for (DocumentHistory document : documents()) {
                String base = versionsPath(locale, document.document());
                paths.add(base + "index.html");
                for (LocalDate date : document.dates()) {
                    if (!date.equals(document.inForce())) {
                        paths.add(base + date + "/index.html");
                    }
                    if (document.previous(date) != null) {
                        paths.add(base + date + "/changes/index.html");
                    }
                }
            }
            paths.add(locale + "/" + FEED_FILE);
        }
        return paths;
    }

    /** Adds a render job for each page to {@code jobs}. */
    void submit(SiteOutput out, ExecutorService executor, List<Future<?>> jobs) {
        for (String locale : config.locales()) {
            for (DocumentHistory document : documents()) {
                String base = versionsPath(locale, document.document());
                jobs.add(executor.submit(() -> out.text(base + "index.html", versionsIndex(locale, document))));
                for (LocalDate date : document.dates()) {
                    if (!date.equals(document.inForce())) {
                        jobs.add(executor.submit(() -> out.text(base + date + "/index.html", version(locale, document, date))));
                    }
                    if (document.previous(date) != null) {
                        jobs.add(executor.submit(() -> out.text(base + date + "/changes/index.html", changes(locale, document, date))));
                    }
                }
            }
            jobs.add(executor.submit(() -> out.text(locale + "/" + FEED_FILE, feed(locale))));
        }
    }

    /**
     * What the current page of a document with a history shows of it: the link to its versions
     * and, when a version takes effect later, the notice with links to its text and its changes.
     */
    static Map<String, Object> currentPageView(DocumentHistory document, String locale, String root) {
        Map<String, Object> view = new LinkedHashMap<>();
        String base = root + versionsPath(locale, document.document());
        view.put("versionsHref", base);
        view.put("feedHref", root + locale + "/" + FEED_FILE);
        List<Map<String, Object>> upcoming = new ArrayList<>();
        for (LocalDate date : document.upcoming()) {
            upcoming.add(Map.of("date", date, "href", base + date + "/", "changesHref", base + date + "/changes/"));
        }
        view.put("upcoming", upcoming);
        return view;
    }

    private List<DocumentHistory> documents() {
        return config.documents().stream().map(history::document).filter(java.util.Objects::nonNull).toList();
    }

    private static String versionsPath(String locale, String document) {
        return locale + "/" + document + "/versions/";
    }

    /** The link from a page at {@code root} to the version of {@code date}: the current page for the one in force. */
    private static String versionHref(DocumentHistory document, String locale, LocalDate date, String root) {
        return date.equals(document.inForce()) ? root + locale + "/" + document.document() + "/"
                : root + versionsPath(locale, document.document()) + date + "/";
    }

    private String versionUrl(DocumentHistory document, String locale, LocalDate date) {
        return versionHref(document, locale, date, config.baseUrl());
    }

    private String version(String locale, DocumentHistory document, LocalDate date) {
        String root = "../../../../";
        Page own = document.page(locale, date);
        Page page = own != null ? own : document.page(config.sourceLocale(), date);
        String contentLocale = page.locale();
        BodyRenderer.Context context = context(page, locale, root, page);
        String body = render(context, document, date);
        String canonical = own != null ? versionUrl(document, locale, date) : versionUrl(document, contentLocale, date);
        PageView view = new PageView(locale, contentLocale, SiteRenderer.direction(locale), SiteRenderer.direction(contentLocale),
                document.document(), BodyRenderer.formatPlainText(context, page.frontMatter().title()),
                BodyRenderer.formatPlainText(context, page.frontMatter().description()), canonical, root, body, renderer.toc(context),
                page.frontMatter().effective(), page.frontMatter().updated(), own == null);

        Map<String, Object> model = frame(locale, document, root, (other) -> versionHref(document, other, date, root));
        model.put("page", view);
        List<PageView.LinkView> alternates = new ArrayList<>();
        for (String other : config.locales()) {
            if (document.page(other, date) != null) {
                alternates.add(new PageView.LinkView(other, renderer.ui(other).languageName(),
                        versionHref(document, other, date, root), versionUrl(document, other, date), false));
            }
        }
        model.put("alternateLinks", alternateLinks(root, alternates, versionUrl(document, config.sourceLocale(), date)));
        LocalDate next = document.next(date);
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("date", date);
        version.put("upcoming", document.isUpcoming(date));
        version.put("until", next == null || document.isUpcoming(date) ? null : next);
        version.put("currentHref", root + locale + "/" + document.document() + "/");
        version.put("versionsHref", root + versionsPath(locale, document.document()));
        version.put("changesHref", document.previous(date) == null ? null : root + versionsPath(locale, document.document()) + date + "/changes/");
        version.put("summary", document.summary(locale, date));
        model.put("version", version);
        return renderer.templates().render(VERSION, model);
    }

    private String changes(String locale, DocumentHistory document, LocalDate date) {
        String root = "../../../../../";
        LocalDate previous = document.previous(date);
        Page newer = document.page(locale, date);
        Page older = document.page(locale, previous);
        boolean fallback = newer == null || older == null; // both texts in one language, or the source's
        if (fallback) {
            newer = document.page(config.sourceLocale(), date);
            older = document.page(config.sourceLocale(), previous);
        }
        String contentLocale = newer.locale();
        // Both texts label cross-references with the newer version's numbers, so renumbering is no change of text.
        List<ClauseText> before = clauses(older, render(context(older, locale, root, newer), document, previous));
        BodyRenderer.Context context = context(newer, locale, root, newer);
        List<ClauseText> after = clauses(newer, render(context, document, date));

        Map<String, Object> model = frame(locale, document, root,
                (other) -> root + versionsPath(other, document.document()) + date + "/changes/");
        String url = config.baseUrl() + versionsPath(locale, document.document()) + date + "/changes/";
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", BodyRenderer.formatPlainText(context, newer.frontMatter().title()));
        changes.put("canonicalUrl", url);
        changes.put("date", date);
        changes.put("previousDate", previous);
        changes.put("upcoming", document.isUpcoming(date));
        changes.put("summary", document.summary(locale, date));
        changes.put("clauses", ClauseComparison.compare(before, after, contentLocale));
        changes.put("olderHref", versionHref(document, locale, previous, root));
        changes.put("newerHref", versionHref(document, locale, date, root));
        changes.put("versionsHref", root + versionsPath(locale, document.document()));
        changes.put("currentHref", root + locale + "/" + document.document() + "/");
        changes.put("fallback", fallback);
        changes.put("contentLocale", contentLocale);
        changes.put("contentDir", SiteRenderer.direction(contentLocale));
        model.put("changes", changes);
        model.put("alternateLinks", SiteRenderer.markup(""));
        return renderer.templates().render(CHANGES, model);
    }

    private String versionsIndex(String locale, DocumentHistory document) {
        String root = "../../../";
        Map<String, Object> model = frame(locale, document, root, (other) -> root + versionsPath(other, document.document()));
        Page current = renderer.pageOrFallback(locale, document.document());
        BodyRenderer.Context context = context(current, locale, root, current);
        List<Map<String, Object>> entries = new ArrayList<>();
        List<LocalDate> newestFirst = new ArrayList<>(document.dates());
        java.util.Collections.reverse(newestFirst);
        for (LocalDate date : newestFirst) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date", date);
            entry.put("href", versionHref(document, locale, date, root));
            entry.put("state", date.equals(document.inForce()) ? "current" : document.isUpcoming(date) ? "upcoming" : "past");
            entry.put("until", document.next(date) == null || document.isUpcoming(date) ? null : document.next(date));
            entry.put("changesHref", document.previous(date) == null ? null : root + versionsPath(locale, document.document()) + date + "/changes/");
            entry.put("summary", document.summary(locale, date));
            entry.put("translated", document.page(locale, date) != null);
            entries.add(entry);
        }
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("title", BodyRenderer.formatPlainText(context, current.frontMatter().title()));
        versions.put("canonicalUrl", config.baseUrl() + versionsPath(locale, document.document()));
        versions.put("currentHref", root + locale + "/" + document.document() + "/");
        versions.put("feedHref", root + locale + "/" + FEED_FILE);
        versions.put("entries", entries);
        model.put("versions", versions);
        model.put("alternateLinks", SiteRenderer.markup(""));
        return renderer.templates().render(VERSIONS, model);
    }

    /** One entry per version of each document, newest first; each links to what changed in it. */
    private String feed(String locale) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (DocumentHistory document : documents()) {
            Page current = renderer.pageOrFallback(locale, document.document());
            String title = BodyRenderer.formatPlainText(context(current, locale, "", current), current.frontMatter().title());
            for (LocalDate date : document.dates()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", config.baseUrl() + versionsPath(locale, document.document()) + date + "/");
                entry.put("document", document.document());
                entry.put("documentTitle", title);
                entry.put("date", date);
                entry.put("updated", date + "T00:00:00Z");
                entry.put("upcoming", document.isUpcoming(date));
                entry.put("summary", document.summary(locale, date));
                entry.put("translated", document.page(locale, date) != null);
                entry.put("href", document.previous(date) == null ? versionUrl(document, locale, date)
                        : config.baseUrl() + versionsPath(locale, document.document()) + date + "/changes/");
                entries.add(entry);
            }
        }
        List<String> order = config.documents();
        entries.sort(Comparator.comparing((Map<String, Object> entry) -> (LocalDate) entry.get("date")).reversed()
                .thenComparing(entry -> order.indexOf((String) entry.get("document"))));
        Map<String, Object> model = renderer.commonModel(locale, "");
        model.put("feedUrl", config.baseUrl() + locale + "/" + FEED_FILE);
        model.put("homeUrl", config.baseUrl() + locale + "/" + config.documents().get(0) + "/");
        model.put("updated", entries.isEmpty() ? "1970-01-01T00:00:00Z" : entries.get(0).get("updated"));
        model.put("entries", entries);
        return renderer.templates().render(FEED, model);
    }

    /** The model every history page shares: the site frame, the menu and the language switcher. */
    private Map<String, Object> frame(String locale, DocumentHistory document, String root,
                                      java.util.function.Function<String, String> sameInLocale) {
        Map<String, Object> model = renderer.commonModel(locale, root);
        model.put("menu", SiteRenderer.markup(renderer.menu(locale, document.document(), root).markup()));
        List<PageView.LinkView> languages = new ArrayList<>();
        for (String other : config.locales()) {
            String href = sameInLocale.apply(other);
            languages.add(new PageView.LinkView(other, renderer.ui(other).languageName(), href,
                    config.baseUrl() + href.substring(root.length()), other.equals(locale)));
        }
        model.put("languages", languages);
        StringBuilder items = new StringBuilder();
        if (renderer.templates().has(LANGUAGE_ITEM)) {
            for (PageView.LinkView language : languages) {
                Map<String, Object> item = new HashMap<>();
                item.put("root", root);
                item.put("item", language);
                items.append(renderer.templates().render(LANGUAGE_ITEM, item));
            }
        }
        model.put("languageLinks", SiteRenderer.markup(items.toString()));
        model.put("document", document.document());
        return model;
    }

    private Object alternateLinks(String root, List<PageView.LinkView> alternates, String xDefault) {
        if (!renderer.templates().has(ALTERNATES)) {
            return SiteRenderer.markup("");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("root", root);
        model.put("alternates", alternates);
        model.put("xDefault", xDefault);
        return SiteRenderer.markup(renderer.templates().render(ALTERNATES, model));
    }

    /**
     * The render context of an earlier or upcoming version shown in {@code locale} at {@code root}: its
     * cross-references to its own clauses are numbered as in {@code numbering}, those to other
     * documents as today's pages number them, with links to today's pages.
     */
    private BodyRenderer.Context context(Page page, String locale, String root, Page numbering) {
        ClauseReferences today = renderer.references(locale, page.document());
        UiMessages messages = renderer.ui(locale);
        ClauseReferences references = new ClauseReferences() {
            @Override
            public String label(String document, String key) {
                if (document != null && !document.equals(page.document()) || key == null) {
                    return today.label(document, key);
                }
                Clause clause = numbering.clause(key) != null ? numbering.clause(key) : page.clause(key);
                return messages.format("xref.clause", Map.of("number", clause == null ? "?" : clause.number()));
            }

            @Override
            public String href(String document, String key) {
                String fragment = key == null ? "" : "#" + key;
                if (document == null || document.equals(page.document())) {
                    return fragment.isEmpty() ? "./" : fragment;
                }
                return root + locale + "/" + document + "/" + fragment;
            }
        };
        return new BodyRenderer.Context(page, messages.formatter(), renderer.site().arguments(page), references,
                renderer.cookieTables(locale), false);
    }

    /** The body of a version; one that today's facts or templates cannot render is reported where to fix it. */
    private String render(BodyRenderer.Context context, DocumentHistory document, LocalDate date) {
        try {
            return BodyRenderer.render(context);
        } catch (PrivacySiteException e) {
            Page page = context.page();
            String archive = "content/archive/" + date + "/" + page.locale() + "/" + document.document() + ".md";
            List<Finding> findings = new ArrayList<>();
            for (Finding finding : e.findings()) {
                findings.add(Finding.error(finding.location(), HistoryRules.VERSION_BROKEN, "the version of " + date
                        + " cannot be rendered with today's facts and templates: " + finding.message()
                        + "; write a corrected text of that version in " + archive));
            }
            throw new PrivacySiteException(findings.isEmpty()
                    ? List.of(Finding.error(Location.of(page.file()), HistoryRules.VERSION_BROKEN, "the version of " + date
                    + " cannot be rendered; write a corrected text of that version in " + archive))
                    : findings);
        }
    }

    /** The clauses of a rendered body, with the text a reader sees: headings split it into clauses. */
    static List<ClauseText> clauses(Page page, String html) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        page.clauses().forEach(clause -> keys.add(clause.key()));
        List<ClauseText> clauses = new ArrayList<>();
        String key = "";
        String number = "";
        String title = "";
        List<String> lines = new ArrayList<>();
        for (Element block : Jsoup.parseBodyFragment(html).body().children()) {
            if (block.nameIs("h2") || block.nameIs("h3") || block.nameIs("h4") || block.nameIs("h5") || block.nameIs("h6")) {
                if (keys.contains(block.id())) {
                    add(clauses, key, number, title, lines);
                    Element numberSpan = block.selectFirst("span.clause-number");
                    key = block.id();
                    number = numberSpan == null ? "" : numberSpan.text().replaceFirst("\\.$", "");
                    if (numberSpan != null) {
                        numberSpan.remove();
                    }
                    title = block.text().strip();
                    lines = new ArrayList<>();
                    continue;
                }
            }
            if (block.nameIs("ul") || block.nameIs("ol")) {
                for (Element item : block.children()) {
                    lines.add(item.text()); // one line per list item
                }
            } else if (block.nameIs("table")) {
                for (Element row : block.select("tr")) {
                    lines.add(row.text());
                }
            } else if (!block.text().isBlank()) {
                lines.add(block.text());
            }
        }
        add(clauses, key, number, title, lines);
        return clauses;
    }

    private static void add(List<ClauseText> clauses, String key, String number, String title, List<String> lines) {
        if (!key.isEmpty() || !lines.isEmpty()) {
            clauses.add(new ClauseText(key, number, title, String.join("\n", lines)));
        }
    }
}
