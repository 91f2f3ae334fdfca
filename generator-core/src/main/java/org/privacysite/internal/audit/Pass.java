package org.privacysite.internal.audit;

/** One visit of every page, each with a fresh browser profile; the order in which the audit runs them. */
public enum Pass {
    /** The banner is left alone. */
    NO_CHOICE("before any choice"),
    /** "Reject all" is clicked on the first page. */
    REJECTED("after \"Reject all\""),
    /** "Accept all" is clicked on the first page. */
    ACCEPTED("after \"Accept all\"");

    private final String description;

    Pass(String description) {
        this.description = description;
    }

    /** How a message says when something happened: {@code before any choice}. */
    public String description() {
        return description;
    }

    /** Whether nothing optional may happen in this pass. */
    public boolean withoutConsent() {
        return this != ACCEPTED;
    }
}
