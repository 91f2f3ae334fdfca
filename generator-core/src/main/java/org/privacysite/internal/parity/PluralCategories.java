package org.privacysite.internal.parity;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;

/** The CLDR plural categories a locale uses (ar: zero, one, two, few, many, other; ja: other). */
final class PluralCategories {

    private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();

    private PluralCategories() {
    }

    static Set<String> of(String locale) {
        return CACHE.computeIfAbsent(locale, tag -> Set.copyOf(PluralRules.forLocale(ULocale.forLanguageTag(tag)).getKeywords()));
    }
}
