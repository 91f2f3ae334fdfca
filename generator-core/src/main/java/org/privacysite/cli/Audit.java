package org.privacysite.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.privacysite.CookieAudit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code privacy-site audit}: does the live site set only the cookies cookies.yaml declares? Visits it in
 * headless Chromium three times (no choice, "Reject all", "Accept all") and reports the differences.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Cookie audit: visit the live site in headless Chromium three times (no choice, after "
                + "\"Reject all\", after \"Accept all\"), each with a fresh profile, and compare every cookie, "
                + "storage key and request to another host with cookies.yaml.",
                "Only the origin of --url is visited; other origins are recorded, never followed. No page content is kept."})
final class Audit implements Callable<Integer> {

    @CommandLine.Mixin
    Main.Sources sources = new Main.Sources();

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The first page, e.g. https://staging.example.com/.")
    URI url;

    @Option(names = "--pages", defaultValue = "10", paramLabel = "N",
            description = "Visit at most N pages per pass: --url, the sitemap's pages, then links (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--sitemap", paramLabel = "URL", description = "Also visit the pages of this sitemap (read as paths on --url's origin).")
    URI sitemap;

    @Option(names = "--time-limit", defaultValue = "300", paramLabel = "SECONDS",
            description = "Stop the audit after this long, keeping its findings (default: ${DEFAULT-VALUE}).")
    int timeLimit;

    @Option(names = "--page-timeout", defaultValue = "20", paramLabel = "SECONDS",
            description = "A page that takes longer to load stops the audit (default: ${DEFAULT-VALUE}).")
    int pageTimeout;

    @Option(names = "--accept-button", paramLabel = "NAME",
            description = "The name of the banner's \"Accept all\" button, for a banner the site ships itself "
                    + "(default: consent.acceptAll of the UI messages, in every locale).")
    String acceptButton;

    @Option(names = "--reject-button", paramLabel = "NAME",
            description = "The name of the banner's \"Reject all\" button (default: consent.rejectAll, in every locale).")
    String rejectButton;

    @Option(names = "--propose", paramLabel = "FILE",
            description = "Write a draft cookies.yaml addition for what was seen but not declared to FILE (cookies.yaml is never changed).")
    Path propose;

    @Option(names = "--strict", description = "Fail on warnings too (a declared cookie never seen).")
    boolean strict;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Write reports into DIR.")
    Path reportDirectory;

    @Option(names = "--report-format", paramLabel = "FORMAT", split = ",", defaultValue = "junit,sarif,json,html",
            description = "Reports to write with --report-dir: junit, sarif, json, html (default: ${DEFAULT-VALUE}).")
    List<String> reportFormats;

    @Option(names = "--chromium", defaultValue = "/usr/bin/chromium", paramLabel = "FILE", hidden = true)
    Path chromium;

    @Option(names = "--chromedriver", defaultValue = "/usr/bin/chromedriver", paramLabel = "FILE", hidden = true)
    Path chromedriver;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            CookieAudit.Result result = CookieAudit.builder(sources.site()).url(url).pages(pages).sitemap(sitemap)
                    .timeLimit(Duration.ofSeconds(timeLimit)).pageTimeout(Duration.ofSeconds(pageTimeout))
                    .acceptButton(acceptButton).rejectButton(rejectButton).browser(chromium, chromedriver)
                    .build().run();
            ConsoleReport.print(result.findings(), err);
            if (reportDirectory != null) {
                for (Path report : CookieAudit.writeReports(result, reportDirectory, reportFormats, strict)) {
                    out.println("Wrote " + report);
                }
            }
            if (propose != null) {
                out.println(CookieAudit.writeProposal(result, propose)
                        ? "Wrote the proposed cookies.yaml additions to " + propose + " (for legal to complete)"
                        : "Nothing to propose: every cookie and storage key seen is declared.");
            }
            if (result.findings().isEmpty()) {
                out.println("No findings: " + result.pages().size() + " pages audited in three passes.");
            }
            out.flush();
            err.flush();
            return result.failed(strict) ? Main.FINDINGS : Main.OK;
        } catch (CookieAudit.Failure e) {
            err.println("audit: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        } catch (IllegalArgumentException e) { // an unknown --report-format, --pages 0, --propose cookies.yaml
            err.println("audit: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        }
    }
}
