package org.privacysite.internal.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.privacysite.Location;
import org.privacysite.Severity;

/**
 * {@code content/site.yaml}: the site's name and URL, its locales (the first is the source), its
 * documents in menu order, and the shared facts that policies refer to as ICU arguments.
 *
 * @param fallbacks     per locale, the documents that may show the source text until translated
 * @param severities    per rule id, a severity that replaces the rule's default ({@code checks:} in site.yaml)
 * @param disabledRules rule ids switched {@code off}
 */
public record SiteConfig(
        Path file,
        String name,
        String baseUrl,
        List<String> locales,
        List<String> documents,
        Map<String, Object> facts,
        Map<String, Location> factLocations,
        Map<String, List<String>> fallbacks,
        Map<String, Severity> severities,
        java.util.Set<String> disabledRules) {

    /** The same configuration published under another base URL (e.g. a staging host). */
    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(file, name, url.endsWith("/") ? url : url + "/", locales, documents, facts, factLocations,
                fallbacks, severities, disabledRules);
    }

    public String sourceLocale() {
        return locales.get(0);
    }

    /** Translations only: every locale but the source. */
    public List<String> targetLocales() {
        return locales.subList(1, locales.size());
    }

    public Location location() {
        return Location.of(file);
    }

    /** Whether {@code locale} may show the source text of {@code document} when its translation is missing. */
    public boolean mayFallBack(String locale, String document) {
        return fallbacks.getOrDefault(locale, List.of()).contains(document);
    }
}
