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
}
