package org.privacysite.internal.links;

import java.net.URI;

/**
 * What checking one URL found.
 *
 * @param kind   the verdict
 * @param status the final HTTP status, 0 when none was received
 * @param target for {@link Kind#MOVED} the address to link to instead; for {@link Kind#BROKEN} and
 *               {@link Kind#STATUS} the address that answered, when redirects led elsewhere; else null
 * @param detail a few words for the message (why it failed), may be empty
 * @param tries  requests made for the last address, for timeout messages
 */
record ExternalLinkOutcome(Kind kind, int status, URI target, String detail, int tries) {

    enum Kind {
        /** 2xx, directly or through temporary redirects. */
        OK,
        /** 2xx after permanent redirects (301, 308) from the link: the link should say {@code target}. */
        MOVED,
        /** 404 or 410. */
        BROKEN,
        /** Another answer that does not prove the page exists: 401, 403, 429 beyond its bounds, 5xx. */
        STATUS,
        /** No answer within the timeouts, after every try. */
        TIMEOUT,
        /** The host does not resolve, refuses connections, or TLS fails. */
        UNREACHABLE,
        /** Redirects that loop or exceed the limit. */
        REDIRECT_LOOP,
        /** Not a URL that can be requested (no host). */
        INVALID,
        /** Matched an exclude pattern: not checked. */
        EXCLUDED
    }

    ExternalLinkOutcome {
        detail = detail == null ? "" : detail;
    }

    static ExternalLinkOutcome of(Kind kind, String detail) {
        return new ExternalLinkOutcome(kind, 0, null, detail, 0);
    }

    /** Results that do not change from one minute to the next, and so may be kept in the cache file. */
    boolean cacheable() {
        return kind == Kind.OK || kind == Kind.MOVED || kind == Kind.BROKEN;
    }
}
