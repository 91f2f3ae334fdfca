package org.privacysite.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.Severity;
import org.privacysite.internal.theme.Theme;

/**
 * A locale without UI texts of its own (none in the site's templates, none built in) shows those of its
 * nearest CLDR parent, with a warning that names it; the site's own bundle still wins over a built-in one.
 */
class UiBundleFallbackTest {

    @TempDir
    Path root;

    private Site site(String locales) {
        Path content = root.resolve("content");
        TestSites.write(content, "site.yaml", "name: Test\nbaseUrl: https://privacy.example/\nlocales: [" + locales
                + "]\ndocuments: [privacy]\nfacts:\n  company: ACME\n");
        TestSites.page(content, "en", "privacy", "Text.\n");
        return TestSites.load(root);
    }

    private static Map<String, Finding> fallbacks(Site site) {
        return site.findings().stream().filter(f -> f.ruleId().equals("bundle.fallback"))
                .collect(Collectors.toMap(f -> f.message().substring(f.message().indexOf('\'') + 1, f.message().indexOf("' ")), f -> f));
    }

    private static String builtIn(String locale) {
        return Theme.builtIn().file("messages/" + locale + ".yaml").toString();
    }

    @Test
    void aLocaleWithoutABundleShowsItsNearestCldrParentsTextsWithAWarning() {
        Site site = site("en, es-MX, zh-Hant-HK, zh-TW, en-GB, fr-CA, pt-BR");

        assertEquals(builtIn("es"), site.ui().get("es-MX").file().toString());
        assertEquals(builtIn("zh-Hant"), site.ui().get("zh-Hant-HK").file().toString());
        assertEquals(builtIn("zh-Hant"), site.ui().get("zh-TW").file().toString(), "zh-TW is Traditional Chinese (likely subtags)");
        assertEquals(builtIn("en"), site.ui().get("en-GB").file().toString());
        assertEquals(builtIn("fr"), site.ui().get("fr-CA").file().toString());
        assertEquals(builtIn("pt-BR"), site.ui().get("pt-BR").file().toString(), "a built-in bundle of its own");
        assertEquals("跳至主要內容", site.ui().get("zh-TW").entry("nav.skip").message().source());

        Map<String, Finding> warnings = fallbacks(site);
        assertEquals(List.of("en-GB", "es-MX", "fr-CA", "zh-Hant-HK", "zh-TW"), warnings.keySet().stream().sorted().toList());
        Finding mexico = warnings.get("es-MX");
        assertEquals(Severity.WARNING, mexico.severity());
        assertEquals(root.resolve("content/site.yaml"), mexico.location().file());
        assertEquals(3, mexico.location().line(), "at the locale in site.yaml's locales: " + mexico.location());
        assertEquals(15, mexico.location().column(), mexico.location().toString());
        assertEquals("locale 'es-MX' has no UI texts of its own; its pages show the built-in es texts (CLDR parents: es-419, es);"
                + " add templates/messages/es-MX.yaml for texts of its own", mexico.message());
        assertTrue(warnings.get("zh-TW").message().contains("the built-in zh-Hant texts (CLDR parents: zh-Hant-TW, zh-Hant)"),
                warnings.get("zh-TW").message());
        assertTrue(site.findings().stream().noneMatch(f -> f.isError() && f.ruleId().startsWith("bundle.")), site.findings()::toString);
    }

    @Test
    void norwegianWithoutTextsOfItsOwnShowsTheBuiltInBokmalTextsOfItsCldrChildWithAWarning() {
        Site site = site("en, no");

        assertEquals(builtIn("nb"), site.ui().get("no").file().toString());
        Finding norwegian = fallbacks(site).get("no");
        assertEquals("locale 'no' has no UI texts of its own; its pages show the built-in nb texts (a CLDR child of no);"
                + " add templates/messages/no.yaml for texts of its own", norwegian.message());
        assertTrue(site.findings().stream().noneMatch(f -> f.isError() && f.ruleId().startsWith("bundle.")), site.findings()::toString);
    }

    @Test
    void regionalChineseAndOtherRegionalLocalesFindTheBuiltInTextsOfTheirCldrParents() {
        Site site = site("en, zh-CN, zh-SG, zh-TW, zh-HK, pt-BR, fr-CA, de-AT");

        assertEquals(builtIn("zh-Hans"), site.ui().get("zh-CN").file().toString());
        assertEquals(builtIn("zh-Hans"), site.ui().get("zh-SG").file().toString());
        assertEquals("跳到主要内容", site.ui().get("zh-CN").entry("nav.skip").message().source());
        assertEquals(builtIn("zh-Hant"), site.ui().get("zh-TW").file().toString());
        assertEquals(builtIn("zh-Hant"), site.ui().get("zh-HK").file().toString());
        assertEquals(builtIn("pt-BR"), site.ui().get("pt-BR").file().toString());
        assertEquals(builtIn("fr"), site.ui().get("fr-CA").file().toString());
        assertEquals(builtIn("de"), site.ui().get("de-AT").file().toString());
        assertTrue(fallbacks(site).get("zh-CN").message().contains("the built-in zh-Hans texts (CLDR parents: zh-Hans-CN, zh-Hans)"),
                fallbacks(site).get("zh-CN").message());
        assertTrue(site.findings().stream().noneMatch(f -> f.isError() && f.ruleId().startsWith("bundle.")), site.findings()::toString);
        assertEquals(List.of(), org.privacysite.internal.parity.ParityChecker.check(site).stream()
                .filter(f -> f.ruleId().startsWith("bundle.")).toList(), "no bundle is missing");
    }

    @Test
    void theSitesOwnZhCnBundleWinsOverTheBuiltInSimplifiedChinese() {
        TestSites.write(root.resolve("templates"), "messages/zh-CN.yaml", "nav.skip: \"跳到正文\"\n");
        Site site = site("en, zh-CN");

        assertEquals(root.resolve("templates/messages/zh-CN.yaml"), site.ui().get("zh-CN").file());
        assertEquals(Map.of(), fallbacks(site));
    }

    /** zh-CN showed the built-in zh-Hans texts and ignored the site's own templates/messages/zh.yaml (zh is zh-Hans). */
    @Test
    void theSitesOwnZhBundleWinsOverTheBuiltInZhHansForZhCn() {
        TestSites.write(root.resolve("templates"), "messages/zh.yaml", "nav.skip: \"跳到正文\"\n");
        Site site = site("en, zh-CN");

        assertEquals(root.resolve("templates/messages/zh.yaml"), site.ui().get("zh-CN").file());
        assertEquals("locale 'zh-CN' has no UI texts of its own; its pages show the zh-Hans texts of templates/messages/zh.yaml"
                + " (CLDR parents: zh-Hans-CN, zh-Hans); add templates/messages/zh-CN.yaml for texts of its own",
                fallbacks(site).get("zh-CN").message());
    }

    @Test
    void plainZhShowsTheBuiltInSimplifiedChineseTextsWithoutAWarning() {
        Site site = site("en, zh, es-MX");

        assertEquals(builtIn("zh-Hans"), site.ui().get("zh").file().toString(), "zh is Simplified Chinese, built in as zh-Hans");
        assertEquals("跳到主要内容", site.ui().get("zh").entry("nav.skip").message().source());
        assertEquals(List.of("es-MX"), List.copyOf(fallbacks(site).keySet()), "zh and zh-Hans are one locale: no warning");
        assertTrue(site.findings().stream().noneMatch(f -> f.isError() && f.ruleId().startsWith("bundle.")), site.findings()::toString);
    }

    @Test
    void theSitesOwnBundleWinsOverABuiltInOneAtEachStep() {
        TestSites.write(root.resolve("templates"), "messages/es-419.yaml", "nav.skip: \"Ir al contenido\"\n");
        TestSites.write(root.resolve("templates"), "messages/fr-CA.yaml", "nav.skip: \"Passer au contenu\"\n");
        Site site = site("en, es-MX, fr-CA");

        assertEquals(root.resolve("templates/messages/es-419.yaml"), site.ui().get("es-MX").file(), "es-419 comes before es");
        assertEquals(root.resolve("templates/messages/fr-CA.yaml"), site.ui().get("fr-CA").file());
        Map<String, Finding> warnings = fallbacks(site);
        assertEquals(List.of("es-MX"), List.copyOf(warnings.keySet()), "fr-CA has texts of its own");
        assertTrue(warnings.get("es-MX").message().contains("the es-419 texts of templates/messages/es-419.yaml (CLDR parents: es-419)"),
                warnings.get("es-MX").message());
    }

    @Test
    void aLocaleWithNoParentBundleIsStillReportedMissingByTheParityCheck() {
        Site site = site("en, ca");
        assertEquals(Map.of(), fallbacks(site));
        assertEquals(List.of("bundle.missing"), org.privacysite.internal.parity.ParityChecker.check(site).stream()
                .filter(f -> f.ruleId().startsWith("bundle.")).map(Finding::ruleId).toList());
    }
}
