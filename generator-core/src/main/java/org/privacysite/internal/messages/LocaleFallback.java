package org.privacysite.internal.messages;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.ibm.icu.impl.LocaleFallbackData;
import com.ibm.icu.util.ULocale;

/**
 * The locales whose texts a locale may show when it has none of its own, nearest first, following
 * CLDR's inheritance as ICU's own resource lookup does: CLDR's parent locales (es-MX → es-419 → es,
 * en-GB → en-001 → en, zh-Hant-MO → zh-Hant-HK), then truncation, where a script that is not the
 * language's usual one is never dropped (zh-Hant → root, not zh, which is Simplified Chinese). A tag
 * without a script gets its likely one first (zh-TW → zh-Hant-TW → zh-Hant).
 */
public final class LocaleFallback {

    private LocaleFallback() {
    }

    /** The language tags to try for {@code locale}, starting with {@code locale} itself, root not included. */
    public static List<String> chain(String locale) {
        Set<String> chain = new LinkedHashSet<>();
        chain.add(locale);
        ULocale current = withLikelyScript(ULocale.forLanguageTag(locale));
        while (current != null && !current.getLanguage().isEmpty()) {
            chain.add(current.toLanguageTag());
            current = parent(current);
        }
        return List.copyOf(chain);
    }

    /** {@code zh-TW} → {@code zh-Hant-TW}: the script is written out when it is not the language's usual one. */
    private static ULocale withLikelyScript(ULocale locale) {
        if (!locale.getScript().isEmpty() || locale.getCountry().isEmpty()) {
            return locale;
        }
        String likely = ULocale.addLikelySubtags(locale).getScript();
        if (likely.isEmpty() || likely.equals(defaultScript(locale.getLanguage()))) {
            return locale;
        }
        return new ULocale.Builder().setLocale(locale).setScript(likely).build();
    }

    /** CLDR's parent of {@code locale}, or null for root. */
    private static ULocale parent(ULocale locale) {
        // ICU's copy of CLDR's parentLocales (supplementalData.xml), the table its own resource bundles fall back by.
        String listed = LocaleFallbackData.PARENT_LOCALE_TABLE.get(locale.getName());
        if (listed != null) {
            return listed.equals("root") ? null : new ULocale(listed);
        }
        String language = locale.getLanguage();
        String script = locale.getScript();
        String region = locale.getCountry();
        if (!locale.getVariant().isEmpty()) {
            return new ULocale.Builder().setLanguage(language).setScript(script).setRegion(region).build();
        }
        if (!script.isEmpty() && !region.isEmpty()) {
            return new ULocale.Builder().setLanguage(language).setScript(script).build();
        }
        if (!script.isEmpty()) {
            return script.equals(defaultScript(language)) ? new ULocale(language) : null;
        }
        if (!region.isEmpty()) {
            return new ULocale(language);
        }
        return null;
    }

    private static String defaultScript(String language) {
        return ULocale.addLikelySubtags(new ULocale(language)).getScript();
    }
}
