package org.privacysite.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;

/** Parameters shared by the goals that read the sources. */
abstract class AbstractPrivacySiteMojo extends AbstractMojo {

    /** Directory with {@code site.yaml} and one folder of Markdown policies per locale. */
    @Parameter(property = "privacySite.contentDirectory", defaultValue = "${project.basedir}/content", required = true)
    File contentDirectory;

    /** Directory with the FreeMarker templates, assets and UI message bundles. */
    @Parameter(property = "privacySite.templatesDirectory", defaultValue = "${project.basedir}/templates", required = true)
    File templatesDirectory;

    /** Skip this goal. */
    @Parameter(property = "privacySite.skip", defaultValue = "false")
    boolean skip;

    PrivacySite site() {
        return PrivacySite.builder()
                .contentDirectory(contentDirectory.toPath())
                .templatesDirectory(templatesDirectory.toPath())
                .build();
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
        long errors = findings.stream().filter(Finding::isError).count();
        return errors + " error" + (errors == 1 ? "" : "s") + ", " + (findings.size() - errors) + " warning"
                + (findings.size() - errors == 1 ? "" : "s");
    }
}
