package org.privacysite.internal.config;

import java.util.Locale;

import org.privacysite.Location;
import org.privacysite.Severity;

/**
 * One line of site.yaml's {@code rules:} (or a clause's inline setting): a rule's level for the whole
 * site, a locale, a document, a document in a locale, or one clause.
 *
 * @param ruleId   the rule, e.g. {@code parity.clause-extra}
 * @param locale   the locale it applies to, or null for all
 * @param document the document it applies to, or null for all
 * @param clause   the clause key it applies to, or null for all
 * @param level    the severity, or null for "off"
 * @param where    where it is written, for errors about it and for the reports' list of what is off
 */
public record RuleSetting(String ruleId, String locale, String document, String clause, Severity level, Location where) {

    /** How specific the target is: a clause beats a document, a document beats a locale, all beat the site. */
    int specificity() {
        return (clause != null ? 4 : 0) + (document != null ? 2 : 0) + (locale != null ? 1 : 0);
    }

    boolean matches(String ruleId, String locale, String document, String clause) {
        return this.ruleId.equals(ruleId)
                && (this.locale == null || this.locale.equals(locale))
                && (this.document == null || this.document.equals(document))
                && (this.clause == null || this.clause.equals(clause));
    }

    public boolean isOff() {
        return level == null;
    }

    /** The target as written in site.yaml: {@code site}, {@code fr}, <code>*</code>/privacy, {@code fr/privacy#qr-code}. */
    public String target() {
        if (document == null) {
            return locale == null ? "site" : locale;
        }
        return (locale == null ? "*" : locale) + "/" + document + (clause == null ? "" : "#" + clause);
    }

    /** {@code off}, {@code error} or {@code warning}. */
    public String levelName() {
        return level == null ? "off" : level.label();
    }

    /** Reads a level as written: error, warning or off (null); anything else is not a level. */
    public static Severity parseLevel(String text) throws IllegalArgumentException {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            case "off" -> null;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
