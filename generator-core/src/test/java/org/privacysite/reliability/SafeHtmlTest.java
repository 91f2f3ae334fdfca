package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a writer types reaches a page as markup: raw HTML in Markdown is an error, unsafe URLs are
 * dropped, and every text from front matter, facts, and message bundles is escaped. Pages are checked
 * by parsing them with jsoup, as a browser would.
 */
class SafeHtmlTest {

    private static final String POLICY = "content/en/privacy.md";
    /** Elements no policy body may hold. */
    private static final String FORBIDDEN_IN_BODY = "script, iframe, frame, frameset, object, embed, applet, style, link, meta, base, "
            + "form, input, button, textarea, select, option, svg, math, template";
    /** Elements no page may hold at all (the consent dialog of the templates has its own inputs and buttons). */
    private static final String FORBIDDEN_IN_PAGE = "iframe, frame, frameset, object, embed, applet, style, base, meta[http-equiv=refresh]";
    private static final Pattern UNSAFE_URL = Pattern.compile("^\\s*(javascript|vbscript|data|file):", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path temp;

    // --- Raw HTML in Markdown is rejected -------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<script src=\"https://evil.example/x.js\"></script>",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "<img src=\"x\" onerror=\"alert(1)\">",
            "<style>@import url(https://evil.example/x.css);</style>",
            "<base href=\"https://evil.example/\">",
            "<form action=\"https://evil.example/\"><input name=\"card\"><button>Pay</button></form>",
            "<textarea>x</textarea>",
            "<select><option>x</option></select>",
            "<object data=\"https://evil.example/x.swf\"></object>",
            "<embed src=\"https://evil.example/x.swf\">",
            "<svg onload=\"alert(1)\"></svg>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
            "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
            "<!-- a comment -->",
            "<div onclick=\"alert(1)\">x</div>",
            "Text with <span onmouseover=\"alert(1)\">inline</span> HTML.",
            "Text with <a href=\"javascript:alert(1)\">an inline link</a>.",
            "Text with <img src=x onerror=alert(1)> inline.",
    })
    void rawHtmlInMarkdownIsAnError(String html) {
        TestSite site = TestSite.create(temp).buildPrevious();
        site.write(POLICY, site.read(POLICY).replace("{company} is the controller.", html + "\n\n{company} is the controller."));
        site.assertBuildRejected(1, POLICY + ":11:*", "raw HTML");
    }

    // --- Unsafe URLs never reach a page -----------------------------------------------------------------

    @Test
    void javascriptAndVbscriptUrlsNeverReachAPage() {
        assertUrlsNeverReachAPage(List.of(
                "[a](javascript:alert(1))", "[b](JaVaScRiPt:alert(1))", "[c](  javascript:alert(1))",
                "[d](&#106;avascript:alert(1))", "[e](java%0ascript:alert(1))", "[f](vbscript:msgbox(1))",
                "![g](javascript:alert(1))", "<javascript:alert(1)>", "[h][ref]\n\n[ref]: javascript:alert(2)",
                "[i](javascript:alert(1) \"title\")", "[j](file:///etc/passwd)"));
    }

    @Test
    void dataUrlsNeverReachAPage() {
        assertUrlsNeverReachAPage(List.of(
                "[c](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "[k](DATA:text/html,<b>x</b>)",
                "![d](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "![e](data:image/png;base64,iVBORw0KGgo=)"));
    }

    @Test
    void droppedUrlsAreReportedToTheWriter() {
        TestSite site = TestSite.create(temp);
        site.write(POLICY, site.read(POLICY).replace("{company} is the controller.", "[a](javascript:alert(1))\n\n{company} is the controller."));
        Cli.Run build = site.build();
        Cli.Run check = build.exitCode() == 0 ? site.check() : build;
        Failures.assertUserError(check, 1, POLICY + ":11:*", "javascript:", "[content.unsafe-url]");
    }

    @Test
    void telephoneLinksArePublished() {
        TestSite site = TestSite.create(temp);
        site.write(POLICY, site.read(POLICY).replace("{company} is the controller.", "Call [+353 1 555 0142](tel:+35315550142).\n\n{company} is the controller."));
        Failures.assertSucceeded(site.build());
        assertEquals("tel:+35315550142", page(site.out.resolve("en/privacy/index.html")).select("div.policy a:contains(+353)").attr("href"));
    }

    /** Each link goes into its own paragraph of the "Who we are" clause; the build either rejects it at its line or drops the URL. */
    private void assertUrlsNeverReachAPage(List<String> links) {
        TestSite site = TestSite.create(temp);
        String policy = site.read(POLICY);
        site.write(POLICY, policy.replace("{company} is the controller.", String.join("\n\n", links) + "\n\n{company} is the controller."));
        Cli.Run run = site.build();
        if (run.exitCode() != 0) {
            Failures.assertUserError(run, 1, POLICY + ":*:*", "link");
            return;
        }
        Failures.assertSucceeded(run);
        for (Document page : pages(site.out)) {
            for (Element element : page.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    String name = attribute.getKey().toLowerCase(Locale.ROOT);
                    if (name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction")
                            || name.equals("data-src") || name.equals("srcset") || name.equals("poster")) {
                        assertFalse(UNSAFE_URL.matcher(attribute.getValue().replaceAll("[\\x00-\\x20]", "")).find(),
                                page.location() + ": unsafe URL reached the page: " + element.outerHtml());
                    }
                }
            }
        }
    }

    // --- Injections through every text source are escaped ---------------------------------------------

    @Test
    void injectionsThroughFrontMatterFactsAndBundlesStayText() throws IOException {
        TestSite site = TestSite.create(temp).withOwnTemplates().overlayFrom("hostile-input/injection-through-sources");
        Path ui = site.templates().resolve("messages/en.yaml");
        String bundle = Files.readString(ui);
        bundle = replaceMessage(bundle, "nav.skip", "<script>alert('ui')</script>");
        bundle = replaceMessage(bundle, "toc.title", "\\\"><img src=x onerror=alert('ui-toc')>");
        bundle += "language.name: \"<iframe src=javascript:alert('ui-language')>\"\n"; // optional: CLDR names the language otherwise
        Files.writeString(ui, bundle);

        Failures.assertSucceeded(site.build());

        Document privacy = page(site.out.resolve("en/privacy/index.html"));
        Document terms = page(site.out.resolve("en/terms/index.html"));
        for (Document page : pages(site.out)) {
            assertNoMarkupFromSources(page);
        }
        // ...and each attempt is there, as text.
        assertTrue(privacy.title().contains("<script>alert('title')</script>"), privacy.title());
        assertTrue(privacy.title().contains("<script>alert('site-name')</script>"), privacy.title());
        assertEquals("\"><img src=x onerror=alert('description')>", privacy.select("meta[name=description]").attr("content"));
        assertTrue(privacy.select("h1").text().contains("<script>alert('title')</script>"));
        assertTrue(privacy.select("div.policy").text().contains("<script>alert('fact')</script> is the controller"));
        assertTrue(privacy.select("div.policy a[href^=mailto:]").text().contains("\"><img src=x onerror=alert('fact-email')>"));
        assertTrue(privacy.select("a.skip-link").text().contains("<script>alert('ui')</script>"));
        assertTrue(privacy.select("#_toc-title").text().contains("\"><img src=x onerror=alert('ui-toc')>"));
        assertTrue(terms.select("h1").text().contains("\"><img src=x onerror=alert('terms-title')>"));
        String tables = terms.select("table.cookie-table").text();
        assertTrue(tables.contains("<script>alert('category')</script>"), tables);
        assertTrue(tables.contains("<form action=\"https://evil.example/\"><input name=\"card\"><button>Pay</button></form>"), tables);
        assertTrue(tables.contains("<script>alert('provider')</script>"), tables);
    }

    /** Replaces the value of {@code key: "..."} in a flat YAML bundle. */
    private static String replaceMessage(String bundle, String key, String value) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(key) + ": .*$").matcher(bundle);
        assertTrue(line.find(), "fixture: the UI bundle has " + key);
        return bundle.substring(0, line.start()) + key + ": \"" + value + "\"" + bundle.substring(line.end());
    }

    /**
     * The policy body holds no dangerous element at all; the page holds none outside the consent UI of
     * the templates; no element anywhere has an event-handler attribute or an unsafe URL; scripts are
     * only the site's own files and the inert gated tags.
     */
    static void assertNoMarkupFromSources(Document page) {
        String where = page.location();
        for (Element body : page.select("div.policy")) {
            assertTrue(body.select(FORBIDDEN_IN_BODY).isEmpty(), where + ": the policy body has " + body.select(FORBIDDEN_IN_BODY));
            for (Element image : body.select("img")) {
                assertFalse(image.attr("src").equals("x"), where + ": an injected image: " + image);
            }
        }
        assertTrue(page.select(FORBIDDEN_IN_PAGE).isEmpty(), where + ": " + page.select(FORBIDDEN_IN_PAGE));
        for (Element form : page.select("form, input, button, textarea, select")) {
            assertFalse(form.parents().select("#ps-consent, #ps-consent-dialog").isEmpty(),
                    where + ": a form element outside the consent UI: " + form);
        }
        for (Element script : page.select("script")) {
            boolean inert = script.attr("type").equals("text/plain") && script.data().isBlank();
            boolean own = script.hasAttr("src") && !script.attr("src").contains(":") && script.data().isBlank();
            assertTrue(inert || own, where + ": a script that is neither the site's own file nor an inert gated tag: " + script);
        }
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on"), where + ": event handler attribute: " + element.outerHtml());
                if (name.equals("href") || name.equals("src") || name.equals("action") || name.equals("data-src")) {
                    assertFalse(UNSAFE_URL.matcher(attribute.getValue().replaceAll("[\\x00-\\x20]", "")).find(),
                            where + ": unsafe URL: " + element.outerHtml());
                }
            }
            assertFalse(element.tagName().equals("img") && element.attr("src").equals("x"), where + ": an injected image: " + element);
        }
    }

    static List<Document> pages(Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            List<Document> pages = new ArrayList<>();
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".html")).sorted()::iterator) {
                pages.add(page(file));
            }
            assertFalse(pages.isEmpty(), "no pages in " + site);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document page(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
