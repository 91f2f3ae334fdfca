package org.privacysite.internal.xliff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacysite.internal.content.ClauseLink;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageParser;
import org.privacysite.internal.messages.PseudoLocale;

/** A policy pseudo-translated block by block: text changes; keys, arguments, links and structure do not. */
class PseudoTranslationTest {

    private static final String POLICY = """
            ---
            title: Privacy Policy
            effective: 2026-09-01
            ---

            {company} (“**we**”) explains how we use your data. See [our website]({website}) or <https://example.com/help>.

            ## Who we are {#controller}

            - We keep data for {days, plural, one {# day} other {# days}}.
            - Write to [{privacyEmail}](mailto:{privacyEmail}), see [](#rights) and `kestrel_consent`.

            ## Your rights {#rights}

            | Right | Article |
            | --- | --- |
            | Access | 15 |
            """;

    private static Page parse(String locale, String text) {
        return new PageParser("en").parse(locale, "privacy", Path.of("content", locale, "privacy.md"), text);
    }

    private static List<String> links(Page page) {
        return page.links().stream().map(ClauseLink::key).toList();
    }

    @Test
    void accentedPolicyKeepsKeysArgumentsLinksAndStructure() {
        String pseudo = PseudoTranslation.markdown(PseudoLocale.ACCENTED, POLICY);
        Page source = parse("en", POLICY);
        Page page = parse("en-XA", pseudo);

        assertEquals(List.of(), page.findings());
        assertEquals(source.clauses().stream().map(c -> c.key() + " " + c.level() + " " + c.number()).toList(),
                page.clauses().stream().map(c -> c.key() + " " + c.level() + " " + c.number()).toList());
        assertEquals(links(source), links(page));
        assertEquals(source.argumentUses().stream().map(a -> a.argument().name()).toList(),
                page.argumentUses().stream().map(a -> a.argument().name()).toList());
        assertTrue(pseudo.contains("title: \"[Þŕîṽåçý Þöļîçý one]\""), pseudo);
        assertTrue(pseudo.contains("## \\[Ŵĥö ŵé åŕé one\\] {#controller}"), pseudo);
        assertTrue(pseudo.contains("“**ŵé**”"), pseudo);
        assertTrue(pseudo.contains("[öûŕ ŵéƀšîţé]({website})"), "a link's text changes, its address does not: " + pseudo);
        assertTrue(pseudo.contains("<https://example.com/help>"), "an autolink stays an address: " + pseudo);
        assertTrue(pseudo.contains("{days, plural, one {# ðåý} other {# ðåýš}}"), pseudo);
        assertTrue(pseudo.contains("[{privacyEmail}](mailto:{privacyEmail})") && pseudo.contains("[](#rights)")
                && pseudo.contains("`kestrel_consent`"), pseudo);
        assertTrue(pseudo.contains("| \\[Åççéšš one\\] | 15 |"), pseudo);
        assertTrue(pseudo.contains("effective: 2026-09-01"), pseudo);
    }

    @Test
    void rightToLeftPolicyWrapsWordsAndKeepsTheRest() {
        String pseudo = PseudoTranslation.markdown(PseudoLocale.RIGHT_TO_LEFT, POLICY);
        Page page = parse("ar-XB", pseudo);
        assertEquals(List.of(), page.findings());
        assertEquals(links(parse("en", POLICY)), links(page));
        assertTrue(pseudo.contains("## \u200f\u202eWho\u202c\u200f \u200f\u202ewe\u202c\u200f \u200f\u202eare\u202c\u200f {#controller}"), pseudo);
        assertTrue(pseudo.contains("{company} (“**\u200f\u202ewe\u202c\u200f**”)"), pseudo);
    }
}
