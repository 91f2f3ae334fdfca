package org.privacysite.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacysite.SampleSite;

class StartTagsTest {

    /** What the link check reads of an element: its tag and attributes. */
    private static List<String> described(List<Element> elements) {
        return elements.stream().map(element -> element.normalName() + element.attributes().html()).toList();
    }

    /** Of {@code all}, the elements the link check would look at. */
    private static List<String> looked(List<Element> all) {
        return described(all.stream().filter(element -> element.hasAttr("id") || element.hasAttr("href")
                || element.hasAttr("src") || element.normalName().equals("meta") || element.normalName().equals("link")).toList());
    }

    /** The elements jsoup finds in the same piece of a body. */
    private static List<String> parsed(String markup) {
        List<Element> all = Jsoup.parseBodyFragment(markup, "").body().getAllElements();
        return looked(all.subList(1, all.size()));
    }

    @Test
    void readsTheGeneratorsOwnMarkupAsJsoupParsesIt() {
        String body = """
                <section class="notice-summary" aria-labelledby="summary"><h2 id="summary" data-source-line="6"><span class="clause-number">1.</span> Summary</h2>
                <p data-source-line="8">We keep <bdi>30 days</bdi> of logs &amp; <a href="#retention" class="xref" data-source-line="8">Section 2</a>.</p>
                <p><a href="https://example.com/?a=1&amp;b=2&quot;" data-source-line="9">x &lt; y</a><br />
                <img src="../../assets/logo.png" alt="Logo &quot;K&quot;"></p>
                <pre dir="ltr"><code class="language-text">&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>
                <div class="table-scroll" role="region" tabindex="0"><table><thead><tr><th>Name</th></tr></thead>
                <tbody><tr><td><a href="../cookies/#_ga" id="row-1">_ga</a></td></tr></tbody></table></div>
                <h2 id="retention" data-source-line="14" ID="ignored">Retention</h2></section>
                """;
        List<Element> elements = StartTags.of(body);
        assertEquals(parsed(body), described(elements));
        assertEquals("https://example.com/?a=1&b=2\"", elements.get(2).attr("href"), "entities are decoded as a parser does");
        assertEquals("retention", elements.get(elements.size() - 1).id(), "the first of a repeated attribute counts");
    }

    @Test
    void markupWithoutLinksOrIdsHasNoElementsToRead() {
        assertEquals(List.of(), StartTags.of("<p>Plain <em>text</em>.</p>\n<ul><li>one</li></ul>"));
        assertEquals(List.of(), StartTags.of(""));
    }

    /** Comments, scripts and titles hold text, not elements, for the reader as for a parser. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<p>a <!-- a comment with <a href=\"x\"> --></p><a href=\"y\">y</a>",
        "<script src=\"a.js\">document.write('<a href=\"x\">')</script><a href=\"y\">y</a>",
        "<textarea><a href=\"x\"></TEXTAREA><a id=\"y\"></a>",
        "<style>p > a { color: red }</style><p><a href=\"#y\" id=\"y\">y</a></p>",
        "<noscript><p><a href=\"cookies/\">Cookies</a></p></noscript>",
        "<button data-consent-open>Settings</button><a href=\"x\" hidden>x</a>",
    })
    void textIsReadAsAParserReadsIt(String markup) {
        List<Element> elements = StartTags.of(markup);
        assertNotNull(elements, markup);
        assertEquals(parsed(markup), described(elements));
    }

    @Test
    void aWholePageIsReadAsJsoupParsesIt() {
        String page = """
                <!DOCTYPE html>
                <html lang="ar" dir="rtl">
                <head>
                <meta charset="utf-8">
                <title>Privacy · 1 &lt; 2</title>
                <link rel="canonical" href="https://example.com/ar/privacy/">
                <link rel="alternate" hreflang="en" href="https://example.com/en/privacy/">
                <script src="../../assets/reading.js" defer></script>
                </head>
                <body>
                <!-- the theme's header -->
                <header><a class="skip-link" href="#_main">Skip</a></header>
                <main id="_main"><ol><li><a href="#a">A</a><ol><li><a href="#b">B</a></li></ol></li></ol></main>
                <footer><noscript><p>No script</p></noscript><p><a href="../cookies/#manage" data-consent-open>Settings</a></p></footer>
                <dialog id="consent"><form method="dialog"><label><input type="checkbox" id="c-analytics"> Analytics</label>
                <button type="submit" value="accept">Accept</button></form></dialog>
                </body>
                </html>
                """;
        List<Element> elements = StartTags.ofPage(page);
        assertNotNull(elements);
        assertEquals(looked(Jsoup.parse(page, "").getAllElements()), described(elements));
    }

    /** Every page of the sample site, in the built-in theme, is read without a parser, and as jsoup reads it. */
    @Test
    void theSampleSitesPagesAreReadAsJsoupParsesThem() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(SampleSite.built())) {
            pages = files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
        assertFalse(pages.isEmpty());
        for (Path file : pages) {
            String page = Files.readString(file);
            List<Element> elements = StartTags.ofPage(page);
            assertNotNull(elements, file + " is not read without a parser");
            assertEquals(looked(Jsoup.parse(page, "").getAllElements()), described(elements), file.toString());
        }
    }

    /**
     * Markup whose tree a parser builds unlike the markup (an element copied, moved, merged or dropped) or
     * of a shape the reader does not know is left to the parser (null), never half read.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "<p><b id=\"x\">a<div>b</div></b></p>", // the div closes the p: the b is copied, its id twice
        "<b id=\"x\"><p>a</b>b</p>", // a misnested end tag
        "<ul><li><b id=\"x\">a<li>b</li></b></li></ul>", // an item closes the open item, and the b in it
        "<table><a href=\"x\">a</a><tr><td>b</td></tr></table>", // the link is moved before the table
        "<table><tr><td>a</td><tr><td>b</td></tr></table>", // a row closes the open row
        "<div><td><a href=\"x\">a</a></td></div>", // a cell outside a table is dropped
        "<a href=\"1\">a<a href=\"2\">b</a></a>", // a link closes the open link
        "<form><form id=\"x\"></form></form>", // a form inside a form is dropped
        "<h2><h3 id=\"x\">a</h3></h2>", // a heading closes the open heading
        "<p>a<p>b</p></p>",
        "<p>a</br></p>",
        "<image src=\"x.png\">", // an img to a parser
        "<a_b href=\"x\">a</a_b>",
        "<svg><a href=\"x\">a</a></svg>",
        "<template><a id=\"x\"></a></template>",
        "<select><option id=\"x\">a</option></select>",
        "<!-->a<a href=\"x\">b</a>-->",
        "<!--->a<a href=\"x\">b</a>-->",
        "<!--a--!><a href=\"x\">b</a>-->",
        "<script><!--<script></script>--></script>",
        "<p><a href='single-quoted.html'>x</a></p>",
        "<p><a href=bare.html>x</a></p>",
        "<p>1 < 2</p>",
        "<?xml version=\"1.0\"?><p>a</p>",
        "<p><a href=\"unclosed",
        "<p><a href=\"x\"",
        "text ending in <",
    })
    void markupAParserWouldRearrangeIsLeftToIt(String markup) {
        assertNull(StartTags.of(markup), markup);
        assertNull(StartTags.ofPage(markup), markup);
    }

    /** A piece of a body must close what it opens and cannot bring a body of its own. */
    @ParameterizedTest
    @ValueSource(strings = {"<p>unclosed", "<body id=\"x\"><p>a</p></body>", "<html lang=\"fr\"><p>a</p></html>"})
    void aPieceOfABodyIsLeftToTheParserWhenNotSelfContained(String markup) {
        assertNull(StartTags.of(markup), markup);
    }

    @Test
    void theFirstCasesAreRearrangedByTheParserIndeed() {
        // The reason for the cases above, shown for two of them: jsoup copies the b (its id twice) and moves the link.
        assertEquals(List.of("b id=\"x\"", "b id=\"x\""), parsed("<p><b id=\"x\">a<div>b</div></b></p>"));
        List<Element> all = Jsoup.parse("<table><a href=\"x\">a</a><tr><td>b</td></tr></table>").body().getAllElements();
        assertNotEquals("table", all.get(1).normalName(), "the link goes before the table");
    }

    /**
     * Random markup from the pieces templates are made of, nested and misnested at random: whatever the reader
     * accepts, it reads as jsoup does (it may leave any of it to the parser, never read it otherwise).
     */
    @Test
    void randomMarkupIsReadAsJsoupReadsItOrLeftToIt() {
        String[] names = {"p", "div", "a", "b", "em", "span", "li", "ul", "ol", "table", "tbody", "tr", "td", "th", "h2",
            "h3", "section", "nav", "button", "form", "dl", "dt", "dd", "pre", "code", "label", "details", "summary",
            "script", "style", "title", "textarea", "noscript", "main", "header", "i", "strong", "caption", "select"};
        String[] attributes = {"", " id=\"x\"", " id=\"y\"", " href=\"#x\"", " href=\"../a/\"", " src=\"i.png\"",
            " class=\"c\"", " data-consent-open", " id=\"x\" href=\"#y\"", " href=\"?a=1&amp;b=2\""};
        java.util.Random random = new java.util.Random(21);
        int read = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder markup = new StringBuilder();
            java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
            int pieces = 1 + random.nextInt(14);
            for (int i = 0; i < pieces; i++) {
                int what = random.nextInt(10);
                if (what < 5) {
                    String name = names[random.nextInt(names.length)];
                    markup.append('<').append(name).append(attributes[random.nextInt(attributes.length)]).append('>');
                    open.push(name);
                } else if (what < 8 && !open.isEmpty()) {
                    // mostly the innermost element, sometimes another: misnesting
                    String name = random.nextInt(6) == 0 ? names[random.nextInt(names.length)] : open.pop();
                    markup.append("</").append(name).append('>');
                } else if (what == 8) {
                    markup.append(random.nextBoolean() ? "text " : "<!-- <a href=\"c\"> -->");
                } else {
                    markup.append(random.nextBoolean() ? "<br>" : "<img src=\"p.png\">");
                }
            }
            while (!open.isEmpty() && random.nextInt(4) > 0) {
                markup.append("</").append(open.pop()).append('>');
            }
            String piece = markup.toString();
            List<Element> elements = StartTags.of(piece);
            if (elements != null) {
                read++;
                assertEquals(parsed(piece), described(elements), piece);
            }
            String page = "<!DOCTYPE html><html><head><title>t</title></head><body>" + piece;
            List<Element> pageElements = StartTags.ofPage(page);
            if (pageElements != null) {
                assertEquals(looked(Jsoup.parse(page, "").getAllElements()), described(pageElements), page);
            }
        }
        assertTrue(read > 2_000, "the reader should accept a good share of well-nested markup, accepted " + read);
    }

    @Test
    void aPageMayWriteItsHtmlHeadAndBodyOnceEach() {
        assertNotNull(StartTags.ofPage("<html><head></head><body id=\"b\"><p>a</p></body></html>"));
        assertNull(StartTags.ofPage("<html><body><p>a</p></body><body id=\"x\"></body></html>"), "a second body");
        assertNull(StartTags.ofPage("<html><head><noscript><link href=\"x\"></noscript></head></html>"), "noscript in a head");
        assertNull(StartTags.ofPage("<html><head data-source-line=\"3\"></head></html>"), "the head names a Markdown line");
        assertNotNull(StartTags.ofPage("<html><body><p>a</p>"), "a page may leave its last elements open");
    }
}
