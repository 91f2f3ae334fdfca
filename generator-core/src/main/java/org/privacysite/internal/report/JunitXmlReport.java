package org.privacysite.internal.report;

import java.util.List;
import java.util.Map;

/**
 * JUnit XML in the shape Surefire writes and Jenkins, GitLab, GitHub and Azure test reporters read:
 * {@code testsuites > testsuite > testcase > failure|skipped}.
 * <ul>
 * <li>one {@code testsuite} per file, named by its path; one {@code testcase} per finding, named by rule and line;</li>
 * <li>errors are {@code <failure message="..." type="rule">}; warnings are failures with
 *     {@link ReportOptions#strict()}, else {@code <skipped>}, so they show without failing the build;</li>
 * <li>a checked file without findings gets one passing test case, and a run without any file one passing
 *     {@code privacy-site / check} test case, so CI always shows counts;</li>
 * <li>findings the site's rule settings switched off: skipped test cases in a suite of their own;</li>
 * <li>no timestamps, host names or durations ({@code time="0"}): the same findings give the same bytes.</li>
 * </ul>
 */
final class JunitXmlReport {

    static final String SUITES_NAME = "privacy-site";
    static final String CLEAN_CASE = "no findings";
    static final String SWITCHED_OFF = "switched off by the site's rule settings";

    private JunitXmlReport() {
    }

    static String render(ReportModel model) {
        Map<String, List<ReportModel.Entry>> files = model.byFile();
        boolean strict = model.options.strict();
        StringBuilder suites = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        if (files.isEmpty()) {
            suites.append(suite(SUITES_NAME, 1, 0, 0)).append(passing("check", SUITES_NAME)).append("  </testsuite>\n");
            tests = 1;
        }
        for (Map.Entry<String, List<ReportModel.Entry>> file : files.entrySet()) {
            String path = file.getKey();
            List<ReportModel.Entry> entries = file.getValue();
            int fileFailures = (int) entries.stream().filter(entry -> entry.isError() || strict).count();
            int fileSkipped = entries.size() - fileFailures;
            int fileTests = Math.max(1, entries.size());
            suites.append(suite(path, fileTests, fileFailures, fileSkipped));
            if (entries.isEmpty()) {
                suites.append(passing(CLEAN_CASE, path));
            }
            for (ReportModel.Entry entry : entries) {
                suites.append("    <testcase name=\"").append(Xml.attribute(caseName(entry)))
                        .append("\" classname=\"").append(Xml.attribute(path)).append("\" time=\"0\">\n");
                String element = entry.isError() || strict ? "failure" : "skipped";
                suites.append("      <").append(element)
                        .append(" message=\"").append(Xml.attribute(entry.message())).append('"')
                        .append(element.equals("failure") ? " type=\"" + Xml.attribute(entry.rule()) + "\"" : "")
                        .append('>').append(Xml.text(entry.describe())).append("</").append(element).append(">\n");
                suites.append("    </testcase>\n");
            }
            suites.append("  </testsuite>\n");
            tests += fileTests;
            failures += fileFailures;
            skipped += fileSkipped;
        }
        if (!model.switchedOff.isEmpty()) {
            // Listed as skipped test cases, so a reader of the CI report sees what the site's rule settings hide.
            suites.append(suite(SWITCHED_OFF, model.switchedOff.size(), 0, model.switchedOff.size()));
            for (ReportModel.Entry entry : model.switchedOff) {
                suites.append("    <testcase name=\"").append(Xml.attribute(caseName(entry)))
                        .append("\" classname=\"").append(Xml.attribute(entry.path())).append("\" time=\"0\">\n")
                        .append("      <skipped message=\"").append(Xml.attribute("switched off: " + entry.message())).append("\">")
                        .append(Xml.text(entry.describe())).append("</skipped>\n")
                        .append("    </testcase>\n");
            }
            suites.append("  </testsuite>\n");
            tests += model.switchedOff.size();
            skipped += model.switchedOff.size();
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"" + SUITES_NAME + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"0\">\n"
                + suites
                + "</testsuites>\n";
    }

    /** {@code parity.clause-missing (42:5)}: the rule, then where in the file. */
    static String caseName(ReportModel.Entry entry) {
        if (entry.line() <= 0) {
            return entry.rule();
        }
        return entry.rule() + " (" + entry.line() + (entry.column() > 0 ? ":" + entry.column() : "") + ")";
    }

    private static String suite(String name, int tests, int failures, int skipped) {
        return "  <testsuite name=\"" + Xml.attribute(name) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"0\">\n";
    }

    private static String passing(String name, String classname) {
        return "    <testcase name=\"" + Xml.attribute(name) + "\" classname=\"" + Xml.attribute(classname) + "\" time=\"0\"/>\n";
    }
}
