package org.privacysite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.privacysite.internal.rules.AuditRules;
import org.privacysite.internal.rules.BundleRules;
import org.privacysite.internal.rules.ConfigRules;
import org.privacysite.internal.rules.ConsentRules;
import org.privacysite.internal.rules.ContentRules;
import org.privacysite.internal.rules.HistoryRules;
import org.privacysite.internal.rules.IcuRules;
import org.privacysite.internal.rules.ImportRules;
import org.privacysite.internal.rules.LinkRules;
import org.privacysite.internal.rules.ParityRules;
import org.privacysite.internal.rules.PdfRules;
import org.privacysite.internal.rules.RuleDocumentation;
import org.privacysite.internal.rules.SourceRules;
import org.privacysite.internal.rules.TemplateRules;
import org.privacysite.internal.rules.XrefRules;
import org.privacysite.internal.rules.XliffRules;
import org.privacysite.internal.rules.YamlRules;
import org.privacysite.internal.spelling.ClosestName;

/**
 * Every rule the generator can raise, in the order of the pipeline (sources, configuration, content,
 * parity, templates, links). {@code privacy-site rules} lists them, {@code --explain ID} prints one,
 * the README's rule table and the SARIF report's {@code rules} are made from it.
 */
public final class RuleCatalogue {

    private static final Map<String, Rule> RULES = index(
            SourceRules.all(), YamlRules.all(), ConfigRules.all(), ContentRules.all(), IcuRules.all(), XrefRules.all(),
            ConsentRules.all(), BundleRules.all(), ParityRules.all(), HistoryRules.all(), TemplateRules.all(), LinkRules.all(),
            AuditRules.all(), XliffRules.all(), PdfRules.all(), ImportRules.all());

    private RuleCatalogue() {
    }

    /** All rules, in catalogue order. */
    public static List<Rule> all() {
        return List.copyOf(RULES.values());
    }

    /** The rule with this id, if there is one. */
    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(RULES.get(id));
    }

    /** The id closest to a mistyped one, for "did you mean"; null when none is close. */
    public static String closest(String id) {
        return ClosestName.closest(id, RULES.keySet());
    }

    /** One rule's page as plain text (what {@code privacy-site rules --explain ID} prints). */
    public static String explain(Rule rule) {
        return RuleDocumentation.text(rule);
    }

    /** Every rule on a line: id, default severity, title. */
    public static String listing() {
        return RuleDocumentation.list(all());
    }

    @SafeVarargs
    private static Map<String, Rule> index(List<Rule>... groups) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (List<Rule> group : groups) {
            for (Rule rule : group) {
                if (rules.putIfAbsent(rule.id(), rule) != null) {
                    throw new IllegalStateException("rule " + rule.id() + " is declared twice");
                }
            }
        }
        return Collections.unmodifiableMap(rules);
    }
}
