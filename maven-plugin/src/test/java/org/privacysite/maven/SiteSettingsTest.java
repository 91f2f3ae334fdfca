package org.privacysite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parameter checks every goal shares, on the integration tests' small multi-locale site. */
class SiteSettingsTest {

    static final File CONTENT = new File("src/it/mark-translated/content"); // en, fr, de
    static final File TEMPLATES = new File("../templates");

    static SiteSettings settings(List<String> locales, String baseUrl) {
        return new SiteSettings(CONTENT, TEMPLATES, locales, baseUrl, 1);
    }

    @Test
    void localesThatMatchSiteYamlInAnyOrderPass() throws MojoExecutionException {
        assertNotNull(settings(List.of("de", "en", "fr"), null).validatedSite());
        assertNotNull(settings(List.of(), null).validatedSite());
        assertNotNull(settings(null, "  ").validatedSite());
    }

    @Test
    void localesThatDifferFromSiteYamlFailAsABrokenSetup() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> settings(List.of("en", "fr"), null).validatedSite());
        assertTrue(e.getMessage().contains("[en, fr] does not match"), e.getMessage());
        assertTrue(e.getMessage().contains("[en, fr, de]"), e.getMessage());
    }

    @Test
    void baseUrlReplacesTheOneOfSiteYamlInCanonicalUrls(@TempDir Path temp) throws MojoExecutionException, IOException {
        Path out = temp.resolve("site");
        settings(null, "https://staging.example.org/legal").validatedSite().build(out);
        String page = Files.readString(out.resolve("fr/privacy/index.html"));
        assertTrue(page.contains("<link rel=\"canonical\" href=\"https://staging.example.org/legal/fr/privacy/\">"), page);
    }

    @Test
    void aMissingDirectoryIsNamed() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> new SiteSettings(new File("no-such-dir"), TEMPLATES, null, null, 0).validatedSite());
        assertTrue(e.getMessage().contains("<contentDirectory>"), e.getMessage());
    }

    @Test
    void theProjectsTemplatesDirectoryIsUsedWhenItExistsElseTheBuiltInThemeAlone(@TempDir Path temp) throws IOException {
        File project = temp.toFile();
        assertNull(SiteSettings.templates(null, project), "no templates/: the built-in theme alone");
        Files.createDirectories(temp.resolve("templates"));
        assertEquals(new File(project, "templates"), SiteSettings.templates(null, project));
        File configured = new File("elsewhere");
        assertEquals(configured, SiteSettings.templates(configured, project), "a configured directory wins");
    }

    @Test
    void aConfiguredTemplatesDirectoryMustExist() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> new SiteSettings(CONTENT, new File("no-such-templates"), null, null, 0).validatedSite());
        assertTrue(e.getMessage().contains("<templatesDirectory>"), e.getMessage());
    }

    @Test
    void withoutTemplatesTheBuiltInThemeBuildsTheSite(@TempDir Path temp) throws MojoExecutionException, IOException {
        Path out = temp.resolve("site");
        new SiteSettings(CONTENT, null, null, null, 1).validatedSite().build(out);
        assertTrue(Files.readString(out.resolve("de/privacy/index.html")).contains("class=\"site-footer\""));
        assertTrue(Files.isRegularFile(out.resolve("assets/site.css")));
    }

    @Test
    void replaceTreeCopiesAndRemovesWhatIsGone(@TempDir Path temp) throws IOException {
        Path source = temp.resolve("source");
        Files.createDirectories(source.resolve("en/privacy"));
        Files.writeString(source.resolve("en/privacy/index.html"), "new");
        Path target = temp.resolve("site/privacy");
        Files.createDirectories(target.resolve("old"));
        Files.writeString(target.resolve("old/index.html"), "old");

        TranslationStatusReport.replaceTree(source, target);

        assertEquals("new", Files.readString(target.resolve("en/privacy/index.html")));
        assertTrue(Files.notExists(target.resolve("old")));
    }
}
