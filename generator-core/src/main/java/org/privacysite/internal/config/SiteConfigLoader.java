package org.privacysite.internal.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.rules.ConfigRules;
import org.privacysite.internal.yaml.YamlMap;
import org.privacysite.internal.yaml.YamlReader;

import com.ibm.icu.util.ULocale;

/** Reads and validates {@code site.yaml}. */
public final class SiteConfigLoader {

    public static final String FILE_NAME = "site.yaml";

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> LANGUAGES = Set.of(ULocale.getISOLanguages());

    private SiteConfigLoader() {
    }

    public static SiteConfig load(Path contentDirectory) {
        Path file = contentDirectory.resolve(FILE_NAME);
        Location where = Location.of(file);
        YamlMap yaml = YamlReader.readMap(where, SourceFiles.read(file, where), 0);

        String name = yaml.requireString("name");
        String baseUrl = yaml.requireString("baseUrl");
        if (!baseUrl.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw PrivacySiteException.at(yaml.locationOf("baseUrl"), ConfigRules.BASE_URL,
                    "baseUrl must be an absolute http(s) URL, like https://privacy.example.com/");
        }
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }

        List<String> locales = yaml.requireStringList("locales");
        if (locales.isEmpty()) {
            throw PrivacySiteException.at(yaml.locationOf("locales"), ConfigRules.LOCALES, "list at least one locale");
        }
        checkNames(yaml, "locales", locales, true);
        List<String> documents = yaml.requireStringList("documents");
        if (documents.isEmpty()) {
            throw PrivacySiteException.at(yaml.locationOf("documents"), ConfigRules.DOCUMENTS, "list at least one document");
        }
        checkNames(yaml, "documents", documents, false);

        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, Location> factLocations = new LinkedHashMap<>();
        YamlMap factsYaml = yaml.map("facts");
        if (factsYaml != null) {
            for (String key : factsYaml.keys()) {
                if (!key.matches("[A-Za-z][A-Za-z0-9_]*")) {
                    throw PrivacySiteException.at(factsYaml.keyLocation(key), ConfigRules.FACT_NAME,
                            "fact name '" + key + "' may only use letters, digits and _ (it is used as {" + key + "})");
                }
                Object value = factsYaml.scalar(key);
                if (value == null) {
                    throw PrivacySiteException.at(factsYaml.keyLocation(key), ConfigRules.FACT_VALUE, "fact '" + key + "' has no value");
                }
                facts.put(key, value);
                factLocations.put(key, factsYaml.keyLocation(key));
            }
        }

        Map<String, List<String>> fallbacks = new LinkedHashMap<>();
        YamlMap fallbackYaml = yaml.map("fallback");
        if (fallbackYaml != null) {
            for (String locale : fallbackYaml.keys()) {
                if (!locales.contains(locale)) {
                    throw PrivacySiteException.at(fallbackYaml.keyLocation(locale), ConfigRules.FALLBACK,
                            "fallback names locale '" + locale + "', which is not in 'locales'");
                }
                fallbacks.put(locale, fallbackYaml.requireStringList(locale));
            }
        }
        if (yaml.has("rules") && yaml.has("checks")) {
            throw PrivacySiteException.at(yaml.keyLocation("checks"), ConfigRules.RULES,
                    "'checks' is the old name of 'rules'; move its lines under 'rules'");
        }
        List<RuleSetting> rules = RuleSettingsReader.read(yaml.map(yaml.has("checks") ? "checks" : "rules"), locales, documents);
        Map<String, Location> localeLocations = new java.util.HashMap<>();
        for (int i = 0; i < locales.size(); i++) {
            localeLocations.putIfAbsent(locales.get(i), yaml.locationOf("locales", i));
        }
        return new SiteConfig(file, name, baseUrl, List.copyOf(locales), List.copyOf(documents),
                Map.copyOf(facts), Map.copyOf(factLocations), Map.copyOf(fallbacks), List.copyOf(rules), Map.copyOf(localeLocations));
    }

    /** Whether {@code value} is a locale code site.yaml accepts: BCP 47, like en, fr, pt-BR, zh-Hant. */
    public static boolean isLocaleCode(String value) {
        return LOCALE.matcher(value).matches() && LANGUAGES.contains(value.split("-")[0]);
    }

    /**
     * Why {@code value} is refused, with the code to write instead when it names a locale in another spelling: zh-hant
     * and pt-br (BCP 47 ignores case, but one spelling names the folder and the pages' addresses), zh_CN (a POSIX
     * name) or iw (the withdrawn code of Hebrew, which Java's old Locale still produced).
     */
    public static String notALocaleCode(String value) {
        ULocale parsed = ULocale.forLanguageTag(value.replace('_', '-'));
        String tag = ULocale.createCanonical(parsed).toLanguageTag();
        if (parsed.getLanguage().isEmpty() || tag.equals(value) || !isLocaleCode(tag)) {
            return "'" + value + "' is not a locale code (use BCP 47, like en, fr, pt-BR, zh-Hant)";
        }
        String written = value.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
        if (!written.equals(ULocale.forLanguageTag(tag).getLanguage())) {
            return "'" + value + "' is an old code of " + ULocale.forLanguageTag(tag).getDisplayLanguage(ULocale.ENGLISH)
                    + "; write '" + tag + "' (and name its folder " + tag + ")";
        }
        return "write '" + value + "' as '" + tag + "' (BCP 47 as this site spells it: language in lower case, script"
                + " capitalised, region in capitals, joined by hyphens; its folder is named " + tag + ")";
    }

    private static void checkNames(YamlMap yaml, String key, List<String> values, boolean locales) {
        Set<String> seen = new HashSet<>();
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            Location where = yaml.locationOf(key, i);
            if (!seen.add(value)) {
                throw PrivacySiteException.at(where, ConfigRules.DUPLICATE, "'" + value + "' is listed twice in '" + key + "'");
            }
            if (locales) {
                if (!isLocaleCode(value)) {
                    throw PrivacySiteException.at(where, ConfigRules.LOCALE, notALocaleCode(value));
                }
            } else if (!NAME.matcher(value).matches()) {
                throw PrivacySiteException.at(where, ConfigRules.DOCUMENT_NAME,
                        "document name '" + value + "' may only use lower-case letters, digits and hyphens");
            }
            checked.add(value);
        }
    }
}
