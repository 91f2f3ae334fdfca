package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** site.yaml, cookies.yaml, messages.yaml and front matter as YAML, before their meaning is read. */
public final class YamlRules {

    public static final Rule SYNTAX = Rule.error("yaml.syntax", "YAML syntax error",
            "A file the build cannot read would otherwise be skipped or half read, and the site would publish stale facts.",
            "Fix the line the message points at: indentation, a missing ':' or an unclosed quote are the usual causes.",
            "content/site.yaml:4:3: YAML syntax error: mapping values are not allowed here");
    public static final Rule TYPE = Rule.error("yaml.type", "Value of the wrong kind",
            "A list where one value is expected (or a word where a number or date is expected) would change what the site says.",
            "Write the kind of value the message names: one value, a list in [brackets], a number or a date like 2025-01-31.",
            "content/site.yaml:2:7: 'name' must be a single value");
    public static final Rule DUPLICATE_KEY = Rule.error("yaml.duplicate-key", "Key written twice",
            "When a key is written twice only one value would count, silently.",
            "Keep one of the two lines.",
            "content/en/messages.yaml:9:1: 'category.analytics' is written twice");
    public static final Rule MISSING_KEY = Rule.error("yaml.missing-key", "Required key missing",
            "A setting the site cannot be built without.",
            "Add the key the message names.",
            "content/cookies.yaml:3:5: 'name' is required here");
    public static final Rule CHARACTER = Rule.error("yaml.character", "Invalid character",
            "A character no web page can show (a lone \\uD800 escape) would break the page's encoding.",
            "Remove the escape or write the intended character itself.",
            "content/site.yaml:7:12: the text contains an invalid character (a lone \\uD800 escape); remove it");

    private YamlRules() {
    }

    public static List<Rule> all() {
        return List.of(SYNTAX, TYPE, DUPLICATE_KEY, MISSING_KEY, CHARACTER);
    }
}
