package org.privacysite.internal.audit;

import java.util.List;

/**
 * Everything the audit saw, in the order it saw it.
 *
 * @param pages      the pages each pass visited
 * @param incomplete why the audit stopped early, or null when it visited every page in every pass
 */
public record AuditRun(String origin, List<String> pages, List<SeenCookie> cookies, List<SeenStorage> storage,
                       List<SeenRequest> requests, String incomplete) {

    public AuditRun {
        pages = List.copyOf(pages);
        cookies = List.copyOf(cookies);
        storage = List.copyOf(storage);
        requests = List.copyOf(requests);
    }
}
