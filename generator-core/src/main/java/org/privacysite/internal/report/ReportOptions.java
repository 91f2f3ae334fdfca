package org.privacysite.internal.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.privacysite.Rule;
import org.privacysite.Version;

/**
 * How reports are written.
 *
 * @param baseDirectory    paths in reports are relative to this directory (the project or repository root), so
 *                         reports carry no machine paths; files outside it keep {@link org.privacysite.Location#displayPath()}
 * @param strict           whether warnings fail, as with {@code check --strict}: in JUnit XML they become failures
 *                         instead of skipped test cases
 * @param toolVersion      the generator's version, for SARIF's {@code tool.driver.version}
 * @param informationUri   the project's home page, for SARIF's {@code tool.driver.informationUri}; null to leave it out
 * @param checkedFiles     every file that was checked, so that files without findings show as passing test cases in
 *                         JUnit XML; may be empty
 * @param rules            the rules by id, for SARIF's rule metadata (title, description, help, helpUri); a rule
 *                         not in it gets a description derived from its id
 */
public record ReportOptions(Path baseDirectory, boolean strict, String toolVersion, String informationUri,
                            List<Path> checkedFiles, Map<String, Rule> rules) {

    /** The project's home page, as in the CLI's bug-report address. */
    public static final String PROJECT_URI = "https://github.com/privacysite/privacy-site";

    public ReportOptions {
        baseDirectory = baseDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(toolVersion, "toolVersion");
        checkedFiles = List.copyOf(checkedFiles);
        rules = Map.copyOf(rules);
    }

    /** Paths relative to the working directory, not strict, the generator's version, no checked-file list. */
    public static ReportOptions defaults() {
        return new ReportOptions(Path.of(""), false, Version.current(), PROJECT_URI, List.of(), Map.of());
    }

    public ReportOptions withBaseDirectory(Path directory) {
        return new ReportOptions(directory, strict, toolVersion, informationUri, checkedFiles, rules);
    }

    public ReportOptions withStrict(boolean strict) {
        return new ReportOptions(baseDirectory, strict, toolVersion, informationUri, checkedFiles, rules);
    }

    public ReportOptions withToolVersion(String version) {
        return new ReportOptions(baseDirectory, strict, version, informationUri, checkedFiles, rules);
    }

    public ReportOptions withInformationUri(String uri) {
        return new ReportOptions(baseDirectory, strict, toolVersion, uri, checkedFiles, rules);
    }

    public ReportOptions withCheckedFiles(List<Path> files) {
        return new ReportOptions(baseDirectory, strict, toolVersion, informationUri, files, rules);
    }

    public ReportOptions withRules(java.util.Collection<Rule> catalogue) {
        Map<String, Rule> byId = new java.util.HashMap<>();
        catalogue.forEach(rule -> byId.put(rule.id(), rule));
        return new ReportOptions(baseDirectory, strict, toolVersion, informationUri, checkedFiles, byId);
    }
}
