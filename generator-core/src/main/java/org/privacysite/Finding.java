package org.privacysite;

/**
 * One problem found in the sources or the built site.
 *
 * @param location where the writer has to fix it
 * @param rule     the rule it breaks (see {@link RuleCatalogue})
 * @param severity error or warning: the rule's default, or what site.yaml configures
 * @param message  one line in plain words
 * @param clause   the key of the clause it is about (a parity finding), or null; a missing clause is reported
 *                 at the next clause of the translation, so its place alone does not tell which clause it is about
 */
public record Finding(Location location, Rule rule, Severity severity, String message, String clause) {

    /** A finding about no clause in particular. */
    public Finding(Location location, Rule rule, Severity severity, String message) {
        this(location, rule, severity, message, null);
    }

    /** A finding with its rule's default severity. */
    public static Finding of(Location location, Rule rule, String message) {
        return new Finding(location, rule, rule.defaultSeverity(), message);
    }

    public static Finding error(Location location, Rule rule, String message) {
        return new Finding(location, rule, Severity.ERROR, message);
    }

    public static Finding warning(Location location, Rule rule, String message) {
        return new Finding(location, rule, Severity.WARNING, message);
    }

    /** The rule's id, e.g. {@code parity.clause-missing}. */
    public String ruleId() {
        return rule.id();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same finding with another severity (site.yaml's {@code rules:}). */
    public Finding withSeverity(Severity other) {
        return other == severity ? this : new Finding(location, rule, other, message, clause);
    }

    /** The same finding about the clause {@code key} (none for the empty key: the text before the first heading). */
    public Finding about(String key) {
        return new Finding(location, rule, severity, message, key == null || key.isEmpty() ? null : key);
    }

    /** {@code content/fr/privacy.md:42:5: error: clause 'retention' is missing (present in en) [parity.clause-missing]} */
    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + message + " [" + rule.id() + "]";
    }
}
