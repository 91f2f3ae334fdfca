package org.privacysite;

/**
 * One problem found in the sources or the built site.
 *
 * @param location where the writer has to fix it
 * @param rule     the rule it breaks (see {@link RuleCatalogue})
 * @param severity error or warning: the rule's default, or what site.yaml configures
 * @param message  one line in plain words
 */
public record Finding(Location location, Rule rule, Severity severity, String message) {

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
        return other == severity ? this : new Finding(location, rule, other, message);
    }

    /** {@code content/fr/privacy.md:42:5: error: clause 'retention' is missing (present in en) [parity.clause-missing]} */
    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + message + " [" + rule.id() + "]";
    }
}
