package org.privacysite.internal.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageParser;

/** A build cache's copy of a page's clause contents is what the page itself gives, place for place. */
class ClauseContentCodecTest {

    private static final String POLICY = """
            ---
            title: Privacy
            effective: 2026-01-01
            ---

            Before the first clause, 2 numbers: 365.

            ## Who we are {#controller}

            {company} runs {product}; write to [us](#contact) or see [cookies](cookies.md#manage).

            ## Retention {#retention}

            We keep logs for {days, plural, one {# day} other {# days}} and backups {kind, select, full {fully} other {in part}}.

            - first item, 12 months
            - second item

              nested paragraph 7

            | What | How long |
            |---|---|
            | logs | 30 days |

            1. ordered
            2. list, 2026

            ## Contact {#contact}

            Mail us. Lines go back and forth: 99.
            """;

    @Test
    void contentsReadBackFromTheirBytesAreThoseOfThePage() {
        Map<String, ClauseContent> read = roundTrip(POLICY);

        assertEquals(4, read.size()); // the text before the first clause, and three clauses
        assertEquals(2, read.get("retention").arguments().size());
    }

    /** The bytes grow past their first kilobyte as they are written. */
    @Test
    void aLongPageReadsBackWhole() {
        StringBuilder policy = new StringBuilder(POLICY);
        for (int i = 0; i < 60; i++) {
            policy.append("\n## Clause number ").append(i).append(" of a long policy {#clause-").append(i).append("}\n\n")
                    .append("We keep {kind").append(i).append("} for ").append(i * 7).append(" days; see [contact](#contact).\n");
        }
        Map<String, ClauseContent> read = roundTrip(policy.toString());

        assertEquals(64, read.size());
        assertEquals(List.of("kind59"), read.get("clause-59").arguments().stream().map(a -> a.argument().name()).toList());
    }

    /** {@code policy}'s contents written and read back, compared with those parsed, field by field. */
    private static Map<String, ClauseContent> roundTrip(String policy) {
        Page page = new PageParser("en").parse("en", "privacy", Path.of("content/en/privacy.md"), policy);
        Map<String, ClauseContent> contents = ClauseContent.of(page);

        byte[] bytes = ClauseContentCodec.write(contents, page);
        assertNotNull(bytes);
        Map<String, ClauseContent> read = ClauseContentCodec.read(ByteBuffer.wrap(bytes), page);

        assertEquals(List.copyOf(contents.keySet()), List.copyOf(read.keySet()));
        for (String key : contents.keySet()) {
            ClauseContent expected = contents.get(key);
            ClauseContent actual = read.get(key);
            assertEquals(expected.title(), actual.title(), key);
            assertEquals(expected.location(), actual.location(), key);
            assertEquals(expected.arguments(), actual.arguments(), key);
            assertEquals(expected.links(), actual.links(), key);
            assertEquals(List.of(expected.paragraphs(), expected.lists(), expected.listItems(), expected.tables(), expected.tableRows()),
                    List.of(actual.paragraphs(), actual.lists(), actual.listItems(), actual.tables(), actual.tableRows()), key);
            assertEquals(expected.shape(), actual.shape(), key);
            assertArrayEquals(expected.shapeLines(), actual.shapeLines(), key);
            assertArrayEquals(expected.shapeColumns(), actual.shapeColumns(), key);
            assertEquals(expected.numbers(), actual.numbers(), key);
        }
        return read;
    }

    @Test
    void bytesCutShortAreRefusedNotMisread() {
        Page page = new PageParser("en").parse("en", "privacy", Path.of("content/en/privacy.md"), POLICY);
        byte[] bytes = ClauseContentCodec.write(ClauseContent.of(page), page);

        assertThrows(IllegalArgumentException.class,
                () -> ClauseContentCodec.read(ByteBuffer.wrap(bytes, 0, bytes.length / 2), page));
    }
}
