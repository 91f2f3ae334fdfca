package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.internal.theme.Theme;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * A site in every language the generator has built-in UI and banner texts for, with no message file of its
 * own and nothing but content: it builds, and {@code check} finds no error (and needs no fallback).
 */
class AllBuiltInLocalesTest {

    @TempDir
    Path temp;

    /** The locales of the built-in bundles, English (the source here) first. */
    static List<String> builtInLocales() {
        List<String> locales = new ArrayList<>();
        locales.add("en");
        for (String name : Theme.builtIn().files("messages").keySet()) {
            String locale = name.substring(0, name.length() - ".yaml".length());
            if (!locale.equals("en")) {
                locales.add(locale);
            }
        }
        return locales;
    }

    /** content/site.yaml and one short policy per locale, its text naming the language in itself (CLDR). */
    private Path content(List<String> locales) throws IOException {
        Path content = temp.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yaml"), "name: Every language\nbaseUrl: https://privacy.example/\nlocales: ["
                + String.join(", ", locales) + "]\ndocuments: [privacy]\nfacts:\n  company: Example Ltd\n"
                + "  privacyEmail: privacy@example.com\n");
        for (String locale : locales) {
            ULocale language = ULocale.forLanguageTag(locale);
            String name = LocaleDisplayNames.getInstance(language).localeDisplayName(language);
            Files.createDirectories(content.resolve(locale));
            Files.writeString(content.resolve(locale).resolve("privacy.md"), "---\ntitle: " + name + "\neffective: 2026-09-01\n---\n\n"
                    + "{company}: " + name + ".\n\n## " + name + " {#contact}\n\n" + name + ": [{privacyEmail}](mailto:{privacyEmail}).\n");
        }
        return content;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;").replace("\"", "&quot;");
    }

    @Test
    void aSiteInAllFortyBuiltInLocalesBuildsAndPassesCheckWithNoBundleOfItsOwn() throws IOException {
        List<String> locales = builtInLocales();
        assertEquals(40, locales.size(), locales::toString);
        PrivacySite site = PrivacySite.builder().contentDirectory(content(locales)).threads(2).build();

        CheckResult check = site.check();
        assertEquals(List.of(), check.findings().stream().filter(Finding::isError).toList());
        assertEquals(List.of(), check.findings().stream().filter(f -> f.ruleId().startsWith("bundle.")).toList(),
                "every locale has built-in texts of its own");

        Path out = temp.resolve("out");
        BuildResult build = site.build(out);
        assertEquals(40, build.pages());
        for (String locale : locales) {
            String html = Files.readString(out.resolve(locale + "/privacy/index.html"));
            boolean rightToLeft = ULocale.forLanguageTag(locale).isRightToLeft();
            assertTrue(html.contains("lang=\"" + locale + "\"") && html.contains("dir=\"" + (rightToLeft ? "rtl" : "ltr") + "\""),
                    locale + ": " + html.substring(0, Math.min(300, html.length())));
            String skip = org.privacysite.internal.messages.MessageBundle.read(locale, Theme.builtIn().file("messages/" + locale + ".yaml"))
                    .entry("nav.skip").message().source();
            assertTrue(html.contains(escaped(skip)), locale + " shows its own built-in texts: " + skip);
            // Language names and dates come from CLDR (ICU), not from the bundles
            ULocale language = ULocale.forLanguageTag(locale);
            String name = LocaleDisplayNames.getInstance(language, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU).localeDisplayName(language);
            assertTrue(html.contains("hreflang=\"" + locale + "\" aria-current=\"page\">" + escaped(name) + "</a>"),
                    locale + " is named " + name + " in the switcher");
            DateFormat longDate = DateFormat.getDateInstance(DateFormat.LONG, language);
            longDate.setTimeZone(TimeZone.getTimeZone("UTC"));
            String effective = longDate.format(java.util.Date.from(java.time.Instant.parse("2026-09-01T00:00:00Z")));
            assertTrue(html.contains(escaped(effective)), locale + " dates its page " + effective);
        }
    }

    @Test
    void regionalLocalesShowTheBuiltInTextsOfTheirCldrParents() throws IOException {
        // locale → the built-in bundle its pages show
        java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
        shown.put("en", "en");
        shown.put("zh-CN", "zh-Hans");
        shown.put("zh-SG", "zh-Hans");
        shown.put("zh-TW", "zh-Hant");
        shown.put("zh-HK", "zh-Hant");
        shown.put("pt-BR", "pt-BR");
        shown.put("pt-PT", "pt");
        shown.put("fr-CA", "fr");
        shown.put("de-AT", "de");
        PrivacySite site = PrivacySite.builder().contentDirectory(content(List.copyOf(shown.keySet()))).threads(2).build();

        CheckResult check = site.check();
        assertEquals(List.of(), check.findings().stream().filter(Finding::isError).toList());

        Path out = temp.resolve("out");
        site.build(out);
        for (java.util.Map.Entry<String, String> locale : shown.entrySet()) {
            String html = Files.readString(out.resolve(locale.getKey() + "/privacy/index.html"));
            String skip = org.privacysite.internal.messages.MessageBundle.read(locale.getValue(),
                    Theme.builtIn().file("messages/" + locale.getValue() + ".yaml")).entry("nav.skip").message().source();
            assertTrue(html.contains("lang=\"" + locale.getKey() + "\"") && html.contains(escaped(skip)),
                    locale.getKey() + " shows the built-in " + locale.getValue() + " texts: " + skip);
        }
    }
}
