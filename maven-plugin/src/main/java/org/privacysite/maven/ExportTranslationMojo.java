package org.privacysite.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.ConfigurationException;
import org.privacysite.PrivacySiteException;
import org.privacysite.TranslationExport;

/**
 * Writes the source text as one XLIFF 2.0 file for a translator's CAT tool (Trados, memoQ, Phrase,
 * OmegaT, …): one unit per heading, paragraph, list item and table cell, facts and links as protected
 * tags, existing translations as targets, and for a stale clause what changed in the source.
 *
 * <pre>
 * mvn privacy-site:export-translation -DprivacySite.locale=fr -DprivacySite.only=stale
 * </pre>
 */
@Mojo(name = "export-translation", threadSafe = true)
public class ExportTranslationMojo extends AbstractPrivacySiteMojo {

    /** The translation's locale, e.g. {@code fr}: one of site.yaml's locales other than the source. */
    @Parameter(property = "privacySite.locale", required = true)
    String locale;

    /** Only this document, e.g. {@code privacy}. Default: every document of site.yaml. */
    @Parameter(property = "privacySite.document")
    String document;

    /** Which clauses: {@code missing}, {@code stale} or {@code all}. */
    @Parameter(property = "privacySite.only", defaultValue = "all")
    String only;

    /** The XLIFF file to write. Default: {@code target/<locale>.xlf}. */
    @Parameter(property = "privacySite.xliff")
    File xliff;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping export-translation (privacySite.skip=true).");
            return;
        }
        File out = xliff != null ? xliff : new File(buildDirectory, locale.trim() + ".xlf");
        try {
            List<String> documents = document == null || document.isBlank() ? List.of() : List.of(document.trim());
            TranslationExport export = validatedSite().exportTranslation(locale.trim(), documents, only, out.toPath());
            getLog().info("Wrote " + export.units() + " units of " + export.clauses() + " clauses to " + out);
        } catch (ConfigurationException e) {
            throw SiteSettings.configurationFailure(e);
        } catch (PrivacySiteException e) {
            log(e.findings());
            throw new MojoFailureException("Cannot export the " + locale + " translation (" + summary(e.findings()) + ")");
        }
    }
}
