package org.privacysite.internal.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.privacysite.ConfigurationException;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.ImportRules;

/**
 * The import: reads every source file, chooses clause keys from the source language, aligns each
 * translation to the source by structure, rewrites links to the new keys, and writes
 * {@code <out>/<locale>/<document>.md} and {@code site.yaml} in one swap.
 */
public final class Importer {

    /** A link to an e-mail address in the written Markdown: {@code (mailto:privacy@example.com)}. */
    private static final java.util.regex.Pattern MAILTO = java.util.regex.Pattern.compile("\\(mailto:([^)?\\s]+@[^)?\\s]+)[)?]");


    /** What to import and where. */
    public record Options(Path source, Path out, String sourceLocale, Map<String, String> localeMap, boolean force) {
    }

    /** What was imported: the counts of the summary, the findings, the files written (relative to out). */
    public record Outcome(String sourceLocale, List<String> locales, List<String> documents, int clauses, int alignedClauses,
                          List<Finding> findings, List<Path> written) {
    }

    private static final Pattern LINK = Pattern.compile("\\[((?:[^\\[\\]\\\\]|\\\\.)*)\\]\\(([^()\\s]+)\\)");
    private static final Pattern TOC_HEADING = Pattern.compile("(?iu)\\s*(table of contents|contents|in this (policy|notice|document)|"
            + "summary|sommaire|table des matières|inhalt|inhaltsverzeichnis|inhaltsübersicht|índice|contenido|indice|目次|目录|目錄|"
            + "المحتويات|جدول المحتويات|фهرس|содержание)\\s*:?\\s*");

    private final Options options;
    private final List<Finding> findings = new ArrayList<>();

    private Importer(Options options) {
        this.options = options;
    }

    /**
     * Runs the import.
     *
     * @throws ConfigurationException when the options cannot be used or files would be overwritten without force
     * @throws PrivacySiteException   when a source file cannot be read (nothing is written then)
     */
    public static Outcome run(Options options) {
        return new Importer(options).run();
    }

    /** A document in one locale, as it is being turned into ours. */
    private static final class Page {
        final ParsedFile parsed;
        final List<String> keys = new ArrayList<>();
        final Map<String, String> anchors = new HashMap<>(); // old anchor -> key ("" = the document itself)
        LocalDate effective;
        LocalDate updated;

        Page(ParsedFile parsed) {
            this.parsed = parsed;
        }
    }

    private Outcome run() {
        Path source = options.source().toAbsolutePath().normalize();
        if (!Files.isDirectory(source)) {
            throw new ConfigurationException(Finding.of(Location.of(options.source()), ImportRules.OPTIONS,
                    "the import source is not a folder; give the folder that holds <locale>/<document>.md (or .html, .docx) files"));
        }
        List<ImportSources.SourceFile> files;
        try {
            ImportSources.Found found = ImportSources.find(source, options.out().toAbsolutePath().normalize(), options.localeMap());
            files = found.files();
            findings.addAll(found.skipped());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + source, e);
        }
        if (files.isEmpty()) {
            throw new ConfigurationException(Finding.of(Location.of(options.source()), ImportRules.OPTIONS,
                    "found no policy to import: put files in <locale>/<document>.md (.html, .docx) or <document>.<locale>.md"));
        }
        // Read everything first: one unreadable file stops the import before anything is written.
        Map<String, Map<String, Page>> byDocument = new TreeMap<>(); // document -> locale -> page
        List<Finding> unreadable = new ArrayList<>();
        for (ImportSources.SourceFile file : files) {
            try {
                ParsedFile parsed = switch (file.format()) {
                    case MARKDOWN -> MarkdownReader.read(file.file(), file.locale(), file.document());
                    case HTML -> HtmlReader.read(file.file(), file.locale(), file.document());
                    case DOCX -> DocxReader.read(file.file(), file.locale(), file.document());
                };
                Map<String, Page> locales = byDocument.computeIfAbsent(file.document(), d -> new TreeMap<>());
                if (locales.containsKey(file.locale())) {
                    unreadable.add(Finding.of(Location.of(file.file()), ImportRules.FILE_DUPLICATE, "a second source for "
                            + file.locale() + "/" + file.document() + " (the first is " + locales.get(file.locale()).parsed.file()
                            .getFileName() + "); keep one of them in the source folder"));
                    continue;
                }
                locales.put(file.locale(), new Page(dropTableOfContents(parsed)));
            } catch (PrivacySiteException e) {
                unreadable.addAll(e.findings());
            }
        }
        if (!unreadable.isEmpty()) {
            throw new PrivacySiteException(unreadable);
        }
        String sourceLocale = sourceLocale(byDocument);
        Set<String> locales = new TreeSet<>();
        byDocument.values().forEach(pages -> locales.addAll(pages.keySet()));
        List<String> localeOrder = new ArrayList<>(List.of(sourceLocale));
        locales.stream().filter(l -> !l.equals(sourceLocale)).forEach(localeOrder::add);

        List<Finding> missingSource = new ArrayList<>();
        int clauses = 0;
        int aligned = 0;
        for (Map.Entry<String, Map<String, Page>> document : byDocument.entrySet()) {
            Page sourcePage = document.getValue().get(sourceLocale);
            if (sourcePage == null) {
                Page any = document.getValue().values().iterator().next();
                missingSource.add(Finding.of(Location.of(any.parsed.file()), ImportRules.SOURCE_MISSING, "document '"
                        + document.getKey() + "' has no " + sourceLocale + " version, so its translations cannot be aligned; "
                        + "add it or choose its language with --source-locale"));
                continue;
            }
            chooseSourceKeys(sourcePage);
            dates(sourcePage);
            int[] presentIn = new int[sourcePage.keys.size()];
            for (Page page : document.getValue().values()) {
                if (page != sourcePage) {
                    alignKeys(sourcePage, page, presentIn);
                    dates(page);
                    if (page.effective == null) {
                        page.effective = sourcePage.effective;
                        page.updated = page.updated == null ? sourcePage.updated : page.updated;
                    }
                }
            }
            clauses += presentIn.length;
            int translations = document.getValue().size() - 1;
            for (int count : presentIn) {
                aligned += count == translations ? 1 : 0;
            }
        }
        if (!missingSource.isEmpty()) {
            throw new PrivacySiteException(missingSource);
        }
        for (Map<String, Page> pages : byDocument.values()) {
            for (Page page : pages.values()) {
                indexAnchors(page);
            }
        }
        Path out = options.out().toAbsolutePath().normalize();
        Map<Path, String> pages = new LinkedHashMap<>();
        String privacyEmail = null;
        for (Map.Entry<String, Map<String, Page>> document : byDocument.entrySet()) {
            for (Page page : document.getValue().values()) {
                Path relative = Path.of(page.parsed.locale(), document.getKey() + ".md");
                String markdown = write(page, out.resolve(relative), byDocument, sourceLocale);
                if (privacyEmail == null && page.parsed.locale().equals(sourceLocale)) {
                    privacyEmail = firstEmail(markdown);
                }
                pages.put(relative, markdown);
            }
        }
        // The menu lists the privacy policy first; the site is named after it.
        List<String> documents = new ArrayList<>(byDocument.keySet());
        documents.sort(java.util.Comparator.comparing((String d) -> !d.startsWith("privacy")).thenComparing(d -> d));
        String siteName = byDocument.get(documents.get(0)).get(sourceLocale).parsed.title();
        Map<Path, String> all = new LinkedHashMap<>();
        all.put(Path.of("site.yaml"), SiteYaml.write(siteName, localeOrder, documents, privacyEmail, source.getFileName().toString()));
        all.putAll(pages);
        ImportOutput.write(out, all, options.force());
        findings.sort(java.util.Comparator.comparing((Finding f) -> f.location().displayPath())
                .thenComparingInt(f -> f.location().line()).thenComparing(Finding::message));
        return new Outcome(sourceLocale, localeOrder, List.copyOf(documents), clauses, aligned, List.copyOf(findings),
                List.copyOf(all.keySet()));
    }

    private String sourceLocale(Map<String, Map<String, Page>> byDocument) {
        if (options.sourceLocale() != null && !options.sourceLocale().isBlank()) {
            String wanted = ImportSources.locale(options.sourceLocale().strip(), options.localeMap());
            boolean present = byDocument.values().stream().anyMatch(pages -> pages.containsKey(wanted));
            if (!present) {
                throw new ConfigurationException(Finding.of(Location.of(options.source()), ImportRules.OPTIONS,
                        "--source-locale " + options.sourceLocale() + ": no file in the source folder is in that language"));
            }
            return wanted;
        }
        Map<String, Integer> counts = new TreeMap<>();
        byDocument.values().forEach(pages -> pages.keySet().forEach(l -> counts.merge(l, 1, Integer::sum)));
        if (counts.containsKey("en")) {
            return "en";
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(
                Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /**
     * Drops a hand-written table of contents: a list of links to this file's own headings near the top,
     * and its heading ("Contents") when nothing else is under it. The site renders its own.
     */
    private static ParsedFile dropTableOfContents(ParsedFile parsed) {
        Set<String> headingAnchors = new java.util.HashSet<>();
        for (ParsedFile.Section section : parsed.sections()) {
            headingAnchors.addAll(section.heading().ids());
            headingAnchors.addAll(section.heading().aliases());
        }
        List<ParsedFile.Block> preamble = withoutToc(parsed.preamble(), headingAnchors);
        List<ParsedFile.Section> sections = new ArrayList<>();
        for (int i = 0; i < parsed.sections().size(); i++) {
            ParsedFile.Section section = parsed.sections().get(i);
            if (i < 2) {
                List<ParsedFile.Block> blocks = withoutToc(section.blocks(), headingAnchors);
                boolean emptied = blocks.size() < section.blocks().size() && blocks.isEmpty();
                if (emptied && TOC_HEADING.matcher(section.heading().text()).matches()) {
                    continue;
                }
                section = new ParsedFile.Section(section.heading(), blocks);
            }
            sections.add(section);
        }
        return new ParsedFile(parsed.file(), parsed.locale(), parsed.document(), parsed.title(), parsed.frontMatter(), preamble, sections);
    }

    private static List<ParsedFile.Block> withoutToc(List<ParsedFile.Block> blocks, Set<String> headingAnchors) {
        List<ParsedFile.Block> kept = new ArrayList<>();
        for (ParsedFile.Block block : blocks) {
            List<String> targets = block.tocLinks();
            long toHeadings = targets.stream().filter(t -> headingAnchors.contains(decode(t))).count();
            if (targets.isEmpty() || toHeadings * 5 < targets.size() * 4) {
                kept.add(block);
            }
        }
        return kept;
    }

    private static void chooseSourceKeys(Page page) {
        Set<String> used = new java.util.HashSet<>();
        for (ParsedFile.Section section : page.parsed.sections()) {
            ParsedFile.Heading heading = section.heading();
            String key = heading.explicit() ? ClauseKeys.fromId(heading.ids().get(0)) : null;
            if (key == null || key.startsWith("todo-")) {
                key = ClauseKeys.fromText(heading.text());
            }
            String unique = key;
            for (int n = 2; !used.add(unique); n++) {
                unique = key + "-" + n;
            }
            page.keys.add(unique);
        }
    }

    private void alignKeys(Page source, Page translation, int[] presentIn) {
        int[] match = HeadingAligner.align(source.parsed, translation.parsed);
        int todo = 0;
        for (int j = 0; j < match.length; j++) {
            if (match[j] >= 0) {
                translation.keys.add(source.keys.get(match[j]));
                presentIn[match[j]]++;
            } else {
                translation.keys.add("todo-" + (++todo));
            }
        }
    }

    private void dates(Page page) {
        Map<String, String> front = page.parsed.frontMatter();
        page.effective = frontDate(front, "effective", "effective_date", "effectivedate", "date");
        page.updated = frontDate(front, "updated", "lastmod", "last_modified_at", "last_updated", "modified");
        List<ParsedFile.Block> candidates = new ArrayList<>(page.parsed.preamble());
        List<ParsedFile.Section> sections = page.parsed.sections();
        if (!sections.isEmpty()) {
            List<ParsedFile.Block> last = sections.get(sections.size() - 1).blocks();
            if (!last.isEmpty()) {
                candidates.add(last.get(last.size() - 1)); // "Last updated ..." at the very end
            }
        }
        for (ParsedFile.Block block : candidates) {
            List<DateLines.DateLine> lines = DateLines.parse(block.text(), page.parsed.locale());
            boolean moved = false;
            for (DateLines.DateLine line : lines) {
                if (line.kind() == DateLines.Kind.EFFECTIVE && page.effective == null) {
                    page.effective = line.date();
                    moved = true;
                } else if (line.kind() == DateLines.Kind.UPDATED && page.updated == null) {
                    page.updated = line.date();
                    moved = true;
                }
            }
            if (moved) {
                removeBlock(page.parsed, block);
            }
        }
        if (page.effective == null && page.updated != null) {
            page.effective = page.updated; // a policy that only says when it was last updated is in effect since then
        }
    }

    private static void removeBlock(ParsedFile parsed, ParsedFile.Block block) {
        if (!parsed.preamble().remove(block)) {
            parsed.sections().get(parsed.sections().size() - 1).blocks().remove(block);
        }
    }

    private static LocalDate frontDate(Map<String, String> front, String... names) {
        for (String name : names) {
            String value = front.get(name);
            if (value != null) {
                var date = DateLines.date(value, "en");
                if (date.isPresent()) {
                    return date.get();
                }
            }
        }
        return null;
    }

    /** Every anchor the source used for a heading or inside its clause, mapped to the clause's new key. */
    private static void indexAnchors(Page page) {
        for (ParsedFile.Block block : page.parsed.preamble()) {
            block.anchors().forEach(a -> page.anchors.putIfAbsent(a, ""));
        }
        List<ParsedFile.Section> sections = page.parsed.sections();
        for (int i = 0; i < sections.size(); i++) {
            String key = page.keys.get(i);
            page.anchors.put(key, key);
            sections.get(i).heading().ids().forEach(a -> page.anchors.put(a, key));
        }
        for (int i = 0; i < sections.size(); i++) {
            String key = page.keys.get(i);
            sections.get(i).heading().aliases().forEach(a -> page.anchors.putIfAbsent(a, key));
            for (ParsedFile.Block block : sections.get(i).blocks()) {
                block.anchors().forEach(a -> page.anchors.putIfAbsent(a, key));
            }
        }
    }

    private String write(Page page, Path target, Map<String, Map<String, Page>> byDocument, String sourceLocale) {
        PageWriter writer = new PageWriter();
        writer.frontMatter(page.parsed.title() != null ? page.parsed.title() : titleOf(page.parsed.document()),
                page.parsed.frontMatter().get("description"), page.effective, page.updated);
        if (page.effective == null) {
            findings.add(Finding.of(Location.of(target).at(1, 1), ImportRules.DATE_MISSING, "no effective date was found in "
                    + page.parsed.file().getFileName() + "; add 'effective: YYYY-MM-DD' to the front matter"));
        }
        for (ParsedFile.Block block : page.parsed.preamble()) {
            writer.block(links(block.markdown(), page, target, writer.nextLine(), byDocument, sourceLocale));
        }
        List<ParsedFile.Section> sections = page.parsed.sections();
        for (int i = 0; i < sections.size(); i++) {
            ParsedFile.Heading heading = sections.get(i).heading();
            String key = page.keys.get(i);
            int line = writer.heading(heading.level(), links(heading.markdown(), page, target, writer.nextLine(), byDocument, sourceLocale), key);
            if (key.startsWith("todo-")) {
                findings.add(Finding.of(Location.of(target).at(line, 1), ImportRules.HEADING_UNALIGNED, "heading '"
                        + heading.text() + "' (" + Location.of(page.parsed.file()).at(heading.line(), 0) + ") matches no heading of the "
                        + sourceLocale + " version, so it was given the key '" + key + "'; replace it with the key of the "
                        + sourceLocale + " clause it translates, or remove the section if it has none"));
            }
            for (ParsedFile.Block block : sections.get(i).blocks()) {
                writer.block(links(block.markdown(), page, target, writer.nextLine(), byDocument, sourceLocale));
            }
        }
        return writer.text();
    }

    /** Rewrites links to old anchors into links to clause keys; a link to an anchor that exists nowhere is kept and reported. */
    private String links(String markdown, Page page, Path target, int line, Map<String, Map<String, Page>> byDocument, String sourceLocale) {
        if (markdown.indexOf("](") < 0) {
            return markdown;
        }
        Matcher matcher = LINK.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String text = matcher.group(1);
            String destination = matcher.group(2);
            int lineOfLink = line + (int) markdown.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
            String rewritten = rewrite(destination, page, byDocument, sourceLocale, Location.of(target).at(lineOfLink, 1));
            String replacement = rewritten == null ? text : "[" + text + "](" + rewritten + ")";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The new destination, or null to keep only the link's text (a link to the document's own top). */
    private String rewrite(String destination, Page page, Map<String, Map<String, Page>> byDocument, String sourceLocale, Location where) {
        if (destination.matches("(?i)[a-z][a-z0-9+.-]*:.*") || destination.startsWith("//")) {
            return destination; // web, e-mail and telephone addresses stay as they are
        }
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        String anchor = hash < 0 ? null : decode(destination.substring(hash + 1));
        String document = path.isEmpty() ? page.parsed.document() : documentOf(path, byDocument.keySet());
        if (document == null) {
            return destination; // a page that was not imported
        }
        String prefix = document.equals(page.parsed.document()) ? "" : document + ".md";
        if (anchor == null || anchor.isEmpty()) {
            return prefix.isEmpty() ? null : prefix;
        }
        Map<String, Page> pages = byDocument.get(document);
        Page same = pages.get(page.parsed.locale());
        Page source = pages.get(sourceLocale);
        String key = same != null ? same.anchors.get(anchor) : null;
        if (key == null && source != null) {
            key = source.anchors.get(anchor); // a translation that links with the source's anchors
        }
        if (key == null) {
            findings.add(Finding.of(where, ImportRules.ANCHOR_UNKNOWN, "the link to '" + destination + "' points at an anchor that no "
                    + "heading of " + page.parsed.locale() + "/" + document + " has; it was kept as it was: point it at a clause key"));
            return destination;
        }
        if (key.isEmpty()) {
            return prefix.isEmpty() ? null : prefix;
        }
        return prefix + "#" + key;
    }

    /** Which imported document a relative link names: {@code cookies.html}, {@code ../cookies/}, {@code /en/cookies/index.html}. */
    private static String documentOf(String path, Set<String> documents) {
        String trimmed = path.replaceAll("[?].*$", "").replaceAll("/+$", "");
        String[] parts = trimmed.split("/");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        String base = last.replaceAll("\\.(md|markdown|html?|docx)$", "");
        if (base.equals("index") && parts.length > 1) {
            base = parts[parts.length - 2];
        }
        int localeDot = base.lastIndexOf('.');
        if (localeDot > 0 && !documents.contains(ClauseKeys.fromText(base))) {
            base = base.substring(0, localeDot); // privacy.fr.html
        }
        String document = ClauseKeys.fromText(decode(base));
        return documents.contains(document) ? document : null;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String titleOf(String document) {
        String words = document.replace('-', ' ');
        return words.isEmpty() ? document : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** The first address a {@code mailto:} link of the written Markdown leads to, or null. */
    static String firstEmail(String markdown) {
        java.util.regex.Matcher mailto = MAILTO.matcher(markdown);
        return mailto.find() ? mailto.group(1).replace("\\", "") : null;
    }
}
