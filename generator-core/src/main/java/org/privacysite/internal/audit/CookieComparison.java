package org.privacysite.internal.audit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.Rule;
import org.privacysite.internal.consent.ConsentConfig;
import org.privacysite.internal.rules.AuditRules;

/**
 * Compares what the audit saw with {@code cookies.yaml}. Each problem is reported once, where it was first
 * seen (pass order, then page order), with the number of other pages where it happened too.
 */
public final class CookieComparison {

    /** Calendar units at their longest, plus a day: a cookie set for "13 months" may really last 13 x 31 days. */
    private static final long DAY = 86_400;
    private static final long SLACK = DAY;

    private final Declarations declarations;
    private final AuditRun run;
    private final String siteHost;
    private final Map<String, Occurrence> occurrences = new LinkedHashMap<>();

    private CookieComparison(ConsentConfig config, AuditRun run) {
        this.declarations = new Declarations(config);
        this.run = run;
        this.siteHost = URI.create(run.origin()).getHost().toLowerCase(Locale.ROOT);
    }

    /** The findings of {@code run} against {@code config}, errors and warnings, in file order. */
    public static List<Finding> compare(ConsentConfig config, AuditRun run) {
        return new CookieComparison(config, run).findings();
    }

    private List<Finding> findings() {
        Set<ConsentConfig.Cookie> seen = new HashSet<>();
        Location file = declarations.config().location();
        for (SeenCookie cookie : run.cookies()) {
            Declarations.Declared declared = declarations.find(ConsentConfig.Cookie.COOKIE, cookie.name());
            String where = " on " + cookie.page() + " " + cookie.pass().description() + " by " + cookie.setterDescription();
            if (declared == null) {
                report(AuditRules.UNDECLARED_COOKIE, "u|" + cookie.name(), file, cookie.page(), more ->
                        "cookie '" + cookie.name() + "' (" + attributes(cookie) + ") is set" + where + more
                                + ", but cookies.yaml does not declare it; add it to the category it belongs to "
                                + "(audit --propose writes a draft entry)");
            } else {
                seen.add(declared.cookie());
                beforeConsent(declared, cookie.pass(), cookie.page(), "cookie '" + cookie.name() + "'", where);
                lifetime(declared, cookie, where);
            }
            String source = cookieHost(cookie);
            if (source != null && declarations.categoryOfHost(source) == null) {
                report(AuditRules.UNKNOWN_HOST, "h|" + source, file, cookie.page(), more ->
                        "cookie '" + cookie.name() + "' comes from " + source + " (set" + where + ")" + more
                                + ", and no category of cookies.yaml names that host; add it to the hosts: or scripts: "
                                + "of the category whose vendor it is, or remove what loads it");
            }
        }
        for (SeenStorage key : run.storage()) {
            Declarations.Declared declared = declarations.find(key.type(), key.key());
            String where = " on " + key.page() + " " + key.pass().description();
            if (declared == null) {
                report(AuditRules.UNDECLARED_STORAGE, "s|" + key.type() + "|" + key.key(), file, key.page(), more ->
                        key.type() + " key '" + key.key() + "' is written" + where + more
                                + ", but cookies.yaml does not declare it; add it to its category with type: " + key.type()
                                + " (audit --propose writes a draft entry)");
            } else {
                seen.add(declared.cookie());
                beforeConsent(declared, key.pass(), key.page(), key.type() + " key '" + key.key() + "'", where);
            }
        }
        for (SeenRequest request : run.requests()) {
            ConsentConfig.Category category = declarations.categoryOfHost(request.authority());
            String where = " on " + request.page() + " " + request.pass().description();
            if (request.pass().withoutConsent() && (category == null || !category.required())) {
                Location location = category == null ? file : category.location();
                report(AuditRules.REQUEST_BEFORE_CONSENT, "r|" + request.pass() + "|" + request.authority(), location,
                        request.page(), more -> "the browser contacted " + request.authority() + " (" + request.url() + ")"
                                + where + more + "; nothing may contact another host before the visitor accepts the "
                                + "category that needs it: load it through the consent banner (the category's scripts:)");
            } else if (category == null) {
                report(AuditRules.UNKNOWN_HOST, "h|" + request.authority(), file, request.page(), more ->
                        "the browser contacted " + request.authority() + " (" + request.url() + ")" + where + more
                                + ", and no category of cookies.yaml names that host; add it to the hosts: or scripts: "
                                + "of the category whose vendor it is, or remove what loads it");
            }
        }
        List<Finding> findings = new ArrayList<>();
        occurrences.values().forEach(occurrence -> findings.add(occurrence.finding()));
        for (Declarations.Declared declared : declarations.all()) {
            if (!seen.contains(declared.cookie())) {
                ConsentConfig.Cookie cookie = declared.cookie();
                findings.add(Finding.warning(cookie.location(), AuditRules.NEVER_SEEN,
                        (cookie.isCookie() ? "cookie" : cookie.type() + " key") + " '" + cookie.name() + "' of category '"
                                + declared.category().id() + "' is declared, but the audit did not see it on the "
                                + run.pages().size() + " pages it visited in three passes; if the site no longer sets it, "
                                + "remove it from cookies.yaml (the cookie policy lists it)"));
            }
        }
        if (run.incomplete() != null) {
            findings.add(Finding.warning(file, AuditRules.INCOMPLETE, run.incomplete()));
        }
        // In file order; at one place, in the order the audit saw them (a stable sort).
        findings.sort(Comparator.comparingInt((Finding finding) -> finding.location().line())
                .thenComparingInt(finding -> finding.location().column()));
        return List.copyOf(findings);
    }

    private void beforeConsent(Declarations.Declared declared, Pass pass, String page, String what, String where) {
        if (pass.withoutConsent() && !declared.category().required()) {
            report(AuditRules.COOKIE_BEFORE_CONSENT, "b|" + pass + "|" + what, declared.cookie().location(), page, more ->
                    what + " of the optional category '" + declared.category().id() + "' is set" + where + more
                            + "; optional cookies may only be set once the visitor accepts their category: load what "
                            + "sets it through the consent banner (the category's scripts:)");
        }
    }

    private void lifetime(Declarations.Declared declared, SeenCookie cookie, String where) {
        ConsentConfig.Duration duration = declared.cookie().duration();
        if (cookie.isSession()) {
            return;
        }
        long allowed = duration.isSession() ? -1 : switch (duration.unit()) {
            case "days" -> duration.amount() * DAY;
            case "months" -> duration.amount() * 31 * DAY;
            default -> duration.amount() * 366 * DAY;
        };
        if (allowed >= 0 && cookie.lifetime() <= allowed + SLACK) {
            return;
        }
        String declaredText = duration.isSession() ? "but cookies.yaml declares a session cookie"
                : "longer than the " + duration.amount() + " " + duration.unit() + " cookies.yaml declares";
        report(AuditRules.LIFETIME_LONGER, "l|" + cookie.name(), declared.cookie().location(), cookie.page(), more ->
                "cookie '" + cookie.name() + "' lives " + describeLifetime(cookie.lifetime()) + ", " + declaredText
                        + (declared.cookie().isPattern() ? " for '" + declared.cookie().name() + "'" : "")
                        + " (set" + where + ")" + more + "; declare at least " + proposedDuration(cookie.lifetime())
                        + ", or shorten the cookie's lifetime");
    }

    /** The host a cookie came from, when it is not the audited site: its setter's, or its own domain. */
    private String cookieHost(SeenCookie cookie) {
        if (!cookie.setter().isEmpty()) {
            String setterOrigin = Origins.of(cookie.setter());
            if (!setterOrigin.isEmpty() && !setterOrigin.equals(run.origin())) {
                return Origins.authority(URI.create(cookie.setter()));
            }
        }
        String domain = cookie.domain().startsWith(".") ? cookie.domain().substring(1) : cookie.domain();
        domain = domain.toLowerCase(Locale.ROOT);
        return domain.isEmpty() || siteHost.equals(domain) || siteHost.endsWith("." + domain) ? null : domain;
    }

    private static String attributes(SeenCookie cookie) {
        List<String> parts = new ArrayList<>();
        parts.add("domain " + cookie.domain());
        parts.add("path " + cookie.path());
        parts.add(cookie.isSession() ? "session" : "lives " + describeLifetime(cookie.lifetime()));
        if (cookie.secure()) {
            parts.add("Secure");
        }
        if (cookie.httpOnly()) {
            parts.add("HttpOnly");
        }
        if (!cookie.sameSite().isEmpty()) {
            parts.add("SameSite=" + cookie.sameSite());
        }
        return String.join(", ", parts);
    }

    /** {@code 730 days} (whole days, rounded up) or {@code 3 hours} under a day. */
    static String describeLifetime(long seconds) {
        if (seconds < DAY) {
            long hours = Math.max(1, (seconds + 3599) / 3600);
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return proposedDuration(seconds);
    }

    /** A duration cookies.yaml accepts that covers {@code seconds}: whole days, rounded up; "session" below zero. */
    static String proposedDuration(long seconds) {
        if (seconds < 0) {
            return "session";
        }
        long days = Math.max(1, Duration.ofSeconds(seconds).plusSeconds(DAY - 1).toDays());
        return days + (days == 1 ? " day" : " days");
    }

    private void report(Rule rule, String key, Location location, String page, Function<String, String> message) {
        occurrences.computeIfAbsent(key, k -> new Occurrence(rule, location, message)).pages.add(page);
    }

    /** A problem and every page it happened on. */
    private static final class Occurrence {
        private final Rule rule;
        private final Location location;
        private final Function<String, String> message;
        private final Set<String> pages = new LinkedHashSet<>();

        Occurrence(Rule rule, Location location, Function<String, String> message) {
            this.rule = rule;
            this.location = location;
            this.message = message;
        }

        Finding finding() {
            int others = pages.size() - 1;
            String more = others == 0 ? "" : " (and on " + others + " other page" + (others == 1 ? "" : "s") + ")";
            return Finding.of(location, rule, message.apply(more));
        }
    }
}
