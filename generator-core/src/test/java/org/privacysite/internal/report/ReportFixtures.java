package org.privacysite.internal.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.rules.IcuRules;
import org.privacysite.internal.rules.LinkRules;
import org.privacysite.internal.rules.ParityRules;

/** Findings of every shape the reports must handle, below a base directory. */
final class ReportFixtures {

    static final String TRICKY = "clause <retention> & \"storage\" isn't in 'fr' \\ done";

    private ReportFixtures() {
    }

    static List<Finding> findings(Path base) {
        Location fr = Location.of(base.resolve("content/fr/privacy.md"));
        Location de = Location.of(base.resolve("content/de/cookies.md"));
        Location template = Location.of(base.resolve("templates/page.ftlh"));
        Location japanese = Location.of(base.resolve("content/ja/プライバシー policy.md"));
        return List.of(
                Finding.error(fr.at(42, 5), ParityRules.CLAUSE_MISSING, TRICKY),
                Finding.warning(fr.at(10, 0), ParityRules.STALE, "clause 'contact' was translated from an older source"),
                Finding.error(fr.at(42, 5), IcuRules.SYNTAX, "unmatched '{' at column 7"),
                Finding.error(de, LinkRules.BROKEN, "link 'x.html' points at de/x.html, which does not exist"),
                Finding.warning(template.at(3, 1), LinkRules.EXTERNAL_REDIRECT, "link 'http://a' redirects permanently to 'https://a/'"),
                Finding.warning(japanese.at(7, 2), ParityRules.STRUCTURE, "a list has 3 items, 4 in the source"));
    }

    static CheckResult result(Path base) {
        return new CheckResult(findings(base), 12);
    }

    /** The same findings in another order. */
    static CheckResult shuffled(Path base) {
        List<Finding> findings = new ArrayList<>(findings(base));
        Collections.shuffle(findings, new Random(7));
        return new CheckResult(findings, 12);
    }

    static ReportOptions options(Path base) {
        return ReportOptions.defaults().withBaseDirectory(base).withToolVersion("1.2.3")
                .withCheckedFiles(List.of(base.resolve("content/en/privacy.md"), base.resolve("content/fr/privacy.md")));
    }
}
