package org.privacysite.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocaleFormatterTest {

    private static final LocalDate SEPTEMBER_1 = LocalDate.of(2026, 9, 1);
    private static final IcuMessage CATEGORY = IcuMessage.parse(
            "{n, plural, =7 {seven} zero {zero} one {one} two {two} few {few} many {many} other {other}}");

    private static String format(String locale, String message, Map<String, ?> values) {
        return new LocaleFormatter(locale).format(IcuMessage.parse(message), values);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "ar, 0, zero", "ar, 1, one", "ar, 2, two", "ar, 3, few", "ar, 10, few", "ar, 11, many", "ar, 99, many",
            "ar, 100, other", "ar, 102, other", "ar, 103, few",
            "fr, 0, one", "fr, 1, one", "fr, 2, other", "fr, 1000000, many",
            "ja, 0, other", "ja, 1, other", "ja, 2, other",
            "en, 0, other", "en, 1, one", "en, 2, other",
            "de, 1, one", "de, 7, seven"})
    void pluralCategories(String locale, long n, String category) {
        assertEquals(category, new LocaleFormatter(locale).format(CATEGORY, Map.of("n", n)));
    }

    @Test
    void pluralWithNumberSign() {
        String message = "{days, plural, one {# jour} many {# de jours} other {# jours}}";
        assertEquals("1 jour", format("fr", message, Map.of("days", 1L)));
        assertEquals("30 jours", format("fr", message, Map.of("days", 30L)));
        String many = format("fr", message, Map.of("days", 1_000_000L));
        assertTrue(many.endsWith(" de jours"), many);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "en, 'September 1, 2026'",
            "fr, 1 septembre 2026",
            "de, 1. September 2026",
            "ja, 2026年9月1日"})
    void longDates(String locale, String expected) {
        assertEquals(expected, format(locale, "{d, date, long}", Map.of("d", SEPTEMBER_1)));
    }

    @Test
    void arabicLongDateUsesTheArabicMonthName() {
        String date = format("ar", "{d, date, long}", Map.of("d", SEPTEMBER_1));
        assertTrue(date.contains("سبتمبر"), date);
        assertTrue(date.contains("2026") || date.contains("٢٠٢٦"), date);
    }

    @Test
    void apostrophesInTheMessageAreLiteral() {
        assertEquals("L'adresse d'ACME, aujourd'hui", format("fr", "L'adresse d'{company}, aujourd'hui", Map.of("company", "ACME")));
    }

    @Test
    void textFactsAndNumbers() {
        assertEquals("ACME keeps logs for 1,234 days", format("en", "{company} keeps logs for {n, number} days",
                Map.of("company", "ACME", "n", 1234L)));
    }

    @Test
    void datesAreTheSameInEveryDefaultTimeZone() {
        String message = "{d, date, long} / {d, date, short}";
        String expected = format("en", message, Map.of("d", SEPTEMBER_1));
        for (String zone : List.of("Pacific/Kiritimati", "America/Los_Angeles", "Pacific/Pago_Pago")) {
            assertEquals(expected, inTimeZone(zone, () -> format("en", message, Map.of("d", SEPTEMBER_1))), zone);
        }
        assertTrue(expected.startsWith("September 1, 2026"), expected);
    }

    @Test
    void nestedDatesAreTheSameInEveryDefaultTimeZone() {
        String message = "{n, plural, one {from {d, date, long}} other {from {d, date, long}}}";
        Map<String, Object> values = Map.of("n", 1L, "d", SEPTEMBER_1);
        assertEquals("from September 1, 2026", inTimeZone("America/Los_Angeles", () -> format("en", message, values)));
        assertEquals("from September 1, 2026", inTimeZone("Pacific/Kiritimati", () -> format("en", message, values)));
    }

    /** Runs {@code action} with another JVM default time zone (java.util and ICU), restoring both afterwards. */
    private static String inTimeZone(String zone, java.util.function.Supplier<String> action) {
        java.util.TimeZone javaDefault = java.util.TimeZone.getDefault();
        com.ibm.icu.util.TimeZone icuDefault = com.ibm.icu.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
            com.ibm.icu.util.TimeZone.setDefault(com.ibm.icu.util.TimeZone.getTimeZone(zone));
            return action.get();
        } finally {
            com.ibm.icu.util.TimeZone.setDefault(icuDefault);
            java.util.TimeZone.setDefault(javaDefault);
        }
    }

    @Test
    void oneFormatterServesManyThreads() throws Exception {
        LocaleFormatter formatter = new LocaleFormatter("fr");
        IcuMessage message = IcuMessage.parse("{n, plural, one {# jour} other {# jours}} dès le {d, date, long}");
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long n = i % 3;
                results.add(executor.submit(() -> formatter.format(message, Map.of("n", n, "d", SEPTEMBER_1))));
            }
            for (int i = 0; i < results.size(); i++) {
                long n = i % 3;
                assertEquals(n + (n <= 1 ? " jour" : " jours") + " dès le 1 septembre 2026", results.get(i).get());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aNumberAndTheSameDigitsAsTextAreNotConfusedByTheCache() {
        LocaleFormatter formatter = new LocaleFormatter("en");
        IcuMessage message = IcuMessage.parse("Reference {n}.");
        assertEquals("Reference 1234.", formatter.format(message, Map.of("n", "1234")));
        assertEquals("Reference 1,234.", formatter.format(message, Map.of("n", 1234L)));
    }

    @Test
    void moreDistinctValuesThanTheCacheHoldsStillFormatCorrectly() {
        LocaleFormatter formatter = new LocaleFormatter("en");
        IcuMessage message = IcuMessage.parse("Kept {n, plural, one {# day} other {# days}} by {company}.");
        for (long n = 0; n < LocaleFormatter.CACHE_LIMIT * 2L + 3; n++) {
            String expected = "Kept " + String.format(java.util.Locale.ENGLISH, "%,d", n) + (n == 1 ? " day" : " days") + " by ACME.";
            assertEquals(expected, formatter.format(message, Map.of("n", n, "company", "ACME")));
        }
    }
}
