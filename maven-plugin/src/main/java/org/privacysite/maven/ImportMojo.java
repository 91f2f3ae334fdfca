package org.privacysite.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.ConfigurationException;
import org.privacysite.ImportResult;
import org.privacysite.PolicyImport;
import org.privacysite.PrivacySiteException;

/**
 * Brings existing policies in: Markdown (from Jekyll, Hugo, Docusaurus...), saved web pages (.html) and
 * Word documents (.docx) laid out as {@code <locale>/<document>.<ext>} or {@code <document>.<locale>.<ext>}
 * become {@code <contentDirectory>/<locale>/<document>.md} and {@code site.yaml}. Clause keys come from the
 * source language; translations are aligned to it by structure. Existing files are replaced only with
 * {@code -DprivacySite.force=true}.
 *
 * <pre>
 * mvn privacy-site:import -DprivacySite.importSource=old-site -DprivacySite.localeMap=en-US=en,zh_CN=zh-CN
 * </pre>
 */
@Mojo(name = "import", requiresProject = true, threadSafe = true)
public class ImportMojo extends AbstractPrivacySiteMojo {

    /** The folder with the existing policies. */
    @Parameter(property = "privacySite.importSource", required = true)
    File importSource;

    /** The language the clause keys come from. Default: {@code en} when the source has it. */
    @Parameter(property = "privacySite.sourceLocale")
    String sourceLocale;

    /** Renames the source's locales, e.g. {@code en-US=en,zh_CN=zh-CN}. */
    @Parameter(property = "privacySite.localeMap")
    List<String> localeMap;

    /** Replace files that exist in the content directory. */
    @Parameter(property = "privacySite.force", defaultValue = "false")
    boolean force;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping import (privacySite.skip=true).");
            return;
        }
        PolicyImport.Builder builder = PolicyImport.builder().source(importSource.toPath()).out(contentDirectory.toPath())
                .sourceLocale(sourceLocale).force(force);
        for (String mapping : localeMap == null ? List.<String>of() : localeMap) {
            String[] parts = mapping.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new MojoExecutionException("privacySite.localeMap: '" + mapping + "' is not FROM=TO, like en-US=en");
            }
            builder.mapLocale(parts[0].trim(), parts[1].trim());
        }
        ImportResult result;
        try {
            result = builder.build().run();
        } catch (ConfigurationException e) {
            throw SiteSettings.configurationFailure(e);
        } catch (PrivacySiteException e) {
            log(e.findings());
            throw new MojoFailureException("Nothing was imported (" + summary(e.findings()) + "):"
                    + System.lineSeparator() + SiteSettings.lines(e.findings()));
        }
        for (String line : result.summary(contentDirectory.toPath())) {
            getLog().info(line);
        }
        getLog().info("Set baseUrl in site.yaml, then run: mvn privacy-site:check");
    }
}
