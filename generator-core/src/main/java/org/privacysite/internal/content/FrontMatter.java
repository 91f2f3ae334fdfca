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
 */
public record FrontMatter(String title, String description, LocalDate effective, LocalDate updated,
                          Map<String, Object> values, Location location) {
}
