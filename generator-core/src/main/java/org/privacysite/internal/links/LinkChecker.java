package org.privacysite.internal.links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.privacysite.Finding;
import org.privacysite.Rule;
import org.privacysite.Location;
import org.privacysite.ProgressListener;
import org.privacysite.internal.concurrent.Interner;
import org.privacysite.internal.concurrent.Jobs;
import org.privacysite.internal.progress.StageProgress;
import org.privacysite.internal.render.RenderedPage;
import org.privacysite.internal.render.Sitemap;
import org.privacysite.internal.render.RepeatedParts;
import org.privacysite.internal.rules.LinkRules;

/**
 * Checks the links of a built site offline: every internal page, fragment and asset exists,
 * hreflang alternates link back to each other, and no {@code javascript:} or malformed
 * {@code mailto:}/{@code tel:} link slipped through.
 *
 * <p>Each page is parsed once, in parallel, and reduced to what later checks need (its ids, its
 * canonical URL, its alternates and its links to other pages' fragments), so memory grows with
 * the number of pages, not with their size.
 */
public final class LinkChecker {

    private static final Pattern MAILTO = Pattern.compile("mailto:[^@\\s]+@[^@\\s]+\\.[^@\\s]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEL = Pattern.compile("tel:\\+?[0-9().\\- ]{3,}", Pattern.CASE_INSENSITIVE);

    /**
     * A link to a fragment of another page, checked once every page's ids are known: in {@code page}, at its Markdown
     * {@code line} (-1: not from Markdown). Its place is made when a finding needs it: the links are held to the end, 400,000
     * of them at 50,000 pages.
     */
    private record FragmentLink(String url, String target, String fragment, String page, int line) {
    }

    /** An hreflang alternate of a page. */
    private record Alternate(String hreflang, String url, Location location) {
    }

    /**
     * The hreflang alternates of a page, without their places: every page of a document has the same ones
     * (one per locale), so pages share one instance. {@code sortedUrls}: the addresses, sorted, for lookups.
     */
    private record AlternateSet(String[] hreflangs, String[] urls, String[] sortedUrls) {
        static final AlternateSet NONE = new AlternateSet(new String[0], new String[0], new String[0]);

        int size() {
            return urls.length;
        }
    }

    /**
     * What a page contributes to the site-wide checks. Its alternates are held to the end (the reciprocity
     * check): one per locale on every page, 5,000,000 on a 100-locale site of 50,000 pages, were it not for
     * the shared {@link AlternateSet}. Their places: {@code alternatesAt} for all of them (a template wrote
     * them), else {@code alternateLocations} one by one.
     */
    private record PageScan(String path, IdSet ids, String canonical, AlternateSet alternates, Location alternatesAt,
                            List<Location> alternateLocations, boolean hasXDefault, boolean noindex, Location headLocation,
                            List<FragmentLink> fragmentLinks, List<ExternalLink> externalLinks, List<Finding> findings) {

        /** Whether this page names {@code url} among its alternates; asked for every pair of languages. */
        boolean namesAlternate(String url) {
            return java.util.Arrays.binarySearch(alternates.sortedUrls(), url) >= 0;
        }

        Alternate alternate(int index) {
            return new Alternate(alternates.hreflangs()[index], alternates.urls()[index],
                    alternatesAt != null ? alternatesAt : alternateLocations.get(index));
        }
    }

    private final java.util.function.Function<String, Path> sources;
    /** One copy of each set of alternates, by its languages and addresses in order: every page of a document repeats it. */
    private final Map<List<String>, AlternateSet> alternateSets = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean keepsExternalLinks;
    private final ExecutorService executor;
    private final Set<String> files;
    private final Map<String, PageScan> scans = new java.util.concurrent.ConcurrentHashMap<>();
    /** sitemap.xml and its parts ({@code sitemap-1.xml}, ...) as read, by file name; they arrive from any thread. */
    private final Map<String, SitemapFile> sitemaps = new java.util.concurrent.ConcurrentHashMap<>();
    /** The address the site is published under, which the entries of a sitemap index start with; null when unknown. */
    private final String baseUrl;
    private final StageProgress scanned;
    private final List<ExternalLink> externalLinks = new ArrayList<>();
    private static final Set<String> LINKED_BY_SRC = Set.of("script", "img", "iframe", "source");
    private static final int URL_CACHE_LIMIT = 50_000;
    private final Map<String, Url> urls = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> resolved = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Part> parts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<PoolAtDepth, Boolean> cleanPools = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * One copy of each element id and of each address linking to another page's fragment: every language's
     * page of a document has the same clause ids and cross-references.
     */
    private final Interner<String> sharedIds = new Interner<>(65_536);
    /**
     * The name of the {@code <meta>} element that stands for repeated parts in the markup parsed for
     * a page: a void element that HTML allows in the head as in the body, where the parts go.
     */
    private static final String REPEATED_MARKER = "privacy-site:repeated";
    /** Where a page's policy text was, read by {@link StartTags} instead of parsed. */
    private static final String BODY_MARKER = "privacy-site:body";

    /**
     * A file of the sitemap: the page addresses of a {@code <urlset>}, or the sitemaps a {@code <sitemapindex>} names
     * (with where), or why it is no well-formed XML ({@code problem}, and nothing listed).
     */
    private record SitemapFile(List<String> urls, List<IndexEntry> parts, Finding problem) {

        boolean isIndex() {
            return parts != null;
        }
    }

    /** A {@code <sitemap><loc>} of a sitemap index, and where it is. */
    private record IndexEntry(String loc, Location location) {
    }

    private LinkChecker(java.util.Collection<String> files, java.util.function.Function<String, Path> sources, ExecutorService executor,
                        ProgressListener progress, boolean keepsExternalLinks, String baseUrl) {
        this.keepsExternalLinks = keepsExternalLinks;
        this.baseUrl = baseUrl;
        this.files = Set.copyOf(files);
        this.sources = sources;
        this.executor = java.util.Objects.requireNonNull(executor, "executor");
        this.scanned = StageProgress.start(progress, ProgressListener.Stage.LINKS,
                (int) files.stream().filter(file -> file.endsWith(".html")).count());
    }

    /**
     * A checker fed file by file while the site is rendered ({@link #accept}), so the site need not be
     * written and read back; {@code files} are all the files the site will have, {@code sources} gives the
     * Markdown file each page was built from by its path (null: none). {@link #findings} works on {@code executor}.
     */
    public static LinkChecker forRenderedSite(java.util.Collection<String> files, java.util.function.Function<String, Path> sources,
                                              ExecutorService executor, ProgressListener progress) {
        return forRenderedSite(files, sources, executor, progress, true);
    }

    /**
     * Like {@link #forRenderedSite(java.util.Collection, java.util.function.Function, ExecutorService, ProgressListener)}; without
     * {@code keepsExternalLinks} the http(s) links are not kept for {@link #externalLinks()} (only --external
     * checks them: at 10,000 fact-rich pages they were 217,000 parsed URIs held to the end, about 60 MB).
     */
    public static LinkChecker forRenderedSite(java.util.Collection<String> files, java.util.function.Function<String, Path> sources,
                                              ExecutorService executor, ProgressListener progress, boolean keepsExternalLinks) {
        return forRenderedSite(files, sources, executor, progress, keepsExternalLinks, null);
    }

    /**
     * Like {@link #forRenderedSite(java.util.Collection, java.util.function.Function, ExecutorService, ProgressListener, boolean)} for a site
     * published under {@code baseUrl}: a sitemap index must name its parts there (without it, by file name alone).
     */
    public static LinkChecker forRenderedSite(java.util.Collection<String> files, java.util.function.Function<String, Path> sources,
                                              ExecutorService executor, ProgressListener progress, boolean keepsExternalLinks,
                                              String baseUrl) {
        return new LinkChecker(files, sources, executor, progress, keepsExternalLinks, baseUrl);
    }

    /** A file of the site as it was rendered: pages and the sitemap are scanned now. Thread-safe. */
    public void accept(String path, String content) {
        if (path.endsWith(".html")) {
            scans.put(path, scan(path, content, List.of(), List.of()));
            scanned.step();
        } else if (path.equals(Sitemap.FILE) || Sitemap.partNumber(path) > 0) {
            sitemaps.put(path, readSitemap(path, new java.io.StringReader(content)));
        }
    }

    /** A sitemap file of the site as it was rendered, read from {@code file}, where it was written. Thread-safe. */
    public void accept(String path, Path file) {
        try (java.io.Reader reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            sitemaps.put(path, readSitemap(path, reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " back", e);
        }
    }

    /**
     * Like {@link #accept(String, String)} for a rendered page: each distinct repeated part (an
     * entry of the menu or the language switcher, the hreflang links) is parsed once for all pages,
     * the page's own markup as usual.
     */
    public void accept(String path, RenderedPage page) {
        int depth = depth(path);
        // The policy text, when the generator's own markup: read from its start tags, not parsed (StartTags).
        List<Element> body = page.body() == null || page.body().isEmpty() ? null : StartTags.of(page.body());
        StringBuilder html = new StringBuilder();
        List<RepeatedParts> marked = new ArrayList<>();
        boolean bodyMarked = false;
        for (int i = 0; i <= page.repeated().size(); i++) {
            String own = page.own().get(i);
            int at = body == null || i != page.bodyPiece() ? -1 : page.bodyStart(); // found once, by the renderer
            if (at < 0) {
                html.append(own);
            } else { // where a template shows the text twice, the second is parsed as usual
                html.append(own, 0, at).append("<meta name=\"").append(BODY_MARKER).append("\">")
                        .append(own, at + page.body().length(), own.length());
                bodyMarked = true;
            }
            if (i == page.repeated().size()) {
                break;
            }
            RepeatedParts repeated = page.repeated().get(i);
            if (!clean(repeated.pool(), depth)) { // else it adds no id, link or finding to this page
                html.append("<meta name=\"").append(REPEATED_MARKER).append("\" content=\"").append(marked.size()).append("\">");
                marked.add(repeated);
            }
        }
        scans.put(path, scan(path, html.toString(), marked, bodyMarked ? body : List.of()));
        scanned.step();
    }

    /**
     * A pool of repeated parts and the depth of the pages that show them, by the pool's identity. Held weakly:
     * a pool the renderer let go (a locale's menu, once its pages are written) need not stay for this.
     */
    private static final class PoolAtDepth extends java.lang.ref.WeakReference<List<String>> {
        private final int depth;
        private final int hash;

        PoolAtDepth(List<String> pool, int depth) {
            super(pool);
            this.depth = depth;
            this.hash = System.identityHashCode(pool) * 31 + depth;
        }

        @Override
        public boolean equals(Object other) {
            List<String> pool = get();
            return other instanceof PoolAtDepth that && that.hash == hash && that.depth == depth && pool != null
                    && that.get() == pool;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * Whether every part of {@code pool} is shared and without a problem at {@code depth}: then a
     * page at that depth need not look at its parts one by one (the menu of a sound site).
     */
    private boolean clean(List<String> pool, int depth) {
        return cleanPools.computeIfAbsent(new PoolAtDepth(pool, depth), key -> {
            // All parts parsed together, one jsoup parse instead of one per part (40,000 were 4% of a 10k
            // check): the elements are the same, and the pool is clean when all of them are.
            Part all = new Part(fragment(String.join("", pool)));
            return depth <= all.climbs && all.problems(depth).isEmpty();
        });
    }

    /** How many leading {@code ../} a relative link has. */
    private static int levelsUp(String link) {
        int up = 0;
        while (link.startsWith("../", up * 3)) {
            up++;
        }
        return up;
    }

    /** How many directories deep a page of the site is ({@code en/privacy/index.html}: 2). */
    private static int depth(String path) {
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            depth += path.charAt(i) == '/' ? 1 : 0;
        }
        return depth;
    }

    /** The http(s) links of the pages, in page order; known after {@link #findings()}. */
    public List<ExternalLink> externalLinks() {
        return List.copyOf(externalLinks);
    }

    /**
     * What other pages' findings depend on in a page: its ids (targets of fragment links; sorted), its canonical
     * URL and hreflang alternates (the reciprocity and sitemap checks). A build cache may keep another
     * page's findings only while this stays the same.
     */
    public record Face(Set<String> ids, String canonical, List<String> alternates, boolean xDefault,
                       boolean noindex, String headLocation) {
    }

    /**
     * One page's findings, split by what they depend on, for a build cache.
     *
     * @param own        the page's own links and the fragments it links to in other pages
     * @param alternates its hreflang alternates, checked against the pages they name
     */
    public record PageFindings(List<Finding> own, List<Finding> alternates, Face face) {
    }

    /**
     * The findings of {@link #findings()} page by page, and those of the site as a whole (the sitemap),
     * under the key {@code ""}. {@code cachedIds} gives the ids of pages that were not scanned in this run
     * (a build cache's incremental check; null for none): fragment links to them are checked against those.
     */
    public Map<String, PageFindings> findingsByPage(java.util.function.Function<String, Set<String>> cachedIds) {
        List<PageScan> ordered = new ArrayList<>(new java.util.TreeMap<>(scans).values());
        Map<String, PageScan> byCanonical = byCanonical(ordered);
        // A full check's pages in slices on the executor, as in findings(): at 10k pages this loop (the hreflang
        // checks and each page's face) took half a second on one thread while the others waited. An incremental
        // check scans few pages: handing them to other threads would only add the handoffs to the edit's time.
        java.util.concurrent.Executor slices = cachedIds == null ? executor : Runnable::run;
        List<PageFindings> found = Jobs.inSlices(ordered, 500, slices, slice -> slice.stream().map(scan -> {
            List<Finding> own = new ArrayList<>(scan.findings());
            own.addAll(fragmentFindings(scan, cachedIds));
            List<Finding> alternates = cachedIds == null ? checkAlternates(scan, byCanonical) : List.of();
            return new PageFindings(List.copyOf(own), List.copyOf(alternates), face(scan));
        }).toList());
        Map<String, PageFindings> byPage = new java.util.TreeMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            byPage.put(ordered.get(i).path(), found.get(i));
        }
        if (cachedIds == null) {
            List<Finding> site = checkSitemap(ordered, byCanonical);
            byPage.put("", new PageFindings(List.copyOf(site), List.of(), null));
        }
        return byPage;
    }

    /** The pages by their canonical URL; where two name the same, the first of {@code ordered}. */
    private static Map<String, PageScan> byCanonical(List<PageScan> ordered) {
        Map<String, PageScan> byCanonical = new HashMap<>();
        for (PageScan scan : ordered) {
            if (scan.canonical() != null) {
                byCanonical.putIfAbsent(scan.canonical(), scan);
            }
        }
        return byCanonical;
    }

    /**
     * A page's face over what its scan holds, its alternates written out only when read: a build cache hashes each
     * face once, but holds all of them until it does. Copied out, the faces of a 100-locale site of 50,000 pages
     * (5,000,000 alternates, each a string of its own) took 360 MB.
     */
    private static Face face(PageScan scan) {
        List<String> alternates = new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                Alternate alternate = scan.alternate(index);
                return alternate.hreflang() + " " + alternate.url() + " " + place(alternate.location());
            }

            @Override
            public int size() {
                return scan.alternates().size();
            }
        };
        return new Face(scan.ids(), scan.canonical(), alternates, scan.hasXDefault(), scan.noindex(), place(scan.headLocation()));
    }

    private static String place(Location location) {
        return location.file() + ":" + location.line() + ":" + location.column();
    }

    /** The findings of the whole site, once every page was scanned. */
    public List<Finding> findings() {
        List<PageScan> ordered = new ArrayList<>(new java.util.TreeMap<>(scans).values());
        Map<String, PageScan> byCanonical = byCanonical(ordered);
        List<Finding> findings = new ArrayList<>(checkSitemap(ordered, byCanonical));
        externalLinks.clear();
        ordered.forEach(scan -> externalLinks.addAll(scan.externalLinks()));
        // Slices of pages on the executor: at 10k pages this loop alone took half a second.
        findings.addAll(Jobs.inSlices(ordered, 500, executor, slice -> siteWideFindings(slice, byCanonical)));
        return findings;
    }

    /** The pages' own findings, then what their fragment links and hreflang alternates find in other pages. */
    private List<Finding> siteWideFindings(List<PageScan> pages, Map<String, PageScan> byCanonical) {
        List<Finding> findings = new ArrayList<>();
        for (PageScan scan : pages) {
            findings.addAll(scan.findings());
            findings.addAll(fragmentFindings(scan, null));
            findings.addAll(checkAlternates(scan, byCanonical));
        }
        return findings;
    }

    /** Links of {@code scan} to fragments of other pages that have no such id. */
    private List<Finding> fragmentFindings(PageScan scan, java.util.function.Function<String, Set<String>> cachedIds) {
        List<Finding> findings = new ArrayList<>();
        for (FragmentLink link : scan.fragmentLinks()) {
            PageScan target = scans.get(link.target());
            Set<String> ids = target != null ? target.ids() : cachedIds == null ? null : cachedIds.apply(link.target());
            if (ids != null && !ids.contains(link.fragment())) {
                findings.add(Finding.of(location(link.page(), link.line()), LinkRules.FRAGMENT, "link '" + link.url() + "' points at #"
                        + link.fragment() + ", which is not an id in " + link.target()));
            }
        }
        return findings;
    }

    /** @param body the elements of the policy text, visited where the page has its marker (once) */
    private PageScan scan(String path, String html, List<RepeatedParts> marked, List<Element> body) {
        // The theme's frame around the text, read from its start tags as the text is, or parsed when of another shape.
        List<Element> elements = StartTags.ofPage(html);
        int headLine = -1; // the reader leaves a head that names a Markdown line to the parser
        if (elements == null) {
            Document document = Jsoup.parse(html, "");
            elements = document.getAllElements();
            headLine = sourceLine(document.head());
        }
        PageWalk walk = new PageWalk(path);
        int next = 0; // only the markers this checker put in, in their order
        boolean bodyVisited = body.isEmpty();
        // One walk over the elements instead of a selector query per kind of element.
        for (Element element : elements) {
            if (next < marked.size() && element.normalName().equals("meta") && element.attr("name").equals(REPEATED_MARKER)
                    && element.attr("content").equals(Integer.toString(next))) {
                for (String part : marked.get(next).parts()) {
                    part(part).visit(walk);
                }
                next++;
            } else if (!bodyVisited && element.normalName().equals("meta") && element.attr("name").equals(BODY_MARKER)) {
                body.forEach(walk::visit);
                bodyVisited = true;
            } else {
                walk.visit(element);
            }
        }
        List<FragmentLink> fragmentLinks = new ArrayList<>();
        List<ExternalLink> external = new ArrayList<>();
        for (Element element : walk.linking) {
            Finding known = walk.known.get(element);
            if (known != null) {
                walk.findings.add(new Finding(location(path, element), known.rule(), known.severity(), known.message()));
            } else {
                checkLink(path, element, linkOf(element), walk.ids, fragmentLinks, external).ifPresent(walk.findings::add);
            }
        }
        Location first = walk.alternates.isEmpty() ? null : walk.alternates.get(0).location();
        boolean onePlace = walk.alternates.stream().allMatch(alternate -> alternate.location() == first);
        Location alternatesAt = onePlace ? first : null;
        List<Location> alternateLocations = onePlace ? null : walk.alternates.stream().map(Alternate::location).toList();
        return new PageScan(path, IdSet.of(walk.ids, sharedIds::intern), walk.canonical, alternateSet(walk.alternates), alternatesAt, alternateLocations,
                walk.xDefault, walk.noindex, location(path, headLine), fragmentLinks, external, walk.findings);
    }

    /** The shared set of {@code alternates} (languages and addresses, in order). */
    private AlternateSet alternateSet(List<Alternate> alternates) {
        if (alternates.isEmpty()) {
            return AlternateSet.NONE;
        }
        String[] pairs = new String[alternates.size() * 2];
        for (int i = 0; i < alternates.size(); i++) {
            pairs[2 * i] = alternates.get(i).hreflang();
            pairs[2 * i + 1] = alternates.get(i).url();
        }
        return alternateSets.computeIfAbsent(java.util.Arrays.asList(pairs), key -> new AlternateSet(
                alternates.stream().map(Alternate::hreflang).toArray(String[]::new),
                alternates.stream().map(Alternate::url).toArray(String[]::new),
                alternates.stream().map(Alternate::url).sorted().distinct().toArray(String[]::new)));
    }

    /** A repeated part, parsed once for all the pages that repeat it. */
    private Part part(String markup) {
        Part part = parts.get(markup);
        if (part == null) {
            part = new Part(fragment(markup));
            if (parts.size() >= URL_CACHE_LIMIT) {
                parts.clear();
            }
            parts.put(markup, part);
        }
        return part;
    }

    /** The elements of a piece of markup, parsed as a body fragment (without the body around it). */
    private static List<Element> fragment(String markup) {
        List<Element> all = Jsoup.parseBodyFragment(markup, "").body().getAllElements();
        return all.subList(1, all.size());
    }

    /**
     * The elements of a repeated part (or of a whole pool of them, to tell whether it is clean). When they have no ids and their links climb to the site's
     * root ({@code ../../fr/cookies/} from a page two levels deep, as the menu's do) or go to no
     * page of it, what the links say depends only on how deep the page is: they are checked once
     * per depth, and each page gets the findings, if any, at its own location. Otherwise each page
     * visits the elements as its own. Elements are only read, from any thread.
     */
    private final class Part {
        private final List<Element> elements;
        /** How many levels every local link climbs ({@code /x} counts as all); -1 when the part is not shared. */
        private final int climbs;
        /** Per depth of the pages: each linking element with a problem, and its finding. */
        private final Map<Integer, List<Map.Entry<Element, Finding>>> problems = new java.util.concurrent.ConcurrentHashMap<>();

        Part(List<Element> elements) {
            this.elements = List.copyOf(elements);
            int climbs = Integer.MAX_VALUE;
            for (Element element : elements) {
                climbs = Math.min(climbs, climbs(element));
            }
            this.climbs = climbs;
        }

        /** How many levels the element's link climbs, MAX_VALUE when it does not depend on the page's place; -1: not shared. */
        private static int climbs(Element element) {
            if (element.hasAttr("id") || element.normalName().equals("link")) {
                return -1;
            }
            String url = linkOf(element);
            Url parsed = url == null ? null : Url.of(url);
            if (parsed == null || parsed.kind() != Url.Kind.LOCAL) {
                return parsed != null && parsed.kind() == Url.Kind.EXTERNAL ? -1 : Integer.MAX_VALUE;
            }
            if (parsed.fragment() != null || parsed.path().isEmpty()) {
                return -1; // fragments are checked against the page's own ids or later, per page
            }
            if (parsed.path().startsWith("/")) {
                return Integer.MAX_VALUE;
            }
            return levelsUp(parsed.path());
        }

        void visit(PageWalk walk) {
            int depth = depth(walk.path);
            if (depth > climbs) {
                elements.forEach(walk::visit);
                return;
            }
            for (Map.Entry<Element, Finding> problem : problems.computeIfAbsent(depth, ignored -> check(walk.path))) {
                walk.linking.add(problem.getKey()); // reported in document order with the page's own links
                walk.known.put(problem.getKey(), problem.getValue());
            }
        }

        /** The problems of this shared part on pages {@code depth} levels deep. */
        List<Map.Entry<Element, Finding>> problems(int depth) {
            return problems.computeIfAbsent(depth, ignored -> check("x/".repeat(depth) + "index.html"));
        }

        private List<Map.Entry<Element, Finding>> check(String path) {
            List<Map.Entry<Element, Finding>> found = new ArrayList<>();
            for (Element element : elements) {
                String url = linkOf(element);
                if (url != null) {
                    checkLink(path, element, url, Set.of(), new ArrayList<>(), new ArrayList<>())
                            .ifPresent(finding -> found.add(Map.entry(element, finding)));
                }
            }
            return List.copyOf(found);
        }
    }

    /** The URL an element links to and the link check checks, or null. */
    private static String linkOf(Element element) {
        String tag = element.normalName();
        if ((tag.equals("a") || tag.equals("link")) && element.hasAttr("href")) {
            return element.attr("href");
        }
        return LINKED_BY_SRC.contains(tag) && element.hasAttr("src") ? element.attr("src") : null;
    }

    /** What one page's elements say, collected in document order. */
    private final class PageWalk {
        private final String path;
        private final Set<String> ids = new HashSet<>();
        private final List<Element> linking = new ArrayList<>();
        private final List<Alternate> alternates = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        /** Links of shared repeated parts, already checked for this page's directory. */
        private final Map<Element, Finding> known = new java.util.IdentityHashMap<>();
        private boolean xDefault;
        private boolean noindex;
        private String canonical;

        private Location pageLocation;

        PageWalk(String path) {
            this.path = path;
        }

        Location pageLocation() {
            if (pageLocation == null) {
                pageLocation = location(path, null);
            }
            return pageLocation;
        }

        void visit(Element element) {
            if (element.hasAttr("id") && !ids.add(element.id())) {
                findings.add(finding(path, element, LinkRules.DUPLICATE_ID, "id '" + element.id() + "' is used twice in this page"));
            }
            String tag = element.normalName();
            String rel = tag.equals("link") ? element.attr("rel") : "";
            if (tag.equals("meta") && element.attr("name").equalsIgnoreCase("robots")
                    && element.attr("content").toLowerCase(java.util.Locale.ROOT).contains("noindex")) {
                noindex = true; // an archived version: kept out of the sitemap on purpose
            }
            if (rel.equals("canonical") && canonical == null) {
                canonical = element.attr("href");
            } else if (rel.equals("alternate") && element.hasAttr("hreflang")) {
                if (element.attr("hreflang").equals("x-default")) {
                    xDefault = true;
                } else {
                    // From a template (no Markdown line), every alternate of the page has the same location: made once.
                    int line = sourceLine(element);
                    Location location = line < 0 ? pageLocation() : location(path, line);
                    alternates.add(new Alternate(element.attr("hreflang"), element.attr("href"), location));
                }
            }
            boolean href = (tag.equals("a") || tag.equals("link")) && element.hasAttr("href");
            boolean src = LINKED_BY_SRC.contains(tag) && element.hasAttr("src");
            if ((href || src) && !rel.equals("alternate") && !rel.equals("canonical")) {
                linking.add(element); // absolute site URLs in alternate and canonical are checked with the alternates
            }
        }
    }

    /**
     * What is wrong with one link, if anything; a link to another page's fragment goes to {@code fragmentLinks}
     * (checked once every page is known), an http(s) link to {@code external}.
     */
    private Optional<Finding> checkLink(String path, Element element, String url, Set<String> ownIds,
                                        List<FragmentLink> fragmentLinks, List<ExternalLink> external) {
        Url parsed = urls.get(url);
        if (parsed == null) {
            parsed = Url.of(url);
            if (urls.size() >= URL_CACHE_LIMIT) {
                urls.clear();
            }
            urls.put(url, parsed);
        }
        return switch (parsed.kind()) {
            case UNSAFE -> Optional.of(finding(path, element, LinkRules.UNSAFE_URL, "unsafe link '" + url + "'"));
            case BAD_MAILTO -> Optional.of(finding(path, element, LinkRules.MAILTO, "malformed e-mail link '" + url + "'"));
            case BAD_TEL -> Optional.of(finding(path, element, LinkRules.TEL, "malformed telephone link '" + url + "'"));
            case MALFORMED -> Optional.of(finding(path, element, LinkRules.MALFORMED, "malformed link '" + url + "'"));
            case EXTERNAL -> {
                if (keepsExternalLinks) { // checked only with --external
                    ExternalLink.of(url, location(path, element)).ifPresent(external::add);
                }
                yield Optional.empty();
            }
            case OTHER -> Optional.empty(); // mailto: and tel: links that are well formed
            case LOCAL -> checkLocal(path, element, url, parsed, ownIds, fragmentLinks);
        };
    }

    private Optional<Finding> checkLocal(String path, Element element, String url, Url parsed, Set<String> ownIds,
                                         List<FragmentLink> fragmentLinks) {
        String target = resolveShared(path, parsed.path());
        if (target == null) {
            return Optional.of(finding(path, element, LinkRules.OUTSIDE_SITE, "link '" + url + "' leaves the site"));
        }
        if (!files.contains(target)) {
            return Optional.of(finding(path, element, LinkRules.BROKEN, "link '" + url + "' points at " + target
                    + ", which does not exist"));
        }
        String fragment = parsed.fragment();
        if (fragment == null || fragment.isEmpty() || !target.endsWith(".html")) {
            return Optional.empty();
        }
        if (!target.equals(path)) {
            // Held to the end, and pages repeat the same addresses: one copy of each (27 MB at 50,000 pages).
            fragmentLinks.add(new FragmentLink(sharedIds.intern(url), target, fragment, path, sourceLine(element)));
            return Optional.empty();
        }
        return ownIds.contains(fragment) ? Optional.empty() : Optional.of(finding(path, element, LinkRules.FRAGMENT,
                "link '" + url + "' points at #" + fragment + ", which is not an id in this page"));
    }

    /**
     * What a link's text says by itself, before it is resolved against its page. Pages repeat the
     * same links (menu, switcher, assets), so each distinct text is classified once.
     */
    private record Url(Kind kind, String path, String fragment) {
        enum Kind { UNSAFE, BAD_MAILTO, BAD_TEL, MALFORMED, EXTERNAL, LOCAL, OTHER }

        static Url of(String url) {
            String lower = url.trim().toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("javascript:") || lower.startsWith("data:") || lower.startsWith("vbscript:")) {
                return new Url(Kind.UNSAFE, null, null);
            }
            if (lower.startsWith("mailto:")) {
                return new Url(MAILTO.matcher(url.split("\\?")[0]).matches() ? Kind.OTHER : Kind.BAD_MAILTO, null, null);
            }
            if (lower.startsWith("tel:")) {
                return new Url(TEL.matcher(url).matches() ? Kind.OTHER : Kind.BAD_TEL, null, null);
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                return new Url(Kind.MALFORMED, null, null);
            }
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return new Url(Kind.EXTERNAL, null, null);
            }
            return new Url(Kind.LOCAL, uri.getRawPath() == null ? "" : uri.getPath(), uri.getFragment());
        }
    }

    /**
     * {@link #resolve}, remembered for links whose target does not depend on the whole page path:
     * a menu link {@code ../../en/cookies/} means the same from every page two levels deep, so
     * each is resolved once instead of once per page.
     */
    private String resolveShared(String from, String link) {
        int up = levelsUp(link);
        if (up == 0 && !link.startsWith("/")) {
            return resolve(from, link);
        }
        int depth = depth(from);
        int cut = -1; // the end of the part of from's directory that the link keeps
        if (link.startsWith("/") || up >= depth) {
            cut = up > depth && !link.startsWith("/") ? -2 : 0;
        } else {
            int slashes = 0;
            for (int i = 0; i < from.length() && cut < 0; i++) {
                if (from.charAt(i) == '/' && ++slashes == depth - up) {
                    cut = i + 1;
                }
            }
        }
        String key = (cut == -2 ? "!" : from.substring(0, cut)) + '\u0000' + link;
        String cached = resolved.get(key);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String target = resolve(from, link);
        if (resolved.size() >= URL_CACHE_LIMIT) {
            resolved.clear();
        }
        resolved.put(key, target == null ? "" : target);
        return target;
    }

    /**
     * Resolves a link from page {@code from}; directory links mean their index.html. Null when
     * outside the site. Plain string work: this runs for every link of every page.
     */
    static String resolve(String from, String link) {
        if (link.isEmpty()) {
            return from;
        }
        java.util.ArrayDeque<String> segments = new java.util.ArrayDeque<>();
        if (!link.startsWith("/")) {
            int slash = from.lastIndexOf('/');
            if (slash > 0) {
                addSegments(segments, from.substring(0, slash));
            }
        }
        if (!addSegments(segments, link)) {
            return null;
        }
        String target = String.join("/", segments);
        if (link.endsWith("/") || target.isEmpty()) {
            target = target.isEmpty() ? "index.html" : target + "/index.html";
        }
        return target;
    }

    /** Appends a path's segments, applying "." and ".."; false when ".." climbs above the root. */
    private static boolean addSegments(java.util.ArrayDeque<String> segments, String path) {
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(start, end);
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return false;
                }
                segments.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
            start = end + 1;
        }
        return true;
    }

    /**
     * sitemap.xml lists only pages that exist, and every page that is its own canonical version and
     * has language alternates (the policy pages) is listed. A split sitemap is an index naming its parts
     * ({@code sitemap-1.xml}, ...): each entry must be a part of the site, and the pages are looked for in all of them.
     */
    private List<Finding> checkSitemap(List<PageScan> pages, Map<String, PageScan> byCanonical) {
        List<Finding> findings = new ArrayList<>();
        // In file order, whatever order the files came in: sitemap.xml first, then the parts by number.
        List<String> names = new ArrayList<>(sitemaps.keySet());
        names.sort(java.util.Comparator.comparingInt(Sitemap::partNumber));
        for (String name : names) {
            if (sitemaps.get(name).problem() != null) {
                findings.add(sitemaps.get(name).problem());
            }
        }
        SitemapFile root = sitemaps.get(Sitemap.FILE);
        if (root == null || root.problem() != null) {
            return findings;
        }
        Map<String, List<String>> listedBy = new java.util.LinkedHashMap<>(); // file name to its addresses, in order
        boolean complete = true;
        if (!root.isIndex()) {
            listedBy.put(Sitemap.FILE, root.urls());
        } else {
            for (IndexEntry entry : root.parts()) {
                String name = partName(entry.loc());
                SitemapFile part = name == null ? null : sitemaps.get(name);
                if (part == null) {
                    findings.add(Finding.of(entry.location(), LinkRules.SITEMAP_ENTRY, Sitemap.FILE + " names " + entry.loc()
                            + ", which is no sitemap file of the site" + (name == null ? "" : " (the site has no " + name + ")")));
                } else if (part.isIndex()) {
                    findings.add(Finding.of(entry.location(), LinkRules.SITEMAP_ENTRY, Sitemap.FILE + " names " + entry.loc()
                            + ", which is a sitemap index itself; an index may name only sitemaps of pages"));
                } else if (part.problem() != null) {
                    complete = false; // reported above; its pages are not reported missing too
                } else {
                    listedBy.putIfAbsent(name, part.urls());
                }
            }
        }
        Set<String> listed = new HashSet<>();
        for (Map.Entry<String, List<String>> file : listedBy.entrySet()) {
            Location where = Location.of(Path.of(file.getKey()));
            for (String url : file.getValue()) {
                listed.add(url);
                if (!byCanonical.containsKey(url)) {
                    findings.add(Finding.of(where, LinkRules.SITEMAP_ENTRY, file.getKey() + " lists " + url + ", which is no page of the site"));
                }
            }
        }
        if (!complete) {
            return findings;
        }
        String in = root.isIndex() ? "any of the sitemaps " + Sitemap.FILE + " names" : Sitemap.FILE;
        for (PageScan page : pages) {
            boolean ownCanonical = page.canonical() != null && byCanonical.get(page.canonical()) == page;
            if (ownCanonical && !page.noindex() && page.alternates().size() > 0 && !listed.contains(page.canonical())) {
                findings.add(Finding.of(page.headLocation(), LinkRules.SITEMAP_MISSING, "this page (" + page.canonical()
                        + ") is not listed in " + in));
            }
        }
        return findings;
    }

    /** The part of the site a sitemap index entry names ({@code sitemap-2.xml}), or null when it names none. */
    private String partName(String loc) {
        String name;
        if (baseUrl != null) {
            name = loc.startsWith(baseUrl) ? loc.substring(baseUrl.length()) : null;
        } else {
            name = loc.substring(loc.lastIndexOf('/') + 1);
        }
        return name != null && Sitemap.partNumber(name) > 0 ? name : null;
    }

    private static SitemapFile readSitemap(String path, java.io.Reader content) {
        try {
            return listed(path, content);
        } catch (javax.xml.stream.XMLStreamException e) {
            javax.xml.stream.Location at = e.getLocation();
            Location where = Location.of(Path.of(path));
            return new SitemapFile(List.of(), null, Finding.of(at == null ? where : where.at(at.getLineNumber(), at.getColumnNumber()),
                    LinkRules.SITEMAP_XML, path + " is not well-formed XML: "
                            + e.getMessage().replaceFirst("(?s)^ParseError at .*?Message:\\s*", "")));
        }
    }

    /**
     * What a sitemap file lists: the {@code <loc>} of each {@code <url>} below a {@code <urlset>}, or of each
     * {@code <sitemap>} below a {@code <sitemapindex>}. Read as a stream (the JDK's StAX): at 10k pages the sitemap
     * has 23 MB, and jsoup's XML tree of it took twice as long, on a worker, while the pages render.
     */
    private static SitemapFile listed(String path, java.io.Reader sitemap) throws javax.xml.stream.XMLStreamException {
        // The JDK's own parser, not whichever StAX library is on the class path (Okapi brings Woodstox): same messages everywhere.
        javax.xml.stream.XMLInputFactory factory = javax.xml.stream.XMLInputFactory.newDefaultFactory();
        factory.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        javax.xml.stream.XMLStreamReader reader = factory.createXMLStreamReader(sitemap);
        List<String> urls = new ArrayList<>();
        List<IndexEntry> parts = null;
        int depth = 0;
        boolean inEntry = false;
        StringBuilder loc = null;
        Location locAt = null;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case javax.xml.stream.XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth == 1 && reader.getLocalName().equals("sitemapindex")) {
                        parts = new ArrayList<>();
                    } else if (depth == 2 && reader.getLocalName().equals(parts == null ? "url" : "sitemap")) {
                        inEntry = true;
                    } else if (inEntry && depth == 3 && reader.getLocalName().equals("loc")) {
                        loc = new StringBuilder();
                        javax.xml.stream.Location at = reader.getLocation();
                        locAt = Location.of(Path.of(path)).at(at.getLineNumber(), at.getColumnNumber());
                    }
                }
                case javax.xml.stream.XMLStreamConstants.END_ELEMENT -> {
                    if (loc != null && depth == 3) {
                        if (parts != null) {
                            parts.add(new IndexEntry(loc.toString().trim(), locAt));
                        } else {
                            urls.add(loc.toString().trim());
                        }
                        loc = null;
                    }
                    inEntry = inEntry && depth != 2;
                    depth--;
                }
                case javax.xml.stream.XMLStreamConstants.CHARACTERS, javax.xml.stream.XMLStreamConstants.CDATA -> {
                    if (loc != null) {
                        loc.append(reader.getText());
                    }
                }
                default -> {
                    // comments, processing instructions, the document's start and end
                }
            }
        }
        return new SitemapFile(parts == null ? urls : List.of(), parts, null);
    }

    /** Every hreflang alternate must exist and name this page among its own alternates. */
    private static List<Finding> checkAlternates(PageScan scan, Map<String, PageScan> byCanonical) {
        if (scan.alternates().size() == 0) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < scan.alternates().size(); i++) {
            Alternate alternate = scan.alternate(i);
            PageScan target = byCanonical.get(alternate.url());
            if (target == null) {
                findings.add(Finding.of(alternate.location(), LinkRules.HREFLANG_TARGET,
                        "hreflang '" + alternate.hreflang() + "' points at a page that does not exist"));
            } else if (!target.namesAlternate(scan.canonical())) {
                findings.add(Finding.of(alternate.location(), LinkRules.HREFLANG_RECIPROCAL,
                        "the '" + alternate.hreflang() + "' page does not link back to this page"));
            }
        }
        if (!scan.hasXDefault()) {
            findings.add(Finding.of(scan.headLocation(), LinkRules.HREFLANG_X_DEFAULT, "hreflang alternates lack x-default"));
        }
        return findings;
    }

    private Finding finding(String path, Element element, Rule rule, String message) {
        int line = sourceLine(element);
        return Finding.of(location(path, line), rule, message + (line < 0 ? " (in the built page, from a template)" : ""));
    }

    /** The Markdown line the element came from, when it came from Markdown; else the built page. */
    private Location location(String path, Element element) {
        return location(path, sourceLine(element));
    }

    /** The place of a link in {@code path} at Markdown {@code line} (-1: not from Markdown). */
    private Location location(String path, int line) {
        // Its Markdown file is looked up only for a place in it: every page asks for its own place (its head) too.
        Path source = line < 0 ? null : sources.apply(path);
        // Not from Markdown: name the page by its path in the site, never by the temporary build directory.
        return source != null ? Location.of(source).at(line, 0) : Location.of(Path.of(path));
    }

    /** The Markdown line an element was written at, -1 when it was not. */
    private static int sourceLine(Element element) {
        String line = element == null ? "" : element.attr("data-source-line");
        return line.isEmpty() ? -1 : Integer.parseInt(line);
    }
}
