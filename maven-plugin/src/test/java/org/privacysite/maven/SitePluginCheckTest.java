package org.privacysite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.model.ReportPlugin;
import org.apache.maven.model.Reporting;
import org.junit.jupiter.api.Test;

/**
 * A project that reports translation status with a maven-site-plugin too old for the report is told so by
 * {@code generate}, with the fix. (The IT site-plugin-unpinned runs the real thing on the Maven building this.)
 */
class SitePluginCheckTest {

    @Test
    void maven38sDefaultSitePluginIsNamedWithTheFix() {
        String warning = SitePluginCheck.warning(reporting(), "3.8.7").orElseThrow();
        assertTrue(warning.contains("uses 3.3"), warning);
        assertTrue(warning.contains("DocumentContent"), warning);
        assertTrue(warning.contains("<artifactId>maven-site-plugin</artifactId><version>3.21.0</version>"), warning);
    }

    @Test
    void theVersionMavenWillUseDecides() {
        Model model = reporting();
        model.setBuild(new Build());
        model.getBuild().addPlugin(sitePlugin("3.3")); // what Maven 3.8 puts in the effective model
        assertTrue(SitePluginCheck.warning(model, "3.8.7").isPresent());
        model.getBuild().getPlugins().clear();
        model.getBuild().setPluginManagement(new PluginManagement());
        model.getBuild().getPluginManagement().addPlugin(sitePlugin("3.21.0"));
        assertEquals(Optional.empty(), SitePluginCheck.warning(model, "3.8.7"), "pinned");
        model.getBuild().addPlugin(sitePlugin("3.12.1"));
        assertEquals(Optional.empty(), SitePluginCheck.warning(model, "3.9.16"), "Maven 3.9's default runs the report");
    }

    @Test
    void silentWithoutTheReportOrOnNewerMaven() {
        assertEquals(Optional.empty(), SitePluginCheck.warning(new Model(), "3.8.7"), "no report, nothing to warn about");
        assertEquals(Optional.empty(), SitePluginCheck.warning(reporting(), "3.9.16"));
        assertEquals(Optional.empty(), SitePluginCheck.warning(reporting(), "4.0.0-rc-4"));
        assertEquals(Optional.empty(), SitePluginCheck.warning(reporting(), null), "unknown Maven: no guess");
    }

    private static Model reporting() {
        Model model = new Model();
        model.setReporting(new Reporting());
        ReportPlugin report = new ReportPlugin();
        report.setGroupId("org.privacysite");
        report.setArtifactId("privacy-site-maven-plugin");
        model.getReporting().addPlugin(report);
        return model;
    }

    private static Plugin sitePlugin(String version) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-site-plugin");
        plugin.setVersion(version);
        return plugin;
    }
}
