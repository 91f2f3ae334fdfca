package org.privacysite.internal.importer;

import java.util.Comparator;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Finds the policy in a saved web page: the main content, without the site's navigation, header,
 * footer, cookie banner, scripts and forms.
 */
final class PolicyBody {

    /** Never policy text, wherever they are. */
    private static final String NEVER_CONTENT = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "form, button, input, select, textarea, dialog, link, meta, [hidden], [aria-hidden=true]";
    /** Site chrome and overlays, recognised by their id, class or role. */
    private static final Pattern CHROME = Pattern.compile(
            "(?i).*\\b(banner|modal|popup|overlay|newsletter|breadcrumbs?|skip|sidebar|navbar|menu|share|social)\\b.*");
    /** A cookie or consent element is a banner only when it asks something (a policy's section on cookies does not). */
    private static final Pattern CONSENT = Pattern.compile("(?i).*\\b(cookies?|consent|gdpr|ccpa|cmp)\\b.*");

    private PolicyBody() {
    }

    /** Removes what is never content (scripts, forms, overlays) from {@code root}, in place. */
    static void clean(Element root) {
        for (Element element : root.select("[id], [class], [role]")) {
            if (element != root && element.parent() != null && isChrome(element)) {
                element.remove();
            }
        }
        root.select(NEVER_CONTENT).remove();
    }

    private static boolean isChrome(Element element) {
        String role = element.attr("role");
        if (role.equals("navigation") || role.equals("banner") || role.equals("contentinfo") || role.equals("dialog")
                || role.equals("alertdialog")) {
            return true;
        }
        if (element.is("main, article, body")) {
            return false;
        }
        // Hyphens and underscores separate words: "cookie-banner", "cookie_notice".
        String names = (element.id() + " " + element.className()).replace('_', ' ').replace('-', ' ');
        if (CONSENT.matcher(names).matches()) {
            return !element.select("button, input, form, [role=button], [onclick]").isEmpty();
        }
        return CHROME.matcher(names).matches() && element.select("h2, h3, h4, h5, h6").size() < 2;
    }

    /** The element holding the policy: {@code main}, {@code article} or {@code [role=main]}, else the body without its chrome. */
    static Element extract(Element body) {
        clean(body);
        Element main = body.select("main, [role=main], article").stream()
                .max(Comparator.comparingInt((Element e) -> e.select("h1, h2, h3, h4, h5, h6, p, li").size()))
                .orElse(null);
        Element content = main != null && !main.select("h1, h2, h3, h4, h5, h6").isEmpty() ? main : body;
        content.select("nav, aside").remove();
        // A page's header and footer are chrome; an article's own header holds its title and date.
        for (Element part : content.select("header, footer")) {
            if (part.closest("article, main") == null) {
                part.remove();
            }
        }
        return content;
    }
}
