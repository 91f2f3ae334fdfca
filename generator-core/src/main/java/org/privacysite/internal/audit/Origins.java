package org.privacysite.internal.audit;

import java.net.URI;
import java.util.Locale;

/** The origin and authority of a URL, as the audit compares them. */
final class Origins {

    private Origins() {
    }

    /** {@code scheme://host[:port]}, lower case, the default port left out; empty for a URL without a host. */
    static String of(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority(uri);
    }

    static String of(String url) {
        try {
            return of(URI.create(url));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** {@code host} or {@code host:port} (without a default port). */
    static String authority(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
        return defaultPort ? host : host + ":" + port;
    }

    /** The URL without query and fragment: what the audit keeps of a request. */
    static String withoutQuery(URI uri) {
        return of(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
