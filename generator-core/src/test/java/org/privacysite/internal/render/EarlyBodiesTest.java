package org.privacysite.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.internal.content.PageKey;

/** The bodies rendered early wait in a temporary file and come back exactly as they were kept. */
class EarlyBodiesTest {

    @TempDir
    Path temp;

    @Test
    void bodiesComeBackOnceAsTheyWereAndTheFileLeavesNoTrace() throws Exception {
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        EarlyBodies bodies = EarlyBodies.kept(tmp, 0); // no room in the heap: only the file can keep them
        PageKey french = new PageKey("fr", "privacy");
        PageKey japanese = new PageKey("ja", "privacy");
        String frenchHtml = "<p>Données conservées \uFDD0cookies\uFDD2retention\uFDD1 pendant 30 jours.</p>";
        String japaneseHtml = "<p>データは\uFDD0cookies\uFDD2retention\uFDD1に保存されます 😀</p>";
        bodies.put(french, frenchHtml);
        bodies.put(japanese, japaneseHtml);
        assertEquals(List.of(), files(tmp), "the file is deleted as soon as it is open");

        assertEquals(japaneseHtml, bodies.take(japanese));
        assertEquals(frenchHtml, bodies.take(french));
        assertNull(bodies.take(french), "taken once: the page is rendered once");
        assertNull(bodies.take(new PageKey("de", "privacy")), "never kept");

        bodies.put(french, frenchHtml);
        bodies.close();
        assertNull(bodies.take(french), "closed: rendered again from its tree");
    }

    @Test
    void withoutAFileBodiesStayInTheHeapWithinTheirRoom() {
        Path noDirectory = temp.resolve("missing"); // no temporary file can be made here
        EarlyBodies bodies = EarlyBodies.kept(noDirectory, 10);
        bodies.put(new PageKey("en", "privacy"), "<p>short</p>"); // 12 characters
        bodies.put(new PageKey("en", "terms"), "<p>x</p>");
        assertNull(bodies.take(new PageKey("en", "privacy")), "beyond the room");
        assertEquals("<p>x</p>", bodies.take(new PageKey("en", "terms")));
    }

    @Test
    void thePreviewKeepsNone() {
        EarlyBodies none = EarlyBodies.none();
        none.put(new PageKey("en", "privacy"), "<p>text</p>");
        assertNull(none.take(new PageKey("en", "privacy")));
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> list = Files.list(directory)) {
            return list.toList();
        }
    }
}
