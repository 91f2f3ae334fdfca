package org.privacysite.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BidiIsolationTest {

    @ParameterizedTest(name = "{0} in rtl text: {1}, in ltr text: {2}")
    @CsvSource(delimiter = '|', value = {
            "+353 1 555 0142 | true | false",
            "https://kestrelvpn.example/ | true | false",
            "14 Harcourt Street, Dublin 2 | true | false",
            "IE 748213 | true | false",
            "شركة كسترل | false | true",
            "١٢٣ | false | true",
            "— | false | false"})
    void needed(String value, boolean inRightToLeft, boolean inLeftToRight) {
        assertEquals(inRightToLeft, BidiIsolation.needed(value, true));
        assertEquals(inLeftToRight, BidiIsolation.needed(value, false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "www.dataprotection.ie | true", "2026 | true", "اللجنة | false", "اللجنة DPC | false", "( ) | false"})
    void leftToRightOnly(String text, boolean expected) {
        assertEquals(expected, BidiIsolation.leftToRightOnly(text));
    }
}
