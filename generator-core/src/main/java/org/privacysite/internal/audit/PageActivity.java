package org.privacysite.internal.audit;

import java.util.List;
import java.util.Map;

/**
 * What the browser saw since it was last asked: the whole cookie jar, who set which cookie, the storage
 * keys of the open page's origin and every request made.
 *
 * @param headerSetters cookie name to the URL of the last response whose {@code Set-Cookie} header set it
 * @param scriptSetters cookie name to the URL of the last script that wrote it to {@code document.cookie}
 *                      (empty string when the script has no URL)
 * @param requests      URLs of every request, in order
 * @param currentUrl    the address the page ended up at
 */
record PageActivity(List<JarCookie> jar, Map<String, String> headerSetters, Map<String, String> scriptSetters,
                    List<String> localStorageKeys, List<String> sessionStorageKeys, List<String> requests,
                    String currentUrl) {

    /** A cookie as the browser keeps it; {@code expires} in seconds since the epoch, -1 for a session cookie. */
    record JarCookie(String name, String domain, String path, long expires, boolean secure, boolean httpOnly,
                     String sameSite) {
    }
}
