package org.privacysite.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.CheckResult;
import org.privacysite.ConfigurationException;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;

/**
 * Checks whether the site can be published: source errors, translation parity (every clause, ICU
 * argument, plural form and link of the source language present in each translation) and the links of
 * the built site. Fails the build ({@code MojoFailureException}) on errors, and on warnings too when
 * {@code strict}; each finding is reported as {@code file:line:col: severity: message [rule]}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractRenderingMojo {

    /** File name of the translation status page written into {@code reportDirectory}. */
    static final String STATUS_PAGE = "translation-status.html";

    /** Fail on warnings too (stale translations, structure drift, missing plural forms). */
    @Parameter(property = "privacySite.strict", defaultValue = "false")
    boolean strict;

    /**
     * When set, the check also writes four reports into this directory, whether it passes or not:
     * {@code TEST-privacy-site.xml} (JUnit XML: any CI shows the findings as failed tests),
     * {@code privacy-site.sarif} (SARIF 2.1.0, for code-scanning annotations), {@code privacy-site.json}, and
     * {@code translation-status.html} (documents × locales, clause by clause, with its stylesheet
     * {@code status.css}; left out, with a warning, while the sources have errors). Default: no reports.
     */
    @Parameter(property = "privacySite.reportDirectory")
    File reportDirectory;

    /**
     * Also check the external ({@code http}/{@code https}) links of the site, concurrently, with
     * timeouts, retries and a per-host limit. Off by default: the check stays offline. Internal links
     * and anchors are always checked.
     */
    @Parameter(property = "privacySite.externalLinks", defaultValue = "false")
    boolean externalLinks;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping privacy site check (privacySite.skip=true).");
            return;
        }
        validatedSite();
        PrivacySite site = settings().siteBuilder().externalLinks(externalLinks).build();
        CheckResult result;
        try {
            result = site.check();
        } catch (ConfigurationException e) {
            throw SiteSettings.configurationFailure(e);
        }
        for (java.nio.file.Path override : result.overrides()) {
            getLog().info(override + " overrides the built-in theme");
        }
        writeReports(site, result);
        boolean failed = result.failed(strict);
        List<Finding> failing = result.findings().stream().filter(f -> strict || f.isError()).toList();
        if (failed) {
            // The failing findings go into the exception (Maven prints them once, at the end, also with -q);
            // the rest are logged here.
            log(result.findings().stream().filter(f -> !failing.contains(f)).toList());
            throw new MojoFailureException("Privacy site check failed: " + summary(result.findings())
                    + (strict ? " (strict: warnings count)" : "") + System.lineSeparator() + SiteSettings.lines(failing));
        }
        log(result.findings());
        getLog().info("Privacy site check passed: " + result.pages() + " pages, " + summary(result.findings()) + ".");
    }

    private void writeReports(PrivacySite site, CheckResult result) throws MojoExecutionException {
        if (reportDirectory == null) {
            return;
        }
        File page = new File(reportDirectory, STATUS_PAGE);
        try {
            for (java.nio.file.Path report : site.writeReports(result, reportDirectory.toPath(),
                    List.of("junit", "sarif", "json", "html"), strict)) {
                getLog().info("Report: " + report);
            }
        } catch (ConfigurationException e) {
            throw SiteSettings.configurationFailure(e);
        } catch (PrivacySiteException e) {
            getLog().warn("No translation status page: the sources have errors (" + summary(e.findings()) + ").");
            return;
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("Cannot write " + page + ": " + e.getCause().getMessage(), e);
        }

    }
}
