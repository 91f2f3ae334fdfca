package org.privacysite.internal.content;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The link addresses a policy may use: relative ones and the schemes http, https, mailto and tel.
 * Everything else ({@code javascript:}, {@code data:}, {@code file:}...) never reaches a page.
 */
public final class SafeUrls implements UrlSanitizer {

    private static final Pattern SCHEME = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Set<String> ALLOWED = Set.of("http", "https", "mailto", "tel");

    /** Whether {@code url} may appear in a page. */
    public static boolean isAllowed(String url) {
        Matcher scheme = SCHEME.matcher(url);
        // "{dpoEmail}" style ICU arguments come before a scheme is known: they are formatted first.
        return !scheme.find() || ALLOWED.contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }

    @Override
    public String sanitizeLinkUrl(String url) {
        return isAllowed(url) ? url : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return isAllowed(url) ? url : "";
    }
}
