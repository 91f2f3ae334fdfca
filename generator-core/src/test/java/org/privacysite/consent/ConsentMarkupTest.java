package org.privacysite.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The generated banner, dialog and footer link, without a browser: every page of the real site works
 * under its strict CSP (nothing inline), offers three equal choices, ticks nothing in advance, and hands
 * consent.js its configuration through data- attributes.
 */
class ConsentMarkupTest {

    private static final List<String> LOCALES = List.of("en", "fr", "de", "ar", "ja");

    private static List<Path> pages(Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> uiMessages(String locale) {
        try {
            String text = Files.readString(TestPaths.theme().resolve("messages").resolve(locale + ".yaml"), StandardCharsets.UTF_8);
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyPageWorksUnderTheStrictCspWithNothingInline() {
        List<Path> pages = pages(SiteBuilds.realSite());
        // 10 policy pages, the language picker, and the archive of the privacy policy: 5 languages × (an earlier
        // version, what changed in the current one, the versions index).
        assertEquals(26, pages.size(), "10 policy pages, the language picker and 15 pages of the policy history");
        for (Path file : pages) {
            Document page = parse(file);
            String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
            assertFalse(csp.contains("unsafe-inline"), file + ": " + csp);
            assertTrue(page.select("style").isEmpty(), file + ": no <style>");
            for (Element element : page.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    assertFalse(attribute.getKey().equals("style") || attribute.getKey().startsWith("on"),
                            file + ": inline " + attribute.getKey() + " on <" + element.tagName() + ">");
                }
            }
            for (Element script : page.select("script")) {
                boolean external = script.hasAttr("src") && script.data().isBlank();
                boolean gated = script.attr("type").equals("text/plain") && script.hasAttr("data-consent");
                assertTrue(external || gated, file + ": inline script " + script);
            }
            String root = page.selectFirst("script[src$=consent.js]").attr("src").replace("assets/consent.js", "");
            assertNotNull(page.selectFirst("link[rel=stylesheet][href=" + root + "assets/consent.css]"), file.toString());
        }
        assertTrue(Files.isRegularFile(SiteBuilds.realSite().resolve("assets/consent.js")));
        assertTrue(Files.isRegularFile(SiteBuilds.realSite().resolve("assets/consent.css")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "de", "ar", "ja"})
    void theBannerOffersThreeEqualChoicesInTheLocalesLanguage(String locale) {
        Document page = parse(SiteBuilds.realSite().resolve(locale).resolve("privacy/index.html"));
        Map<String, Object> ui = uiMessages(locale);
        Element banner = page.getElementById("ps-consent");
        assertTrue(banner.hasAttr("hidden"), "hidden until consent.js shows it: readable with JavaScript off");
        List<Element> buttons = banner.select("button");
        assertEquals(List.of("accept", "reject", "customize"), buttons.stream().map(b -> b.attr("data-consent-action")).toList());
        assertEquals(List.of(ui.get("consent.acceptAll"), ui.get("consent.rejectAll"), ui.get("consent.customize")),
                buttons.stream().map(Element::text).toList());
        for (Element button : buttons) {
            assertEquals("consent-button", button.className(), "equal prominence: same element and class");
            assertEquals("button", button.attr("type"));
        }
        assertEquals(ui.get("consent.banner.label"), banner.attr("aria-label"));

        Element dialog = page.getElementById("ps-consent-dialog");
        assertEquals("dialog", dialog.tagName());
        assertEquals(ui.get("consent.dialog.title"), page.getElementById(dialog.attr("aria-labelledby")).text());
        assertTrue(page.select("input[checked]").isEmpty(), "no pre-ticked box");
        for (Element box : dialog.select("input[type=checkbox]")) {
            assertNotNull(dialog.selectFirst("label[for=" + box.id() + "]"), "labelled: " + box);
            assertNotNull(page.getElementById(box.attr("aria-describedby")), "described: " + box);
        }
        assertEquals(List.of("functional", "analytics", "marketing"),
                dialog.select("input[type=checkbox]").stream().map(box -> box.attr("value")).toList());
        assertEquals(List.of("accept", "reject", "save"),
                dialog.select(".consent-actions button.consent-button").stream().map(b -> b.attr("data-consent-action")).toList());
        assertTrue(dialog.selectFirst(".consent-gpc").hasAttr("hidden"), "the GPC note shows only with the signal");
    }

    @Test
    void consentJsReadsTheConfigurationFromDataAttributes() {
        Element banner = parse(SiteBuilds.realSite().resolve("en/cookies/index.html")).getElementById("ps-consent");
        // cookies.yaml's revision (1), raised by each change of the cookie list in the content's git history
        // (see PolicyHistoryTest): the sample's list changed when its gated scripts were added.
        assertTrue(Integer.parseInt(banner.attr("data-revision")) >= 1, banner.attr("data-revision"));
        assertEquals("6", banner.attr("data-expiry"));
        assertEquals("kestrel_consent", banner.attr("data-storage"));
        assertEquals("necessary", banner.attr("data-required"));
        assertEquals("functional analytics marketing", banner.attr("data-categories"));
        assertEquals("marketing", banner.attr("data-gpc"));
        assertEquals("kestrel_locale kestrel_region kestrel_chat", banner.attr("data-cookies-functional"));
        assertEquals("_pk_id.* _pk_ses.* _pk_ref.*", banner.attr("data-cookies-analytics"));
        assertEquals("kestrel_ref adw_click adw_uid", banner.attr("data-cookies-marketing"));
        assertFalse(banner.hasAttr("data-cookies-necessary"), "necessary cookies are never deleted");
    }

    @Test
    void everyFooterHasCookieSettingsLeadingToTheManageClauseWithoutJavaScript() {
        Path site = SiteBuilds.realSite();
        for (Path file : pages(site)) {
            Document page = parse(file);
            Element link = page.selectFirst("footer a[data-consent-open]");
            assertNotNull(link, file + ": Cookie settings link");
            String href = link.attr("href");
            assertTrue(href.endsWith("/cookies/#manage"), href);
            Path target = file.getParent().resolve(href.substring(0, href.indexOf('#'))).resolve("index.html").normalize();
            assertTrue(Files.isRegularFile(target), file + " -> " + target);
            assertNotNull(parse(target).getElementById("manage"), target + " has the manage clause");
            String locale = site.relativize(target).getName(0).toString();
            assertEquals(uiMessages(locale).get("footer.cookieSettings"), link.text());
            assertNotNull(page.selectFirst("footer noscript"), "the JavaScript-off note");
        }
    }

    @Test
    void theFixturesGatedTagsAreInertAndTheirOriginIsAllowedByTheCsp() {
        Path out = SiteBuilds.fixtureSite(3, "https://third.example:8443", TestPaths.target().resolve("consent-tests/markup-fixture"));
        Document page = parse(out.resolve("en/cookies/index.html"));
        String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.contains("script-src 'self' https://third.example:8443;"), csp);
        List<String> gated = new ArrayList<>();
        for (Element script : page.select("script[data-consent]")) {
            assertEquals("text/plain", script.attr("type"));
            assertFalse(script.hasAttr("src"));
            gated.add(script.attr("data-consent") + " " + script.attr("data-src"));
        }
        assertEquals(List.of("analytics https://third.example:8443/analytics.js", "marketing https://third.example:8443/marketing.js"),
                gated);
        assertEquals("3", page.getElementById("ps-consent").attr("data-revision"));
        assertEquals("analytics_storage:analytics ad_storage:marketing ad_user_data:marketing ad_personalization:marketing",
                page.selectFirst("script[src$=consent.js]").attr("data-gcm"), "Consent Mode on in the fixture");
        assertFalse(parse(SiteBuilds.realSite().resolve("en/cookies/index.html")).selectFirst("script[src$=consent.js]")
                .hasAttr("data-gcm"), "and off in the real site");
    }

    @Test
    void everyLocaleHasTheSameConsentUiKeys() {
        TreeSet<String> source = consentKeys("en");
        for (String locale : LOCALES) {
            assertEquals(source, consentKeys(locale), locale);
        }
    }

    private static TreeSet<String> consentKeys(String locale) {
        TreeSet<String> keys = new TreeSet<>();
        for (String key : uiMessages(locale).keySet()) {
            if (key.startsWith("consent.") || key.equals("footer.cookieSettings")) {
                keys.add(key);
            }
        }
        return keys;
    }
}
