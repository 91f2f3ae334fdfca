package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** cookies.yaml: the cookie categories, the cookies, and the scripts loaded only with consent. */
public final class ConsentRules {

    public static final Rule MISSING = Rule.error("consent.missing", "cookies.yaml missing",
            "A cookie table needs the cookie list; without it the cookie policy would list nothing.",
            "Create content/cookies.yaml, or remove the cookie-table block.",
            "content/en/cookies.md:20:1: a cookie-table block needs content/cookies.yaml, which does not exist");
    public static final Rule UNKNOWN_CATEGORY = Rule.error("consent.unknown-category", "Unknown cookie category",
            "A table of a category the banner does not offer would describe cookies nobody can consent to.",
            "Use a category id that cookies.yaml defines.",
            "content/en/cookies.md:20:1: cookie-table names category 'ads', which cookies.yaml does not define");
    public static final Rule MESSAGE_MISSING = Rule.error("consent.message-missing", "Text for a category or cookie missing",
            "The banner and the cookie tables would show a key instead of a purpose readers can understand.",
            "Add the message to <source locale>/messages.yaml.",
            "content/cookies.yaml:12:7: cookie '_pk_id' needs the message 'cookie.pk_id.purpose' in en/messages.yaml");
    public static final Rule EXPIRY = Rule.error("consent.expiry", "Consent kept too long or too short",
            "Regulators expect consent to be asked again after a reasonable time (at most 24 months here).",
            "Set expiryMonths between 1 and 24.",
            "content/cookies.yaml:2:15: expiryMonths must be between 1 and 24");
    public static final Rule STORAGE_NAME = Rule.error("consent.storage-name", "Consent cookie name not usable",
            "The banner stores the visitor's choice under this name; an invalid name loses the choice.",
            "Use letters, digits and !#$%&'*+.^_`|~- only.",
            "content/cookies.yaml:3:14: storageName 'my consent' is not a valid cookie name");
    public static final Rule CATEGORY_ID = Rule.error("consent.category-id", "Category id not usable",
            "Category ids identify the visitor's choices; a duplicate would merge two choices into one.",
            "Use a unique id of lower-case letters, digits, _ or -.",
            "content/cookies.yaml:8:9: category id 'Analytics' must be unique and use lower-case letters, digits, _ or -");
    public static final Rule PARTY = Rule.error("consent.party", "Cookie party not first or third",
            "Readers have a right to know whether a cookie is the company's own or a third party's.",
            "Write party: first or party: third.",
            "content/cookies.yaml:14:16: party must be 'first' or 'third'");
    public static final Rule NECESSARY = Rule.error("consent.necessary", "No strictly necessary category",
            "The banner's own cookie is strictly necessary; a site needs one category that is always on.",
            "Mark one category 'required: true'.",
            "content/cookies.yaml:5:1: one category must be 'required: true' (the strictly necessary cookies)");
    public static final Rule SCRIPT_SRC = Rule.error("consent.script-src", "Script address not allowed",
            "A consent-gated script must be loaded from an address the security policy allows, over https.",
            "Use an https:// address or a path on the site.",
            "content/cookies.yaml:22:14: script src 'http://tracker.example/t.js' must use https");
    public static final Rule CONSENT_MODE_SIGNAL = Rule.error("consent.consent-mode-signal", "Unknown consent-mode signal",
            "A misspelled signal would never be granted, or never be refused.",
            "Use one of the signal names the message lists.",
            "content/cookies.yaml:11:9: 'ad_storag' is not a Google consent-mode signal");
    public static final Rule DURATION = Rule.error("consent.duration", "Cookie duration not readable",
            "The cookie tables tell readers how long each cookie lasts; a duration that cannot be read cannot be shown.",
            "Write 'session' or a number with days, months or years, like '13 months'.",
            "content/cookies.yaml:16:19: duration 'a while' must be 'session' or a number with days, months or years");

    public static final Rule COOKIE_NAME = Rule.error("consent.cookie-name", "Cookie name or pattern not usable",
            "The banner deletes a category's cookies by name, and the cookie audit matches what the site sets against "
                    + "these names; a name no cookie can have matches nothing.",
            "Use the letters, digits and !#$%&'+.^_`|~- of cookie names, and * for any characters (like _ga_*).",
            "content/cookies.yaml:12:15: '_ga_[0-9]+' is not a cookie name or name pattern");
    public static final Rule COOKIE_TYPE = Rule.error("consent.cookie-type", "Storage type not known",
            "A key of the browser's storage is declared like a cookie, with its type; an unknown type is neither.",
            "Write type: cookie (the default), type: localStorage or type: sessionStorage.",
            "content/cookies.yaml:14:15: type must be 'cookie' (the default), 'localStorage' or 'sessionStorage'");
    public static final Rule HOST = Rule.error("consent.host", "Category host not a host name",
            "The cookie audit allows requests to the hosts a category names; an address that is no host allows nothing.",
            "Write the host in lower case without scheme or path, like ads.example.com (or ads.example.com:8443).",
            "content/cookies.yaml:9:9: 'https://ads.example.com/' is not a host name");

    private ConsentRules() {
    }

    public static List<Rule> all() {
        return List.of(MISSING, UNKNOWN_CATEGORY, MESSAGE_MISSING, EXPIRY, STORAGE_NAME, CATEGORY_ID, PARTY, NECESSARY,
                SCRIPT_SRC, CONSENT_MODE_SIGNAL, DURATION, COOKIE_NAME, COOKIE_TYPE, HOST);
    }
}
