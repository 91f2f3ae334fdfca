package org.privacysite.internal.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.internal.render.TemplateEngine;

/** A site's own templates directory over the built-in theme, one file at a time. */
class ThemeTest {

    @TempDir
    Path own;

    private Path write(String name, String text) throws IOException {
        Path file = own.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void withoutADirectoryEveryFileIsTheBuiltInOne() {
        Theme theme = Theme.builtIn();
        assertNull(theme.overrideDirectory());
        assertEquals(Theme.builtInDirectory().resolve("partials/footer.ftlh"), theme.file("partials/footer.ftlh"));
        assertTrue(Files.isRegularFile(theme.file("messages/en.yaml")));
        assertEquals(List.of(), theme.overridden());
        assertTrue(theme.files("assets").keySet().containsAll(List.of("site.css", "consent.js", "consent.css")));
    }

    @Test
    void aFileOfTheSiteReplacesTheBuiltInFileOfTheSameNameOnly() throws IOException {
        Path footer = write("partials/footer.ftlh", "<footer>ours</footer>\n");
        Path css = write("assets/site.css", "body{}\n");
        Path extra = write("assets/logo.svg", "<svg/>\n");
        Theme theme = Theme.of(own);

        assertEquals(footer, theme.file("partials/footer.ftlh"));
        assertEquals(Theme.builtInDirectory().resolve("partials/menu.ftlh"), theme.file("partials/menu.ftlh"));
        Map<String, Path> assets = theme.files("assets");
        assertEquals(css, assets.get("site.css"));
        assertEquals(extra, assets.get("logo.svg"), "a file the built-in theme lacks is added");
        assertEquals(Theme.builtInDirectory().resolve("assets/consent.js"), assets.get("consent.js"));
        assertEquals(List.of(css, footer), theme.overridden(), "only replacements, in name order");
    }

    @Test
    void aFileNeitherHasIsLookedForInTheSitesDirectory() {
        assertEquals(own.resolve("messages/xx.yaml"), Theme.of(own).file("messages/xx.yaml"));
    }

    @Test
    void templatesAreLookedUpInTheSitesDirectoryFirst() throws IOException {
        write("partials/greeting.ftlh", "Hello from the site");
        write("page.ftlh", "<#include \"partials/greeting.ftlh\">!");
        TemplateEngine engine = new TemplateEngine(Theme.of(own));
        assertEquals("Hello from the site!", engine.render("page.ftlh", Map.of()));
        assertTrue(engine.has("document.ftlh"), "the built-in document template");
        assertFalse(new TemplateEngine(Theme.builtIn()).has("page.ftlh"));
    }

    @Test
    void theBuiltInThemesIdentityIsAHashOfItsFiles() {
        assertTrue(Theme.builtInIdentity().matches("[0-9a-f]{16}"), Theme.builtInIdentity());
    }

    /** In a jar the identity comes from the jar's directory (CRC-32 and size), not the files' bytes: it must still see a change. */
    @Test
    void aThemeJarWithAnotherTemplateOfTheSameSizeHasAnotherIdentity() throws IOException {
        String before = identityOfJar("before.jar", "<p>${title}</p>");
        assertEquals(before, identityOfJar("again.jar", "<p>${title}</p>"));
        assertFalse(before.equals(identityOfJar("after.jar", "<b>${title}</b>")));
        Path folder = write("folder/" + Theme.RESOURCES + "/layout.ftlh", "<p>${title}</p>").getParent();
        assertTrue(Theme.identity(folder).matches("[0-9a-f]{16}"));
    }

    private String identityOfJar(String name, String layout) throws IOException {
        Path jar = own.resolve(name);
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry(Theme.RESOURCES + "/layout.ftlh"));
            out.write(layout.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new java.util.zip.ZipEntry(Theme.RESOURCES + "/assets/site.css"));
            out.write("body { margin: 0 }".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
            return Theme.identity(zip.getPath("/" + Theme.RESOURCES));
        }
    }
}
