package org.privacysite.internal.messages;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.util.UResourceBundle;
import com.ibm.icu.util.ULocale;

/**
 * The locales whose texts a locale may show when it has none of its own, nearest first, following
 * CLDR's inheritance as ICU's own resource lookup does: CLDR's parent locales (es-MX → es-419 → es,
 * en-GB → en-001 → en, zh-Hant-MO → zh-Hant-HK), then truncation, where a script that is not the
 * language's usual one is never dropped (zh-Hant → root, not zh, which is Simplified Chinese). A tag
 * without a script gets its likely one first (zh-TW → zh-Hant-TW → zh-Hant, zh-CN → zh-Hans-CN → zh-Hans
 * → zh), and a language alone is followed by itself with its usual script written out (zh → zh-Hans,
 * fr → fr-Latn).
 */
public final class LocaleFallback {

    /** CLDR's data for the chain, read when a chain is first asked for (a site whose locales all have texts never asks). */
    private static final class Cldr {
        /** CLDR's parentLocales (supplementalData.xml) as ICU ships them, child to parent: es_MX → es_419. */
        static final Map<String, String> PARENTS = parents();

        /** The locales ICU has data for, by name (zh_Hans_CN, de_AT). */
        static final Set<String> ICU_LOCALES = java.util.Arrays.stream(ULocale.getAvailableLocales())
                .map(ULocale::getName).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private LocaleFallback() {
    }

    private static Map<String, String> parents() {
        UResourceBundle table = UResourceBundle.getBundleInstance(ICUData.ICU_BASE_NAME, "supplementalData",
                ULocale.class.getClassLoader()).get("parentLocales");
        Map<String, String> parents = new HashMap<>();
        for (int i = 0; i < table.getSize(); i++) {
            UResourceBundle children = table.get(i);
            if (children.getType() == UResourceBundle.STRING) {
                parents.put(children.getString(), children.getKey());
            } else {
                for (String child : children.getStringArray()) {
                    parents.put(child, children.getKey());
                }
            }
        }
        return Map.copyOf(parents);
    }

    /**
     * The first tag of {@code locale}'s {@link #chain} that {@code test} accepts, or null for none. The locale itself
     * is tried first, without the CLDR data (ICU's list of locales, likely subtags) that the rest of the chain needs.
     */
    public static String first(String locale, java.util.function.Predicate<String> test) {
        if (test.test(locale)) {
            return locale;
        }
        for (String candidate : chain(locale)) {
            if (test.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The language tags to try for {@code locale}, starting with {@code locale} itself, root not included. */
    public static List<String> chain(String locale) {
        Set<String> chain = new LinkedHashSet<>();
        chain.add(locale);
        String spelledOut = withUsualScript(locale);
        if (spelledOut != null) {
            chain.add(spelledOut);
        }
        ULocale current = withLikelyScript(ULocale.forLanguageTag(locale));
        while (current != null && !current.getLanguage().isEmpty()) {
            chain.add(current.toLanguageTag());
            current = parent(current);
        }
        return List.copyOf(chain);
    }

    /**
     * A language alone with its usual script written out ({@code zh} → {@code zh-Hans}, as the built-in
     * Simplified Chinese texts are named): the same locale spelled another way; null for any other tag.
     */
    public static String withUsualScript(String locale) {
        ULocale parsed = ULocale.forLanguageTag(locale);
        if (parsed.getLanguage().isEmpty() || !parsed.getScript().isEmpty() || !parsed.getCountry().isEmpty()
                || !parsed.getVariant().isEmpty()) {
            return null;
        }
        String script = defaultScript(parsed.getLanguage());
        return script.isEmpty() ? null : parsed.getLanguage() + "-" + script;
    }

    /**
     * The same locale spelled the other way: {@code zh} ↔ {@code zh-Hans} (a language alone, and with its usual script
     * written out); null for any other tag.
     */
    public static String otherSpelling(String locale) {
        String spelledOut = withUsualScript(locale);
        if (spelledOut != null) {
            return spelledOut;
        }
        ULocale parsed = ULocale.forLanguageTag(locale);
        boolean languageAndScript = !parsed.getLanguage().isEmpty() && !parsed.getScript().isEmpty()
                && parsed.getCountry().isEmpty() && parsed.getVariant().isEmpty();
        return languageAndScript && parsed.getScript().equals(defaultScript(parsed.getLanguage())) ? parsed.getLanguage() : null;
    }

    /**
     * {@code zh-TW} → {@code zh-Hant-TW}, {@code zh-CN} → {@code zh-Hans-CN}: the script is written out when it is not
     * the language's usual one, or when ICU's own locales name the tag with its script (as its resource lookup aliases
     * zh_CN to zh_Hans_CN), so that the chain goes through zh-Hans; {@code de-AT} stays as it is.
     */
    private static ULocale withLikelyScript(ULocale locale) {
        if (!locale.getScript().isEmpty() || locale.getCountry().isEmpty()) {
            return locale;
        }
        String likely = ULocale.addLikelySubtags(locale).getScript();
        if (likely.isEmpty()) {
            return locale;
        }
        ULocale scripted = new ULocale.Builder().setLocale(locale).setScript(likely).build();
        boolean namedWithScript = Cldr.ICU_LOCALES.contains(scripted.getName()) && !Cldr.ICU_LOCALES.contains(locale.getName());
        return namedWithScript || !likely.equals(defaultScript(locale.getLanguage())) ? scripted : locale;
    }

    /** CLDR's parent of {@code locale}, or null for root. */
    private static ULocale parent(ULocale locale) {
        String listed = Cldr.PARENTS.get(locale.getName());
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
