package org.privacysite.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the cookie policy says is what cookies.yaml configures: in every locale of the REAL site, the
 * cookie policy has one table per category, in order, listing exactly the configured cookies in order.
 * cookies.yaml is read here with the YAML library directly, not with the generator's loader.
 */
class CookieTablesMatchConfigTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        try {
            return (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> categories() {
        return (List<Map<String, Object>>) yaml(TestPaths.repo().resolve("content/cookies.yaml")).get("categories");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cookies(Map<String, Object> category) {
        Object cookies = category.get("cookies");
        return cookies == null ? List.of() : (List<Map<String, Object>>) cookies;
    }

    @SuppressWarnings("unchecked")
    static List<String> locales() {
        return (List<String>) yaml(TestPaths.repo().resolve("content/site.yaml")).get("locales");
    }

    private static Document policy(String locale) {
        try {
            return Jsoup.parse(SiteBuilds.realSite().resolve(locale).resolve("cookies/index.html").toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> column(Element table, int index) {
        return table.select("tbody tr").stream().map(row -> row.child(index).text()).toList();
    }

    @ParameterizedTest
    @MethodSource("locales")
    void eachCategorysTableListsExactlyTheConfiguredCookiesInOrder(String locale) {
        Document page = policy(locale);
        List<Element> tables = page.select("table.cookie-table");
        assertEquals(categories().stream().map(category -> category.get("id")).toList(),
                tables.stream().map(table -> table.attr("data-category")).toList(), locale + ": one table per category, in order");
        for (int i = 0; i < tables.size(); i++) {
            Map<String, Object> category = categories().get(i);
            Element table = tables.get(i);
            List<String> names = cookies(category).stream().map(cookie -> (String) cookie.get("name")).toList();
            assertEquals(names, table.select("tbody tr th code").stream().map(Element::text).toList(),
                    locale + "/" + category.get("id") + ": cookie names");
            assertEquals(cookies(category).stream().map(cookie -> (String) cookie.get("provider")).toList(), column(table, 1),
                    locale + "/" + category.get("id") + ": providers");
        }
    }

    @Test
    void inEnglishPartyAndDurationSayWhatTheConfigurationSays() {
        Document page = policy("en");
        for (Map<String, Object> category : categories()) {
            Element table = page.selectFirst("table.cookie-table[data-category=" + category.get("id") + "]");
            List<String> parties = cookies(category).stream()
                    .map(cookie -> "third".equals(cookie.get("party")) ? "Third party" : "First party").toList();
            assertEquals(parties, column(table, 2), category.get("id") + ": party");
            List<String> durations = cookies(category).stream().map(cookie -> english((String) cookie.get("duration"))).toList();
            assertEquals(durations, column(table, 3), category.get("id") + ": duration");
        }
    }

    /** "13 months" as written in cookies.yaml, in the English the policy must show: "Session", "1 year", "13 months". */
    private static String english(String duration) {
        if (duration.equals("session")) {
            return "Session";
        }
        String[] parts = duration.split(" ");
        int amount = Integer.parseInt(parts[0]);
        String unit = parts[1].endsWith("s") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
