package org.privacysite.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        assertEquals(10, e.index(), e.getMessage());
    }

    @Test
    void errorIndexAfterApostrophesIsInTheWritersText() {
        IcuSyntaxException e = assertThrows(IcuSyntaxException.class, () -> IcuMessage.parse("L'a d'{x y}"));
        assertEquals(7, e.index(), e.getMessage());
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
}
