package org.privacysite.internal.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules of the cookie audit: what the live site did that {@code cookies.yaml} does not allow.
 * Each id comes with the one-line description that SARIF reports show.
 */
public final class AuditRules {

    /** A cookie the site set that cookies.yaml does not declare (error). */
    public static final String UNDECLARED_COOKIE = "audit.undeclared-cookie";
    /** A localStorage or sessionStorage key that cookies.yaml does not declare (error). */
    public static final String UNDECLARED_STORAGE = "audit.undeclared-storage";
    /** A cookie of an optional category set before any choice or after "Reject all" (error). */
    public static final String COOKIE_BEFORE_CONSENT = "audit.cookie-before-consent";
    /** A request to another host before any choice or after "Reject all" (error). */
    public static final String REQUEST_BEFORE_CONSENT = "audit.request-before-consent";
    /** A cookie that lives longer than cookies.yaml says (error). */
    public static final String LIFETIME_LONGER = "audit.lifetime-longer";
    /** A declared cookie the audit never saw (warning). */
    public static final String NEVER_SEEN = "audit.cookie-never-seen";
    /** A cookie from, or a request to, a host that no category names (error). */
    public static final String UNKNOWN_HOST = "audit.unknown-host";
    /** The audit stopped at its time limit before visiting every page (warning). */
    public static final String INCOMPLETE = "audit.incomplete";

    private AuditRules() {
    }

    /** One-line descriptions by rule id, for SARIF's {@code shortDescription}. */
    public static Map<String, String> descriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put(UNDECLARED_COOKIE, "The site sets a cookie that cookies.yaml does not declare, so the cookie policy does not list it.");
        descriptions.put(UNDECLARED_STORAGE, "The site keeps a localStorage or sessionStorage key that cookies.yaml does not declare.");
        descriptions.put(COOKIE_BEFORE_CONSENT, "A cookie of an optional category is set before the visitor chose, or after \"Reject all\".");
        descriptions.put(REQUEST_BEFORE_CONSENT, "The browser contacts another host before the visitor chose, or after \"Reject all\".");
        descriptions.put(LIFETIME_LONGER, "A cookie lives longer than the duration cookies.yaml declares for it.");
        descriptions.put(NEVER_SEEN, "A cookie declared in cookies.yaml was not seen on the audited pages.");
        descriptions.put(UNKNOWN_HOST, "A cookie comes from, or a request goes to, a host that no category of cookies.yaml names.");
        descriptions.put(INCOMPLETE, "The audit reached its time limit before it visited every page.");
        return descriptions;
    }
}
