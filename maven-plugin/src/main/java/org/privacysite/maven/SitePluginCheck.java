package org.privacysite.maven;

import java.util.List;
import java.util.Optional;

import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginManagement;

/**
 * Whether {@code mvn site} of a project can run the translation-status report. The report is built on Doxia 2
 * (maven-reporting-impl 4); maven-site-plugin 3.3, which Maven 3.8 and older use when a project does not pin
 * one, stops {@code mvn site} with "A required class was missing ... DocumentContent" before any code of the
 * report runs, so the report cannot say it itself. The {@code generate} goal, which a project runs before
 * {@code mvn site}, says it instead, with the fix.
 */
final class SitePluginCheck {

    static final String SITE_PLUGIN = "org.apache.maven.plugins:maven-site-plugin";

    /** The oldest maven-site-plugin the report was tried with and runs on (Maven 3.9's default). */
    static final String OLDEST_WORKING = "3.12.1";

    /** The version this project's pom pins and the README shows. */
    static final String RECOMMENDED = "3.21.0";

    private SitePluginCheck() {
    }

    /**
     * The warning for a project whose {@code mvn site} would fail on the report, or empty.
     *
     * @param model        the project's effective model (Maven puts the site plugin it will use, pinned or
     *                     default, among its build plugins)
     * @param mavenVersion the running Maven's version, e.g. {@code 3.8.7}
     */
    static Optional<String> warning(Model model, String mavenVersion) {
        boolean reports = model.getReporting() != null && model.getReporting().getPlugins().stream()
                .anyMatch(plugin -> "privacy-site-maven-plugin".equals(plugin.getArtifactId()));
        if (!reports) {
            return Optional.empty();
        }
        Optional<String> pinned = pinnedVersion(model);
        // Without a pin, Maven chooses: 3.3 up to Maven 3.8, 3.12.1 in Maven 3.9, 3.21.0 in Maven 4.0.
        String used = pinned.orElse(mavenVersion != null && !mavenVersion.isBlank() && older(mavenVersion, "3.9.0") ? "3.3" : null);
        if (used == null || used.contains("${") || !older(used, OLDEST_WORKING)) {
            return Optional.empty();
        }
        return Optional.of("mvn site will fail on the translation-status report: it needs maven-site-plugin "
                + OLDEST_WORKING + " or later, and this build uses " + used + " (Maven 3.8 and older use 3.3 unless"
                + " the pom pins a version), which stops with \"A required class was missing ... DocumentContent\". Pin it in the pom's"
                + " <build><pluginManagement><plugins>: <plugin><groupId>org.apache.maven.plugins</groupId>"
                + "<artifactId>maven-site-plugin</artifactId><version>" + RECOMMENDED + "</version></plugin>");
    }

    /** The maven-site-plugin version the pom gives, in {@code <plugins>} or else in {@code <pluginManagement>}. */
    private static Optional<String> pinnedVersion(Model model) {
        if (model.getBuild() == null) {
            return Optional.empty();
        }
        Optional<String> declared = version(model.getBuild().getPlugins());
        PluginManagement management = model.getBuild().getPluginManagement();
        return declared.isPresent() || management == null ? declared : version(management.getPlugins());
    }

    private static Optional<String> version(List<Plugin> plugins) {
        return plugins.stream().filter(plugin -> SITE_PLUGIN.equals(plugin.getKey()))
                .map(Plugin::getVersion).filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst();
    }

    private static boolean older(String version, String than) {
        return new ComparableVersion(version).compareTo(new ComparableVersion(than)) < 0;
    }
}
