package org.privacysite.internal.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.privacysite.internal.content.PageKey;

/** The clause contents kept for a build cache wait in a scratch file: each page's bytes come back as kept. */
class KeptContentsTest {

    @Test
    void pagesKeptFromManyThreadsComeBackAsTheyWere() {
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

        kept.clear();
        assertNull(kept.get(new PageKey("l0", "d0")), "a check that starts over keeps its pages anew");
        kept.put(new PageKey("l0", "d0"), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, kept.get(new PageKey("l0", "d0")));

        kept.close();
        assertNull(kept.get(new PageKey("l0", "d0")), "closed: the file is gone");
        kept.put(new PageKey("l1", "d0"), new byte[] {4});
        assertNull(kept.get(new PageKey("l1", "d0")), "nothing is kept once closed");
    }
}
