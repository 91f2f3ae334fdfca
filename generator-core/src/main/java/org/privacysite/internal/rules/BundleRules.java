package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** Message bundles: the UI texts of the theme and the texts of cookies.yaml, per locale. */
public final class BundleRules {

    public static final Rule MISSING = Rule.error("bundle.missing", "Message file missing",
            "Without its texts a language's pages would show the menu, the banner and the cookie tables in keys.",
            "Create the message file for the locale with the messages of the source language, translated.",
            "content/es/messages.yaml: message file is missing or empty; 12 messages of messages.yaml need a translation");
    public static final Rule EMPTY = Rule.error("bundle.empty", "Message without text",
            "The page would show nothing where the text belongs.",
            "Write the text.",
            "templates/messages/fr.yaml:7:1: message 'nav.skip' has no text");
    public static final Rule KEY_MISSING = Rule.error("bundle.key-missing", "Message missing in a translation",
            "The page would show a key instead of the text.",
            "Add the message, translated.",
            "content/fr/messages.yaml:1:1: message 'category.analytics' is missing (present in en)");
    public static final Rule KEY_EXTRA = Rule.error("bundle.key-extra", "Message not in the source",
            "A message only one language has is usually a misspelled key, so the intended one is missing.",
            "Fix the key, or remove the message.",
            "content/fr/messages.yaml:9:1: message 'category.analytic' is not in the en source");
    public static final Rule ARGUMENTS = Rule.error("bundle.arguments", "Message with other arguments",
            "A translation that drops or renames an {argument} would leave out a name, a date or a number.",
            "Use the same {arguments} as the source message.",
            "templates/messages/de.yaml:12:1: message 'footer.contact' uses arguments [mail] but the en source uses [email]");

    public static final Rule FALLBACK = Rule.warning("bundle.fallback", "UI texts of a parent locale",
            "A locale without UI texts of its own shows those of its nearest CLDR parent (es-MX shows es, zh-TW shows zh-Hant),"
                    + " or, when none has texts, of its first CLDR child (no shows nb, Norwegian Bokmål):"
                    + " the right language, but perhaps not the words or spelling its readers expect.",
            "Add templates/messages/<locale>.yaml with the locale's own texts, or list the parent locale in site.yaml instead.",
            "content/site.yaml:4:14: locale 'es-MX' has no UI texts of its own; its pages show the built-in es texts (CLDR parents: es-419, es)");

    private BundleRules() {
    }

    public static List<Rule> all() {
        return List.of(MISSING, EMPTY, KEY_MISSING, KEY_EXTRA, ARGUMENTS, FALLBACK);
    }
}
