package org.privacysite.internal.consent;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.privacysite.Location;

/**
 * {@code content/cookies.yaml}: the one source of the banner, the preferences dialog, the gated
 * third-party tags and the cookie tables of the cookie policy.
 *
 * @param revision          bumping it asks every visitor again
 * @param expiryMonths      a stored choice is asked again after this many months
 * @param storageName       the first-party cookie that stores the choice
 * @param googleConsentMode whether {@code consent.js} sends Google Consent Mode v2 signals
 *                          (default denied, updated on choice)
 */
public record ConsentConfig(Path file, int revision, int expiryMonths, String storageName, List<Category> categories,
                            boolean googleConsentMode) {

    /** The Google Consent Mode v2 signals that every page denies by default when Consent Mode is on. */
    public static final List<String> CONSENT_MODE_V2_SIGNALS =
            List.of("ad_storage", "ad_user_data", "ad_personalization", "analytics_storage");

    /** Every Consent Mode signal a category may grant. */
    public static final List<String> CONSENT_MODE_SIGNALS = List.of("ad_storage", "ad_user_data", "ad_personalization",
            "analytics_storage", "functionality_storage", "personalization_storage", "security_storage");

    public ConsentConfig(Path file, int revision, int expiryMonths, String storageName, List<Category> categories) {
        this(file, revision, expiryMonths, storageName, categories, false);
    }

    /**
     * A category of cookies; {@code required} ones are always on.
     *
     * @param scripts              third-party tags that run only when the category is granted
     * @param googleConsentSignals the Consent Mode signals that granting this category grants
     * @param hosts                other hosts (a {@code host} or {@code host:port}) this category's tags and embeds
     *                             contact, besides the hosts of its {@code scripts}: what the cookie audit allows
     */
    public record Category(String id, boolean required, boolean saleOrSharing, List<Vendor> vendors,
                           List<Cookie> cookies, Location location, List<Script> scripts,
                           List<String> googleConsentSignals, List<String> hosts) {

        public Category(String id, boolean required, boolean saleOrSharing, List<Vendor> vendors, List<Cookie> cookies,
                        Location location) {
            this(id, required, saleOrSharing, vendors, cookies, location, List.of(), List.of(), List.of());
        }

        public Category(String id, boolean required, boolean saleOrSharing, List<Vendor> vendors, List<Cookie> cookies,
                        Location location, List<Script> scripts, List<String> googleConsentSignals) {
            this(id, required, saleOrSharing, vendors, cookies, location, scripts, googleConsentSignals, List.of());
        }

        /** Every host this category names: its own {@code hosts} and the hosts of its scripts ({@code host:port}). */
        public List<String> namedHosts() {
            Set<String> named = new LinkedHashSet<>(hosts);
            for (Script script : scripts) {
                String origin = script.origin();
                if (origin != null) {
                    named.add(origin.substring(origin.indexOf("://") + 3));
                }
            }
            return List.copyOf(named);
        }

        public String nameKey() {
            return "cookies.category." + id + ".name";
        }

        public String purposeKey() {
            return "cookies.category." + id + ".purpose";
        }
    }

    public record Vendor(String name, String privacyPolicy) {
    }

    /**
     * A cookie (or a name pattern like {@code _pk_id.*}, where {@code *} stands for any characters) and what it
     * is for; with {@code type} {@code localStorage} or {@code sessionStorage}, a key of the browser's storage.
     */
    public record Cookie(String name, String provider, boolean thirdParty, Duration duration, String purposeKey,
                         Location location, String type) {

        public static final String COOKIE = "cookie";
        public static final String LOCAL_STORAGE = "localStorage";
        public static final String SESSION_STORAGE = "sessionStorage";

        public Cookie(String name, String provider, boolean thirdParty, Duration duration, String purposeKey,
                      Location location) {
            this(name, provider, thirdParty, duration, purposeKey, location, COOKIE);
        }

        public boolean isCookie() {
            return COOKIE.equals(type);
        }

        public boolean isPattern() {
            return name.contains("*");
        }

        /** Whether {@code actual} is this cookie: the same name, or a name the pattern matches. */
        public boolean matches(String actual) {
            if (!isPattern()) {
                return name.equals(actual);
            }
            String regex = java.util.Arrays.stream(name.split("\\*", -1))
                    .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining(".*"));
            return actual.matches(regex);
        }
    }

    /** How long a cookie lives: a session, or an amount of days, months or years. */
    public record Duration(String unit, int amount) {
        public boolean isSession() {
            return "session".equals(unit);
        }
    }

    /**
     * A tag that loads only with consent: rendered as {@code <script type="text/plain" data-consent=...
     * data-src=...>} and turned into a real script by {@code consent.js}.
     *
     * @param src an absolute {@code https:} URL (or {@code http:} on loopback, for tests), or a path on the site's
     *            own origin starting with {@code /}
     */
    public record Script(String src, Location location) {

        /** {@code scheme://host[:port]} of an absolute URL, or null for a same-origin path. */
        public String origin() {
            URI uri = URI.create(src);
            if (uri.getScheme() == null) {
                return null;
            }
            return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        }
    }

    /** This configuration with another revision (the policy history raises it when the cookie list changed). */
    public ConsentConfig withRevision(int newRevision) {
        return new ConsentConfig(file, newRevision, expiryMonths, storageName, categories, googleConsentMode);
    }

    public Category category(String id) {
        return categories.stream().filter(category -> category.id().equals(id)).findFirst().orElse(null);
    }

    public Location location() {
        return Location.of(file);
    }

    /** The distinct origins of every gated script, in configuration order: what the CSP must allow. */
    public List<String> scriptOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        for (Category category : categories) {
            for (Script script : category.scripts()) {
                String origin = script.origin();
                if (origin != null) {
                    origins.add(origin);
                }
            }
        }
        return List.copyOf(origins);
    }

    /**
     * The Consent Mode mapping as {@code consent.js} reads it: {@code signal:category} pairs separated by
     * spaces; every v2 signal appears, with an empty category when no category grants it. Empty when
     * Consent Mode is off.
     */
    public String consentModeMapping() {
        if (!googleConsentMode) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        Set<String> mapped = new LinkedHashSet<>();
        for (Category category : categories) {
            for (String signal : category.googleConsentSignals()) {
                pairs.add(signal + ":" + category.id());
                mapped.add(signal);
            }
        }
        for (String signal : CONSENT_MODE_V2_SIGNALS) {
            if (!mapped.contains(signal)) {
                pairs.add(signal + ":");
            }
        }
        return String.join(" ", pairs);
    }
}
