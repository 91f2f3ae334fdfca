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
        return render("en", body, sourcePositions);
    }

    private static Document render(String locale, String body, boolean sourcePositions) {
        Page page = new PageParser().parse(locale, "privacy", Path.of("content/" + locale + "/privacy.md"), HEAD + body);
        BodyRenderer.Context context = new BodyRenderer.Context(page, new LocaleFormatter(locale),
                Map.of("company", "ACME", "days", 30L, "effective", LocalDate.of(2026, 9, 1),
                        "phone", "+353 1 555 0142", "website", "https://kestrelvpn.example/", "arabicName", "شركة كسترل"), REFERENCES,
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
    void factsInArabicTextAreDirectionIsolated() {
        Document html = render("ar", "## أ {#a}\n\nالهاتف: {phone}، الموقع: [{website}]({website})، الشركة {company}،"
                + " المدة {days, plural, other {# يومًا}}، والاسم {arabicName}.\n", false);
        assertEquals(List.of("+353 1 555 0142", "https://kestrelvpn.example/", "ACME"),
                html.select("p bdi").stream().map(Element::text).toList(), "Latin facts and digits isolated; Arabic ones and formatted numbers not");
        assertEquals("https://kestrelvpn.example/", html.selectFirst("a > bdi").text());
    }

    @Test
    void factsInLeftToRightTextAreIsolatedOnlyWhenRightToLeft() {
        Document html = render("## A {#a}\n\nCall {phone} at [{website}]({website}), {company}, {arabicName}.\n", false);
        assertEquals(List.of("شركة كسترل"), html.select("bdi").stream().map(Element::text).toList());
        assertEquals("Call +353 1 555 0142 at https://kestrelvpn.example/, ACME, شركة كسترل.", html.selectFirst("p").text());
    }

    @Test
    void codeAndUrlLinkTextsAreLeftToRightInArabicText() {
        Document html = render("ar", "## أ {#a}\n\nملف تعريف `_pk_id` لدى [www.dataprotection.ie](https://www.dataprotection.ie)"
                + " و[اللجنة](https://www.dataprotection.ie).\n\n```\nkey: value\n```\n", false);
        assertEquals("ltr", html.selectFirst("code").attr("dir"));
        assertEquals("ltr", html.selectFirst("pre").attr("dir"));
        List<Element> links = html.select("a");
        assertEquals("ltr", links.get(0).attr("dir"), "a URL as link text");
        assertFalse(links.get(1).hasAttr("dir"), "Arabic link text keeps the text's direction");
        assertFalse(render("## A {#a}\n\n`_pk_id` at [www.x.ie](https://www.x.ie)\n", false).html().contains("dir="),
                "left-to-right text is unchanged");
    }

    @Test
    void tablesScrollInALabelledFocusableRegion() {
        Document html = render("## Purposes {#purposes}\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n| C |\n|---|\n| 3 |\n", false);
        List<Element> regions = html.select("div.table-scroll[role=region][tabindex=0]");
        assertEquals(2, regions.size(), html.html());
        assertEquals(List.of("Purposes", "Purposes (2)"), regions.stream().map(r -> r.attr("aria-label")).toList(),
                "each region named after its clause, uniquely");
        assertEquals("A", regions.get(0).selectFirst("table > thead th").text(), "the table itself is rendered as before");
    }

    @Test
    void linksWhoseTextIsTheAddressAreMarkedBare() {
        Document html = render("## A {#a}\n\n[{website}]({website}), [mail](mailto:a@b.example), [a@b.example](mailto:a@b.example)\n", false);
        assertEquals(List.of("bare", "", "bare"), html.select("a").stream().map(a -> a.attr("class")).toList());
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
