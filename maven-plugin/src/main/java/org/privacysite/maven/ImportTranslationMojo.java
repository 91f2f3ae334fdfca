package org.privacysite.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.ConfigurationException;
import org.privacysite.PrivacySiteException;
import org.privacysite.TranslationImport;

/**
 * Writes a translator's XLIFF 2 file (made by {@code export-translation}) back into the translation's
 * Markdown and records the imported clauses as translated. Every tag, unit and the target language are
 * checked first: on any problem the build fails with the XLIFF file's line and nothing is written.
 *
 * <pre>
 * mvn privacy-site:import-translation -DprivacySite.xliff=fr.xlf
 * </pre>
 */
@Mojo(name = "import-translation", threadSafe = true)
public class ImportTranslationMojo extends AbstractPrivacySiteMojo {

    /** The XLIFF file to import. */
    @Parameter(property = "privacySite.xliff", required = true)
    File xliff;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping import-translation (privacySite.skip=true).");
            return;
        }
        try {
            TranslationImport result = validatedSite().importTranslation(xliff.toPath());
            result.notes().forEach(note -> getLog().warn(note));
            getLog().info("Imported " + result.units() + " units into " + result.locale() + " (" + result.skipped()
                    + " without a finished translation left alone); " + (result.written().isEmpty() ? "no file changed."
                    : "changed " + result.written().stream().map(Path::toString).collect(Collectors.joining(", ")) + "."));
        } catch (ConfigurationException e) {
            throw SiteSettings.configurationFailure(e);
        } catch (PrivacySiteException e) {
            log(e.findings());
            throw new MojoFailureException("Cannot import " + xliff + " (" + summary(e.findings()) + "); nothing was written");
        }
    }
}
