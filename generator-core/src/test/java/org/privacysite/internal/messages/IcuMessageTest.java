package org.privacysite.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IcuMessageTest {

    @Test
    void plainTextNeedsNoIcu() {
        assertFalse(IcuMessage.hasArguments("Aujourd'hui, c'est l'été."));
        assertTrue(IcuMessage.hasArguments("Hello {name}"));
        assertTrue(IcuMessage.hasArguments("a } b"));
    }

    @Test
    void segmentsSplitTextFromTopLevelArgumentsAndUnquoteApostrophes() {
        IcuMessage message = IcuMessage.parse("L'adresse d'{company}: {n, plural, one {# jour d'{who}} other {# jours}}.");
        List<String> pieces = message.segments().stream()
                .map(segment -> segment.isLiteral() ? "text:" + segment.text() : "arg:" + segment.argumentPattern() + segment.names())
                .toList();
        assertEquals(List.of("text:L'adresse d'", "arg:{company}[company]", "text:: ",
                "arg:{n, plural, one {# jour d''{who}} other {# jours}}[n, who]", "text:."), pieces);
    }

    @Test
    void argumentNamesTypesAndKeywords() {
        IcuMessage message = IcuMessage.parse(
                "{company} keeps data for {days, plural, one {# day} other {# days}} since {since, date, long}; "
                        + "{kind, select, business {team} other {you}} ({days, number})");
        List<IcuMessage.Argument> arguments = message.arguments();
        assertEquals(List.of("company", "days", "since", "kind", "days"), arguments.stream().map(IcuMessage.Argument::name).toList());
        assertEquals(List.of("none", "plural", "date", "select", "number"), arguments.stream().map(IcuMessage.Argument::type).toList());
        assertEquals(Set.of("one", "other"), arguments.get(1).keywords());
        assertEquals(Set.of("business", "other"), arguments.get(3).keywords());
        assertEquals(Set.of(), arguments.get(0).keywords());
        assertEquals(List.of("company", "days", "since", "kind"), List.copyOf(message.argumentNames()));
        assertEquals(0, arguments.get(0).index());
        assertEquals(25, arguments.get(1).index());
    }

    @Test
    void explicitValueSelectorsAndSelectordinal() {
        IcuMessage message = IcuMessage.parse("{n, plural, =0 {none} one {# item} other {# items}} {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}");
        assertEquals(Set.of("=0", "one", "other"), message.arguments().get(0).keywords());
        assertEquals("selectordinal", message.arguments().get(1).type());
        assertEquals(Set.of("one", "two", "few", "other"), message.arguments().get(1).keywords());
    }

    @Test
    void argumentsNestedInPluralCasesAreFound() {
        IcuMessage message = IcuMessage.parse("{days, plural, one {# day, then {company} deletes it} other {# days}}");
        assertEquals(List.of("days", "company"), List.copyOf(message.argumentNames()));
        assertEquals(Set.of("one", "other"), message.arguments().get(0).keywords(), "nested selectors are not the outer keywords");
        assertEquals(32, message.arguments().get(1).index());
    }

    @Test
    void apostrophesAreLiteralAndIndicesCountTheWritersText() {
        IcuMessage message = IcuMessage.parse("L'adresse d'{company} n'est pas '{x}'");
        assertEquals("L'adresse d'{company} n'est pas '{x}'", message.source());
        assertEquals(List.of("company", "x"), List.copyOf(message.argumentNames()));
        assertEquals(12, message.arguments().get(0).index());
        assertEquals(33, message.arguments().get(1).index());
    }

    @Test
    void missingOtherCase() {
        IcuSyntaxException e = assertThrows(IcuSyntaxException.class,
                () -> IcuMessage.parse("We keep it for {days, plural, one {# day}}."));
        assertEquals(15, e.index());
        assertTrue(e.getMessage().contains("other"), e.getMessage());
    }

    @Test
    void badArgumentSyntaxIndex() {
        IcuSyntaxException e = assertThrows(IcuSyntaxException.class, () -> IcuMessage.parse("Write to {privacy email}"));
        assertEquals(9, e.index(), "at the '{' that opens the broken argument: " + e.getMessage());
        assertEquals("'{privacy email}' is not a fact: a fact's name is one word, such as {company}, optionally followed by"
                + " its format, such as {effective, date, long}; a { starts a fact such as {company}; to write a brace itself, use \\{",
                e.getMessage());
    }

    @Test
    void errorIndexAfterApostrophesIsInTheWritersText() {
        IcuSyntaxException e = assertThrows(IcuSyntaxException.class, () -> IcuMessage.parse("L'a d'{x y}"));
        assertEquals(6, e.index(), e.getMessage());
    }

    /** ICU's own words and its doubled apostrophes never reach the writer, whatever the mistake. */
    @Test
    void syntaxErrorsAreInPlainWordsAtTheOpeningBrace() {
        String[][] cases = {
                {"L'article d'{company, plural, one '{# jour} other {# jours}}", "12"},
                {"Délai : {days, plural, one # jour other {# jours}}.", "8"},
                {"Nous {region, select, eu {l'UE}}", "5"},
                {"Voir {la section 3}", "5"},
                {"Écrivez à {privacyEmail", "10"},
        };
        for (String[] example : cases) {
            IcuSyntaxException e = assertThrows(IcuSyntaxException.class, () -> IcuMessage.parse(example[0]), example[0]);
            assertEquals(Integer.parseInt(example[1]), e.index(), example[0] + ": " + e.getMessage());
            assertTrue(e.getMessage().endsWith("a { starts a fact such as {company}; to write a brace itself, use \\{"), e.getMessage());
            assertFalse(e.getMessage().contains("''"), e.getMessage());
            assertFalse(e.getMessage().matches("(?is).*(pattern|syntax|unmatched|index|ICU).*"), e.getMessage());
        }
    }

    /** A brace as text: Markdown's backslash, ICU's quotes, or the marker a Markdown parser leaves for an escaped brace. */
    @Test
    void bracesWrittenAsText() {
        for (String text : List.of("a \\{b\\} {company}", "a '{'b'}' {company}", "a \uFDD3b\uFDD4 {company}")) {
            IcuMessage message = IcuMessage.parse(text);
            assertEquals(java.util.Set.of("company"), message.argumentNames(), text);
            assertEquals("a {b} ACME", new LocaleFormatter("en").format(message, Map.of("company", "ACME")), text);
        }
        assertEquals("l'adresse d'ACME", new LocaleFormatter("fr").format(IcuMessage.parse("l'adresse d'{company}"),
                Map.of("company", "ACME")), "apostrophes stay literal");
    }

    @Test
    void unclosedArgument() {
        IcuSyntaxException e = assertThrows(IcuSyntaxException.class, () -> IcuMessage.parse("Hello {name"));
        assertEquals(6, e.index());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void unclosedArgumentAfterAClosedOne() {
        IcuSyntaxException e = assertThrows(IcuSyntaxException.class, () -> IcuMessage.parse("a {b} c {d"));
        assertEquals(8, e.index());
    }

    @Test
    void unknownArgumentTypeIsASyntaxError() {
        IcuSyntaxException e = assertThrows(IcuSyntaxException.class, () -> IcuMessage.parse("We are {company, nmber}."));
        assertEquals(7, e.index());
    }

    @Test
    void theSameArgumentInTwoMessagesIsEqualOnlyWithoutItsPlace() {
        IcuMessage.Argument first = IcuMessage.parse("For {days, plural, one {# day} other {# days}}.").arguments().get(0);
        IcuMessage.Argument second = IcuMessage.parse("Kept {days, plural, one {# day} other {# days}}.").arguments().get(0);
        IcuMessage.Argument otherCases = IcuMessage.parse("For {days, plural, other {# days}}.").arguments().get(0);

        assertFalse(first.equals(second)); // written at another place
        assertEquals(first.placeless(), second.placeless());
        assertEquals(first.placeless().hashCode(), second.placeless().hashCode());
        assertFalse(first.placeless().equals(otherCases.placeless()));
        assertFalse(first.placeless().equals(new IcuMessage.Argument("days", "select", first.keywords(), -1)));
        assertFalse(first.placeless().equals(new IcuMessage.Argument("hours", "plural", first.keywords(), -1)));
    }
}
