package org.privacysite.internal.importer;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Reads a saved policy page: the charset it declares (else UTF-8), its main content, and its title. */
final class HtmlReader {

    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.-]+)");

    private HtmlReader() {
    }

    static ParsedFile read(Path file, String locale, String document) {
        byte[] bytes = SourceText.bytes(file);
        String html = SourceText.decode(file, bytes, declaredCharset(bytes));
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document page = org.jsoup.Jsoup.parse(html, "", parser);
        for (Element element : page.getAllElements()) {
            element.removeAttr("data-line"); // the page's own attributes never count as ours
            int line = element.sourceRange().start().lineNumber();
            if (line > 0) {
                element.attr("data-line", String.valueOf(line));
            }
        }
        unwrapRedirects(page);
        String title = page.title().isBlank() ? null : page.title().strip();
        Element docsTitle = page.selectFirst("body p.title");
        if (title == null && docsTitle != null && !docsTitle.text().isBlank()) {
            title = docsTitle.text().strip(); // a Google Docs export: the document's Title paragraph
            docsTitle.remove();
        }
        Map<String, String> frontMatter = new LinkedHashMap<>();
        Element description = page.selectFirst("meta[name=description]");
        if (description != null && !description.attr("content").isBlank()) {
            frontMatter.put("description", description.attr("content").strip());
        }
        Element content = PolicyBody.extract(page.body());
        return SectionSplitter.split(content, file, locale, document, title, frontMatter);
    }

    /**
     * Google Docs exports send every link through {@code https://www.google.com/url?q=<the link>&sa=...}:
     * the policy links to the address the writer typed, not to Google's redirect.
     */
    private static void unwrapRedirects(Document page) {
        for (Element link : page.select("a[href^=https://www.google.com/url?]")) {
            String query = link.attr("href").substring(link.attr("href").indexOf('?') + 1);
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("q=")) {
                    link.attr("href", URLDecoder.decode(parameter.substring(2), StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** The charset a {@code <meta>} tag in the first 4 KB declares, else UTF-8. */
    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher matcher = META_CHARSET.matcher(head);
        if (matcher.find()) {
            try {
                return Charset.forName(matcher.group(1));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
