package org.privacysite;

/** How serious a {@link Finding} is: errors block publishing, warnings inform. */
public enum Severity {
    ERROR, WARNING;

    /** Lower-case name as printed in messages and reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
