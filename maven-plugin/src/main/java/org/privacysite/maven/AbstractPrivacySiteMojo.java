package org.privacysite.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;

/** Parameters shared by the goals that read the sources. */
abstract class AbstractPrivacySiteMojo extends AbstractMojo {

    /**
     * Directory with {@code site.yaml} and one folder of Markdown policies per locale
     * ({@code <locale>/<document>.md}).
     */
    @Parameter(property = "privacySite.contentDirectory", defaultValue = "${project.basedir}/content", required = true)
    File contentDirectory;

    /**
     * Your own templates, assets and UI message bundles: each file replaces the built-in theme's file of
     * the same name (e.g. {@code partials/footer.ftlh}, {@code assets/site.css}, {@code messages/fr.yaml}),
     * so the directory holds only the files you change. Default: the project's {@code templates} folder when
     * it exists, else none (the built-in theme alone). A directory set here must exist.
     */
    @Parameter(property = "privacySite.templatesDirectory")
    File templatesDirectory;

    /** The project's directory, where the default templates directory is looked for. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    File basedir;

    /**
     * The locales this build expects, e.g. {@code en,fr,de}. A guard, not a filter: the generator always
     * builds every locale listed in {@code site.yaml}; when this parameter is set, the goal fails unless it
     * names exactly those locales (in any order), so a locale added or dropped in {@code site.yaml} does not
     * go unnoticed. Building a subset of the locales is not supported yet. Default: not checked.
     */
    @Parameter(property = "privacySite.locales")
    List<String> locales;

    /**
     * The absolute http(s) URL to publish the site under instead of {@code site.yaml}'s {@code baseUrl}, e.g.
     * {@code https://staging.privacy.example/} for a staging copy: every canonical link, hreflang alternate and
     * {@code sitemap.xml} entry starts with it. A site built with another base URL is not "up to date", so changing
     * it re-renders. Default: {@code site.yaml}'s {@code baseUrl}.
     */
    @Parameter(property = "privacySite.baseUrl")
    String baseUrl;

    /**
     * Worker threads for parsing and rendering. {@code 0} (the default) means one per available processor.
     * Lower it when several modules build sites at once ({@code mvn -T 2}).
     */
    @Parameter(property = "privacySite.threads", defaultValue = "0")
    int threads;

    /** Skip this goal. */
    @Parameter(property = "privacySite.skip", defaultValue = "false")
    boolean skip;

    SiteSettings settings() {
        return new SiteSettings(contentDirectory, SiteSettings.templates(templatesDirectory, basedir), locales, baseUrl, threads);
    }

    /** The generator for the configured directories, without validating the parameters. */
    PrivacySite site() {
        return settings().site();
    }

    /**
     * The generator for the configured directories, after checking that they exist and that the
     * parameters can be honoured.
     */
    PrivacySite validatedSite() throws MojoExecutionException {
        return settings().validatedSite();
    }

    /** Logs each finding at its level, in the {@code file:line:col} form IDEs link. */
    void log(List<Finding> findings) {
        for (Finding finding : findings) {
            if (finding.isError()) {
                getLog().error(finding.toString());
            } else {
                getLog().warn(finding.toString());
            }
        }
    }

    static String summary(List<Finding> findings) {
        return SiteSettings.summary(findings);
    }

    /** What a failed goal did to its output directory: nothing, whether a site was there (it stays) or not. */
    static String untouched(java.io.File outputDirectory) {
        return outputDirectory.exists() ? "the previous output in " + outputDirectory + " was left as it was"
                : "nothing was written to " + outputDirectory;
    }
}
