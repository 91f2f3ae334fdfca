package org.privacysite.internal.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the sitemap is written: one {@code sitemap.xml} while it fits in a file, else the URLs in consecutive
 * parts {@code sitemap-1.xml}, {@code sitemap-2.xml}, ... (each by {@code sitemap.ftlx}, as the single file)
 * and {@code sitemap.xml} as the index naming them ({@code sitemap-index.ftlx}). The sitemap protocol allows
 * 50,000 URLs and 50 MB a file, and each URL of ours lists every language: at 50,000 pages in 100 locales
 * one file had about 480 MB.
 */
public final class Sitemap {

    /** The sitemap, or its index when split: where search engines look. */
    public static final String FILE = "sitemap.xml";
    /** The {@code <loc>} and hreflang entries a file holds at most: about 25 MB, half the protocol's limit. */
    public static final int ENTRIES_PER_FILE = 250_000;
    /** The protocol's limit of URLs a file. */
    static final int URLS_PER_FILE = 50_000;

    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("sitemap-([1-9][0-9]*)\\.xml");

    /** Where each part starts in the URL list, then the URL count: {@code {0, n}} when the sitemap is one file. */
    private final int[] starts;

    private Sitemap(int[] starts) {
        this.starts = starts;
    }

    /**
     * The split of URLs with {@code entries[i]} entries each (its loc, its alternates and x-default) into
     * files of at most {@code entriesPerFile} entries, in order; one file when they all fit.
     */
    static Sitemap plan(int[] entries, int entriesPerFile) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        long inFile = 0;
        int urlsInFile = 0;
        for (int i = 0; i < entries.length; i++) {
            if (urlsInFile > 0 && (inFile + entries[i] > entriesPerFile || urlsInFile == URLS_PER_FILE)) {
                starts.add(i); // a URL with more entries than a file holds gets a file of its own
                inFile = 0;
                urlsInFile = 0;
            }
            inFile += entries[i];
            urlsInFile++;
        }
        starts.add(entries.length);
        return new Sitemap(starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The file name of part {@code number} (from 1). */
    public static String part(int number) {
        return "sitemap-" + number + ".xml";
    }

    /** The number of a part's file name, or 0 for any other name. */
    public static int partNumber(String file) {
        java.util.regex.Matcher matcher = PART.matcher(file);
        return matcher.matches() && matcher.group(1).length() < 10 ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /** Whether the URLs fill more than one file. */
    boolean split() {
        return starts.length > 2;
    }

    /** The number of part files; 0 when the sitemap is one file. */
    int parts() {
        return split() ? starts.length - 1 : 0;
    }

    /** The files written: {@code sitemap.xml}, and the parts when split. */
    List<String> files() {
        List<String> files = new ArrayList<>();
        files.add(FILE);
        for (int number = 1; number <= parts(); number++) {
            files.add(part(number));
        }
        return files;
    }

    /**
     * Renders and writes the sitemap of {@code urls} (the template's entries, in the order {@link #plan} was
     * given their sizes), one file at a time: no more than one part is in memory at once.
     */
    void write(List<Map<String, Object>> urls, Map<String, Object> site, TemplateEngine templates, SiteOutput out) {
        if (!split()) {
            out.streamed(FILE, writer -> templates.render("sitemap.ftlx", model("urls", urls, site), writer));
            return;
        }
        String baseUrl = String.valueOf(site.get("baseUrl"));
        List<Map<String, Object>> index = new ArrayList<>();
        for (int number = 1; number <= parts(); number++) {
            List<Map<String, Object>> part = urls.subList(starts[number - 1], starts[number]);
            out.streamed(part(number), writer -> templates.render("sitemap.ftlx", model("urls", part, site), writer));
            String lastmod = "";
            for (Map<String, Object> url : part) {
                String date = String.valueOf(url.get("lastmod"));
                lastmod = date.compareTo(lastmod) > 0 ? date : lastmod; // ISO dates sort as text
            }
            index.add(Map.of("loc", baseUrl + part(number), "lastmod", lastmod));
        }
        out.text(FILE, templates.render("sitemap-index.ftlx", model("sitemaps", index, site)));
    }

    /** Removes the parts an earlier sitemap in {@code directory} had beyond this one's (the preview's rebuild). */
    void removeOtherParts(Path directory) {
        try {
            for (int number = parts() + 1; Files.deleteIfExists(directory.resolve(part(number))); number++) {
                // the parts are numbered without gaps: the first one missing is the end
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove an earlier sitemap part from " + directory, e);
        }
    }

    private static Map<String, Object> model(String name, List<Map<String, Object>> list, Map<String, Object> site) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put(name, list);
        model.put("site", site);
        return model;
    }
}
