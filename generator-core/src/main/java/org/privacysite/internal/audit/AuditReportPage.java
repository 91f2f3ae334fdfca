package org.privacysite.internal.audit;

import java.util.List;

import org.jsoup.nodes.Entities;
import org.privacysite.Finding;

/**
 * The audit as one HTML page for people: the findings, then everything the browser saw (cookies with their
 * attributes and setters, storage keys, other hosts contacted). Escaped text only, no script.
 */
public final class AuditReportPage {

    private AuditReportPage() {
    }

    public static String render(List<Finding> findings, AuditRun run) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Cookie audit of ").append(text(run.origin())).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left;vertical-align:top}"
                        + ".error{color:#a00}.warning{color:#850}</style>\n</head>\n<body>\n")
                .append("<h1>Cookie audit of ").append(text(run.origin())).append("</h1>\n")
                .append("<p>").append(run.pages().size()).append(" pages, three passes (before any choice, after "
                        + "\u201cReject all\u201d, after \u201cAccept all\u201d), each with a fresh browser profile.</p>\n");
        html.append("<h2>Findings</h2>\n");
        if (findings.isEmpty()) {
            html.append("<p>None: the site sets only what cookies.yaml declares.</p>\n");
        } else {
            html.append("<ul>\n");
            for (Finding finding : findings) {
                html.append("<li class=\"").append(finding.isError() ? "error" : "warning").append("\">")
                        .append(text(finding.severity().label())).append(": ").append(text(finding.message()))
                        .append(" <code>").append(text(finding.ruleId())).append("</code></li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<h2>Cookies</h2>\n<table>\n<tr><th>When</th><th>Name</th><th>Domain</th><th>Path</th><th>Lifetime</th>"
                + "<th>Secure</th><th>HttpOnly</th><th>SameSite</th><th>Page</th><th>Set by</th></tr>\n");
        for (SeenCookie cookie : run.cookies()) {
            row(html, cookie.pass().description(), cookie.name(), cookie.domain(), cookie.path(),
                    cookie.isSession() ? "session" : CookieComparison.describeLifetime(cookie.lifetime()),
                    cookie.secure() ? "yes" : "no", cookie.httpOnly() ? "yes" : "no", cookie.sameSite(), cookie.page(),
                    cookie.setterDescription());
        }
        html.append("</table>\n<h2>Storage keys</h2>\n<table>\n<tr><th>When</th><th>Storage</th><th>Key</th><th>Page</th></tr>\n");
        for (SeenStorage key : run.storage()) {
            row(html, key.pass().description(), key.type(), key.key(), key.page());
        }
        html.append("</table>\n<h2>Other hosts contacted</h2>\n<table>\n<tr><th>When</th><th>Host</th><th>Address</th><th>Page</th></tr>\n");
        for (SeenRequest request : run.requests()) {
            row(html, request.pass().description(), request.authority(), request.url(), request.page());
        }
        html.append("</table>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String... cells) {
        html.append("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(text(cell)).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static String text(String value) {
        return Entities.escape(value == null ? "" : value);
    }
}
