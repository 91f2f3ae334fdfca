package org.privacysite.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.PrivacySiteException;

class SiteConfigLoaderTest {

    @TempDir
    Path content;

    private SiteConfig load(String yaml) throws IOException {
        Files.writeString(content.resolve("site.yaml"), yaml, StandardCharsets.UTF_8);
        return SiteConfigLoader.load(content);
    }

    private Finding failure(String yaml, String rule, int line, int column) throws IOException {
        Files.writeString(content.resolve("site.yaml"), yaml, StandardCharsets.UTF_8);
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> SiteConfigLoader.load(content));
        assertEquals(1, e.findings().size(), e::getMessage);
        Finding finding = e.findings().get(0);
        assertEquals(rule, finding.ruleId(), finding::toString);
        assertEquals(content.resolve("site.yaml"), finding.location().file());
        assertEquals(line, finding.location().line(), () -> "line of " + finding);
        assertEquals(column, finding.location().column(), () -> "column of " + finding);
        return finding;
    }

    @Test
    void validFile() throws IOException {
        SiteConfig config = load("""
                # comment
                name: Kestrel VPN Privacy Center
                baseUrl: https://privacy.kestrelvpn.example
                locales: [en, fr, pt-BR, zh-Hant, es-419]
                documents:
                  - privacy
                  - cookies
                facts:
                  company: Kestrel Networks Limited
                  companyNumber: "IE 748213"
                  accountRetentionDays: 30
                  incorporated: 2019-03-14
                fallback:
                  fr: [cookies]
                """);
        assertEquals("Kestrel VPN Privacy Center", config.name());
        assertEquals("https://privacy.kestrelvpn.example/", config.baseUrl(), "a trailing slash is added");
        assertEquals(List.of("en", "fr", "pt-BR", "zh-Hant", "es-419"), config.locales());
        assertEquals("en", config.sourceLocale());
        assertEquals(List.of("fr", "pt-BR", "zh-Hant", "es-419"), config.targetLocales());
        assertEquals(List.of("privacy", "cookies"), config.documents());
        assertEquals("Kestrel Networks Limited", config.facts().get("company"));
        assertEquals("IE 748213", config.facts().get("companyNumber"));
        assertEquals(30L, config.facts().get("accountRetentionDays"));
        assertEquals(LocalDate.of(2019, 3, 14), config.facts().get("incorporated"));
        assertEquals(11, config.factLocations().get("accountRetentionDays").line());
        assertTrue(config.mayFallBack("fr", "cookies"));
        assertFalse(config.mayFallBack("fr", "privacy"));
        assertFalse(config.mayFallBack("pt-BR", "cookies"));
    }

    @Test
    void theRepositorySiteYamlLoads() {
        String repo = System.getProperty("privacysite.repo", "..");
        SiteConfig config = SiteConfigLoader.load(Path.of(repo, "content"));
        assertEquals("en", config.sourceLocale());
        assertTrue(config.locales().containsAll(List.of("fr", "ar", "ja")));
    }

    @Test
    void badLocaleCode() throws IOException {
        Finding finding = failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en, english]
                documents: [privacy]
                """, "config.locale", 3, 15);
        assertEquals("'english' is not a locale code (use BCP 47, like en, fr, pt-BR, zh-Hant)", finding.message());
    }

    @Test
    void localeWithUnknownLanguage() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales:
                  - en
                  - xq
                documents: [privacy]
                """, "config.locale", 5, 5);
    }

    /** zh-hant, zh_CN and iw name a locale, but were told "is not a locale code", with no word of what to write. */
    @Test
    void localeInWrongCaseIsToldTheSpellingToWrite() throws IOException {
        Finding finding = failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en, zh-hant]
                documents: [privacy]
                """, "config.locale", 3, 15);
        assertEquals("write 'zh-hant' as 'zh-Hant' (BCP 47 as this site spells it: language in lower case, script capitalised,"
                + " region in capitals, joined by hyphens; its folder is named zh-Hant)", finding.message());
    }

    @Test
    void posixLocaleNameIsToldTheHyphenatedCode() throws IOException {
        Finding finding = failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en, zh_CN]
                documents: [privacy]
                """, "config.locale", 3, 15);
        assertTrue(finding.message().startsWith("write 'zh_CN' as 'zh-CN' ("), finding::toString);
    }

    @Test
    void withdrawnHebrewCodeIsToldToWriteHe() throws IOException {
        Finding finding = failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en, iw]
                documents: [privacy]
                """, "config.locale", 3, 15);
        assertEquals("'iw' is an old code of Hebrew; write 'he' (and name its folder he)", finding.message());
    }

    @Test
    void duplicateLocale() throws IOException {
        Finding finding = failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en, fr, en]
                documents: [privacy]
                """, "config.duplicate", 3, 19);
        assertTrue(finding.message().contains("'en'"), finding::toString);
    }

    @Test
    void duplicateDocument() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en]
                documents:
                  - privacy
                  - privacy
                """, "config.duplicate", 6, 5);
    }

    @Test
    void badDocumentName() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en]
                documents: [Privacy Policy]
                """, "config.document-name", 4, 13);
    }

    @Test
    void baseUrlWithoutScheme() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: privacy.example.com
                locales: [en]
                documents: [privacy]
                """, "config.base-url", 2, 10);
    }

    @Test
    void baseUrlWithOtherScheme() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: ftp://privacy.example.com/
                locales: [en]
                documents: [privacy]
                """, "config.base-url", 2, 10);
    }

    @Test
    void missingKeyIsReportedAtTheTopOfTheFile() throws IOException {
        Finding finding = failure("""
                # site settings
                name: Kestrel
                locales: [en]
                documents: [privacy]
                """, "yaml.missing-key", 2, 1);
        assertTrue(finding.message().contains("baseUrl"), finding::toString);
    }

    @Test
    void emptyLocales() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: []
                documents: [privacy]
                """, "config.locales", 3, 10);
    }

    @Test
    void localesNotAList() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: en
                documents: [privacy]
                """, "yaml.type", 3, 10);
    }

    @Test
    void badFactName() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en]
                documents: [privacy]
                facts:
                  company: ACME
                  retention-days: 30
                """, "config.fact-name", 7, 3);
    }

    @Test
    void factWithoutValue() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en]
                documents: [privacy]
                facts:
                  company:
                """, "config.fact-value", 6, 3);
    }

    @Test
    void fallbackForUnknownLocale() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en, fr]
                documents: [privacy]
                fallback:
                  de: [privacy]
                """, "config.fallback", 6, 3);
    }

    @Test
    void duplicateKeyInSiteYaml() throws IOException {
        failure("""
                name: Kestrel
                baseUrl: https://privacy.example/
                locales: [en]
                documents: [privacy]
                locales: [fr]
                """, "yaml.duplicate-key", 5, 1);
    }

    @Test
    void missingFile() {
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> SiteConfigLoader.load(content));
        assertEquals("source.missing", e.findings().get(0).ruleId());
        assertEquals(content.resolve("site.yaml"), e.findings().get(0).location().file());
    }
}
