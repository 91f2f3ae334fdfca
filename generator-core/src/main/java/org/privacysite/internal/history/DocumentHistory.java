package org.privacysite.internal.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.privacysite.internal.content.Page;

/**
 * Every version of one document: the dates its source text took (or takes) effect, and each
 * locale's own text of each version.
 *
 * @param dates   the effective dates of the source versions, oldest first
 * @param inForce the date of the version in force "today"; later dates are upcoming
 * @param pages   per locale in site.yaml order (the source first), its own text of each version by date (a
 *                lagging translation has fewer)
 */
public record DocumentHistory(String document, List<LocalDate> dates, LocalDate inForce,
                              Map<String, NavigableMap<LocalDate, Page>> pages) {

    /** The text of {@code locale} for the version of {@code date}, or null when it has none (a fallback). */
    public Page page(String locale, LocalDate date) {
        NavigableMap<LocalDate, Page> own = pages.get(locale);
        return own == null ? null : own.get(date);
    }

    /** Whether {@code locale} has its own text of the version in force (the source always has). */
    public boolean translatesVersionInForce(String locale) {
        return page(locale, inForce) != null;
    }

    /** The source text of the version of {@code date}, or null when no source version took effect on that date. */
    public Page sourcePage(LocalDate date) {
        return page(sourceLocale(), date);
    }

    public boolean isUpcoming(LocalDate date) {
        return date.isAfter(inForce);
    }

    /** The versions that take effect after today, soonest first. */
    public List<LocalDate> upcoming() {
        return dates.stream().filter(this::isUpcoming).toList();
    }

    /** The version before {@code date}, or null for the first. */
    public LocalDate previous(LocalDate date) {
        int at = dates.indexOf(date);
        return at > 0 ? dates.get(at - 1) : null;
    }

    /** The version after {@code date}, or null for the last. */
    public LocalDate next(LocalDate date) {
        int at = dates.indexOf(date);
        return at >= 0 && at + 1 < dates.size() ? dates.get(at + 1) : null;
    }

    /** The short summary of the changes that the source text of {@code date} gives in {@code changes:}, or "". */
    public String summary(String locale, LocalDate date) {
        Page page = page(locale, date);
        if (page == null) {
            page = page(sourceLocale(), date);
        }
        Object changes = page == null ? null : page.frontMatter().values().get("changes");
        if (changes instanceof List<?> list) {
            return String.join(" ", list.stream().map(String::valueOf).toList());
        }
        return changes == null ? "" : changes.toString().strip();
    }

    private String sourceLocale() {
        return pages.keySet().iterator().next();
    }
}
