package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** Facts in the text: ICU MessageFormat syntax, and facts that site.yaml must define. */
public final class IcuRules {

    public static final Rule SYNTAX = Rule.error("icu.syntax", "Broken fact or plural",
            "A broken {argument} would print the raw braces, or nothing, in the published policy.",
            "Close the argument the message points at; to write a brace itself, write \\{ and \\} (or ICU's '{' and '}').",
            "content/fr/privacy.md:42:17: '{privacyEmail' is never closed with a }; a { starts a fact such as {company};"
                    + " to write a brace itself, use \\{");
    public static final Rule UNKNOWN_FACT = Rule.error("icu.unknown-fact", "Fact not defined",
            "A fact that site.yaml does not define would print nothing where the text needs a name, a period or an address.",
            "Define the fact under 'facts' in site.yaml, or fix its name in the text.",
            "content/en/privacy.md:18:24: {dpoEmial} is not a fact in site.yaml (did you mean {dpoEmail}?)");

    private IcuRules() {
    }

    public static List<Rule> all() {
        return List.of(SYNTAX, UNKNOWN_FACT);
    }
}
