package org.privacysite.internal.consent;

import java.nio.file.Path;
import java.util.List;

import org.privacysite.Location;

/**
 * {@code content/cookies.yaml}: the one source of the banner, the preferences dialog and the cookie
 * tables of the cookie policy.
 *
 * @param revision     bumping it asks every visitor again
 * @param expiryMonths a stored choice is asked again after this many months
 * @param storageName  the first-party cookie that stores the choice
 */
public record ConsentConfig(Path file, int revision, int expiryMonths, String storageName, List<Category> categories) {

    /** A category of cookies; {@code required} ones are always on. */
    public record Category(String id, boolean required, boolean saleOrSharing, List<Vendor> vendors,
                           List<Cookie> cookies, Location location) {

        public String nameKey() {
            return "cookies.category." + id + ".name";
        }

        public String purposeKey() {
            return "cookies.category." + id + ".purpose";
        }
    }

    public record Vendor(String name, String privacyPolicy) {
    }

    /** A cookie (or a name pattern like {@code _pk_id.*}) and what it is for. */
    public record Cookie(String name, String provider, boolean thirdParty, Duration duration, String purposeKey,
                         Location location) {
    }

    /** How long a cookie lives: a session, or an amount of days, months or years. */
    public record Duration(String unit, int amount) {
        public boolean isSession() {
            return "session".equals(unit);
        }
    }

    public Category category(String id) {
        return categories.stream().filter(category -> category.id().equals(id)).findFirst().orElse(null);
    }

    public Location location() {
        return Location.of(file);
    }
}
