package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** Links of the built site: internal links and anchors, hreflang, sitemap, and (on request) external links. */
public final class LinkRules {

    public static final Rule BROKEN = Rule.error("links.broken", "Link to a missing page",
            "A reader following the link lands on an error page.",
            "Fix the link's address, or create the page.",
            "content/en/privacy.md:22:5: link '../terms/' points at en/terms/index.html, which does not exist");
    public static final Rule FRAGMENT = Rule.error("links.fragment", "Link to a missing anchor",
            "A link to a clause anchor that does not exist opens the page at the top, not at the clause.",
            "Use the key of an existing clause or another id of the page.",
            "content/en/privacy.md:22:5: link '#retension' points at #retension, which is not an id in this page");
    public static final Rule DUPLICATE_ID = Rule.error("links.duplicate-id", "Id used twice",
            "Two elements with one id make links and assistive technologies pick the wrong one.",
            "Make the ids unique (a template usually writes one twice).",
            "templates/layout.ftlh: id 'main' is used twice in this page");
    public static final Rule UNSAFE_URL = Rule.error("links.unsafe-url", "Unsafe link in the built page",
            "A javascript: or data: address could run code in a reader's browser.",
            "Remove the address from the template or the text.",
            "en/privacy/index.html: unsafe link 'javascript:void(0)'");
    public static final Rule MAILTO = Rule.error("links.mailto", "Malformed e-mail link",
            "Readers who want to exercise their rights by e-mail cannot.",
            "Write mailto: followed by one valid address.",
            "content/en/privacy.md:90:3: malformed e-mail link 'mailto:dpo@'");
    public static final Rule TEL = Rule.error("links.tel", "Malformed telephone link",
            "A phone link that phones cannot dial.",
            "Write tel: followed by the number in international form, like tel:+35315550142.",
            "content/en/privacy.md:91:3: malformed telephone link 'tel:call us'");
    public static final Rule MALFORMED = Rule.error("links.malformed", "Malformed link",
            "A link browsers cannot follow.",
            "Fix the address; spaces and some characters must be encoded.",
            "content/en/privacy.md:22:5: malformed link 'http://exa mple.com'");
    public static final Rule OUTSIDE_SITE = Rule.error("links.outside-site", "Relative link leaving the site",
            "A relative link above the site's root works nowhere once published.",
            "Link within the site, or use an absolute https:// address.",
            "content/en/privacy.md:22:5: link '../../../etc/' leaves the site");
    public static final Rule HREFLANG_TARGET = Rule.error("links.hreflang-target", "hreflang to a missing page",
            "Search engines would offer readers a language version that does not exist.",
            "Fix the alternates template or the locales.",
            "en/privacy/index.html: hreflang 'fr' points at a page that does not exist");
    public static final Rule HREFLANG_RECIPROCAL = Rule.error("links.hreflang-reciprocal", "hreflang not returned",
            "Search engines ignore language alternates that do not link back to each other.",
            "List every language version on every version's page.",
            "en/privacy/index.html: the 'fr' page does not link back to this page");
    public static final Rule HREFLANG_X_DEFAULT = Rule.error("links.hreflang-x-default", "No x-default alternate",
            "Readers whose language the site does not have get no default version from search engines.",
            "Add an x-default alternate (the built-in theme does).",
            "en/privacy/index.html: hreflang alternates lack x-default");
    public static final Rule SITEMAP_MISSING = Rule.error("links.sitemap-missing", "Page missing in the sitemap",
            "Search engines may not find the page.",
            "List every page in the sitemap template.",
            "fr/cookies/index.html: this page (https://privacy.example.com/fr/cookies/) is not listed in sitemap.xml");
    public static final Rule SITEMAP_ENTRY = Rule.error("links.sitemap-entry", "Sitemap lists a missing page",
            "Search engines would report an error for the address.",
            "Remove the entry from the sitemap template (sitemap-index.ftlx for an entry of a split sitemap's index), or build the page.",
            "sitemap.xml: sitemap.xml lists https://privacy.example.com/es/privacy/, which is no page of the site");
    public static final Rule SITEMAP_XML = Rule.error("links.sitemap-xml", "Sitemap not well-formed",
            "Search engines reject the whole sitemap.",
            "Fix the sitemap template (sitemap.ftlx, or sitemap-index.ftlx for the index of a split sitemap) at the line the message points at.",
            "sitemap.xml:12:3: sitemap.xml is not well-formed XML: the element type 'url' must be terminated");
    public static final Rule EXTERNAL_BROKEN = Rule.error("links.external-broken", "External page gone",
            "A link to a page that answers 404 or 410, e.g. a supervisory authority's complaint form that moved.",
            "Link to the page's new address.",
            "content/en/privacy.md:95:3: https://authority.example/complaint answers 404 Not Found");
    public static final Rule EXTERNAL_UNREACHABLE = Rule.error("links.external-unreachable", "External site unreachable",
            "The host does not exist or refuses connections; readers cannot reach it either.",
            "Check the address's spelling, or link to another source.",
            "content/en/privacy.md:95:3: https://authorty.example/ cannot be reached: unknown host");
    public static final Rule EXTERNAL_REDIRECT_LOOP = Rule.error("links.external-redirect-loop", "External redirects loop",
            "Browsers give up on the link.",
            "Link to the final address directly.",
            "content/en/privacy.md:95:3: https://example.com/a redirects in a loop");
    public static final Rule EXTERNAL_REDIRECT = Rule.warning("links.external-redirect", "External page moved",
            "A permanent redirect usually means the old address will stop working.",
            "Link to the new address the message names.",
            "content/en/privacy.md:95:3: https://example.com/old moved permanently to https://example.com/new");
    public static final Rule EXTERNAL_TIMEOUT = Rule.warning("links.external-timeout", "External site did not answer in time",
            "The link may be broken, or the site was slow when checked.",
            "Open the link yourself; check again later.",
            "content/en/privacy.md:95:3: https://slow.example/ did not answer within 10 s");
    public static final Rule EXTERNAL_STATUS = Rule.warning("links.external-status", "External answer that proves nothing",
            "401, 403, 429 and 5xx answers neither prove nor disprove that the page exists.",
            "Open the link yourself.",
            "content/en/privacy.md:95:3: https://example.com/ answers 503 Service Unavailable");

    private LinkRules() {
    }

    public static List<Rule> all() {
        return List.of(BROKEN, FRAGMENT, DUPLICATE_ID, UNSAFE_URL, MAILTO, TEL, MALFORMED, OUTSIDE_SITE, HREFLANG_TARGET,
                HREFLANG_RECIPROCAL, HREFLANG_X_DEFAULT, SITEMAP_MISSING, SITEMAP_ENTRY, SITEMAP_XML, EXTERNAL_BROKEN,
                EXTERNAL_UNREACHABLE, EXTERNAL_REDIRECT_LOOP, EXTERNAL_REDIRECT, EXTERNAL_TIMEOUT, EXTERNAL_STATUS);
    }
}
