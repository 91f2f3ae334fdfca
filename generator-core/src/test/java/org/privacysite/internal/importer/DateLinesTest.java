package org.privacysite.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DateLinesTest {

    private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

    @Test
    void datesInEachLanguagesOwnWordsAndFormats() {
        assertEquals(List.of(new DateLines.DateLine(DateLines.Kind.EFFECTIVE, LocalDate.of(2022, 3, 10))),
                DateLines.parse("Effective March 10, 2022", "en"));
        assertEquals(List.of(new DateLines.DateLine(DateLines.Kind.UPDATED, MAY_1)), DateLines.parse("Last updated: 2024-05-01", "en"));
        assertEquals(List.of(new DateLines.DateLine(DateLines.Kind.UPDATED, MAY_1)), DateLines.parse("Last updated: 1 May 2024", "en"));
        assertEquals(List.of(new DateLines.DateLine(DateLines.Kind.UPDATED, LocalDate.of(2024, 3, 1))),
                DateLines.parse("Dernière mise à jour : 1er mars 2024", "fr"));
        assertEquals(List.of(new DateLines.DateLine(DateLines.Kind.UPDATED, MAY_1)), DateLines.parse("Stand: 1. Mai 2024", "de"));
        assertEquals(List.of(new DateLines.DateLine(DateLines.Kind.UPDATED, MAY_1)), DateLines.parse("最終更新日：2024年5月1日", "ja"));
        assertEquals(List.of(new DateLines.DateLine(DateLines.Kind.EFFECTIVE, LocalDate.of(2022, 3, 10))),
                DateLines.parse("2022年3月10日施行", "ja"));
        assertEquals(List.of(new DateLines.DateLine(DateLines.Kind.UPDATED, MAY_1)), DateLines.parse("آخر تحديث: 1 مايو 2024", "ar"));
    }

    @Test
    void bothDatesOnOneLine() {
        assertEquals(List.of(new DateLines.DateLine(DateLines.Kind.EFFECTIVE, LocalDate.of(2022, 3, 10)),
                        new DateLines.DateLine(DateLines.Kind.UPDATED, MAY_1)),
                DateLines.parse("Effective: March 10, 2022. Last updated: May 1, 2024.", "en"));
    }

    @Test
    void proseThatMentionsADateIsNotADateLine() {
        assertTrue(DateLines.parse("We updated our apps to stop collecting crash reports.", "en").isEmpty());
        assertTrue(DateLines.parse("This policy is effective from {effective, date, long}.", "en").isEmpty());
        assertTrue(DateLines.parse("Effective immediately, and for the 30 days after you close your account, we keep "
                + "your invoices and account data as required by the tax law of Ireland, updated 2024-05-01.", "en").isEmpty());
    }
}
