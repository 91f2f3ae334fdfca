package org.privacysite.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.Severity;
import org.privacysite.internal.rules.ConfigRules;
import org.privacysite.internal.spelling.ClosestName;
import org.privacysite.internal.yaml.YamlMap;

/**
 * Reads site.yaml's {@code rules:}: per rule either a level for the whole site, or a map from targets
 * ({@code fr}, {@code privacy}, {@code fr/privacy}, {@code *}{@code /privacy#key}, {@code fr/privacy#key})
 * to levels. Whether the rule ids exist is checked later, against the catalogue; whether a clause
 * exists, once the pages are parsed.
 */
final class RuleSettingsReader {

    private static final Pattern TARGET = Pattern.compile("(\\*|[A-Za-z0-9-]+)(?:/([a-z0-9][a-z0-9-]*)(?:#([a-z][a-z0-9-]*))?)?");

    private RuleSettingsReader() {
    }

    static List<RuleSetting> read(YamlMap rules, List<String> locales, List<String> documents) {
        List<RuleSetting> settings = new ArrayList<>();
        if (rules == null) {
            return settings;
        }
        for (String rule : rules.keys()) {
            if (!rules.isMap(rule)) {
                settings.add(new RuleSetting(rule, null, null, null, level(rules, rule), rules.keyLocation(rule)));
                continue;
            }
            YamlMap targets = rules.map(rule);
            for (String target : targets.keys()) {
                settings.add(setting(rule, target, level(targets, target), targets.keyLocation(target), locales, documents));
            }
        }
        return settings;
    }

    private static Severity level(YamlMap yaml, String key) {
        String text = yaml.string(key, "");
        try {
            return RuleSetting.parseLevel(text);
        } catch (IllegalArgumentException e) {
            throw PrivacySiteException.at(yaml.locationOf(key), ConfigRules.RULES,
                    "the level of '" + key + "' must be error, warning or off, not '" + text + "'");
        }
    }

    private static RuleSetting setting(String rule, String target, Severity level, Location where,
                                       List<String> locales, List<String> documents) {
        Matcher matcher = TARGET.matcher(target);
        String hint = "; a target is a locale (fr), a document (privacy), both (fr/privacy), or one clause "
                + "(fr/privacy#retention, or */privacy#retention for every locale)";
        if (!matcher.matches()) {
            throw PrivacySiteException.at(where, ConfigRules.RULES, "'" + target + "' is not a target" + hint);
        }
        String first = matcher.group(1);
        String document = matcher.group(2);
        String clause = matcher.group(3);
        if (document == null) {
            if (locales.contains(first)) {
                return new RuleSetting(rule, first, null, null, level, where);
            }
            if (documents.contains(first)) {
                return new RuleSetting(rule, null, first, null, level, where);
            }
            throw PrivacySiteException.at(where, ConfigRules.RULES, "'" + target + "' is neither a locale nor a document of this site"
                    + " (locales: " + String.join(", ", locales) + "; documents: " + String.join(", ", documents) + ")");
        }
        String locale = first.equals("*") ? null : first;
        if (locale != null && !locales.contains(locale)) {
            throw PrivacySiteException.at(where, ConfigRules.RULES, "'" + locale + "' in '" + target
                    + "' is not a locale of this site (locales: " + String.join(", ", locales) + ")");
        }
        if (!documents.contains(document)) {
            throw PrivacySiteException.at(where, ConfigRules.RULES, "'" + document + "' in '" + target
                    + "' is not a document of this site (" + ClosestName.knownOrClosest(document, documents, "documents") + ")");
        }
        return new RuleSetting(rule, locale, document, clause, level, where);
    }
}
