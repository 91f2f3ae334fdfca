package org.privacysite.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.privacysite.BuildResult;
import org.privacysite.ConfigurationException;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;
import org.privacysite.TranslationStatus;

/**
 * The "Translation status" page of the Maven site ({@code mvn site}), among the project reports:
 * documents × locales with the number of clauses up to date, stale and missing, and the clauses that
 * need a translator. It also puts the privacy site itself under the Maven site, in {@code sitePath}
 * ({@code target/site/privacy/} by default), so one {@code mvn site} gives the web team both. The
 * privacy site is the one {@code generate} writes into {@code privacySiteDirectory}: reused when up to
 * date, built first otherwise.
 *
 * <p>Configure it in {@code <reporting>}. Do not set {@code outputDirectory} in a plugin-level
 * {@code <configuration>} shared with the report: for a report that name is the Maven site's directory.
 * Set it inside the {@code generate} execution instead, and {@code privacySiteDirectory} here.
 */
@Mojo(name = "translation-status", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class TranslationStatusReport extends AbstractMavenReport {

    // The next five parameters repeat those of AbstractPrivacySiteMojo, Javadoc word for word: a report must
    // extend AbstractMavenReport, so it cannot inherit them. ParameterDocumentationTest keeps the copies equal.

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

    /**
     * Where the privacy site is built (the {@code outputDirectory} of {@code generate}, or of a {@code check}
     * that publishes, under the same user property). Reused as it is when nothing changed since it was built.
     */
    @Parameter(property = "privacySite.outputDirectory", defaultValue = "${project.build.directory}/privacy-site", required = true)
    File privacySiteDirectory;

    /**
     * Folder of the Maven site the privacy site is copied into, relative to the site's root, e.g.
     * {@code privacy} for {@code target/site/privacy/}. The report page links to it.
     */
    @Parameter(property = "privacySite.sitePath", defaultValue = "privacy", required = true)
    String sitePath;

    /** Skip the report (and the copy of the privacy site). */
    @Parameter(property = "privacySite.skip", defaultValue = "false")
    boolean skip;

    // Deprecated in MavenReport 4.0 for getOutputPath(), yet still abstract there and what AbstractMavenReport calls.
    @SuppressWarnings("deprecation")
    @Override
    public String getOutputName() {
        return "translation-status";
    }

    @Override
    public String getName(Locale locale) {
        return "Translation status";
    }

    @Override
    public String getDescription(Locale locale) {
        return "How far each translation of the privacy policies is: clauses up to date, stale or missing per "
                + "document and language, and the privacy site itself.";
    }

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            getLog().info("Skipping the translation status report (privacySite.skip=true).");
            return false;
        }
        if (!new File(contentDirectory, "site.yaml").isFile()) {
            getLog().info("No translation status report: no " + new File(contentDirectory, "site.yaml") + ".");
            return false;
        }
        return true;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Path target = sitePath();
        PrivacySite site;
        try {
            site = new SiteSettings(contentDirectory, SiteSettings.templates(templatesDirectory, basedir), locales, baseUrl,
                    threads).validatedSite();
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        TranslationStatus status;
        try {
            status = site.translationStatus();
            BuildResult result = site.buildIfChanged(privacySiteDirectory.toPath());
            if (result.upToDate()) {
                getLog().info("Privacy site is up to date, nothing rendered: " + privacySiteDirectory);
            } else {
                getLog().info("Built " + result.pages() + " pages into " + privacySiteDirectory);
            }
        } catch (ConfigurationException e) {
            throw new MavenReportException(SiteSettings.configurationFailure(e).getMessage(), e);
        } catch (PrivacySiteException e) {
            List<Finding> errors = e.findings().stream().filter(Finding::isError).toList();
            throw new MavenReportException("The privacy site has errors (" + SiteSettings.summary(e.findings()) + "):"
                    + System.lineSeparator() + SiteSettings.lines(errors.isEmpty() ? e.findings() : errors), e);
        }
        try {
            replaceTree(privacySiteDirectory.toPath(), target);
        } catch (IOException | UncheckedIOException e) {
            throw new MavenReportException("Cannot copy the privacy site into " + target + ": " + e.getMessage(), e);
        }
        getLog().info("Privacy site copied into the Maven site: " + target);
        new TranslationStatusRenderer(getSink(), status, relativeLink()).render();
    }

    /** The copy's directory, which must stay strictly inside the Maven site's directory. */
    private Path sitePath() throws MavenReportException {
        String path = sitePath == null ? "" : sitePath.trim().replace('\\', '/');
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Path root = getReportOutputDirectory().toPath().toAbsolutePath().normalize();
        Path target = root.resolve(path).normalize();
        if (path.isEmpty() || path.startsWith("/") || !target.startsWith(root) || target.equals(root)) {
            throw new MavenReportException("<sitePath> must be a folder inside the Maven site, e.g. 'privacy', not '"
                    + sitePath + "'.");
        }
        return target;
    }

    private String relativeLink() {
        String path = sitePath.trim().replace('\\', '/');
        return path.endsWith("/") ? path + "index.html" : path + "/index.html";
    }

    /** Replaces {@code target} with a copy of {@code source}. */
    static void replaceTree(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            Files.walkFileTree(target, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
