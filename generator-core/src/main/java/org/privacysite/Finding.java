package org.privacysite;

/**
 * One problem found in the sources or the built site.
 *
 * @param location where the writer has to fix it
 * @param rule     stable rule id, e.g. {@code parity.clause-missing}
 * @param severity error or warning
 * @param message  one line in plain words
 */
public record Finding(Location location, String rule, Severity severity, String message) {

    public static Finding error(Location location, String rule, String message) {
        return new Finding(location, rule, Severity.ERROR, message);
    }

    public static Finding warning(Location location, String rule, String message) {
        return new Finding(location, rule, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code content/fr/privacy.md:42:5: error: clause 'retention' is missing (present in en) [parity.clause-missing]} */
    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + message + " [" + rule + "]";
    }
}
