package org.privacysite.internal.audit;

import java.util.List;
import java.util.Locale;

import org.privacysite.internal.consent.ConsentConfig;

/** What {@code cookies.yaml} declares, looked up the way the audit needs it. */
final class Declarations {

    /** A declared cookie or storage key with its category. */
    record Declared(ConsentConfig.Category category, ConsentConfig.Cookie cookie) {
    }

    private final ConsentConfig config;

    Declarations(ConsentConfig config) {
        this.config = config;
    }

    ConsentConfig config() {
        return config;
    }

    /** Every declared entry, in file order. */
    List<Declared> all() {
        return config.categories().stream()
                .flatMap(category -> category.cookies().stream().map(cookie -> new Declared(category, cookie)))
                .toList();
    }

    /** The declaration of {@code name} of {@code type} (cookie, localStorage, sessionStorage): exact names before patterns. */
    Declared find(String type, String name) {
        Declared pattern = null;
        for (Declared declared : all()) {
            if (declared.cookie().type().equals(type) && declared.cookie().matches(name)) {
                if (!declared.cookie().isPattern()) {
                    return declared;
                }
                pattern = pattern == null ? declared : pattern;
            }
        }
        return pattern;
    }

    /** The category that names {@code authority} ({@code host} or {@code host:port}) in its hosts or scripts; null if none. */
    ConsentConfig.Category categoryOfHost(String authority) {
        String host = authority.contains(":") ? authority.substring(0, authority.lastIndexOf(':')) : authority;
        for (ConsentConfig.Category category : config.categories()) {
            for (String named : category.namedHosts()) {
                String wanted = named.toLowerCase(Locale.ROOT);
                if (wanted.equals(authority) || wanted.equals(host)) {
                    return category;
                }
            }
        }
        return null;
    }
}
