package org.privacysite.internal.consent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.content.SourceFiles;
import org.privacysite.internal.yaml.YamlMap;
import org.privacysite.internal.yaml.YamlReader;

/** Reads and validates {@code cookies.yaml}. */
public final class ConsentConfigLoader {

    public static final String FILE_NAME = "cookies.yaml";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s+(day|days|month|months|year|years)");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");

    private ConsentConfigLoader() {
    }

    /** The consent configuration, or null when the site has no {@code cookies.yaml}. */
    public static ConsentConfig load(Path contentDirectory) {
        Path file = contentDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Location where = Location.of(file);
        YamlMap yaml = YamlReader.readMap(where, SourceFiles.read(file, where), 0);
        int revision = yaml.integer("revision", 1);
        int expiryMonths = yaml.integer("expiryMonths", 6);
        if (expiryMonths < 1 || expiryMonths > 24) {
            throw PrivacySiteException.at(yaml.locationOf("expiryMonths"), "consent.expiry",
                    "expiryMonths must be between 1 and 24");
        }
        String storageName = yaml.string("storageName", "consent");
        List<ConsentConfig.Category> categories = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMap category : yaml.mapList("categories")) {
            String id = category.requireString("id");
            if (!ID.matcher(id).matches() || !ids.add(id)) {
                throw PrivacySiteException.at(category.locationOf("id"), "consent.category-id",
                        "category id '" + id + "' must be unique and use lower-case letters, digits, _ or -");
            }
            List<ConsentConfig.Vendor> vendors = new ArrayList<>();
            for (YamlMap vendor : category.mapList("vendors")) {
                vendors.add(new ConsentConfig.Vendor(vendor.requireString("name"), vendor.string("privacyPolicy", "")));
            }
            List<ConsentConfig.Cookie> cookies = new ArrayList<>();
            for (YamlMap cookie : category.mapList("cookies")) {
                String party = cookie.string("party", "first");
                if (!party.equals("first") && !party.equals("third")) {
                    throw PrivacySiteException.at(cookie.locationOf("party"), "consent.party", "party must be 'first' or 'third'");
                }
                cookies.add(new ConsentConfig.Cookie(cookie.requireString("name"), cookie.requireString("provider"),
                        party.equals("third"), duration(cookie), cookie.requireString("purpose"), cookie.location()));
            }
            categories.add(new ConsentConfig.Category(id, category.bool("required", false),
                    category.bool("saleOrSharing", false), List.copyOf(vendors), List.copyOf(cookies), category.location()));
        }
        if (categories.stream().noneMatch(ConsentConfig.Category::required)) {
            throw PrivacySiteException.at(yaml.locationOf("categories"), "consent.necessary",
                    "one category must be 'required: true' (the strictly necessary cookies)");
        }
        return new ConsentConfig(file, revision, expiryMonths, storageName, List.copyOf(categories));
    }

    private static ConsentConfig.Duration duration(YamlMap cookie) {
        String text = cookie.requireString("duration").trim().toLowerCase(Locale.ROOT);
        if (text.equals("session")) {
            return new ConsentConfig.Duration("session", 0);
        }
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw PrivacySiteException.at(cookie.locationOf("duration"), "consent.duration",
                    "duration '" + text + "' must be 'session' or a number with days, months or years, like '13 months'");
        }
        String unit = matcher.group(2).endsWith("s") ? matcher.group(2) : matcher.group(2) + "s";
        return new ConsentConfig.Duration(unit, Integer.parseInt(matcher.group(1)));
    }
}
