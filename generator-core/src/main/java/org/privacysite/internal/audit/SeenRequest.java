package org.privacysite.internal.audit;

/**
 * A request to another origin than the audited site's.
 *
 * @param url       the URL without its query and fragment (they may carry a visitor's identifiers)
 * @param authority {@code host} or {@code host:port}, as categories name hosts
 */
public record SeenRequest(String url, String host, String authority, String page, Pass pass) {
}
