package org.privacysite.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.ConfigurationException;
import org.privacysite.CookieAudit;
import org.privacysite.Finding;
import org.privacysite.PrivacySiteException;

/**
 * Cookie audit: visits the live site ({@code url}) in Debian's headless Chromium three times (no choice,
 * after "Reject all", after "Accept all"), each with a fresh profile, and compares every cookie, storage
 * key and request to another host with {@code cookies.yaml}. Fails the build on errors (an undeclared
 * cookie, an optional cookie or a third-party request before consent, a cookie living longer than
 * declared, a host no category names), and on warnings too when {@code strict}. Needs
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}; bound to no phase: run it as
 * {@code mvn privacy-site:audit -DprivacySite.auditUrl=https://staging.example.com/}.
 */
@Mojo(name = "audit", threadSafe = true)
public class AuditMojo extends AbstractPrivacySiteMojo {

    /** The first page to visit, e.g. {@code https://staging.example.com/}; only its origin is visited. */
    @Parameter(property = "privacySite.auditUrl", required = true)
    String url;

    /** How many pages each pass visits at most: {@code url}, the sitemap's pages, then links. */
    @Parameter(property = "privacySite.auditPages", defaultValue = "10")
    int pages;

    /** A sitemap whose pages are visited too (read as paths on {@code url}'s origin). */
    @Parameter(property = "privacySite.auditSitemap")
    String sitemap;

    /** The whole audit stops after this many seconds, keeping its findings. */
    @Parameter(property = "privacySite.auditTimeLimit", defaultValue = "300")
    int timeLimit;

    /** A page that takes longer than this many seconds to load stops the audit. */
    @Parameter(property = "privacySite.auditPageTimeout", defaultValue = "20")
    int pageTimeout;

    /** The name of the banner's "Accept all" button, for a banner the site ships itself (default: the UI messages' text). */
    @Parameter(property = "privacySite.acceptButton")
    String acceptButton;

    /** The name of the banner's "Reject all" button, for a banner the site ships itself (default: the UI messages' text). */
    @Parameter(property = "privacySite.rejectButton")
    String rejectButton;

    /** Write a draft cookies.yaml addition for what was seen but not declared to this file (cookies.yaml is never changed). */
    @Parameter(property = "privacySite.propose")
    File propose;

    /** Fail on warnings too (a declared cookie never seen). */
    @Parameter(property = "privacySite.strict", defaultValue = "false")
    boolean strict;

    /** When set, the audit's reports are written here: JUnit XML, SARIF, JSON and cookie-audit.html. */
    @Parameter(property = "privacySite.reportDirectory")
    File reportDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the cookie audit (privacySite.skip=true).");
            return;
        }
        CookieAudit.Result result;
        try {
            result = CookieAudit.builder(validatedSite()).url(URI.create(url)).pages(pages)
                    .sitemap(sitemap == null ? null : URI.create(sitemap))
                    .timeLimit(Duration.ofSeconds(timeLimit)).pageTimeout(Duration.ofSeconds(pageTimeout))
                    .acceptButton(acceptButton).rejectButton(rejectButton).build().run();
        } catch (CookieAudit.Failure | IllegalArgumentException e) {
            throw new MojoExecutionException("Cookie audit: " + e.getMessage(), e);
        } catch (ConfigurationException e) {
            throw SiteSettings.configurationFailure(e);
        } catch (PrivacySiteException e) {
            throw new MojoExecutionException("Cookie audit: cookies.yaml has errors" + System.lineSeparator()
                    + SiteSettings.lines(e.findings()), e);
        }
        try {
            if (reportDirectory != null) {
                for (Path report : CookieAudit.writeReports(result, reportDirectory.toPath(),
                        List.of("junit", "sarif", "json", "html"), strict)) {
                    getLog().info("Report: " + report);
                }
            }
            if (propose != null && CookieAudit.writeProposal(result, propose.toPath())) {
                getLog().info("Wrote the proposed cookies.yaml additions to " + propose + " (for legal to complete)");
            }
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("Cookie audit: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Cookie audit: " + e.getMessage(), e);
        }
        List<Finding> failing = result.findings().stream().filter(f -> strict || f.isError()).toList();
        if (result.failed(strict)) {
            log(result.findings().stream().filter(f -> !failing.contains(f)).toList());
            throw new MojoFailureException("Cookie audit failed: " + summary(result.findings())
                    + (strict ? " (strict: warnings count)" : "") + System.lineSeparator() + SiteSettings.lines(failing));
        }
        log(result.findings());
        getLog().info("Cookie audit passed: " + result.pages().size() + " pages in three passes, " + summary(result.findings()) + ".");
    }
}
