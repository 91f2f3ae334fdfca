package org.privacysite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.privacysite.Rule;
import org.privacysite.RuleCatalogue;
import org.privacysite.cli.MainTest.Run;

/** {@code privacy-site rules} and {@code --explain}: the catalogue in a terminal. */
class RulesTest {

    @Test
    void rulesListsEveryRuleWithItsDefaultLevel() {
        Run run = MainTest.run("rules");
        assertEquals(0, run.exitCode(), run.err());
        for (Rule rule : RuleCatalogue.all()) {
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith(rule.id() + " ")
                    && line.contains(rule.defaultSeverity().label()) && line.endsWith(rule.title())), rule.id());
        }
    }

    @Test
    void explainPrintsTheRulesPage() {
        Run run = MainTest.run("rules", "--explain", "parity.argument-missing");
        assertEquals(0, run.exitCode(), run.err());
        Rule rule = RuleCatalogue.find("parity.argument-missing").orElseThrow();
        assertTrue(run.out().startsWith("parity.argument-missing (error): " + rule.title()), run.out());
        assertTrue(run.out().contains("What it protects: " + rule.protects()));
        assertTrue(run.out().contains("How to fix: " + rule.fix()));
        assertTrue(run.out().contains(rule.example()));
        assertTrue(run.out().contains("rules:\n      parity.argument-missing: warning"), run.out());
        assertTrue(run.out().contains("docs/rules.md#parity-argument-missing"));
    }

    @Test
    void explainWorksAsATopLevelOptionToo() {
        assertEquals(MainTest.run("rules", "--explain", "links.broken").out(), MainTest.run("--explain", "links.broken").out());
    }

    @Test
    void anUnknownRuleIsAUsageErrorThatSuggestsTheClosest() {
        Run run = MainTest.run("rules", "--explain", "parity.argument-mising");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("did you mean 'parity.argument-missing'?"), run.err());
        assertTrue(run.out().isEmpty());
    }
}
