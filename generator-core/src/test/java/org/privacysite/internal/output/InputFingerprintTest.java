package org.privacysite.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint reads every regular file of the sources, those reached through a link too. */
class InputFingerprintTest {

    @TempDir
    Path temp;

    @Test
    void aPolicyThatIsALinkIsFingerprintedThroughIt() throws IOException {
        Path content = Files.createDirectories(temp.resolve("content/en"));
        Files.writeString(content.resolve("privacy.md"), "# Privacy");
        Path shared = Files.createDirectories(temp.resolve("shared"));
        Files.writeString(shared.resolve("cookies.md"), "# Cookies");
        Files.createSymbolicLink(content.resolve("cookies.md"), shared.resolve("cookies.md"));
        Files.createSymbolicLink(content.resolve("folder-link"), shared); // a link to a folder is no file
        Path root = temp.resolve("content");

        assertEquals(Set.of("en/privacy.md", "en/cookies.md"), InputFingerprint.hash(Runnable::run, root).get(0).hashes().keySet());
        String before = InputFingerprint.of("1.0", root);
        Files.writeString(shared.resolve("cookies.md"), "# Cookies, changed");
        assertNotEquals(before, InputFingerprint.of("1.0", root));
    }

    @Test
    void filesInNestedFoldersAreFoundOnceEachWithTheirStampWhileDanglingLinksAreNot() throws IOException {
        Path templates = temp.resolve("templates");
        Files.createDirectories(templates.resolve("partials/deeper"));
        Files.writeString(templates.resolve("layout.ftlh"), "<html>");
        Files.writeString(templates.resolve("partials/menu.ftlh"), "<nav>");
        Files.writeString(templates.resolve("partials/deeper/item.ftlh"), "<li>");
        for (int i = 0; i < 100; i++) { // more entries than one slice of a folder holds
            Files.writeString(templates.resolve("partials/part" + i + ".ftlh"), "<p>" + i);
        }
        Files.createSymbolicLink(templates.resolve("gone.ftlh"), temp.resolve("missing.ftlh"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            InputFingerprint.HashedFiles hashed = InputFingerprint.hash(pool, (directory, path, stamp) -> null, templates).get(0);

            assertEquals(103, hashed.hashes().size());
            assertEquals(hashed.hashes().keySet(), hashed.stamps().keySet());
            assertEquals(Set.of("layout.ftlh", "partials/menu.ftlh", "partials/deeper/item.ftlh"),
                    Set.copyOf(hashed.hashes().keySet().stream().filter(name -> !name.contains("/part")).toList()));
            assertEquals(Files.size(templates.resolve("partials/deeper/item.ftlh")), hashed.stamps().get("partials/deeper/item.ftlh").size());
            assertEquals(InputFingerprint.of("1.0", templates), InputFingerprint.of("1.0", InputFingerprint.hash(pool, templates)));
        } finally {
            pool.shutdown();
        }
    }
}
