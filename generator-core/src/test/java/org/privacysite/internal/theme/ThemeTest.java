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
}
