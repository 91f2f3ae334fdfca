package org.privacysite.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Android's and Chromium's pseudo-locales for ICU messages: text changes, arguments do not. */
class PseudoLocaleTest {

    @Test
    void accentedTextIsBracketedAndAboutAThirdLonger() {
        String pseudo = PseudoLocale.ACCENTED.message("Privacy policy");
        assertEquals("[Þŕîṽåçý þöļîçý one]", pseudo);
        assertTrue(pseudo.length() >= "Privacy policy".length() * 1.3, pseudo);
    }

    @Test
    void argumentsStayAndPluralCasesAreTranslated() {
        String source = "Write to {email} within {n, plural, one {# day} other {# days}} of {date, date, long}.";
        String pseudo = PseudoLocale.ACCENTED.message(source);
        assertTrue(pseudo.contains("{email}") && pseudo.contains("{date, date, long}"), pseudo);
        assertTrue(pseudo.contains("{n, plural, one {# ðåý} other {# ðåýš}}"), pseudo);
        IcuMessage message = IcuMessage.parse(pseudo);
        assertEquals(IcuMessage.parse(source).argumentNames(), message.argumentNames());
        LocaleFormatter formatter = new LocaleFormatter("en-XA");
        String formatted = formatter.format(message, Map.of("email", "dpo@example.com", "n", 3,
                "date", java.time.LocalDate.of(2026, 9, 1)));
        assertTrue(formatted.startsWith("[Ŵŕîţé ţö dpo@example.com ŵîţĥîñ 3 ðåýš"), formatted);
    }

    @Test
    void escapesAddressesAndEntitiesAreKept() {
        assertEquals("[Šéé https://example.com/a \\{ñöţ åñ åŕĝ\\} &amp; ţĥîš one two]",
                PseudoLocale.ACCENTED.message("See https://example.com/a \\{not an arg\\} &amp; this"));
    }

    @Test
    void rightToLeftWrapsEveryWordInAnOverrideAndKeepsArguments() {
        String pseudo = PseudoLocale.RIGHT_TO_LEFT.message("Hello {company}, 2 days");
        String rlm = "\u200f";
        String rlo = "\u202e";
        String pdf = "\u202c";
        assertEquals(rlm + rlo + "Hello" + pdf + rlm + " {company}, 2 " + rlm + rlo + "days" + pdf + rlm, pseudo);
        assertFalse(pseudo.contains("["), "no brackets: the override is the marker");
    }

    @Test
    void pseudoLocalesAreKnownByTheirTags() {
        assertEquals(List.of("en-XA", "ar-XB"), PseudoLocale.tags());
        assertTrue(PseudoLocale.isPseudo("ar-XB"));
        assertFalse(PseudoLocale.isPseudo("ar"));
    }
}
