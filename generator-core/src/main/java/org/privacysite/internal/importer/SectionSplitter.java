package org.privacysite.internal.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Splits a policy's HTML body (from any reader) at its headings: the title, the blocks before the first
 * clause, and one section per clause heading with its blocks written as our Markdown. Heading levels are
 * renumbered so that clauses start at {@code ##} and never skip a level, as the content format requires.
 */
final class SectionSplitter {

    /** Marks a heading's {@code data-level} in a .docx's "Title" paragraph: always the document title. */
    static final int TITLE_LEVEL = 0;

    /** A trailing attribute list: kramdown {@code {: #id .class}}, Hugo/Docusaurus {@code {#id}}. */
    private static final Pattern ATTRIBUTE_LIST = Pattern.compile("\\s*\\{:?\\s*((?:[#.][^\\s}]+|[\\w-]+=\"[^\"]*\"|\\s+)*)\\}\\s*$");
    private static final Pattern ID_IN_LIST = Pattern.compile("#([^\\s}.]+)");
    /** "3.2 Title", "3. Title", "Section 3: Title", "Article 3 - Title", "§ 3 Title", "第3条 Title". */
    private static final Pattern NUMBER = Pattern.compile(
            "^\\s*(?:(?:section|article|art\\.|artikel|abschnitt|chapter|clause|§)\\s*)?(\\d{1,3}(?:\\.\\d{1,3})*)(?:[.):]|\\s+[-–—:])?\\s+(?=\\S)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CJK_NUMBER = Pattern.compile("^\\s*第\\s*(\\d{1,3})\\s*[条條章節节]\\s*");
    private static final Pattern GENERATED_ID = Pattern.compile("(?i)_?(toc|ref)\\d.*|h\\.[a-z0-9]+|mce_.*|\\d+|id\\d*");

    /** A heading or a block; a block that is one short bold line carries the heading it would be ({@code candidate}). */
    private record Item(ParsedFile.Heading heading, ParsedFile.Block block, int rawLevel, ParsedFile.Heading candidate) {
        Item(ParsedFile.Heading heading, ParsedFile.Block block, int rawLevel) {
            this(heading, block, rawLevel, null);
        }
    }

    /** Longer bold lines are emphasis in the text, not headings written as bold paragraphs. */
    private static final int MAX_BOLD_HEADING = 120;

    private final List<Item> items = new ArrayList<>();
    private final Set<String> pendingAnchors = new LinkedHashSet<>();
    private final List<Node> inlineRun = new ArrayList<>();
    private Element inlineParent;

    private SectionSplitter() {
    }

    /**
     * @param fallbackTitle the title when the document has no single top heading (front matter, HTML title), or null
     */
    static ParsedFile split(Element body, Path file, String locale, String document, String fallbackTitle,
                            Map<String, String> frontMatter) {
        SectionSplitter splitter = new SectionSplitter();
        splitter.walk(body);
        splitter.flushInline();
        return splitter.result(file, locale, document, fallbackTitle, frontMatter);
    }

    private void walk(Element container) {
        for (Node node : new ArrayList<>(container.childNodes())) {
            if (!(node instanceof Element element)) {
                if (node instanceof TextNode) {
                    addInline(node, container);
                }
                continue;
            }
            String name = element.normalName();
            if (name.matches("h[1-6]")) {
                flushInline();
                heading(element, element.hasAttr("data-level") ? parseLevel(element.attr("data-level")) : name.charAt(1) - '0');
            } else if (name.equals("hr")) {
                flushInline();
            } else if (name.matches("p|ul|ol|table|blockquote|pre|dl")) {
                flushInline();
                block(element);
            } else if (BlockWriter.isBlock(element)) {
                flushInline();
                if (!element.id().isBlank()) {
                    pendingAnchors.add(element.id().strip()); // <section id="x"><h2>: x is the heading's too
                }
                walk(element);
                flushInline();
            } else {
                addInline(element, container);
            }
        }
    }

    private static int parseLevel(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    private void addInline(Node node, Element parent) {
        if (inlineParent != null && inlineParent != parent) {
            flushInline();
        }
        inlineParent = parent;
        inlineRun.add(node);
    }

    private void flushInline() {
        if (inlineRun.isEmpty()) {
            return;
        }
        BlockWriter writer = new BlockWriter();
        StringBuilder markdown = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (Node node : inlineRun) {
            markdown.append(writer.inline(node));
            text.append(node instanceof Element e ? e.text() : ((TextNode) node).text());
        }
        String md = markdown.toString().strip();
        int line = line(inlineRun.get(0) instanceof Element e ? e : inlineParent);
        inlineRun.clear();
        inlineParent = null;
        if (md.isEmpty() || text.toString().isBlank()) {
            pendingAnchors.addAll(writer.anchors()); // an empty <a id="x"></a>: it names whatever comes next
            return;
        }
        addBlock(paragraphOf(md), text.toString().strip(), writer.anchors(), List.of(), line);
    }

    private static String paragraphOf(String inline) {
        List<String> lines = new ArrayList<>();
        for (String line : inline.split("\n")) {
            lines.add(MarkdownText.guardLineStart(BlockWriter.singleSpaced(line)));
        }
        return String.join("\n", lines);
    }

    private void block(Element element) {
        BlockWriter writer = new BlockWriter();
        String markdown = writer.block(element);
        if (markdown.isBlank()) {
            pendingAnchors.addAll(writer.anchors());
            return;
        }
        addBlock(markdown, BlockWriter.plain(element), writer.anchors(), tocLinks(element), line(element));
        ParsedFile.Heading candidate = boldHeading(element);
        if (candidate != null) {
            Item last = items.remove(items.size() - 1);
            items.add(new Item(null, last.block(), 0, candidate));
        }
    }

    private void addBlock(String markdown, String text, Set<String> anchors, List<String> tocLinks, int line) {
        Set<String> all = new LinkedHashSet<>(pendingAnchors);
        all.addAll(anchors);
        pendingAnchors.clear();
        items.add(new Item(null, new ParsedFile.Block(markdown, text, all, tocLinks, line), 0));
    }

    /** A list whose every item is only a link to an anchor (nested lists allowed): a hand-written table of contents. */
    private static List<String> tocLinks(Element list) {
        if (!list.normalName().matches("ul|ol")) {
            return List.of();
        }
        List<String> targets = new ArrayList<>();
        for (Element item : list.select("li")) {
            StringBuilder own = new StringBuilder();
            for (Node child : item.childNodes()) {
                if (child instanceof Element e && e.normalName().matches("ul|ol")) {
                    continue;
                }
                own.append(child instanceof Element e ? e.text() : child instanceof TextNode t ? t.text() : "");
            }
            Element link = item.selectFirst("> a[href^=#], > p > a[href^=#], > span > a[href^=#], > strong > a[href^=#]");
            if (link == null || !normalize(own.toString()).equals(normalize(link.text()))) {
                return List.of();
            }
            targets.add(link.attr("href").substring(1));
        }
        return targets.size() >= 2 ? List.copyOf(targets) : List.of();
    }

    private static String normalize(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    private void heading(Element element, int rawLevel) {
        // A CMS often bolds a whole heading (<h2><strong>1. Introduction</strong></h2>): a heading is bold already.
        ParsedFile.Heading heading = makeHeading(allBold(element) ? withoutBold(element) : element, rawLevel, true);
        if (heading != null) {
            items.add(new Item(heading, null, rawLevel));
        }
    }

    /** The heading an element makes (its ids, number and text), or null when it has no text. */
    private ParsedFile.Heading makeHeading(Element element, int rawLevel, boolean takePending) {
        Set<String> ids = new LinkedHashSet<>();
        boolean explicit = false;
        if (!element.id().isBlank()) {
            ids.add(element.id().strip());
        }
        String attributeId = stripAttributeList(element);
        if (attributeId != null) {
            ids.add(attributeId);
        }
        for (Element inner : element.select("[id], a[name]")) {
            if (inner != element) {
                ids.add(inner.id().isBlank() ? inner.attr("name").strip() : inner.id().strip());
            }
        }
        if (takePending) {
            ids.addAll(pendingAnchors);
            pendingAnchors.clear();
        }
        ids.remove("");
        if (!ids.isEmpty()) {
            explicit = !GENERATED_ID.matcher(ids.iterator().next()).matches();
        }
        java.util.Set<String> aliases = new LinkedHashSet<>(ClauseKeys.generatedAnchors(normalize(element.text())));
        String number = stripNumber(element);
        BlockWriter writer = new BlockWriter();
        StringBuilder markdown = new StringBuilder();
        for (Node child : element.childNodes()) {
            markdown.append(writer.inline(child));
        }
        String text = normalize(element.text());
        aliases.addAll(ClauseKeys.generatedAnchors(text));
        String md = BlockWriter.singleSpaced(markdown.toString().replace("\\\n", " "));
        if (text.isEmpty()) {
            if (takePending) {
                pendingAnchors.addAll(ids);
            }
            return null;
        }
        return new ParsedFile.Heading(rawLevel, md, text, number, List.copyOf(ids), explicit, aliases, line(element));
    }

    /**
     * A paragraph that is one short line, all of it bold: how many policies written in Word or a CMS mark
     * their headings. Used only when a file has no real headings.
     */
    private ParsedFile.Heading boldHeading(Element element) {
        String text = normalize(element.text());
        if (!element.normalName().equals("p") || text.isEmpty() || text.length() > MAX_BOLD_HEADING || text.endsWith(".")
                && !NUMBER.matcher(text + " x").lookingAt()) {
            return null;
        }
        if (!allBold(element)) {
            return null;
        }
        Element copy = withoutBold(element);
        ParsedFile.Heading heading = makeHeading(copy, 2, false);
        if (heading == null) {
            return null;
        }
        int depth = heading.number() == null ? 0 : heading.number().split("\\.").length - 1;
        return new ParsedFile.Heading(2 + Math.min(depth, 4), heading.markdown(), heading.text(), heading.number(), heading.ids(),
                heading.explicit(), heading.aliases(), heading.line());
    }

    /** Whether every word of {@code element} is inside {@code <strong>} or {@code <b>}. */
    private static boolean allBold(Element element) {
        StringBuilder bold = new StringBuilder();
        for (Element strong : element.select("strong, b")) {
            if (strong.parents().stream().noneMatch(p -> p.is("strong, b"))) {
                bold.append(strong.text());
            }
        }
        String text = normalize(element.text());
        return !text.isEmpty() && normalize(bold.toString()).equals(text);
    }

    private static Element withoutBold(Element element) {
        Element copy = element.clone();
        copy.select("strong, b").unwrap();
        return copy;
    }

    /** Removes a trailing {@code {#id}} / {@code {: #id .class}} from the heading's last text and returns the id. */
    private static String stripAttributeList(Element heading) {
        TextNode last = lastText(heading);
        if (last == null) {
            return null;
        }
        Matcher matcher = ATTRIBUTE_LIST.matcher(last.getWholeText());
        if (!matcher.find() || matcher.group(1).isBlank()) {
            return null;
        }
        Matcher id = ID_IN_LIST.matcher(matcher.group(1));
        last.text(last.getWholeText().substring(0, matcher.start()));
        return id.find() ? id.group(1) : null;
    }

    private static TextNode lastText(Node node) {
        for (int i = node.childNodeSize() - 1; i >= 0; i--) {
            Node child = node.childNode(i);
            if (child instanceof TextNode text) {
                if (!text.isBlank()) {
                    return text;
                }
            } else {
                TextNode inner = lastText(child);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static TextNode firstText(Node node) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                if (!text.isBlank()) {
                    return text;
                }
            } else {
                TextNode inner = firstText(child);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** Removes a written section number ("3.2", "Article 3", "第3条"): the site numbers clauses itself. */
    private static String stripNumber(Element heading) {
        TextNode first = firstText(heading);
        if (first == null) {
            return null;
        }
        String text = first.getWholeText();
        // "3. <strong>Contact</strong> us": the title goes on after the number's own text node.
        String probe = first.nextSibling() != null ? text + "x" : text;
        for (Pattern pattern : List.of(NUMBER, CJK_NUMBER)) {
            Matcher matcher = pattern.matcher(probe);
            if (matcher.find()) {
                first.text(text.substring(Math.min(matcher.end(), text.length())));
                return matcher.group(1);
            }
        }
        return null;
    }

    /** A file with no headings but bold one-line paragraphs: those are its headings. */
    private void promoteBoldHeadings() {
        long real = items.stream().filter(i -> i.heading() != null && i.rawLevel() != TITLE_LEVEL).count();
        long candidates = items.stream().filter(i -> i.candidate() != null).count();
        if (real > 1 || candidates < 2) {
            return;
        }
        items.replaceAll(i -> i.candidate() != null ? new Item(i.candidate(), null, i.candidate().level()) : i);
    }

    /** Every heading at one level, numbered "2", "2.1", "2.2": the numbers say the nesting the tags do not. */
    private void levelsFromNumbers() {
        List<Item> headings = items.stream().filter(i -> i.heading() != null && i.rawLevel() != TITLE_LEVEL).toList();
        int min = headings.stream().mapToInt(Item::rawLevel).min().orElse(0);
        if (headings.size() > 1 && headings.get(0).rawLevel() == min && headings.stream().filter(i -> i.rawLevel() == min).count() == 1) {
            headings = headings.subList(1, headings.size()); // the title
        }
        boolean oneLevel = headings.stream().map(Item::rawLevel).distinct().count() == 1;
        boolean nested = headings.stream().anyMatch(i -> i.heading().number() != null && i.heading().number().contains("."));
        if (headings.size() < 2 || !oneLevel || !nested) {
            return;
        }
        int base = headings.get(0).rawLevel();
        Set<Item> clauses = new java.util.HashSet<>(headings);
        items.replaceAll(i -> {
            if (!clauses.contains(i) || i.heading().number() == null) {
                return i;
            }
            return new Item(i.heading(), null, base + Math.min(4, i.heading().number().split("\\.").length - 1));
        });
    }

    static int line(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            String line = e.attr("data-line");
            if (!line.isEmpty()) {
                try {
                    return Integer.parseInt(line);
                } catch (NumberFormatException ignored) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private ParsedFile result(Path file, String locale, String document, String fallbackTitle, Map<String, String> frontMatter) {
        promoteBoldHeadings();
        levelsFromNumbers();
        List<Item> headings = items.stream().filter(i -> i.heading() != null).toList();
        Item titleItem = null;
        if (!headings.isEmpty()) {
            Item first = headings.get(0);
            int min = headings.stream().mapToInt(Item::rawLevel).min().orElse(1);
            long atMin = headings.stream().filter(i -> i.rawLevel() == min).count();
            boolean titleWritten = frontMatter.containsKey("title"); // then only a '#' heading repeats it
            if (first.rawLevel() == TITLE_LEVEL || titleWritten && first.rawLevel() == 1) {
                titleItem = first;
            } else if (titleWritten) {
                titleItem = null;
            } else if ( (first.rawLevel() == min && atMin == 1 && headings.size() > 1)
                    || (headings.size() == 1 && first.rawLevel() == 1)) {
                titleItem = first;
            }
        }
        String title = titleItem != null ? titleItem.heading().text() : fallbackTitle;
        // Levels in use, lowest first, become ##, ###...; a jump (## then ####) is closed up.
        TreeSet<Integer> levels = new TreeSet<>();
        for (Item item : headings) {
            if (item != titleItem) {
                levels.add(item.rawLevel());
            }
        }
        List<ParsedFile.Block> preamble = new ArrayList<>();
        List<ParsedFile.Section> sections = new ArrayList<>();
        List<ParsedFile.Block> current = preamble;
        int previous = 1;
        for (Item item : items) {
            if (item == titleItem) {
                if (!item.heading().ids().isEmpty()) {
                    preamble.add(new ParsedFile.Block("", "", new LinkedHashSet<>(item.heading().ids()), List.of(), item.heading().line()));
                }
                continue;
            }
            if (item.heading() == null) {
                current.add(item.block());
                continue;
            }
            int level = Math.min(6, Math.min(previous + 1, 2 + levels.headSet(item.rawLevel()).size()));
            previous = level;
            ParsedFile.Heading h = item.heading();
            current = new ArrayList<>();
            sections.add(new ParsedFile.Section(new ParsedFile.Heading(level, h.markdown(), h.text(), h.number(), h.ids(),
                    h.explicit(), h.aliases(), h.line()), current));
        }
        return new ParsedFile(file, locale, document, title, frontMatter, preamble, sections);
    }
}
