package org.privacysite.internal.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlink;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.ImportRules;

/**
 * Reads a Word document with Apache POI into the HTML the other readers produce: heading styles
 * (Heading 1..6, Title, and custom styles based on them or with an outline level), paragraphs,
 * nested bulleted and numbered lists, tables, bold, italic and hyperlinks. A finding's "line" in a
 * .docx is the paragraph's number in the document body.
 */
final class DocxReader {

    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)heading\\s*([1-6])");

    static {
        PoiLogging.quiet();
    }

    private final Path file;
    private final XWPFDocument word;
    private final Element body;
    private final Deque<Element> lists = new ArrayDeque<>();
    private int paragraph;

    private DocxReader(Path file, XWPFDocument word, Element body) {
        this.file = file;
        this.word = word;
        this.body = body;
    }

    static ParsedFile read(Path file, String locale, String document) {
        byte[] bytes = SourceText.bytes(file);
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            Document html = Document.createShell("");
            DocxReader reader = new DocxReader(file, word, html.body());
            for (IBodyElement element : word.getBodyElements()) {
                reader.element(element);
            }
            String title = word.getProperties().getCoreProperties().getTitle();
            Map<String, String> frontMatter = new LinkedHashMap<>();
            return SectionSplitter.split(html.body(), file, locale, document, title == null || title.isBlank() ? null : title.strip(),
                    frontMatter);
        } catch (PrivacySiteException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw PrivacySiteException.at(Location.of(file), ImportRules.FILE_UNREADABLE, unreadable(e));
        }
    }

    /** POI's reason in words: a zip bomb, a file that is not a .docx, or a damaged one. */
    private static String unreadable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")) {
                return "the Word file expands to far more data than its size (a \"zip bomb\"), so it was not read; "
                        + "open it in Word, check its content and save it again";
            }
            if (message.contains("not a valid ooxml") || message.contains("no valid entries") || message.contains("ole2")
                    || message.contains("not a zip") || message.contains("notofficexml")
                    || cause.getClass().getSimpleName().contains("NotOfficeXml")) {
                return "this is not a Word .docx file (Word 2007 or later); save it as \"Word Document (.docx)\" and import again";
            }
        }
        return "the Word file is damaged and cannot be read; open it in Word and save it again as .docx";
    }

    private void element(IBodyElement element) {
        paragraph++;
        if (element instanceof XWPFParagraph p) {
            paragraph(p);
        } else if (element instanceof XWPFTable table) {
            lists.clear();
            table(table);
        } else {
            lists.clear(); // a content control, e.g. Word's own table of contents: the site renders its own
        }
    }

    private void paragraph(XWPFParagraph p) {
        String style = styleName(p.getStyleID());
        if (style.startsWith("toc")) {
            return; // a line of Word's table of contents
        }
        int level = headingLevel(p.getStyleID(), 0);
        if (level >= 0) {
            lists.clear();
            Element heading = body.appendElement("h" + Math.max(1, level)).attr("data-line", String.valueOf(paragraph));
            heading.attr("data-level", String.valueOf(level));
            bookmarks(p, heading);
            runs(p, heading);
            return;
        }
        if (p.getNumID() != null && !p.getText().isBlank()) {
            int depth = p.getNumIlvl() == null ? 0 : Math.min(8, p.getNumIlvl().intValue());
            boolean ordered = p.getNumFmt() != null && !p.getNumFmt().equals("bullet") && !p.getNumFmt().equals("none");
            Element item = listItem(depth, ordered);
            bookmarks(p, item);
            runs(p, item);
            return;
        }
        lists.clear();
        if (p.getText().isBlank()) {
            return;
        }
        Element para = body.appendElement("p").attr("data-line", String.valueOf(paragraph));
        bookmarks(p, para);
        runs(p, para);
    }

    private Element listItem(int depth, boolean ordered) {
        String tag = ordered ? "ol" : "ul";
        while (lists.size() > depth + 1) {
            lists.pop();
        }
        if (lists.size() == depth + 1 && !lists.peek().normalName().equals(tag)) {
            lists.pop();
        }
        while (lists.size() < depth + 1) {
            Element parent = lists.isEmpty() ? body : lastItem(lists.peek());
            Element list = parent.appendElement(tag).attr("data-line", String.valueOf(paragraph));
            lists.push(list);
        }
        return lists.peek().appendElement("li").attr("data-line", String.valueOf(paragraph));
    }

    private static Element lastItem(Element list) {
        Element last = list.children().last();
        return last != null ? last : list.appendElement("li");
    }

    /** Word's bookmarks ({@code _Toc...}, {@code _Ref...} or named ones) are the anchors its internal links point at. */
    private static void bookmarks(XWPFParagraph p, Element target) {
        for (var bookmark : p.getCTP().getBookmarkStartList()) {
            String name = bookmark.getName();
            if (name != null && !name.isBlank() && !name.equals("_GoBack")) {
                target.appendElement("a").attr("name", name);
            }
        }
    }

    private void runs(XWPFParagraph p, Element target) {
        Element link = null;
        String linkHref = null;
        for (IRunElement element : p.getIRuns()) {
            if (!(element instanceof XWPFRun run)) {
                continue;
            }
            refuseTrackedChange(run);
            String href = href(run);
            Element parent = target;
            if (href != null) {
                if (link == null || !href.equals(linkHref)) {
                    link = target.appendElement("a").attr("href", href);
                    linkHref = href;
                }
                parent = link;
            } else {
                link = null;
                linkHref = null;
            }
            String text = withNotes(run);
            if (text == null || text.isEmpty()) {
                continue;
            }
            Element holder = parent;
            if (run.isBold()) {
                holder = holder.appendElement("strong");
            }
            if (run.isItalic()) {
                holder = holder.appendElement("em");
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    holder.appendElement("br");
                }
                holder.appendText(lines[i].replace('\t', ' '));
            }
        }
    }

    /**
     * The run's text with each footnote or endnote it refers to written out in parentheses where the
     * reference stands: the site has no footnotes, and a note of a legal text must not be lost.
     */
    private String withNotes(XWPFRun run) {
        String text = run.text();
        if (text == null || text.indexOf("[footnoteRef:") < 0 && text.indexOf("[endnoteRef:") < 0) {
            return text;
        }
        Matcher reference = NOTE_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            XWPFAbstractFootnoteEndnote note = reference.group(1).equals("footnote")
                    ? word.getFootnoteByID(Integer.parseInt(reference.group(2)))
                    : word.getEndnoteByID(Integer.parseInt(reference.group(2)));
            String noteText = note == null ? "" : note.getParagraphs().stream().map(XWPFParagraph::getText)
                    .map(t -> NOTE_REFERENCE.matcher(t).replaceAll("").strip()).filter(t -> !t.isEmpty())
                    .collect(java.util.stream.Collectors.joining(" "));
            reference.appendReplacement(out, Matcher.quoteReplacement(noteText.isEmpty() ? "" : " (" + noteText + ")"));
        }
        reference.appendTail(out);
        return out.toString();
    }

    /** How POI writes a note reference (and a note's own mark) into a run's text. */
    private static final Pattern NOTE_REFERENCE = Pattern.compile("\\[(footnote|endnote)Ref:(\\d+)\\]");

    /**
     * Text inside a tracked insertion or deletion has not been agreed yet: importing it accepted or rejected
     * would publish a choice nobody made, so the writer settles it in Word first.
     */
    private void refuseTrackedChange(XWPFRun run) {
        org.w3c.dom.Node parent = run.getCTR().getDomNode().getParentNode();
        String change = parent == null ? "" : String.valueOf(parent.getLocalName());
        if (TRACKED_CHANGES.contains(change)) {
            org.w3c.dom.Node author = parent.getAttributes() == null ? null
                    : parent.getAttributes().getNamedItemNS(parent.getNamespaceURI(), "author");
            throw PrivacySiteException.at(Location.of(file).at(paragraph, 1), ImportRules.TRACKED_CHANGES,
                    "paragraph " + paragraph + " has a tracked " + (change.startsWith("del") || change.equals("moveFrom") ? "deletion" : "insertion")
                    + (author == null ? "" : " by " + author.getNodeValue()) + " (\"" + run.text() + "\"); accept or reject the "
                    + "tracked changes in Word (Review > Accept or Reject), save the file and import it again");
        }
    }

    private static final java.util.Set<String> TRACKED_CHANGES = java.util.Set.of("ins", "del", "moveFrom", "moveTo");

    private String href(XWPFRun run) {
        if (!(run instanceof XWPFHyperlinkRun hyperlink)) {
            return null;
        }
        if (hyperlink.getAnchor() != null && !hyperlink.getAnchor().isBlank()) {
            return "#" + hyperlink.getAnchor();
        }
        XWPFHyperlink target = hyperlink.getHyperlink(word);
        return target == null || target.getURL() == null ? null : target.getURL();
    }

    private void table(XWPFTable table) {
        Element html = body.appendElement("table").attr("data-line", String.valueOf(paragraph));
        for (XWPFTableRow row : table.getRows()) {
            Element tr = html.appendElement("tr");
            for (XWPFTableCell cell : row.getTableCells()) {
                Element td = tr.appendElement("td");
                boolean first = true;
                for (XWPFParagraph p : cell.getParagraphs()) {
                    if (p.getText().isBlank()) {
                        continue;
                    }
                    if (!first) {
                        td.appendElement("br");
                    }
                    runs(p, td);
                    first = false;
                }
            }
        }
    }

    /**
     * The heading level of a paragraph style: 0 for Title, 1..6 for Heading 1..6, a custom style's
     * outline level or the level of the style it is based on; -1 for body text.
     */
    private int headingLevel(String styleId, int depth) {
        if (styleId == null || depth > 10) {
            return -1;
        }
        String name = styleName(styleId);
        if (name.equals("title") || styleId.equalsIgnoreCase("Title")) {
            return SectionSplitter.TITLE_LEVEL;
        }
        for (String candidate : List.of(styleId, name)) {
            Matcher matcher = HEADING_STYLE.matcher(candidate);
            if (matcher.matches()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        XWPFStyle style = word.getStyles() == null ? null : word.getStyles().getStyle(styleId);
        if (style == null) {
            return -1;
        }
        var pPr = style.getCTStyle().getPPr();
        if (pPr != null && pPr.getOutlineLvl() != null && pPr.getOutlineLvl().getVal() != null) {
            int outline = pPr.getOutlineLvl().getVal().intValue();
            if (outline >= 0 && outline < 6) {
                return outline + 1;
            }
        }
        return headingLevel(style.getBasisStyleID(), depth + 1);
    }

    private String styleName(String styleId) {
        if (styleId == null) {
            return "";
        }
        XWPFStyle style = word.getStyles() == null ? null : word.getStyles().getStyle(styleId);
        String name = style == null || style.getName() == null ? styleId : style.getName();
        return name.toLowerCase(Locale.ROOT);
    }
}
