package org.privacysite.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.privacysite.Location;
import org.privacysite.internal.messages.IcuMessage;

/** Packed, a page's argument uses and links read back as the records they were, wherever they were written. */
class PackedUsesTest {

    private static final Path FILE = Path.of("content/fr/privacy.md");
    private static final IcuMessage.Argument DAYS = new IcuMessage.Argument("retentionDays", "plural", Set.of("one", "other"), -1);

    @Test
    void usesAndLinksReadBackEqual() {
        List<ArgumentUse> uses = List.of(new ArgumentUse(DAYS, FILE, 12, 7, false), new ArgumentUse(DAYS, FILE, (1 << 20) - 1, 2047, true),
                new ArgumentUse(DAYS, FILE, 0, 0, false));
        List<ClauseLink> links = List.of(new ClauseLink(null, "retention", true, new Location(FILE, 3, 1)),
                new ClauseLink("cookies", null, false, new Location(FILE, 40, 2000)));
        assertEquals(uses, PackedUses.argumentUses(FILE, uses));
        assertEquals(links, PackedUses.links(FILE, links));
        assertEquals(uses.hashCode(), PackedUses.argumentUses(FILE, uses).hashCode());
        assertThrows(UnsupportedOperationException.class, () -> PackedUses.links(FILE, links).set(0, links.get(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> PackedUses.argumentUses(FILE, uses).get(3));
    }

    @Test
    void placesBeyondThePackedRangeOrInAnotherFileAreKeptAsWritten() {
        List<ArgumentUse> uses = List.of(new ArgumentUse(DAYS, FILE, 12, 7, false), new ArgumentUse(DAYS, FILE, 1 << 20, 3, true),
                new ArgumentUse(DAYS, FILE, 5, 2048, true));
        List<ClauseLink> links = List.of(new ClauseLink(null, "retention", true, new Location(Path.of("other.md"), 3, 1)));
        assertEquals(uses, PackedUses.argumentUses(FILE, uses));
        assertEquals(links, PackedUses.links(FILE, links));
        assertEquals(List.of(), PackedUses.links(FILE, List.of()));
    }
}
