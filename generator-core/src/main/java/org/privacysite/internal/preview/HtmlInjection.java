package org.privacysite.internal.preview;

import java.nio.charset.StandardCharsets;

import org.jsoup.nodes.Entities;

/**
 * Adds the preview's reload script to an HTML response as it is served. The files on disk are never
 * touched, so a site built with {@code generate} or {@code build} never contains it. The script is
 * external and same-origin, which the pages' strict Content-Security-Policy ({@code script-src 'self'})
 * allows; nothing inline is added.
 */
final class HtmlInjection {

    static final String SCRIPT_PATH = "/_preview/reload.js";

    private HtmlInjection() {
    }

    /** The tag, carrying the build the page was served from so the script can tell when it is stale. */
    static String scriptTag(String build) {
        return "<script src=\"" + SCRIPT_PATH + "\" data-build=\"" + Entities.escape(build) + "\" defer></script>";
    }

    /** {@code html} with the tag inserted before the last {@code </body>}, or appended when there is none. */
    static byte[] inject(byte[] html, String build) {
        String text = new String(html, StandardCharsets.UTF_8);
        String tag = scriptTag(build);
        int body = lastIndexIgnoringCase(text, "</body");
        String injected = body < 0 ? text + tag + "\n" : text.substring(0, body) + tag + "\n" + text.substring(body);
        return injected.getBytes(StandardCharsets.UTF_8);
    }

    private static int lastIndexIgnoringCase(String text, String needle) {
        for (int i = text.length() - needle.length(); i >= 0; i--) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
