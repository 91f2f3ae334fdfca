package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** The cookie audit: what the live site did that cookies.yaml does not allow. */
public final class AuditRules {

    public static final Rule UNDECLARED_COOKIE = Rule.error("audit.undeclared-cookie", "Cookie not declared",
            "A cookie the cookie policy does not list is a cookie visitors never agreed to, and the commonest ground for "
                    + "a regulator's cookie fine.",
            "Declare it in cookies.yaml under its category (audit --propose writes a draft), or stop setting it.",
            "content/cookies.yaml: cookie 'fx_promo' (domain shop.example, path /, lives 24 hours) is set on "
                    + "https://shop.example/en/ before any choice by the Set-Cookie header of https://shop.example/en/, "
                    + "but cookies.yaml does not declare it");
    public static final Rule UNDECLARED_STORAGE = Rule.error("audit.undeclared-storage", "Storage key not declared",
            "localStorage and sessionStorage are covered by the same consent rules as cookies (ePrivacy art. 5(3)).",
            "Declare the key in cookies.yaml with type: localStorage or type: sessionStorage, or stop writing it.",
            "content/cookies.yaml: localStorage key 'cart_id' is written on https://shop.example/en/ before any choice, "
                    + "but cookies.yaml does not declare it");
    public static final Rule COOKIE_BEFORE_CONSENT = Rule.error("audit.cookie-before-consent",
            "Optional cookie without consent",
            "Only strictly necessary cookies may be set before the visitor accepts, or after \"Reject all\".",
            "Load what sets it through the consent banner (the category's scripts:), or move it to the necessary "
                    + "category if it truly is.",
            "content/cookies.yaml:45:9: cookie 'fx_ref' of the optional category 'marketing' is set on "
                    + "https://shop.example/landing/ before any choice by the script https://ads.example/tag.js");
    public static final Rule REQUEST_BEFORE_CONSENT = Rule.error("audit.request-before-consent",
            "Third-party request without consent",
            "A request to another host hands it the visitor's address and browser before they agreed to anything.",
            "Load it through the consent banner (the category's scripts:), or name the host in the necessary category "
                    + "if it truly is (a CDN, say).",
            "content/cookies.yaml: the browser contacted ads.example (https://ads.example/tag.js) on "
                    + "https://shop.example/landing/ before any choice");
    public static final Rule LIFETIME_LONGER = Rule.error("audit.lifetime-longer", "Cookie lives longer than declared",
            "The cookie policy promises how long each cookie lasts; keeping it longer breaks that promise.",
            "Declare the longer duration in cookies.yaml, or shorten the cookie's lifetime.",
            "content/cookies.yaml:30:9: cookie '_pk_id.1a2b' lives 400 days, longer than the 12 months cookies.yaml "
                    + "declares for '_pk_id.*'");
    public static final Rule NEVER_SEEN = Rule.warning("audit.cookie-never-seen", "Declared cookie never seen",
            "A cookie the policy lists but the site no longer sets makes the policy longer and less true.",
            "Remove it from cookies.yaml if the site no longer sets it; otherwise audit the pages that set it (--pages, --sitemap).",
            "content/cookies.yaml:21:9: cookie 'fx_locale' of category 'functional' is declared, but the audit did not "
                    + "see it on the 2 pages it visited in three passes");
    public static final Rule UNKNOWN_HOST = Rule.error("audit.unknown-host", "Host no category names",
            "Visitors consent to categories; a host outside every category receives data nobody consented to.",
            "Add the host to the hosts: or scripts: of the category whose vendor it is, or remove what loads it.",
            "content/cookies.yaml: the browser contacted pixel.example (https://pixel.example/p.gif) on "
                    + "https://shop.example/en/ after \"Accept all\", and no category of cookies.yaml names that host");
    public static final Rule INCOMPLETE = Rule.warning("audit.incomplete", "Audit stopped at its time limit",
            "Pages the audit did not visit may set cookies nobody checked.",
            "Allow more time with --time-limit, or audit fewer pages with --pages.",
            "content/cookies.yaml: the audit reached its time limit of 300 seconds after \"Accept all\", after 7 of 10 pages");

    private AuditRules() {
    }

    public static List<Rule> all() {
        return List.of(UNDECLARED_COOKIE, UNDECLARED_STORAGE, COOKIE_BEFORE_CONSENT, REQUEST_BEFORE_CONSENT, LIFETIME_LONGER,
                NEVER_SEEN, UNKNOWN_HOST, INCOMPLETE);
    }
}
