package org.privacysite.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartTagsTest {

    /** What the link check reads of an element: its tag and attributes. */
    private static List<String> described(List<Element> elements) {
        return elements.stream().map(element -> element.normalName() + element.attributes().html()).toList();
    }

    /** The elements jsoup finds in the same markup that the link check would look at. */
    private static List<String> parsed(String markup) {
        List<Element> all = Jsoup.parseBodyFragment(markup, "").body().getAllElements();
        return described(all.subList(1, all.size()).stream().filter(element -> element.hasAttr("id") || element.hasAttr("href")
                || element.hasAttr("src") || element.normalName().equals("meta") || element.normalName().equals("link")).toList());
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

    /** Markup the generator does not write itself is left to the parser (null), never half read. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<p>a <!-- a comment with <a href=\"x\"> --></p>",
        "<p><a href='single-quoted.html'>x</a></p>",
        "<p><a href=bare.html>x</a></p>",
        "<p>1 < 2</p>",
        "<script>document.write('<a href=\"x\">')</script>",
        "<textarea><a href=\"x\"></textarea>",
        "<template><a id=\"x\"></a></template>",
        "<p><a href=\"unclosed",
        "<p><a href=\"x\"",
        "text ending in <",
    })
    void markupOfAnyOtherShapeIsLeftToTheParser(String markup) {
        assertNull(StartTags.of(markup));
    }
}
