package org.privacysite.internal.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.Location;

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
                Finding.error(fr.at(42, 5), "parity.clause-missing", TRICKY),
                Finding.warning(fr.at(10, 0), "parity.stale", "clause 'contact' was translated from an older source"),
                Finding.error(fr.at(42, 5), "icu.syntax", "unmatched '{' at column 7"),
                Finding.error(de, "links.broken", "link 'x.html' points at de/x.html, which does not exist"),
                Finding.warning(template.at(3, 1), "links.external-redirect", "link 'http://a' redirects permanently to 'https://a/'"),
                Finding.warning(japanese.at(7, 2), "parity.structure", "a list has 3 items, 4 in the source"));
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
