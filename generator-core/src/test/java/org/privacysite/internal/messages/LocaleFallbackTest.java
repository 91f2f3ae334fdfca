package org.privacysite.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The locales a locale without UI texts of its own falls back to: CLDR's parents, as ICU has them. */
class LocaleFallbackTest {

    @Test
    void aRegionalVariantFallsBackToItsLanguage() {
        assertEquals(List.of("pt-BR", "pt"), LocaleFallback.chain("pt-BR"));
        assertEquals(List.of("de-AT", "de"), LocaleFallback.chain("de-AT"));
    }

    @Test
    void cldrParentLocalesComeBeforeTruncation() {
        // CLDR: es-MX's parent is Latin American Spanish, en-GB's is international English
        assertEquals(List.of("es-MX", "es-419", "es"), LocaleFallback.chain("es-MX"));
        assertEquals(List.of("es-419", "es"), LocaleFallback.chain("es-419"));
        assertEquals(List.of("en-GB", "en-001", "en"), LocaleFallback.chain("en-GB"));
        assertEquals(List.of("zh-Hant-MO", "zh-Hant-HK", "zh-Hant"), LocaleFallback.chain("zh-Hant-MO"));
    }

    @Test
    void traditionalChineseNeverFallsBackToSimplified() {
        assertEquals(List.of("zh-Hant-HK", "zh-Hant"), LocaleFallback.chain("zh-Hant-HK"));
        assertEquals(List.of("zh-Hant"), LocaleFallback.chain("zh-Hant"), "zh is Simplified Chinese: not a parent of zh-Hant");
        // zh-TW has no script: its likely one (Hant) is written out first
        assertEquals(List.of("zh-TW", "zh-Hant-TW", "zh-Hant"), LocaleFallback.chain("zh-TW"));
    }

    @Test
    void mainlandAndSingaporeChineseGoThroughSimplifiedChineseAsIcuNamesThem() {
        // ICU names zh_CN zh_Hans_CN: the chain reaches zh-Hans, the built-in Simplified Chinese texts
        assertEquals(List.of("zh-CN", "zh-Hans-CN", "zh-Hans", "zh"), LocaleFallback.chain("zh-CN"));
        assertEquals(List.of("zh-SG", "zh-Hans-SG", "zh-Hans", "zh"), LocaleFallback.chain("zh-SG"));
        assertEquals(List.of("zh-HK", "zh-Hant-HK", "zh-Hant"), LocaleFallback.chain("zh-HK"));
        assertEquals(List.of("fr-CA", "fr"), LocaleFallback.chain("fr-CA"), "ICU names fr_CA without its script");
    }

    @Test
    void aLanguageAloneHasNoParentButRootAndGoesByItsUsualScriptToo() {
        assertEquals(List.of("fr", "fr-Latn"), LocaleFallback.chain("fr"));
    }

    @Test
    void plainZhFindsTheSimplifiedChineseBundleNamedZhHans() {
        // the unseen site lists zh; the built-in Simplified Chinese texts are messages/zh-Hans.yaml
        assertEquals(List.of("zh", "zh-Hans"), LocaleFallback.chain("zh"));
        assertEquals(List.of("zh-Hans", "zh"), LocaleFallback.chain("zh-Hans"));
    }
}
