package org.privacysite.internal.audit;

/**
 * A cookie the browser stored, the first time the audit saw it (its value is never kept).
 *
 * @param expires  seconds since the epoch, or -1 for a session cookie
 * @param lifetime seconds from when it was seen to when it expires, or -1 for a session cookie
 * @param page     the page open when it appeared
 * @param setter   the URL of the response whose {@code Set-Cookie} header set it, or of the script that set it;
 *                 empty when unknown
 */
public record SeenCookie(String name, String domain, String path, long expires, long lifetime, boolean secure,
                         boolean httpOnly, String sameSite, String page, String setter, SetBy setBy, Pass pass) {

    /** How a cookie came to be. */
    public enum SetBy {
        HEADER, SCRIPT, UNKNOWN
    }

    public boolean isSession() {
        return expires < 0;
    }

    /** {@code the Set-Cookie header of https://...} or {@code the script https://...}, for messages. */
    public String setterDescription() {
        return switch (setBy) {
            case HEADER -> "the Set-Cookie header of " + setter;
            case SCRIPT -> setter.isEmpty() ? "a script of the page" : "the script " + setter;
            case UNKNOWN -> "an unknown setter";
        };
    }
}
