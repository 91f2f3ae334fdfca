package org.privacysite.internal.consent;

import java.net.URI;
import java.net.URISyntaxException;
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
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.rules.ConsentRules;
import org.privacysite.internal.yaml.YamlMap;
import org.privacysite.internal.yaml.YamlReader;

/** Reads and validates {@code cookies.yaml}. */
public final class ConsentConfigLoader {

    public static final String FILE_NAME = "cookies.yaml";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s+(day|days|month|months|year|years)");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");
    /** A cookie name as RFC 6265 allows it (a token). */
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** A cookie name in cookies.yaml: a token with {@code *} as a wildcard (RFC 6265 names may not hold {@code *} anyway). */
    private static final Pattern COOKIE_PATTERN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\\d{1,5})?");
    private static final List<String> TYPES = List.of(ConsentConfig.Cookie.COOKIE, ConsentConfig.Cookie.LOCAL_STORAGE,
            ConsentConfig.Cookie.SESSION_STORAGE);

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
            throw PrivacySiteException.at(yaml.locationOf("expiryMonths"), ConsentRules.EXPIRY,
                    "expiryMonths must be between 1 and 24");
        }
        String storageName = yaml.string("storageName", "consent");
        if (!COOKIE_NAME.matcher(storageName).matches()) {
            throw PrivacySiteException.at(yaml.locationOf("storageName"), ConsentRules.STORAGE_NAME,
                    "storageName '" + storageName + "' is not a valid cookie name (letters, digits and !#$%&'*+.^_`|~-)");
        }
        boolean consentMode = yaml.bool("googleConsentMode", false);
        List<ConsentConfig.Category> categories = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMap category : yaml.mapList("categories")) {
            String id = category.requireString("id");
            if (!ID.matcher(id).matches() || !ids.add(id)) {
                throw PrivacySiteException.at(category.locationOf("id"), ConsentRules.CATEGORY_ID,
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
                    throw PrivacySiteException.at(cookie.locationOf("party"), ConsentRules.PARTY, "party must be 'first' or 'third'");
                }
                String type = cookie.string("type", ConsentConfig.Cookie.COOKIE);
                if (!TYPES.contains(type)) {
                    throw PrivacySiteException.at(cookie.locationOf("type"), ConsentRules.COOKIE_TYPE,
                            "type must be 'cookie' (the default), 'localStorage' or 'sessionStorage'");
                }
                cookies.add(new ConsentConfig.Cookie(cookieName(cookie, type), cookie.requireString("provider"),
                        party.equals("third"), duration(cookie), cookie.requireString("purpose"), cookie.location(), type));
            }
            categories.add(new ConsentConfig.Category(id, category.bool("required", false),
                    category.bool("saleOrSharing", false), List.copyOf(vendors), List.copyOf(cookies), category.location(),
                    scripts(category), consentSignals(id, category), hosts(category)));
        }
        if (categories.stream().noneMatch(ConsentConfig.Category::required)) {
            throw PrivacySiteException.at(yaml.locationOf("categories"), ConsentRules.NECESSARY,
                    "one category must be 'required: true' (the strictly necessary cookies)");
        }
        return new ConsentConfig(file, revision, expiryMonths, storageName, List.copyOf(categories), consentMode);
    }

    /**
     * A cookie's name, or a pattern where {@code *} stands for any characters ({@code _ga_*}); a storage key may
     * hold any characters but spaces.
     */
    private static String cookieName(YamlMap cookie, String type) {
        String name = cookie.requireString("name").trim();
        boolean valid = type.equals(ConsentConfig.Cookie.COOKIE) ? COOKIE_PATTERN.matcher(name).matches()
                : !name.isEmpty() && name.chars().noneMatch(Character::isWhitespace);
        if (!valid || name.replace("*", "").isEmpty()) {
            throw PrivacySiteException.at(cookie.locationOf("name"), ConsentRules.COOKIE_NAME, "'" + name + "' is not a "
                    + (type.equals(ConsentConfig.Cookie.COOKIE)
                            ? "cookie name or name pattern: use the letters, digits and !#$%&'+.^_`|~- that cookie names "
                                    + "have, and * for any characters (like _ga_*)"
                            : type + " key: write the key without spaces, with * for any characters (like cart_*)"));
        }
        return name;
    }

    /** {@code hosts: [ads.example, cdn.example:8443]}: hosts the category's tags and embeds contact. */
    private static List<String> hosts(YamlMap category) {
        if (!category.has("hosts")) {
            return List.of();
        }
        List<String> hosts = category.requireStringList("hosts");
        for (int i = 0; i < hosts.size(); i++) {
            if (!HOST.matcher(hosts.get(i)).matches()) {
                throw PrivacySiteException.at(category.locationOf("hosts", i), ConsentRules.HOST, "'" + hosts.get(i)
                        + "' is not a host name: write it in lower case without scheme or path, like ads.example.com "
                        + "(or ads.example.com:8443)");
            }
        }
        return List.copyOf(hosts);
    }

    /** {@code scripts: [{src: https://...}]}: tags that load only once the category is granted. */
    private static List<ConsentConfig.Script> scripts(YamlMap category) {
        List<ConsentConfig.Script> scripts = new ArrayList<>();
        for (YamlMap script : category.mapList("scripts")) {
            String src = script.requireString("src").trim();
            String problem = checkScriptSource(src);
            if (problem != null) {
                throw PrivacySiteException.at(script.locationOf("src"), ConsentRules.SCRIPT_SRC, "script src '" + src + "' " + problem);
            }
            scripts.add(new ConsentConfig.Script(src, script.locationOf("src")));
        }
        return List.copyOf(scripts);
    }

    /** Null when {@code src} can be a gated script, else what is wrong with it. */
    static String checkScriptSource(String src) {
        if (src.startsWith("/") && !src.startsWith("//")) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(src);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an https:// URL or a path on this site starting with /";
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return "must use https:// (browsers block http:// scripts on an https:// site)";
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /**
     * The Google Consent Mode signals granted with the category: {@code googleConsentSignals: [...]}, or by
     * default {@code analytics_storage} for 'analytics' and the three ad signals for 'marketing'.
     */
    private static List<String> consentSignals(String id, YamlMap category) {
        if (!category.has("googleConsentSignals")) {
            return switch (id) {
                case "analytics" -> List.of("analytics_storage");
                case "marketing" -> List.of("ad_storage", "ad_user_data", "ad_personalization");
                default -> List.of();
            };
        }
        List<String> signals = category.requireStringList("googleConsentSignals");
        for (int i = 0; i < signals.size(); i++) {
            if (!ConsentConfig.CONSENT_MODE_SIGNALS.contains(signals.get(i))) {
                throw PrivacySiteException.at(category.locationOf("googleConsentSignals", i), ConsentRules.CONSENT_MODE_SIGNAL,
                        "'" + signals.get(i) + "' is not a Google Consent Mode signal; use one of "
                                + String.join(", ", ConsentConfig.CONSENT_MODE_SIGNALS));
            }
        }
        return List.copyOf(signals);
    }

    private static ConsentConfig.Duration duration(YamlMap cookie) {
        String text = cookie.requireString("duration").trim().toLowerCase(Locale.ROOT);
        if (text.equals("session")) {
            return new ConsentConfig.Duration("session", 0);
        }
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw PrivacySiteException.at(cookie.locationOf("duration"), ConsentRules.DURATION,
                    "duration '" + text + "' must be 'session' or a number with days, months or years, like '13 months'");
        }
        String unit = matcher.group(2).endsWith("s") ? matcher.group(2) : matcher.group(2) + "s";
        if (matcher.group(1).length() > 5) {
            throw PrivacySiteException.at(cookie.locationOf("duration"), ConsentRules.DURATION,
                    "duration '" + text + "' is implausibly long; write it in years, like '2 years'");
        }
        return new ConsentConfig.Duration(unit, Integer.parseInt(matcher.group(1)));
    }
}
