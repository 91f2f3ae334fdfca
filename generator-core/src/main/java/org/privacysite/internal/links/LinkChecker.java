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
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.privacysite.Finding;
import org.privacysite.Location;

/**
 * Checks the links of a built site offline: every internal page, fragment and asset exists,
 * hreflang alternates link back to each other, and no {@code javascript:} or malformed
 * {@code mailto:}/{@code tel:} link slipped through.
 */
public final class LinkChecker {

    private static final Pattern MAILTO = Pattern.compile("mailto:[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TEL = Pattern.compile("tel:\\+?[0-9().\\- ]{3,}");

    private final Path root;
    private final Map<String, Path> sources;
    private final Map<String, Document> pages = new TreeMap<>();
    private final Map<String, Set<String>> ids = new HashMap<>();
    private final Map<String, String> pathsByCanonicalUrl = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param root    the built site
     * @param sources the Markdown file each page was built from, by the page's path below {@code root}
     */
    public LinkChecker(Path root, Map<String, Path> sources) {
        this.root = root;
        this.sources = sources;
    }

    public List<Finding> check() {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".html")).sorted()::iterator) {
                String path = relative(file);
                Document document = Jsoup.parse(file.toFile(), "UTF-8");
                pages.put(path, document);
                ids.put(path, ids(path, document));
                String canonical = document.select("link[rel=canonical]").attr("href");
                if (!canonical.isEmpty()) {
                    pathsByCanonicalUrl.putIfAbsent(canonical, path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built site in " + root, e);
        }
        pages.forEach(this::checkPage);
        return findings;
    }

    private Set<String> ids(String path, Document document) {
        Set<String> seen = new HashSet<>();
        for (Element element : document.select("[id]")) {
            if (!seen.add(element.id())) {
                report(path, element, "links.duplicate-id", "id '" + element.id() + "' is used twice in this page");
            }
        }
        return seen;
    }

    private void checkPage(String path, Document document) {
        for (Element element : document.select("a[href], link[href], script[src], img[src], iframe[src], source[src]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            checkLink(path, element, element.attr(attribute));
        }
        checkAlternates(path, document);
    }

    private void checkLink(String path, Element element, String url) {
        String lower = url.trim().toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("javascript:") || lower.startsWith("data:") || lower.startsWith("vbscript:")) {
            report(path, element, "links.unsafe-url", "unsafe link '" + url + "'");
            return;
        }
        if (lower.startsWith("mailto:")) {
            if (!MAILTO.matcher(url.split("\\?")[0]).matches()) {
                report(path, element, "links.mailto", "malformed e-mail link '" + url + "'");
            }
            return;
        }
        if (lower.startsWith("tel:")) {
            if (!TEL.matcher(url).matches()) {
                report(path, element, "links.tel", "malformed telephone link '" + url + "'");
            }
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            report(path, element, "links.malformed", "malformed link '" + url + "'");
            return;
        }
        if (uri.getScheme() != null || uri.getRawAuthority() != null) {
            return; // external: checked only with --external
        }
        String target = resolve(path, uri.getRawPath() == null ? "" : uri.getPath());
        if (target == null) {
            report(path, element, "links.outside-site", "link '" + url + "' leaves the site");
            return;
        }
        if (!pages.containsKey(target) && !Files.isRegularFile(root.resolve(target))) {
            report(path, element, "links.broken", "link '" + url + "' points at " + target + ", which does not exist");
            return;
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty() && pages.containsKey(target) && !ids.get(target).contains(fragment)) {
            report(path, element, "links.fragment", "link '" + url + "' points at #" + fragment + ", which is not an id in " + target);
        }
    }

    /** Resolves a link from page {@code from}; directory links mean their index.html. Null when outside the site. */
    private String resolve(String from, String link) {
        if (link.isEmpty()) {
            return from;
        }
        Path base = Path.of(from).getParent();
        Path resolved = (link.startsWith("/") ? Path.of(link.substring(1)) : base == null ? Path.of(link) : base.resolve(link)).normalize();
        if (resolved.startsWith("..")) {
            return null;
        }
        String target = resolved.toString().replace('\\', '/');
        if (link.endsWith("/") || target.isEmpty()) {
            target = target.isEmpty() ? "index.html" : target + "/index.html";
        }
        return target;
    }

    /** Every hreflang alternate must exist and name this page among its own alternates. */
    private void checkAlternates(String path, Document document) {
        List<Element> alternates = document.select("link[rel=alternate][hreflang]");
        if (alternates.isEmpty()) {
            return;
        }
        String self = document.select("link[rel=canonical]").attr("href");
        boolean xDefault = false;
        for (Element alternate : alternates) {
            String hreflang = alternate.attr("hreflang");
            if (hreflang.equals("x-default")) {
                xDefault = true;
                continue;
            }
            String targetPath = pagePathOf(alternate.attr("href"));
            Document target = targetPath == null ? null : pages.get(targetPath);
            if (target == null) {
                report(path, alternate, "links.hreflang-target", "hreflang '" + hreflang + "' points at a page that does not exist");
            } else if (target.select("link[rel=alternate][hreflang]").stream().noneMatch(back -> back.attr("href").equals(self))) {
                report(path, alternate, "links.hreflang-reciprocal", "the '" + hreflang + "' page does not link back to this page");
            }
        }
        if (!xDefault) {
            report(path, document.head(), "links.hreflang-x-default", "hreflang alternates lack x-default");
        }
    }

    /** The built file of an absolute site URL, found through the canonical URLs of the pages. */
    private String pagePathOf(String url) {
        return pathsByCanonicalUrl.get(url);
    }

    private void report(String path, Element element, String rule, String message) {
        Path source = sources.get(path);
        String line = element.attr("data-source-line");
        Location location = source != null && !line.isEmpty()
                ? Location.of(source).at(Integer.parseInt(line), 0)
                : Location.of(root.resolve(path));
        findings.add(Finding.error(location, rule, message + (source != null && line.isEmpty() ? " (from the template, page " + path + ")" : "")));
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
