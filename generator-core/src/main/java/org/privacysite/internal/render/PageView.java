package org.privacysite.internal.render;

import java.time.LocalDate;
import java.util.List;

/**
 * What a document template sees of the page it renders.
 *
 * @param locale        the page's locale (its UI language)
 * @param contentLocale the language of the policy text; differs from {@code locale} on a fallback page
 * @param dir           "ltr" or "rtl"
 * @param root          relative path from the page to the site root, e.g. "../../"
 * @param body          the policy text as HTML (already escaped and safe)
 * @param fallback      true when the translation is missing and the source text is shown
 */
public record PageView(String locale, String contentLocale, String dir, String contentDir, String document,
                       String title, String description, String canonicalUrl, String root, String body,
                       List<TocEntry> toc, LocalDate effective, LocalDate updated, boolean fallback) {

    /** One line of the table of contents; {@code children} are the subclauses. */
    public record TocEntry(String key, String number, String title, List<TocEntry> children) {
    }

    /** A link to a page in the menu, the language switcher or the hreflang alternates. */
    public record LinkView(String locale, String label, String href, String url, boolean current) {
    }
}
