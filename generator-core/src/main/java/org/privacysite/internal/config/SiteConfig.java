package org.privacysite.internal.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.privacysite.Location;

/**
 * {@code content/site.yaml}: the site's name and URL, its locales (the first is the source), its
 * documents in menu order, and the shared facts that policies refer to as ICU arguments.
 *
 * @param fallbacks     per locale, the documents that may show the source text until translated
 * @param rules         site.yaml's {@code rules:}: levels of rules for the site, a locale, a document or a clause
 * @param localeLocations where each locale is written in {@code locales}
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
        List<RuleSetting> rules,
        Map<String, Location> localeLocations) {

    /** The same configuration published under another base URL (e.g. a staging host). */
    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(file, name, url.endsWith("/") ? url : url + "/", locales, documents, facts, factLocations,
                fallbacks, rules, localeLocations);
    }

    /** The same configuration with other locales (the first is still the source). */
    public SiteConfig withLocales(List<String> others) {
        return new SiteConfig(file, name, baseUrl, List.copyOf(others), documents, facts, factLocations, fallbacks, rules, localeLocations);
    }

    public String sourceLocale() {
        return locales.get(0);
    }

    /** Translations only: every locale but the source. */
    public List<String> targetLocales() {
        return locales.subList(1, locales.size());
    }

    /**
     * The setting that decides a finding of {@code ruleId} at this place (the most specific one that
     * matches), if site.yaml has one; {@code locale}, {@code document} and {@code clause} may be null.
     */
    public java.util.Optional<RuleSetting> ruleSetting(String ruleId, String locale, String document, String clause) {
        RuleSetting best = null;
        for (RuleSetting setting : rules) {
            if (setting.matches(ruleId, locale, document, clause) && (best == null || setting.specificity() > best.specificity())) {
                best = setting;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    public Location location() {
        return Location.of(file);
    }

    /** Where {@code locale} is written in site.yaml's {@code locales}, or site.yaml itself (a locale added in memory). */
    public Location locationOf(String locale) {
        return localeLocations.getOrDefault(locale, location());
    }

    /** Whether {@code locale} may show the source text of {@code document} when its translation is missing. */
    public boolean mayFallBack(String locale, String document) {
        return fallbacks.getOrDefault(locale, List.of()).contains(document);
    }
}
