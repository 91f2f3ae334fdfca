package org.privacysite.maven;

import java.io.File;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.BuildResult;
import org.privacysite.ConfigurationException;
import org.privacysite.PrivacySiteException;

/** Builds the privacy site. The previous site is replaced only when the build succeeds. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class GenerateMojo extends AbstractPrivacySiteMojo {

    /** Where the site is written. */
    @Parameter(property = "privacySite.outputDirectory", defaultValue = "${project.build.directory}/privacy-site", required = true)
    File outputDirectory;

    /** Render even when nothing changed since the last build. */
    @Parameter(property = "privacySite.force", defaultValue = "false")
    boolean force;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping privacy site generation (privacySite.skip=true).");
            return;
        }
        try {
            BuildResult result = force ? site().build(outputDirectory.toPath()) : site().buildIfChanged(outputDirectory.toPath());
            if (result.upToDate()) {
                getLog().info("Privacy site is up to date (no change in content or templates): " + outputDirectory);
                return;
            }
            log(result.warnings());
            getLog().info("Built " + result.pages() + " pages into " + outputDirectory);
        } catch (ConfigurationException e) {
            log(e.findings());
            throw new MojoExecutionException("The privacy site configuration cannot be used: " + summary(e.findings()));
        } catch (PrivacySiteException e) {
            log(e.findings());
            throw new MojoFailureException("The privacy site has errors (" + summary(e.findings())
                    + "); the previous output was left as it was.\n" + e.getMessage());
        }
    }
}
