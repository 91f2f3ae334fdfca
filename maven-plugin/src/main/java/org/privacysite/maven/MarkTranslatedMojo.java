package org.privacysite.maven;

import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.ConfigurationException;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;

/**
 * Records that a translation was reviewed against the current source text, so its clauses are no longer
 * reported stale by {@code check} until the source changes again. Writes
 * {@code <contentDirectory>/.translated/<locale>/<document>.yaml}: commit it with the translation.
 *
 * <pre>
 * mvn privacy-site:mark-translated -DprivacySite.locale=fr -DprivacySite.document=privacy
 * </pre>
 */
@Mojo(name = "mark-translated", threadSafe = true)
public class MarkTranslatedMojo extends AbstractPrivacySiteMojo {

    /** The translation's locale, e.g. {@code fr}: one of site.yaml's locales other than the source. */
    @Parameter(property = "privacySite.locale", required = true)
    String locale;

    /** The document, e.g. {@code privacy}. Default: every document of site.yaml. */
    @Parameter(property = "privacySite.document")
    String document;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping mark-translated (privacySite.skip=true).");
            return;
        }
        PrivacySite site = validatedSite();
        try {
            List<String> documents = document == null || document.isBlank() ? site.documents() : List.of(document.trim());
            for (String name : documents) {
                int clauses = site.markTranslated(locale.trim(), name);
                getLog().info("Marked " + clauses + " clauses of " + locale.trim() + "/" + name + ".md as translated.");
            }
        } catch (ConfigurationException e) {
            throw SiteSettings.configurationFailure(e);
        } catch (PrivacySiteException e) {
            List<Finding> errors = e.findings().stream().filter(Finding::isError).toList();
            throw new MojoFailureException("Cannot mark " + locale + " as translated (" + summary(e.findings()) + "):"
                    + System.lineSeparator() + SiteSettings.lines(errors.isEmpty() ? e.findings() : errors));
        }
    }
}
