package org.privacysite.internal.render;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.privacysite.internal.content.Site;

/**
 * The security headers every page declares: a strict Content-Security-Policy (no inline script or
 * style; third-party scripts only from origins the consent configuration names) and a referrer policy.
 */
public record SecurityPolicy(String csp, String referrerPolicy) {

    /**
     * The policy for {@code site}: {@code 'self'} plus the origins of the gated scripts of
     * {@code cookies.yaml} (which {@code consent.js} loads only after consent) and {@code scriptOrigins}.
     * Never {@code 'unsafe-inline'}: pages carry no inline script or style.
     */
    public static SecurityPolicy of(Site site, List<String> scriptOrigins) {
        Set<String> origins = new LinkedHashSet<>();
        if (site.consent() != null) {
            origins.addAll(site.consent().scriptOrigins());
        }
        origins.addAll(scriptOrigins);
        return of(List.copyOf(origins));
    }

    /** The policy allowing {@code 'self'} and {@code origins} (vendors' scripts, beacons, pixels and embeds). */
    public static SecurityPolicy of(List<String> origins) {
        String extra = origins.isEmpty() ? "" : " " + String.join(" ", origins);
        String csp = "default-src 'self'; script-src 'self'" + extra + "; style-src 'self'; img-src 'self' data:" + extra
                + "; connect-src 'self'" + extra + "; frame-src 'self'" + extra
                + "; object-src 'none'; base-uri 'none'; form-action 'self'";
        return new SecurityPolicy(csp, "strict-origin-when-cross-origin");
    }
}
