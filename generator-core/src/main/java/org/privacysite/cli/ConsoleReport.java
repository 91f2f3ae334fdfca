package org.privacysite.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.privacysite.Finding;

/** Prints findings for people: grouped by file, in line order, with a summary line. */
final class ConsoleReport {

    private ConsoleReport() {
    }

    static void print(List<Finding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            return;
        }
        Map<String, Integer> files = new LinkedHashMap<>();
        long errors = 0;
        for (Finding finding : findings) {
            out.println(finding);
            files.merge(finding.location().displayPath(), 1, Integer::sum);
            errors += finding.isError() ? 1 : 0;
        }
        long warnings = findings.size() - errors;
        out.println(plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(files.size(), "file"));
        out.flush();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
