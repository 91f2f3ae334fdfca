package org.privacysite.internal.content;

import org.privacysite.Location;

/** A {@code cookie-table <category>} block of a page's body, recorded while parsing. */
public record CookieTableUse(String category, Location location) {
}
