package org.privacysite.internal.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.Severity;

/**
 * A check result as every report shows it: paths relative to the base directory with forward slashes,
 * findings sorted by path, line, column, rule and message, so the same findings always give the same bytes.
 */
final class ReportModel {

    /** One finding with its report path. */
    record Entry(String path, boolean inBase, int line, int column, String rule, Severity severity, String message) {

        boolean isError() {
            return severity == Severity.ERROR;
        }

        /** {@code path:line:col: error: message [rule]}, as the console prints it. */
        String describe() {
            String place = path + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
            return place + ": " + severity.label() + ": " + message + " [" + rule + "]";
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::path)
            .thenComparingInt(Entry::line)
            .thenComparingInt(Entry::column)
            .thenComparing(Entry::rule)
            .thenComparing(Entry::severity)
            .thenComparing(Entry::message);

    final ReportOptions options;
    final List<Entry> entries;
    /** Findings that a rule setting switched off, at their rule's own severity; listed, never counted. */
    final List<Entry> switchedOff;
    final int pages;
    final long errors;
    final long warnings;

    private ReportModel(ReportOptions options, List<Entry> entries, List<Entry> switchedOff, int pages) {
        this.options = options;
        this.entries = entries;
        this.switchedOff = switchedOff;
        this.pages = pages;
        this.errors = entries.stream().filter(Entry::isError).count();
        this.warnings = entries.size() - errors;
    }

    static ReportModel of(CheckResult result, ReportOptions options) {
        return new ReportModel(options, entries(result.findings(), options), entries(result.switchedOff(), options), result.pages());
    }

    private static List<Entry> entries(List<Finding> findings, ReportOptions options) {
        List<Entry> entries = new ArrayList<>();
        for (Finding finding : findings) {
            Location location = finding.location();
            Path file = location == null ? null : location.file();
            entries.add(new Entry(path(file, options), inBase(file, options),
                    location == null ? 0 : Math.max(0, location.line()),
                    location == null ? 0 : Math.max(0, location.column()),
                    finding.ruleId(), finding.severity(), oneLine(finding.message())));
        }
        entries.sort(ORDER);
        return List.copyOf(entries);
    }

    /** The findings by file, files in path order; files that were checked and are clean map to an empty list. */
    Map<String, List<Entry>> byFile() {
        Map<String, List<Entry>> files = new TreeMap<>();
        for (Path file : options.checkedFiles()) {
            files.put(path(file, options), new ArrayList<>());
        }
        for (Entry entry : entries) {
            files.computeIfAbsent(entry.path(), path -> new ArrayList<>()).add(entry);
        }
        return files;
    }

    /** The number of files with at least one finding. */
    int filesWithFindings() {
        return new TreeSet<>(entries.stream().map(Entry::path).toList()).size();
    }

    /** Rule ids of the findings (switched off ones too) in sorted order, each with its index (for SARIF's ruleIndex). */
    Map<String, Integer> rules() {
        Map<String, Integer> indexes = new LinkedHashMap<>();
        TreeSet<String> ids = new TreeSet<>(entries.stream().map(Entry::rule).toList());
        switchedOff.forEach(entry -> ids.add(entry.rule()));
        ids.forEach(rule -> indexes.put(rule, indexes.size()));
        return indexes;
    }

    /** Whether the file lies below the base directory, so that its report path is relative to it. */
    static boolean inBase(Path file, ReportOptions options) {
        return file != null && file.toAbsolutePath().normalize().startsWith(options.baseDirectory());
    }

    /** The path as reports show it: relative to the base directory when below it, else as the console shows it. */
    static String path(Path file, ReportOptions options) {
        if (file == null) {
            return "(unknown)";
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(options.baseDirectory())) {
            String relative = options.baseDirectory().relativize(absolute).toString().replace('\\', '/');
            return relative.isEmpty() ? "." : relative;
        }
        return Location.of(file).displayPath();
    }

    /** Reports are line-oriented: a message keeps to one line. */
    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
