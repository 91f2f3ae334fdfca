package org.privacysite.internal.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    private static final String[] REFERENCE = {"cookies", "retention"};

    @Test
    void bodiesComeBackOnceAsTheyWereAndTheFileLeavesNoTrace() throws Exception {
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        EarlyBodies bodies = EarlyBodies.kept(tmp, 0); // no room in the heap: only the file can keep them
        PageKey french = new PageKey("fr", "privacy");
        PageKey japanese = new PageKey("ja", "privacy");
        String frenchHtml = "<p>Données conservées \uFDD00\uFDD1 pendant 30 jours.</p>";
        String japaneseHtml = "<p>データは\uFDD00\uFDD1に保存されます 😀</p>";
        bodies.put(french, new EarlyBodies.Body(frenchHtml, List.<String[]>of(REFERENCE)));
        bodies.put(japanese, new EarlyBodies.Body(japaneseHtml, List.<String[]>of(REFERENCE)));
        assertEquals(List.of(), files(tmp), "the file is deleted as soon as it is open");

        EarlyBodies.Body back = bodies.take(japanese);
        assertEquals(japaneseHtml, back.html());
        assertArrayEquals(REFERENCE, back.references().get(0));
        assertEquals(frenchHtml, bodies.take(french).html());
        assertNull(bodies.take(french), "taken once: the page is rendered once");
        assertNull(bodies.take(new PageKey("de", "privacy")), "never kept");

        bodies.put(french, new EarlyBodies.Body(frenchHtml, List.of()));
        bodies.close();
        assertNull(bodies.take(french), "closed: rendered again from its tree");
    }

    @Test
    void withoutAFileBodiesStayInTheHeapWithinTheirRoom() {
        Path noDirectory = temp.resolve("missing"); // no temporary file can be made here
        EarlyBodies bodies = EarlyBodies.kept(noDirectory, 10);
        bodies.put(new PageKey("en", "privacy"), new EarlyBodies.Body("<p>short</p>", List.of())); // 12 characters
        bodies.put(new PageKey("en", "terms"), new EarlyBodies.Body("<p>x</p>", List.of()));
        assertNull(bodies.take(new PageKey("en", "privacy")), "beyond the room");
        assertEquals("<p>x</p>", bodies.take(new PageKey("en", "terms")).html());
    }

    @Test
    void thePreviewKeepsNone() {
        EarlyBodies none = EarlyBodies.none();
        none.put(new PageKey("en", "privacy"), new EarlyBodies.Body("<p>text</p>", List.of()));
        assertNull(none.take(new PageKey("en", "privacy")));
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> list = Files.list(directory)) {
            return list.toList();
        }
    }
}
