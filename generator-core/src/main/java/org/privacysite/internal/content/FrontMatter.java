package org.privacysite.internal.content;

import java.time.LocalDate;
import java.util.Map;

import org.privacysite.Location;

/**
 * The YAML block at the top of a policy file.
 *
 * @param title       the page title (required)
 * @param description meta description, may be empty
 * @param effective   the date the document takes effect (required)
 * @param updated     the date of the last change; defaults to {@code effective}
 * @param values      every front-matter value, for templates
 * @param locations   where each value is written
 */
public record FrontMatter(String title, String description, LocalDate effective, LocalDate updated,
                          Map<String, Object> values, Location location, Map<String, Location> locations) {

    /** Where {@code key}'s value is written, or the front matter's start. */
    public Location locationOf(String key) {
        return locations.getOrDefault(key, location);
    }
}
