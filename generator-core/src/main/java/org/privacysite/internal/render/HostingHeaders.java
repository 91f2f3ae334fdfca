package org.privacysite.internal.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP headers a host should send with the site, written as a {@code _headers} file (Netlify,
 * Cloudflare Pages) and an nginx snippet. Headers can do what a meta tag cannot: frame-ancestors,
 * HSTS, MIME sniffing.
 */
public final class HostingHeaders {

    public static final String HEADERS_FILE = "_headers";
    public static final String NGINX_FILE = "nginx-headers.conf";

    private HostingHeaders() {
    }

    /** Header name to value, in a stable order. */
    public static Map<String, String> of(SecurityPolicy policy) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", policy.csp() + "; frame-ancestors 'none'");
        headers.put("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", policy.referrerPolicy());
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        return headers;
    }

    public static String headersFile(SecurityPolicy policy) {
        StringBuilder text = new StringBuilder("# Security headers for every page (Netlify / Cloudflare Pages format).\n/*\n");
        of(policy).forEach((name, value) -> text.append("  ").append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    public static String nginxSnippet(SecurityPolicy policy) {
        StringBuilder text = new StringBuilder("# Security headers for the privacy site: include this file in its nginx server or location block.\n");
        of(policy).forEach((name, value) -> text.append("add_header ").append(name).append(" \"")
                .append(value.replace("\"", "\\\"")).append("\" always;\n"));
        return text.toString();
    }
}
