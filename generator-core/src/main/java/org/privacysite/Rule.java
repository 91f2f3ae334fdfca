package org.privacysite;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One check the generator runs, declared once with its documentation. Every {@link Finding} names
 * the rule it breaks; {@code site.yaml}'s {@code rules:} changes a rule's severity or switches it off.
 * The full list is {@link RuleCatalogue#all()}.
 *
 * @param id              stable id, {@code area.name}, e.g. {@code parity.clause-missing}
 * @param defaultSeverity the severity unless site.yaml says otherwise
 * @param title           a short phrase, e.g. "Clause missing in a translation"
 * @param protects        what goes wrong for readers or the company when this is ignored
 * @param fix             what the writer or web team does about it
 * @param example         an example of the message or of the input that raises it
 */
public record Rule(String id, Severity defaultSeverity, String title, String protects, String fix, String example) {

    /** Where the rules' pages live: docs/rules.md in the repository, one section per rule. */
    public static final String HELP_BASE_URI = "https://github.com/privacysite/privacy-site/blob/main/docs/rules.md";

    private static final Pattern ID = Pattern.compile("[a-z]+(-[a-z]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    public Rule {
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a rule id is 'area.name' in lower case: " + id);
        }
        for (String text : new String[] {title, protects, fix, example}) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("rule " + id + " needs a title, what it protects, a fix and an example");
            }
        }
    }

    /** A rule whose findings are errors unless configured otherwise. */
    public static Rule error(String id, String title, String protects, String fix, String example) {
        return new Rule(id, Severity.ERROR, title, protects, fix, example);
    }

    /** A rule whose findings are warnings unless configured otherwise. */
    public static Rule warning(String id, String title, String protects, String fix, String example) {
        return new Rule(id, Severity.WARNING, title, protects, fix, example);
    }

    /** The part of the id before the first dot, e.g. {@code parity}. */
    public String area() {
        return id.substring(0, id.indexOf('.'));
    }

    /** The address of this rule's page: its section of docs/rules.md. */
    public String helpUri() {
        return HELP_BASE_URI + "#" + id.replace('.', '-');
    }

    @Override
    public String toString() {
        return id;
    }
}
