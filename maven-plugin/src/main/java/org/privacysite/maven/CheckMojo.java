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
 *
 * <p>With {@code outputDirectory} it also publishes, in the same pass (the CLI's {@code check --out}): the site is
 * rendered once, checked as it is written, and replaces {@code outputDirectory} only when the check passes; a build
 * cache then makes the next check after an edit of policy texts parse, render and check only their pages.
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

    /**
     * Also publish: build the site into this directory in the same pass as the check (rendered once, each page
     * checked as it is written, like the command line's {@code check --out}). The directory is replaced only when
     * the check passes ({@code strict}: without warnings too); a failed check leaves the previous site as it was.
     * For CI, bind {@code check} with this parameter instead of {@code generate} and {@code check}, which render
     * the site twice: e.g. {@code target/privacy-site}, the directory {@code generate} writes
     * and the {@code translation-status} report reuses. Default: none, the check writes no site.
     */
    @Parameter(property = "privacySite.outputDirectory")
    File outputDirectory;

    /**
     * The build cache of the checks that publish into {@code outputDirectory}: what the last one parsed, rendered
     * and found, so that after an edit of policy texts only their pages are parsed, rendered and checked again,
     * and every other file is taken from the previous site. The site and the findings are the same as without it,
     * byte for byte. A damaged cache, or one written by another version, is never trusted: a warning says so and
     * everything is checked again. Keep it and {@code outputDirectory} between CI builds (not {@code mvn clean}).
     * Not used without {@code outputDirectory}, nor with {@code externalLinks}.
     */
    @Parameter(property = "privacySite.cacheDirectory", defaultValue = "${project.build.directory}/privacy-site-cache", required = true)
    File cacheDirectory;

    /**
     * Use the build cache of {@code cacheDirectory}; {@code false} checks and builds everything, without reading or
     * writing the cache (the command line's {@code --no-cache}).
     */
    @Parameter(property = "privacySite.cache", defaultValue = "true")
    boolean useCache;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping privacy site check (privacySite.skip=true).");
            return;
        }
        validatedSite();
        PrivacySite.Builder builder = settings().siteBuilder().externalLinks(externalLinks)
                .warnings(warning -> getLog().warn(warning));
        if (outputDirectory != null && useCache) {
            builder.cacheDirectory(cacheDirectory.toPath());
        }
        PrivacySite site = builder.build();
        CheckResult result;
        try {
            result = outputDirectory == null ? site.check() : site.checkAndBuild(outputDirectory.toPath(), strict);
        } catch (ConfigurationException e) {
            throw SiteSettings.configurationFailure(e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("Cannot write the privacy site to " + outputDirectory + ": "
                    + e.getCause().getMessage(), e);
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
                    + (strict ? " (strict: warnings count)" : "")
                    + (outputDirectory == null ? "" : "; " + untouched(outputDirectory))
                    + System.lineSeparator() + SiteSettings.lines(failing));
        }
        log(result.findings());
        getLog().info("Privacy site check passed: " + result.pages() + " pages, " + summary(result.findings()) + ".");
        if (outputDirectory != null) {
            getLog().info("Built " + result.pages() + " pages into " + outputDirectory);
        }
        adviseJvm(result.pages());
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
