package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/**
 * A rule's page, as {@code privacy-site rules --explain} prints it and as {@code docs/rules.md} and the
 * README's rule table show it. Both documents are generated from the catalogue (a test keeps them in step).
 */
public final class RuleDocumentation {

    private RuleDocumentation() {
    }

    /** The page of one rule, as plain text for a terminal. */
    public static String text(Rule rule) {
        return rule.id() + " (" + rule.defaultSeverity().label() + "): " + rule.title() + "\n\n"
                + "What it protects: " + rule.protects() + "\n\n"
                + "How to fix: " + rule.fix() + "\n\n"
                + "Example:\n    " + rule.example() + "\n\n"
                + "Change its level in content/site.yaml, for the site or for a locale, a document or one clause:\n"
                + "    rules:\n"
                + "      " + rule.id() + ": " + (rule.defaultSeverity().label().equals("error") ? "warning" : "error")
                + "                # or off\n"
                + "      " + rule.id() + ": {fr/privacy#retention: off}\n"
                + "or in a clause's heading: ## Heading {#retention " + rule.id() + "=off}\n\n"
                + "More: " + rule.helpUri() + "\n";
    }

    /** One line per rule: id, default severity, title. */
    public static String list(List<Rule> rules) {
        int width = rules.stream().mapToInt(rule -> rule.id().length()).max().orElse(0);
        StringBuilder list = new StringBuilder();
        for (Rule rule : rules) {
            list.append(rule.id()).append(" ".repeat(width - rule.id().length() + 2))
                    .append(String.format("%-9s", rule.defaultSeverity().label())).append(rule.title()).append('\n');
        }
        return list.toString();
    }

    /** docs/rules.md: every rule's page, in catalogue order. */
    public static String markdownPages(List<Rule> rules) {
        StringBuilder page = new StringBuilder("""
                # Rules

                Every finding of `privacy-site check` names one of these rules. Change a rule's level in
                `content/site.yaml` (see the README's "Rules" section), print one page in a terminal with
                `privacy-site rules --explain ID`.

                This file is generated from the rule catalogue (`RuleDocumentationTest` checks it is up to
                date; run it with `-Dprivacy-site.update-docs=true` to rewrite it).

                """);
        for (Rule rule : rules) {
            page.append("## ").append(rule.id()).append('\n').append('\n')
                    .append("**").append(rule.title()).append("** (default: ").append(rule.defaultSeverity().label())
                    .append(")\n\n")
                    .append("- **What it protects:** ").append(rule.protects()).append('\n')
                    .append("- **How to fix:** ").append(rule.fix()).append('\n')
                    .append("- **Example:** `").append(rule.example().replace("`", "'")).append("`\n\n");
        }
        return page.toString();
    }

    /** The README's table: id (linked to its page), default severity, title. */
    public static String markdownTable(List<Rule> rules) {
        StringBuilder table = new StringBuilder("| rule | default | what it finds |\n| --- | --- | --- |\n");
        for (Rule rule : rules) {
            table.append("| [`").append(rule.id()).append("`](docs/rules.md#").append(rule.id().replace('.', '-'))
                    .append(") | ").append(rule.defaultSeverity().label()).append(" | ").append(rule.title()).append(" |\n");
        }
        return table.toString();
    }
}
