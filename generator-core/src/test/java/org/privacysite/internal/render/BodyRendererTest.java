package org.privacysite.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageParser;
import org.privacysite.internal.messages.LocaleFormatter;

/** The policy body as HTML: what the Markdown of a writer turns into, including what it must never turn into. */
class BodyRendererTest {

    private static final String HEAD = "---\ntitle: Privacy Policy\neffective: 2026-09-01\n---\n\n";

    private static final ClauseReferences REFERENCES = new ClauseReferences() {
        @Override
        public String label(String document, String key) {
            return "Section of " + (document == null ? "this" : document) + "#" + key;
        }

        @Override
        public String href(String document, String key) {
            return (document == null ? "" : "../" + document + "/") + "#" + key;
        }
    };

    private static Document render(String body, boolean sourcePositions) {
        Page page = new PageParser().parse("en", "privacy", Path.of("content/en/privacy.md"), HEAD + body);
        BodyRenderer.Context context = new BodyRenderer.Context(page, new LocaleFormatter("en"),
                Map.of("company", "ACME", "days", 30L, "effective", LocalDate.of(2026, 9, 1)), REFERENCES,
                category -> "<table data-category=\"" + category + "\"></table>", sourcePositions);
        return Jsoup.parseBodyFragment(BodyRenderer.render(context));
    }

    /** Markdown's \\{ and ICU's '{' both write a brace as text, next to facts and without any. */
    @Test
    void bracesWrittenAsTextAreShownAsBraces() {
        Document html = render("""
                ## Braces {#braces}

                Write \\{ and \\} in the form.

                {company} writes \\{name\\} and '{'name'}' for {days, plural, one {# day} other {# days}}.
                """, false);
        List<String> paragraphs = html.select("p").stream().map(Element::text).toList();
        assertEquals(List.of("Write { and } in the form.", "ACME writes {name} and {name} for 30 days."), paragraphs);
        Page page = new PageParser().parse("en", "privacy", Path.of("content/en/privacy.md"), HEAD + "## B {#b}\n\n{company} writes \\{name\\}.\n");
        assertEquals(List.of("company"), page.argumentUses().stream().map(use -> use.argument().name()).toList(),
                "a brace written as text is no argument for parity or the fact check");
        assertEquals(List.of(), page.findings());
    }

    /** In a heading too: the clause title (contents, findings) reads the brace as text, not as a fact. */
    @Test
    void aBraceWrittenAsTextInAHeading() {
        Page page = new PageParser().parse("en", "privacy", Path.of("content/en/privacy.md"), HEAD + "## Forms \\{name\\} {#forms}\n\nText.\n");
        assertEquals(List.of(), page.findings());
        assertEquals("Forms {name}", org.privacysite.internal.messages.IcuMessage.asText(page.clauses().get(0).title()));
        BodyRenderer.Context context = new BodyRenderer.Context(page, new LocaleFormatter("en"), Map.of(), REFERENCES,
                category -> "", false);
        assertEquals("Forms {name}", BodyRenderer.format(context, page.clauses().get(0).title()));
        assertEquals("1. Forms {name}", Jsoup.parseBodyFragment(BodyRenderer.render(context)).selectFirst("h2").text());
    }

    @Test
    void headingsCarryTheClauseKeyAndNumber() {
        Document html = render("## Who we are {#who-we-are}\n\n### The controller {#controller}\n", false);
        Element h2 = html.selectFirst("h2");
        assertEquals("who-we-are", h2.id());
        assertEquals("1. Who we are", h2.text());
        assertEquals("controller", html.selectFirst("h3").id());
        assertEquals("1.1 The controller", html.selectFirst("h3").text());
    }

    @Test
    void crossReferencesGetTheirLabelAndHref() {
        Document html = render("## A {#a}\n\nSee [](#a), [](cookies.md#manage) and [the cookie policy](cookies.md#manage).\n", false);
        List<Element> links = html.select("a");
        assertEquals(List.of("Section of this#a", "Section of cookies#manage", "the cookie policy"), links.stream().map(Element::text).toList());
        assertEquals(List.of("#a", "../cookies/#manage", "../cookies/#manage"), links.stream().map(a -> a.attr("href")).toList());
        assertEquals(List.of("xref", "xref", ""), links.stream().map(a -> a.attr("class")).toList());
    }

    @Test
    void icuTextIsFormatted() {
        Document html = render("## A {#a}\n\n{company} keeps it {days, plural, one {# day} other {# days}}\nfrom {effective, date, long}.\n", false);
        assertEquals("ACME keeps it 30 days from September 1, 2026.", html.selectFirst("p").text());
    }

    @Test
    void rawHtmlIsEscaped() {
        Document html = render("## A {#a}\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> here.\n", false);
        assertNull(html.selectFirst("script"));
        assertNull(html.selectFirst("img"));
        assertTrue(html.body().text().contains("<script>alert(1)</script>"), html.body().html());
    }

    @Test
    void javascriptLinksAreNeutralised() {
        Document html = render("## A {#a}\n\n[click](javascript:alert(1)) and [site](https://example.com/).\n", false);
        List<Element> links = html.select("a");
        assertFalse(links.get(0).attr("href").toLowerCase(java.util.Locale.ROOT).contains("javascript"), links.get(0).outerHtml());
        assertEquals("https://example.com/", links.get(1).attr("href"));
    }

    @Test
    void sourceLinesOnlyInCheckBuilds() {
        String body = "## A {#a}\n\nSee [](#a).\n\n## B {#b}\n";
        Document check = render(body, true);
        assertEquals("6", check.selectFirst("h2#a").attr("data-source-line"));
        assertEquals("8", check.selectFirst("a").attr("data-source-line"));
        assertEquals("10", check.selectFirst("h2#b").attr("data-source-line"));
        assertTrue(render(body, false).select("[data-source-line]").isEmpty());
    }

    @Test
    void cookieTableBlock() {
        Document html = render("## A {#a}\n\n```cookie-table analytics\n```\n", false);
        assertEquals("analytics", html.selectFirst("table").attr("data-category"));
    }

    @Test
    void codeIsLiteral() {
        Document html = render("## A {#a}\n\n```\n{company} <b>\n```\n", false);
        assertEquals("{company} <b>\n", html.selectFirst("pre code").wholeText());
    }
}
