package org.privacysite.internal.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.concurrent.Interner;
import org.privacysite.internal.messages.IcuMessage;
import org.privacysite.internal.messages.IcuSyntaxException;
import org.privacysite.internal.rules.ContentRules;
import org.privacysite.internal.rules.IcuRules;
import org.privacysite.internal.rules.ParityRules;
import org.privacysite.internal.rules.SourceRules;
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.yaml.YamlMap;
import org.privacysite.internal.yaml.YamlReader;

/**
 * Parses one policy file: front matter, Markdown body, clause keys, links to clauses and ICU
 * arguments. Thread-safe: one parser serves all files.
 */
public final class PageParser {

    /** A clause key: lower-case ASCII, digits and hyphens, usable as an HTML id in every language. */
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern HEADING_KEY = Pattern.compile("\\s*\\{#([^}]*)\\}\\s*$");
    private static final Pattern RULE_SETTING = Pattern.compile("([a-z][a-z-]*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+)=(error|warning|off)");
    private static final Pattern CLAUSE_LINK = Pattern.compile("(?:([a-z0-9][a-z0-9-]*)\\.md)?(?:#(.+))?");
    /** Between a heading's key and its rule settings: compiled once, not per heading as {@code String.split} would. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Parser markdown = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final String sourceLocale;

    /**
     * The one copy of each clause key, clause number and link target: every locale repeats them (a 10,000-page
     * site: about 700,000 copies, 40 MB kept in the page summaries to the end).
     */
    private final Interner<String> shared = new Interner<>(65_536);

    /** A parser that gives every page's clauses their text hashes. */
    public PageParser() {
        this(null);
    }

    /**
     * A parser that hashes the clauses of {@code sourceLocale}'s pages only: staleness compares a
     * translation's record with the source's hashes, never a translation's own (3% of a 10k build).
     */
    public PageParser(String sourceLocale) {
        this.sourceLocale = sourceLocale;
    }

    /** Reads and parses {@code file}, the {@code document} policy in {@code locale}. */
    public Page parse(String locale, String document, Path file) {
        Location where = Location.of(file);
        // The tree may be parsed again later: from the same bytes, or not at all. A CRC32C of the bytes tells (a
        // processor instruction; String.hashCode over a whole policy was 1.5% of a 10k check).
        java.util.zip.CRC32C read = new java.util.zip.CRC32C();
        String text = SourceFiles.read(file, where, read::update);
        long checksum = read.getValue();
        return parse(locale, document, file, text, () -> body(where, SourceFiles.read(file, where, bytes -> {
            java.util.zip.CRC32C again = new java.util.zip.CRC32C();
            again.update(bytes);
            if (again.getValue() != checksum) {
                throw changed(where);
            }
        })));
    }

    /**
     * The body of a page restored from the build cache, whose {@code file} had the SHA-256 {@code sha256}:
     * parsed from the file when a stage first needs the tree; a file that changed since is an error.
     */
    public PageBody unparsedBody(Path file, byte[] sha256) {
        Location where = Location.of(file);
        return PageBody.unparsed(() -> body(where, SourceFiles.read(file, where, bytes -> {
            byte[] digest;
            try {
                digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
            if (!java.util.Arrays.equals(digest, sha256)) {
                throw changed(where);
            }
        })));
    }

    /** A file that is no longer the one its page was parsed from: its tree would not match the rest of the build. */
    private static PrivacySiteException changed(Location where) {
        return PrivacySiteException.at(where, SourceRules.CHANGED, "the file changed while the site was being built; build again");
    }

    /**
     * Parses the Markdown tree of text that parsed without errors before (see {@link PageBody}):
     * front matter, clause hashes and the depth check are not redone.
     */
    private Document body(Location where, String text) {
        int close = findClosingFence(text);
        int bodyStart = text.indexOf('\n', close);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        Document root = (Document) markdown.parse(body);
        Collector collector = new Collector(where, countLines(text, bodyStart < 0 ? text.length() : bodyStart + 1), body, shared::intern);
        root.accept(collector);
        collector.mergeMessages(root);
        return root;
    }

    /** Parses {@code text} as the content of {@code file}. */
    public Page parse(String locale, String document, Path file, String text) {
        return parse(locale, document, file, text, () -> body(Location.of(file), text));
    }

    private Page parse(String locale, String document, Path file, String text, java.util.function.Supplier<Document> reparse) {
        Location where = Location.of(file);
        if (text.isBlank()) {
            throw PrivacySiteException.at(where.at(1, 1), ContentRules.EMPTY,
                    "the file is empty; it needs front matter (title, effective) and the policy text");
        }
        if (!text.startsWith("---\n")) {
            throw PrivacySiteException.at(where.at(1, 1), ContentRules.FRONT_MATTER_MISSING,
                    "the file must start with front matter: a '---' line, 'title: ...', 'effective: YYYY-MM-DD', and a closing '---' line");
        }
        int close = findClosingFence(text);
        if (close < 0) {
            throw PrivacySiteException.at(where.at(1, 1), ContentRules.FRONT_MATTER_UNCLOSED,
                    "the front matter opened on line 1 is never closed with a '---' line");
        }
        String yaml = text.substring(4, close);
        int bodyStart = text.indexOf('\n', close);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        int bodyLineOffset = countLines(text, bodyStart < 0 ? text.length() : bodyStart + 1);

        FrontMatter frontMatter = frontMatter(YamlReader.readMap(where, yaml, 1), shared::intern);
        Document root = (Document) markdown.parse(body);
        Collector collector = new Collector(where, bodyLineOffset, body, shared::intern);
        checkDepth(root, collector);
        root.accept(collector);
        collector.mergeMessages(root);
        List<Clause> clauses = PackedClauses.of(file, sourceLocale == null || sourceLocale.equals(locale)
                ? withTextHashes(collector.clauses, text) : collector.clauses);
        collector.findings.addAll(Placeholders.find(where, text));
        return new Page(locale, document, file, frontMatter, clauses,
                PackedUses.links(file, collector.links), PackedUses.argumentUses(file, collector.argumentUses), List.copyOf(collector.cookieTables),
                new PageBody(root, reparse), bodyLineOffset, List.copyOf(collector.findings));
    }

    private static List<Clause> withTextHashes(List<Clause> clauses, String text) {
        List<String> texts = ClauseTexts.of(clauses, text);
        List<Clause> hashed = new ArrayList<>(clauses.size());
        for (int i = 0; i < clauses.size(); i++) {
            hashed.add(clauses.get(i).withTextHash(TextHash.of(texts.get(i))));
        }
        return List.copyOf(hashed);
    }

    /** Deeper than any real policy; every later stage walks the tree recursively. */
    static final int MAX_DEPTH = 100;

    /** Refuses absurdly nested text (lists in lists, quotes in quotes) before anything recurses into it. */
    private static void checkDepth(Node root, Collector collector) {
        checkDepth(root, 0, collector);
    }

    /** Recursion stops at {@link #MAX_DEPTH}, so the stack stays shallow whatever the input. */
    private static void checkDepth(Node node, int depth, Collector collector) {
        if (depth > MAX_DEPTH) {
            throw PrivacySiteException.at(collector.locate(node), ContentRules.TOO_DEEP, "the text is nested more than "
                    + MAX_DEPTH + " levels deep (lists, quotes or emphasis inside each other); simplify it");
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            checkDepth(child, depth + 1, collector);
        }
    }

    private static int findClosingFence(String text) {
        int lineStart = text.indexOf('\n') + 1;
        while (lineStart > 0 && lineStart <= text.length()) {
            int end = text.indexOf('\n', lineStart);
            String line = text.substring(lineStart, end < 0 ? text.length() : end);
            if (line.equals("---") || line.equals("...")) {
                return lineStart;
            }
            if (end < 0) {
                return -1;
            }
            lineStart = end + 1;
        }
        return -1;
    }

    private static int countLines(String text, int upTo) {
        int lines = 0;
        for (int i = 0; i < upTo; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** @param shared one copy of the keys, which every page repeats (200,000 strings at 50,000 pages) */
    private static FrontMatter frontMatter(YamlMap yaml, java.util.function.UnaryOperator<String> shared) {
        String title = yaml.requireString("title");
        if (title.isBlank()) {
            throw PrivacySiteException.at(yaml.locationOf("title"), ContentRules.FRONT_MATTER_TITLE, "the title is empty");
        }
        if (!yaml.has("effective")) {
            throw PrivacySiteException.at(yaml.location(), ContentRules.FRONT_MATTER_EFFECTIVE,
                    "'effective' is required: the date this version takes effect, as YYYY-MM-DD");
        }
        LocalDate effective = yaml.date("effective");
        LocalDate updated = yaml.has("updated") ? yaml.date("updated") : effective;
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Location> locations = new LinkedHashMap<>();
        for (String key : yaml.keys()) {
            Object value = yaml.has(key) && isScalar(yaml, key) ? yaml.scalar(key) : null;
            if (value != null) {
                values.put(shared.apply(key), value);
            }
            locations.put(shared.apply(key), yaml.locationOf(key));
        }
        for (String key : List.of("title", "description")) {
            String text = yaml.string(key, "");
            if (IcuMessage.hasArguments(text)) {
                try {
                    IcuMessage.parse(text);
                } catch (IcuSyntaxException e) {
                    throw PrivacySiteException.at(yaml.locationInValue(key, e.index()), IcuRules.SYNTAX,
                            "in '" + key + "': " + e.getMessage());
                }
            }
        }
        return new FrontMatter(title, yaml.string("description", ""), effective, updated, Map.copyOf(values),
                yaml.location(), PackedLocations.of(yaml.location().file(), locations));
    }

    private static boolean isScalar(YamlMap yaml, String key) {
        try {
            yaml.scalar(key);
            return true;
        } catch (PrivacySiteException e) {
            return false; // lists and maps are allowed in front matter, just not as template values
        }
    }

    /** Walks the tree once: clause headings, links, raw HTML. */
    private static final class Collector extends AbstractVisitor {
        private final Location file;
        private final int lineOffset;
        private final List<Clause> clauses = new ArrayList<>();
        private final List<ClauseLink> links = new ArrayList<>();
        private final List<ArgumentUse> argumentUses = new ArrayList<>();
        private final List<CookieTableUse> cookieTables = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private final int[] counters = new int[7];
        private final String[] parents = new String[7];
        private int previousLevel = 1;
        private final String body;
        private String[] bodyLines;
        private final java.util.function.UnaryOperator<String> shared;

        Collector(Location file, int lineOffset, String body, java.util.function.UnaryOperator<String> shared) {
            this.file = file;
            this.lineOffset = lineOffset;
            this.body = body;
            this.shared = shared;
        }

        Location locate(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (spans == null || spans.isEmpty()) {
                Node parent = node.getParent();
                return parent == null ? file : locate(parent);
            }
            SourceSpan span = spans.get(0);
            return file.at(span.getLineIndex() + 1 + lineOffset, span.getColumnIndex() + 1);
        }

        @Override
        public void visit(Heading heading) {
            Location where = locate(heading);
            for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof HtmlInline html) {
                    rawHtml(html); // a heading's children are not visited below: report its HTML as in a paragraph
                }
            }
            String marks = stripKey(heading);
            String[] words = marks == null ? new String[0] : SPACES.split(marks);
            String key = marks == null ? null : shared.apply(words[0]);
            String title = titleText(heading).trim();
            if (heading.getLevel() == 1) {
                findings.add(Finding.of(where, ContentRules.HEADING_LEVEL,
                        "a '#' heading is not allowed: the page title comes from 'title' in the front matter; clauses start at '##'"));
                return;
            }
            if (key == null) {
                findings.add(Finding.of(where, ContentRules.HEADING_KEY,
                        "heading '" + IcuMessage.asText(title) + "' has no clause key; end it with a key such as {#" + suggestKey(title) + "}"));
                return;
            }
            if (!KEY.matcher(key).matches()) {
                findings.add(Finding.of(where, ContentRules.KEY_SYNTAX, "clause key '" + key
                        + "' may only use lower-case letters a-z, digits and hyphens, and must start with a letter"));
                return;
            }
            boolean local = false;
            Map<String, String> rules = new LinkedHashMap<>();
            for (int i = 1; i < words.length; i++) {
                Matcher setting = RULE_SETTING.matcher(words[i]);
                if (words[i].equals("local")) {
                    local = true;
                } else if (setting.matches()) {
                    rules.put(setting.group(1), setting.group(2));
                } else {
                    findings.add(Finding.of(where, ContentRules.KEY_SYNTAX, "'" + words[i] + "' after the clause key '" + key
                            + "' is not understood; write {#" + key + "}, {#" + key + " local} for a clause of this language only,"
                            + " or {#" + key + " rule.id=off} to set a rule for this clause"));
                    return;
                }
            }
            if (!keys.add(key)) {
                findings.add(Finding.of(where, ParityRules.CLAUSE_DUPLICATE, "clause key '" + key + "' is used twice in this document")
                        .about(key));
                return;
            }
            int level = heading.getLevel();
            if (level > previousLevel + 1) {
                findings.add(Finding.of(where, ContentRules.HEADING_SKIP, "heading level jumps from "
                        + "#".repeat(previousLevel) + " to " + "#".repeat(level) + "; use " + "#".repeat(previousLevel + 1)));
                return;
            }
            if (level == 2 && clauses.isEmpty() && Clause.SUMMARY.equals(key)) {
                clauses.add(new Clause(key, level, "", title, null, where, null, local, Map.copyOf(rules))); // the summary: not numbered
                parents[level] = key;
                previousLevel = level;
                return;
            }
            counters[level]++;
            for (int deeper = level + 1; deeper < counters.length; deeper++) {
                counters[deeper] = 0;
            }
            StringBuilder number = new StringBuilder();
            for (int l = 2; l <= level; l++) {
                number.append(l > 2 ? "." : "").append(counters[l]);
            }
            parents[level] = key;
            String parent = level > 2 ? parents[level - 1] : null;
            clauses.add(new Clause(key, level, shared.apply(number.toString()), title, parent, where, null, local, Map.copyOf(rules)));
            previousLevel = level;
        }

        @Override
        public void visit(org.commonmark.node.Image image) {
            checkScheme(image.getDestination(), locate(image));
            visitChildren(image);
        }

        /** Only web, e-mail and telephone links (and relative ones) reach a page; say so instead of dropping one silently. */
        private void checkScheme(String destination, Location where) {
            if (!SafeUrls.isAllowed(destination)) {
                findings.add(Finding.of(where, ContentRules.UNSAFE_URL, "the link address '" + abbreviate(destination)
                        + "' is not allowed; use http(s), mailto: or tel: addresses, or a link to another page"));
            }
        }

        private static String abbreviate(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }

        @Override
        public void visit(Link link) {
            Location where = locate(link);
            String destination = link.getDestination();
            checkScheme(destination, where);
            if (IcuMessage.hasArguments(destination)) {
                try {
                    for (IcuMessage.Argument argument : IcuMessage.parse(destination).arguments()) {
                        argumentUses.add(new ArgumentUse(argument.placeless(), where, true));
                    }
                } catch (IcuSyntaxException e) {
                    findings.add(Finding.of(where, IcuRules.SYNTAX, "in the link address: " + e.getMessage()));
                }
            }
            Matcher matcher = CLAUSE_LINK.matcher(destination);
            boolean empty = link.getFirstChild() == null;
            if (matcher.matches() && (matcher.group(1) != null || matcher.group(2) != null)) {
                links.add(new ClauseLink(shared.apply(matcher.group(1)), shared.apply(matcher.group(2)), empty, where));
            } else if (empty) {
                findings.add(Finding.of(where, ContentRules.XREF_SYNTAX, "a link without text must point at a clause, like [](#retention) or [](cookies.md#manage)"));
            }
            visitChildren(link);
        }

        @Override
        public void visit(FencedCodeBlock block) {
            String info = block.getInfo() == null ? "" : block.getInfo().trim();
            if (info.startsWith("cookie-table")) {
                cookieTables.add(new CookieTableUse(info.substring("cookie-table".length()).trim(), locate(block)));
            }
        }

        @Override
        public void visit(HtmlBlock html) {
            rawHtml(html);
        }

        @Override
        public void visit(HtmlInline html) {
            rawHtml(html);
        }

        private void rawHtml(Node html) {
            findings.add(Finding.of(locate(html), ContentRules.RAW_HTML,
                    "raw HTML is not allowed in policies; write it in Markdown (it is shown as text)"));
        }

        /** Removes the trailing {@code {#key ...}} from the heading's text and returns what was inside the braces. */
        private static String stripKey(Heading heading) {
            if (!(heading.getLastChild() instanceof Text text)) {
                return null;
            }
            Matcher matcher = HEADING_KEY.matcher(text.getLiteral());
            if (!matcher.find()) {
                return null;
            }
            String rest = text.getLiteral().substring(0, matcher.start());
            if (rest.isEmpty()) {
                text.unlink();
            } else {
                text.setLiteral(rest);
            }
            return matcher.group(1).trim();
        }

        private static String suggestKey(String title) {
            String key = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            return key.isEmpty() || !Character.isLetter(key.charAt(0)) ? "clause-key" : key;
        }

        /** Gathers each run of text and soft line breaks that holds ICU syntax into one {@link MessageText}. */
        void mergeMessages(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                if (child instanceof Text || child instanceof SoftLineBreak) {
                    List<Node> run = new ArrayList<>();
                    Node cursor = child;
                    while (cursor instanceof Text || cursor instanceof SoftLineBreak) {
                        run.add(cursor);
                        cursor = cursor.getNext();
                    }
                    replaceRun(run);
                    child = cursor;
                } else {
                    mergeMessages(child);
                    child = child.getNext();
                }
            }
        }

        private void replaceRun(List<Node> run) {
            if (!hasArguments(run)) {
                return; // most text has no ICU argument: nothing to locate or merge
            }
            StringBuilder text = new StringBuilder();
            List<MessageText.Segment> segments = new ArrayList<>();
            for (Node node : run) {
                if (node instanceof Text t) {
                    segments.add(new MessageText.Segment(text.length(), locate(t)));
                    text.append(icuText(t));
                } else {
                    text.append('\n');
                }
            }
            if (segments.isEmpty() || !IcuMessage.hasArguments(text.toString())) {
                return;
            }
            MessageText replacement;
            try {
                replacement = new MessageText(IcuMessage.parse(text.toString()), segments);
            } catch (IcuSyntaxException e) {
                MessageText probe = new MessageText(null, segments);
                findings.add(Finding.of(probe.locationOf(e.index()), IcuRules.SYNTAX, e.getMessage()));
                return;
            }
            for (IcuMessage.Argument argument : replacement.message().arguments()) {
                argumentUses.add(new ArgumentUse(argument.placeless(), replacement.locationOf(argument.index()), false));
            }
            run.get(0).insertBefore(replacement);
            run.forEach(Node::unlink);
        }

        /** Whether a text node of {@code run} has ICU syntax (a loop: as a stream this was 1.5% of a 10k check). */
        private static boolean hasArguments(List<Node> run) {
            for (Node node : run) {
                if (node instanceof Text text && IcuMessage.hasArguments(text.getLiteral())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A text node's literal for ICU: a brace the writer escaped in Markdown ({@code \{}), which
         * commonmark has already unescaped, becomes {@link IcuMessage#LITERAL_OPEN} (or _CLOSE) so that
         * it stays text. The literal's braces are matched in order with the braces of the node's source.
         */
        private String icuText(Text node) {
            String literal = node.getLiteral();
            if (!IcuMessage.hasArguments(literal)) {
                return literal; // no brace: nothing to match with the source
            }
            String written = written(node);
            if (written == null || written.indexOf('\\') < 0) {
                return literal;
            }
            List<Boolean> escaped = new ArrayList<>();
            int backslashes = 0;
            for (int i = 0; i < written.length(); i++) {
                char c = written.charAt(i);
                if (c == '{' || c == '}') {
                    escaped.add(backslashes % 2 == 1);
                }
                backslashes = c == '\\' ? backslashes + 1 : 0;
            }
            // In order: a heading's source also holds its {#key}, already cut from the end of the literal.
            if (literal.chars().filter(c -> c == '{' || c == '}').count() > escaped.size()) {
                return literal; // an entity such as &#123; added a brace the source does not show: leave the text as it is
            }
            StringBuilder text = new StringBuilder(literal.length());
            int brace = 0;
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if ((c == '{' || c == '}') && escaped.get(brace++)) {
                    text.append(c == '{' ? IcuMessage.LITERAL_OPEN : IcuMessage.LITERAL_CLOSE);
                } else {
                    text.append(c);
                }
            }
            return text.toString();
        }

        /** The Markdown a node was parsed from, or null when its position is unknown. */
        private String written(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (spans == null || spans.isEmpty()) {
                return null;
            }
            if (bodyLines == null) {
                bodyLines = body.split("\n", -1);
            }
            StringBuilder text = new StringBuilder();
            for (SourceSpan span : spans) {
                if (span.getLineIndex() >= bodyLines.length) {
                    return null;
                }
                String line = bodyLines[span.getLineIndex()];
                int from = Math.min(span.getColumnIndex(), line.length());
                text.append(line, from, Math.min(from + span.getLength(), line.length()));
            }
            return text.toString();
        }

        /** A heading's text as ICU reads it: braces written as text ({@code \\{}) stay text in the title and the contents. */
        private String titleText(Heading heading) {
            StringBuilder text = new StringBuilder();
            heading.accept(new AbstractVisitor() {
                @Override
                public void visit(Text t) {
                    text.append(icuText(t));
                }

                @Override
                public void visit(org.commonmark.node.Code code) {
                    text.append(code.getLiteral());
                }
            });
            return text.toString();
        }
    }
}
