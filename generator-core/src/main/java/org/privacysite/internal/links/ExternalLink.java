package org.privacysite.internal.links;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.privacysite.Location;

/**
 * An http(s) link found in a built page, with the place a writer fixes it (the Markdown line it came
 * from, else the page or template).
 */
public record ExternalLink(URI url, Location location) {

    public ExternalLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(location, "location");
    }

    /**
     * The link if {@code href} is an {@code http:}, {@code https:} or protocol-relative ({@code //host/...},
     * taken as https) URL; empty for anything else, including malformed URLs (the offline check reports those).
     */
    public static Optional<ExternalLink> of(String href, Location location) {
        String trimmed = href.trim();
        if (trimmed.startsWith("//")) {
            trimmed = "https:" + trimmed;
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            return Optional.of(new ExternalLink(uri, location));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
