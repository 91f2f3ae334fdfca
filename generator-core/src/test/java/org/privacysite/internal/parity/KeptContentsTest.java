package org.privacysite.internal.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.privacysite.internal.content.PageKey;

/** The clause contents kept for a build cache wait in a temporary file: each page's bytes come back as kept, and the file goes. */
class KeptContentsTest {

    @Test
    void pagesKeptFromManyThreadsComeBackAsTheyWereAndTheFileIsDeletedWhenClosed() {
        KeptContents kept = new KeptContents();
        Map<PageKey, byte[]> expected = new ConcurrentHashMap<>();
        IntStream.range(0, 2000).parallel().forEach(i -> {
            PageKey page = new PageKey("l" + i % 20, "d" + i / 20);
            byte[] bytes = ("clause " + i + " données ").repeat(i % 50 + 1).getBytes(StandardCharsets.UTF_8);
            expected.put(page, bytes);
            kept.put(page, bytes);
        });
        expected.forEach((page, bytes) -> assertArrayEquals(bytes, kept.get(page), page.toString()));
        assertNull(kept.get(new PageKey("xx", "none")), "a page never kept");

        Path file = kept.file();
        assertTrue(file != null && openDescriptors(file) > 0, "kept in a file, not on the heap");
        kept.clear();
        assertNull(kept.get(new PageKey("l0", "d0")), "a check that starts over keeps its pages anew");
        kept.put(new PageKey("l0", "d0"), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, kept.get(new PageKey("l0", "d0")));

        kept.close();
        assertFalse(Files.exists(file), "deleted (on Linux it has no name from the start: nothing is left behind if killed)");
        assertEquals(0, openDescriptors(file), "closed: the disk space is given back");
        assertNull(kept.get(new PageKey("l0", "d0")));
    }

    /** How many of this process's open files are {@code file} (Linux's /proc; -1 where there is none). */
    private static long openDescriptors(Path file) {
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isDirectory(descriptors)) {
            return -1;
        }
        try (java.util.stream.Stream<Path> all = Files.list(descriptors)) {
            return all.filter(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).toString().startsWith(file.toString());
                } catch (java.io.IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
