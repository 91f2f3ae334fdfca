package org.privacysite.internal.content;

import org.privacysite.Location;

/**
 * A link from a policy to a clause: {@code [](#retention)}, {@code [](cookies.md#manage)} or a
 * link with text to the same targets.
 *
 * @param document        target document, or null for the same document
 * @param key             target clause key, or null for a link to the whole document
 * @param crossReference  true when the link has no text and renders as "Section 7"
 */
public record ClauseLink(String document, String key, boolean crossReference, Location location) {

    /** The target document, with {@code null} resolved to the linking page's own document. */
    public String targetDocument(String ownDocument) {
        return document == null ? ownDocument : document;
    }
}
