package org.privacysite.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacysite.Location;

/** Packed, a page's clauses read back as the records they were; a page finds them by key and by line. */
class PackedClausesTest {

    private static final Path FILE = Path.of("content/ja/privacy.md");

    private static final List<Clause> CLAUSES = List.of(
            new Clause("summary", 2, "", "要約", null, new Location(FILE, 5, 1), null, false, Map.of()),
            new Clause("retention", 2, "1", "保存期間 {retentionDays}", null, new Location(FILE, 9, 1), "ab12", false, Map.of()),
            new Clause("backups", 3, "1.1", "", "retention", new Location(FILE, 14, 1), null, true,
                    Map.of("parity.structure", "off")),
            new Clause("logs", 4, "1.1.1", "Logs", "backups", new Location(FILE, 20, 3), "cd34", false, Map.of()),
            new Clause("rights", 2, "2", "Your rights", null, new Location(FILE, (1 << 20) - 1, 2047), null, false, Map.of()));

    @Test
    void clausesReadBackEqualWithTheirTitlesParentsHashesAndRules() {
        List<Clause> packed = PackedClauses.of(FILE, CLAUSES);
        assertInstanceOf(PackedClauses.class, packed);
        assertEquals(CLAUSES, packed);
        assertEquals(CLAUSES.hashCode(), packed.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> packed.set(0, CLAUSES.get(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> packed.get(5));
        List<Clause> translated = CLAUSES.stream().map(clause -> new Clause(clause.key(), clause.level(), clause.number(),
                clause.title(), clause.parentKey(), clause.location(), null, clause.local(), clause.rules())).toList();
        assertEquals(translated, PackedClauses.of(FILE, translated)); // no hashes, as a translation's
    }

    @Test
    void clausesThatCannotBePackedAreKeptAsWritten() {
        Clause otherFile = new Clause("retention", 2, "1", "Retention", null, new Location(Path.of("other.md"), 9, 1), null, false, Map.of());
        Clause farColumn = new Clause("retention", 2, "1", "Retention", null, new Location(FILE, 9, 2048), null, false, Map.of());
        Clause parentBelow = new Clause("backups", 3, "1.1", "Backups", "retention", new Location(FILE, 4, 1), null, false, Map.of());
        for (List<Clause> clauses : List.of(List.of(otherFile), List.of(farColumn), List.of(parentBelow, farColumn))) {
            List<Clause> kept = PackedClauses.of(FILE, clauses);
            assertEquals(clauses, kept);
            assertEquals(false, kept instanceof PackedClauses);
        }
        assertEquals(List.of(), PackedClauses.of(FILE, List.of()));
    }

    @Test
    void aPageFindsAClauseByKeyByItsHeadingsLineAndByALineInsideIt() {
        for (List<Clause> clauses : List.of(CLAUSES, PackedClauses.of(FILE, CLAUSES))) {
            Page page = new Page("ja", "privacy", FILE, null, clauses, List.of(), List.of(), List.of(), null, 3, List.of());
            assertEquals(CLAUSES.get(3), page.clause("logs"));
            assertNull(page.clause("cookies"));
            assertEquals(CLAUSES.get(2), page.clauseAtLine(14));
            assertNull(page.clauseAtLine(15));
            assertEquals(CLAUSES.get(2), page.clauseAround(19));
            assertEquals(CLAUSES.get(3), page.clauseAround(20));
            assertNull(page.clauseAround(4));
            assertEquals(true, page.setsRules());
        }
    }
}
