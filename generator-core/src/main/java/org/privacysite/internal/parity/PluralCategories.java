package org.privacysite.internal.parity;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;

/**
 * The CLDR plural categories a locale's text needs (ar: zero, one, two, few, many, other; ja: other): those of the
 * numbers 0 to 1,000 and 0.1 to 10.0. French, Spanish, Italian, Portuguese and Catalan also have 'many', but only for
 * exact millions ("1 000 000 de jours"); asking for it made every plural of a correct French text a warning.
 */
final class PluralCategories {

    private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();

    private PluralCategories() {
    }

    static Set<String> of(String locale) {
        return CACHE.computeIfAbsent(locale, PluralCategories::used);
    }

    private static Set<String> used(String locale) {
        PluralRules rules = PluralRules.forLocale(ULocale.forLanguageTag(locale));
        Set<String> used = new TreeSet<>();
        for (int n = 0; n <= 1000; n++) {
            used.add(rules.select(n));
        }
        for (int tenths = 1; tenths <= 100; tenths++) {
            used.add(rules.select(tenths / 10.0));
        }
        return Set.copyOf(used);
    }
}
