package org.privacysite.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.ConfigurationException;
import org.privacysite.SiteInit;

/**
 * Starts a new site: writes {@code site.yaml}, {@code cookies.yaml} (with only the consent cookie the
 * banner sets) and, per locale, a skeleton privacy and cookie policy into {@code contentDirectory}. Each
 * clause has a {@code TODO(legal)} placeholder that {@code check} reports as a warning until a writer
 * replaces it ({@code -DprivacySite.strict} fails on them). It writes no templates (the built-in theme
 * serves) and never replaces an existing file: a second run changes nothing. Not bound to a phase.
 *
 * <pre>
 * mvn privacy-site:init -DprivacySite.locales=en,fr,de -DprivacySite.name="Acme"
 * </pre>
 *
 * Unlike the other goals it reads no site, so it takes none of their shared parameters.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractMojo {

    /** Where to write the new site's sources. */
    @Parameter(property = "privacySite.contentDirectory", defaultValue = "${basedir}/content", required = true)
    File contentDirectory;

    /** The site's locales, the source language first, e.g. {@code en,fr,de}. */
    @Parameter(property = "privacySite.locales", required = true)
    List<String> locales;

    /** The site's (and the company's) name, e.g. {@code Acme}: shown on every page, used in the policies. */
    @Parameter(property = "privacySite.name", required = true)
    String name;

    /** Which documents to write: {@code privacy}, {@code cookies}. Default: both. */
    @Parameter(property = "privacySite.documents")
    List<String> documents;

    /** Skip this goal. */
    @Parameter(property = "privacySite.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping init (privacySite.skip=true).");
            return;
        }
        SiteInit.Result result;
        try {
            result = SiteInit.write(contentDirectory.toPath(), name, locales, documents);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Cannot start the site: " + e.getMessage() + ".");
        } catch (ConfigurationException e) {
            throw new MojoExecutionException("Cannot start the site in " + contentDirectory + ":" + System.lineSeparator()
                    + SiteSettings.lines(e.findings()));
        }
        for (Path file : result.written()) {
            getLog().info("Wrote " + file);
        }
        for (Path file : result.leftAlone()) {
            getLog().info("Left " + file + " as it was: it exists already");
        }
        for (String note : result.notes()) {
            getLog().warn(note);
        }
        getLog().info(result.written().isEmpty() ? "Nothing written: every file of the skeleton exists already."
                : "Wrote " + result.written().size() + " files. Next: replace each TODO(legal) placeholder "
                        + "(mvn verify lists them as warnings), then publish.");
    }
}
