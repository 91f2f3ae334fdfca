package org.privacysite.internal.audit;

/** The audit cannot go on (the site is unreachable, a page hangs, no banner): a message in plain words. */
public final class AuditFailure extends RuntimeException {

    public AuditFailure(String message) {
        super(message);
    }

    public AuditFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
