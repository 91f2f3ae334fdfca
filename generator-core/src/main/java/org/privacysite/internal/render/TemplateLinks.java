package org.privacysite.internal.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.rules.TemplateRules;
import org.privacysite.internal.spelling.ClosestName;
import org.privacysite.internal.theme.Theme;

/**
 * Checks the links that templates put on each page (the footer's link to the cookie policy, say)
 * while the page renders, so that {@code build} fails on a link to a page the site does not have, or
 * to a clause a policy page does not have ({@code cookies/#manage}), as {@code check} does. Each broken
 * link is reported once, at the template line that writes it, not on every page that shows it.
 * Thread-safe: pages render in parallel.
 */
final class TemplateLinks {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");
    /** A policy page's path, {@code <locale>/<document>/index.html}. */
    private static final Pattern POLICY_PAGE = Pattern.compile("([^/]+)/([^/]+)/index\\.html");
    /** A fragment that may name a clause: ids the theme gives elements itself start with '_' or are literal in a template. */
    private static final Pattern CLAUSE_KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[?#].*");

    private final Theme theme;
    private final Set<String> files;
    private final Collection<String> locales;
    private final Collection<String> documents;
    /** The text a policy page shows, by locale and document (null: none), for the clauses a link may point at. */
    private final java.util.function.BiFunction<String, String, Page> shown;
    /** Whether a fragment link ({@code fr/cookies/index.html#manage}) names no clause of its page, decided once each. */
    private final Map<String, Boolean> missingClauses = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Finding> findings = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    /** Each template's lines, read once when a broken link is first traced to its template. */
    private volatile Map<Path, List<String>> sources;

    TemplateLinks(Theme theme, Set<String> files, Collection<String> locales, Collection<String> documents,
                  java.util.function.BiFunction<String, String, Page> shown) {
        this.theme = theme;
        this.files = files;
        this.locales = locales;
        this.documents = documents;
        this.shown = shown;
    }

    /** The files a link may point at. */
    Set<String> files() {
        return files;
    }

    /** Checks the links of each own piece of {@code page}, rendered as {@code path}, outside its policy text (checked elsewhere). */
    void check(String path, RenderedPage page) {
        for (int i = 0; i < page.own().size(); i++) {
            String html = page.own().get(i);
            if (i == page.bodyPiece()) { // where the page found it: not searched for again
                scan(path, html, 0, page.bodyStart());
                scan(path, html, page.bodyStart() + page.body().length(), html.length());
            } else {
                check(path, html, page.body());
            }
        }
    }

    /** Checks the links of {@code html}, rendered as {@code path}, outside {@code body} (the policy text, checked elsewhere). */
    void check(String path, String html, String body) {
        int bodyStart = body == null || body.isEmpty() ? -1 : html.indexOf(body);
        if (bodyStart < 0) {
            scan(path, html, 0, html.length());
        } else {
            scan(path, html, 0, bodyStart);
            scan(path, html, bodyStart + body.length(), html.length());
        }
    }

    /** The broken links found so far, each once, in the order first found. */
    List<Finding> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    private void scan(String path, String html, int from, int to) {
        for (String written : addresses(html, from, to)) {
            String url = written.replace("&amp;", "&");
            String target = resolve(path, url);
            if (target != null && !files.contains(target)) {
                findings.add(broken(url));
            } else if (target != null && url.contains("#")) {
                String fragment = url.substring(url.indexOf('#') + 1);
                if (missingClauses.computeIfAbsent(target + "#" + fragment, key -> missingClause(target, fragment))) {
                    findings.add(missing(url, fragment));
                }
            }
        }
    }

    /**
     * The values of the quoted {@code href} and {@code src} attributes between {@code from} and {@code to} of
     * {@code html}, as written (entities left as they are): each name after white space, then {@code =}, white
     * space allowed around it. By hand, not by a pattern: a pattern's search was 2% of a 10k check's samples.
     */
    static List<String> addresses(String html, int from, int to) {
        List<String> found = new ArrayList<>();
        for (int equals = html.indexOf('=', from); equals >= 0 && equals < to; equals = html.indexOf('=', equals + 1)) {
            int nameEnd = equals;
            while (nameEnd > from && isSpace(html.charAt(nameEnd - 1))) {
                nameEnd--;
            }
            int nameStart = endsWithName(html, from, nameEnd, "href") ? nameEnd - 4
                    : endsWithName(html, from, nameEnd, "src") ? nameEnd - 3 : -1;
            if (nameStart <= from || !isSpace(html.charAt(nameStart - 1))) {
                continue;
            }
            int value = equals + 1;
            while (value < to && isSpace(html.charAt(value))) {
                value++;
            }
            if (value >= to || (html.charAt(value) != '"' && html.charAt(value) != '\'')) {
                continue;
            }
            int close = html.indexOf(html.charAt(value), value + 1);
            if (close < 0 || close >= to) {
                continue;
            }
            found.add(html.substring(value + 1, close));
            equals = close;
        }
        return found;
    }

    private static boolean endsWithName(String html, int from, int end, String name) {
        return end - name.length() >= from && html.startsWith(name, end - name.length());
    }

    /** White space as a pattern's {@code \s} means it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The site file a relative link leads to, or null for links this check leaves to the link check. */
    static String resolve(String from, String url) {
        // Most links have neither; the others are cut by a pattern compiled once (replaceFirst compiles one a call).
        String address = url.indexOf('?') < 0 && url.indexOf('#') < 0 ? url : QUERY_OR_FRAGMENT.matcher(url).replaceFirst("");
        if (address.isEmpty() || address.startsWith("/") || SCHEME.matcher(address).matches()) {
            return null; // same page, site-absolute or another scheme: not a page of the site
        }
        ArrayDeque<String> segments = new ArrayDeque<>(List.of(from.split("/")));
        segments.pollLast(); // the page's file name
        String[] parts = address.split("/", -1);
        for (String part : parts) {
            if (part.equals("..")) {
                if (segments.pollLast() == null) {
                    return null; // above the site: the link check reports it
                }
            } else if (!part.equals(".") && !part.isEmpty()) {
                segments.addLast(part);
            }
        }
        String target = String.join("/", segments);
        return address.endsWith("/") || parts[parts.length - 1].equals("..") || parts[parts.length - 1].equals(".")
                ? (target.isEmpty() ? "" : target + "/") + "index.html" : target;
    }

    /** Whether {@code fragment} looks like a clause key that the policy page {@code target} does not have. */
    private boolean missingClause(String target, String fragment) {
        Matcher page = POLICY_PAGE.matcher(target);
        if (!page.matches() || !CLAUSE_KEY.matcher(fragment).matches() || !locales.contains(page.group(1))
                || !documents.contains(page.group(2))) {
            return false;
        }
        Page text = shown.apply(page.group(1), page.group(2));
        if (text == null || text.clause(fragment) != null) {
            return false;
        }
        String id = "id=\"" + fragment + "\"";
        return sources().values().stream().flatMap(List::stream).noneMatch(line -> line.contains(id)); // a template's own id
    }

    /** The finding for a link to a clause the document lacks, in words that do not depend on the page. */
    private Finding missing(String url, String fragment) {
        String tail = url.replaceFirst("^(\\./|\\.\\./)*", "");
        String first = tail.contains("/") ? tail.substring(0, tail.indexOf('/')) : tail;
        if (locales.contains(first)) {
            tail = tail.substring(first.length() + 1); // the page's locale, from ${locale}
        }
        String document = tail.substring(0, tail.indexOf('/'));
        return Finding.of(where(tail, "#" + fragment), TemplateRules.LINK, "the template links to '" + tail + "', but the document '"
                + document + "' has no clause {#" + fragment + "}; add a heading with {#" + fragment + "} to " + document
                + ".md, or change the link");
    }

    /** The finding for {@code url}, at the template line that writes it, in words that do not depend on the page. */
    private Finding broken(String url) {
        String tail = url.replaceFirst("^(\\./|\\.\\./)*", "");
        String first = tail.contains("/") ? tail.substring(0, tail.indexOf('/')) : tail;
        if (locales.contains(first)) {
            tail = tail.substring(first.length() + 1); // the page's locale, from ${locale}
        }
        String document = tail.contains("/") ? tail.substring(0, tail.indexOf('/')) : tail.replaceFirst("[?#].*", "");
        String why = documents.contains(document) || document.contains(".")
                ? "which the site does not have"
                : "but '" + document + "' is not a document of this site ("
                        + ClosestName.knownOrClosest(document, documents, "documents") + ")";
        return Finding.of(where(tail, document + "/"), TemplateRules.LINK,
                "the template links to '" + tail + "', " + why + "; add the document to site.yaml or change the link");
    }

    /** The first template line that writes {@code text} (else {@code fallback}); document.ftlh when none does. */
    private Location where(String text, String fallback) {
        for (String wanted : List.of(text, fallback)) {
            for (Map.Entry<Path, List<String>> template : sources().entrySet()) {
                List<String> lines = template.getValue();
                for (int i = 0; i < lines.size(); i++) {
                    int column = lines.get(i).indexOf(wanted);
                    if (column >= 0) {
                        return Location.of(template.getKey()).at(i + 1, column + 1);
                    }
                }
            }
        }
        return Location.of(theme.file("document.ftlh"));
    }

    private Map<Path, List<String>> sources() {
        Map<Path, List<String>> read = sources;
        if (read == null) {
            // By name: the built-in theme's files may be in a jar's file system, whose paths do not compare with the site's.
            Map<Path, List<String>> all = new java.util.TreeMap<>(java.util.Comparator.comparing(Path::toString));
            try {
                // The file that serves each template name: the site's own, else the built-in theme's.
                for (Path file : theme.files("").values()) {
                    if (file.toString().matches(".*\\.ftl[hx]?$")) {
                        all.put(file, Files.readAllLines(file));
                    }
                }
            } catch (IOException e) {
                // the templates were read to render this page: a file that vanished since is reported without its line
            }
            sources = read = all;
        }
        return read;
    }
}
