package org.privacysite.internal.render;

import java.util.List;

import org.privacysite.internal.content.Site;

/**
 * The security headers every page declares: a strict Content-Security-Policy (no inline script or
 * style; third-party scripts only from origins the consent configuration names) and a referrer policy.
 */
public record SecurityPolicy(String csp, String referrerPolicy) {

    /** The policy for {@code site}; {@code scriptOrigins} are the consented vendors' script hosts. */
    public static SecurityPolicy of(Site site, List<String> scriptOrigins) {
        String extra = scriptOrigins.isEmpty() ? "" : " " + String.join(" ", scriptOrigins);
        String csp = "default-src 'self'; script-src 'self'" + extra + "; style-src 'self'; img-src 'self' data:" + extra
                + "; connect-src 'self'" + extra + "; frame-src 'self'" + extra
                + "; object-src 'none'; base-uri 'none'; form-action 'self'";
        return new SecurityPolicy(csp, "strict-origin-when-cross-origin");
    }
}
