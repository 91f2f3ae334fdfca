package org.privacysite.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.privacysite.BuildResult;
import org.privacysite.ConfigurationException;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;

/**
 * Builds the privacy site into {@code outputDirectory}. The site is written beside it and swapped in
 * only when complete, so a failed build leaves the previous site as it was. When no content, template
 * or generator version changed since the build that wrote {@code outputDirectory}, nothing is rendered
 * and the goal says "up to date" (see {@code force}). For CI, {@code check} with an {@code outputDirectory}
 * checks and publishes in one pass instead, with a build cache.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class GenerateMojo extends AbstractRenderingMojo {

    /** Where the site is written. Its previous content is replaced when the build succeeds. */
    @Parameter(property = "privacySite.outputDirectory", defaultValue = "${project.build.directory}/privacy-site", required = true)
    File outputDirectory;

    /** Render even when nothing changed since the last build. */
    @Parameter(property = "privacySite.force", defaultValue = "false")
    boolean force;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${maven.version}", readonly = true)
    String mavenVersion;

    /**
     * Also write each translated document as a tagged PDF, {@code <locale>/<document>/<document>.pdf},
     * linked from its page. Needs the system fonts of every locale's script (Debian: fonts-noto-core;
     * fonts-ipafont-gothic for Japanese).
     */
    @Parameter(property = "privacySite.pdf", defaultValue = "false")
    boolean pdf;

    /**
     * Also render the pseudo-locales {@code en-XA} (accented, about 30% longer, bracketed text) and {@code ar-XB}
     * (right to left), made from the source locale's texts, to find truncation, hard-coded text and mirroring
     * problems before translations exist. For a test build: never publish it.
     */
    @Parameter(property = "privacySite.pseudo", defaultValue = "false")
    boolean pseudo;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping privacy site generation (privacySite.skip=true).");
            return;
        }
        if (project != null) {
            SitePluginCheck.warning(project.getModel(), mavenVersion).ifPresent(getLog()::warn);
        }
        validatedSite();
        PrivacySite site = settings().siteBuilder().pdf(pdf).pseudo(pseudo).build();
        BuildResult result;
        try {
            result = force ? site.build(outputDirectory.toPath()) : site.buildIfChanged(outputDirectory.toPath());
        } catch (ConfigurationException e) {
            throw SiteSettings.configurationFailure(e);
        } catch (PrivacySiteException e) {
            List<Finding> errors = e.findings().stream().filter(Finding::isError).toList();
            log(e.findings().stream().filter(f -> !f.isError()).toList());
            throw new MojoFailureException("The privacy site has errors (" + summary(e.findings())
                    + "); " + untouched(outputDirectory) + ":" + System.lineSeparator()
                    + SiteSettings.lines(errors));
        }
        if (result.upToDate()) {
            getLog().info("Privacy site is up to date (no change in content or templates), nothing rendered: " + outputDirectory);
            return;
        }
        log(result.warnings());
        getLog().info("Built " + result.pages() + " pages into " + outputDirectory
                + (result.warnings().isEmpty() ? "" : " (" + summary(result.warnings()) + ")"));
        adviseJvm(result.pages());
    }
}
