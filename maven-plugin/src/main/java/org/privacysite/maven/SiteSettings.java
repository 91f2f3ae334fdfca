package org.privacysite.maven;

import java.io.File;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoExecutionException;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;

/**
 * The parameters every goal (and the site report) shares, turned into a {@link PrivacySite}. Kept
 * apart from the mojo classes because the report must extend {@code AbstractMavenReport}: both
 * declare the same parameters and hand them here.
 *
 * <p>Uses only the public API of {@code org.privacysite}.
 */
final class SiteSettings {

    final File contentDirectory;
    final File templatesDirectory;
    final List<String> locales;
    final String baseUrl;
    final int threads;
    /** The date taken as today ({@code <asOf>}, YYYY-MM-DD), or null for the default. */
    final String asOf;

    /** @param templatesDirectory the site's own templates, or null for the built-in theme alone */
    SiteSettings(File contentDirectory, File templatesDirectory, List<String> locales, String baseUrl, int threads) {
        this(contentDirectory, templatesDirectory, locales, baseUrl, threads, null);
    }

    private SiteSettings(File contentDirectory, File templatesDirectory, List<String> locales, String baseUrl, int threads,
                         String asOf) {
        this.contentDirectory = contentDirectory;
        this.templatesDirectory = templatesDirectory;
        this.locales = locales == null ? List.of() : locales.stream()
                .filter(l -> l != null && !l.isBlank()).map(String::trim).toList();
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.trim();
        this.threads = threads;
        this.asOf = asOf == null || asOf.isBlank() ? null : asOf.trim();
    }

    /** These settings with {@code <asOf>}, the date taken as today (checked by {@link #validatedSite()}). */
    SiteSettings asOf(String date) {
        return new SiteSettings(contentDirectory, templatesDirectory, locales, baseUrl, threads, date);
    }

    /** The generator for these settings, without the checks of {@link #validatedSite()}. */
    PrivacySite.Builder siteBuilder() {
        PrivacySite.Builder builder = PrivacySite.builder()
                .contentDirectory(contentDirectory.toPath())
                .templatesDirectory(templatesDirectory == null ? null : templatesDirectory.toPath());
        if (threads > 0) {
            builder.threads(threads);
        }
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        if (asOf != null) {
            builder.asOf(LocalDate.parse(asOf));
        }
        return builder;
    }

    PrivacySite site() {
        return siteBuilder().build();
    }

    /**
     * The generator for these settings, after checking the directories and the parameters the
     * generator cannot honour yet.
     *
     * @throws MojoExecutionException when a directory is missing or {@code <locales>} does not match site.yaml
     */
    PrivacySite validatedSite() throws MojoExecutionException {
        requireDirectory("contentDirectory", contentDirectory);
        if (templatesDirectory != null) {
            requireDirectory("templatesDirectory", templatesDirectory);
        }
        requireDate();
        PrivacySite site = site();
        checkLocales(site);
        return site;
    }

    /**
     * The templates directory to use: the configured one, else {@code templates} in the project's
     * directory when it exists, else null (the built-in theme alone).
     */
    static File templates(File configured, File basedir) {
        if (configured != null) {
            return configured;
        }
        File conventional = basedir == null ? null : new File(basedir, "templates");
        return conventional != null && conventional.isDirectory() ? conventional : null;
    }

    /**
     * {@code <locales>} is a guard, not a filter (the generator always builds every locale of site.yaml):
     * when set, it must name exactly the locales of site.yaml, in any order.
     */
    private void checkLocales(PrivacySite site) throws MojoExecutionException {
        if (locales.isEmpty()) {
            return;
        }
        List<String> actual;
        try {
            actual = site.locales();
        } catch (PrivacySiteException e) {
            throw configurationFailure(e);
        }
        Set<String> expected = new LinkedHashSet<>(locales);
        if (!expected.equals(new LinkedHashSet<>(actual))) {
            throw new MojoExecutionException("<locales> " + expected + " does not match the locales of "
                    + new File(contentDirectory, "site.yaml") + ": " + actual + ". Building a subset of the locales is "
                    + "not supported yet; <locales> only guards against a locale being added or dropped unnoticed.");
        }
    }

    private void requireDate() throws MojoExecutionException {
        if (asOf == null) {
            return;
        }
        try {
            LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("<asOf> '" + asOf + "' is not a date: write it as YYYY-MM-DD, e.g. "
                    + "-DprivacySite.asOf=2026-09-01 for the site as it will be on 1 September 2026.");
        }
    }

    private static void requireDirectory(String parameter, File directory) throws MojoExecutionException {
        if (directory == null || !directory.isDirectory()) {
            throw new MojoExecutionException("<" + parameter + "> " + directory + " is not a directory.");
        }
    }

    /** A broken setup ({@code site.yaml}, directories): the build cannot even start. */
    static MojoExecutionException configurationFailure(PrivacySiteException e) {
        return new MojoExecutionException("The privacy site configuration cannot be used (" + summary(e.findings()) + "):"
                + System.lineSeparator() + lines(e.findings()));
    }

    /** The findings, one {@code file:line:col: severity: message [rule]} per line. */
    static String lines(List<Finding> findings) {
        return findings.stream().map(Finding::toString).collect(Collectors.joining(System.lineSeparator()));
    }

    static String summary(List<Finding> findings) {
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        return errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s");
    }
}
