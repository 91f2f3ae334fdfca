package org.privacysite.internal.report;

import org.privacysite.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings as plain JSON:
 * <pre>{@code
 * { "summary": { "errors": 1, "warnings": 0, "files": 1, "pages": 10 },
 *   "findings": [ { "file": "content/fr/privacy.md", "line": 42, "column": 5,
 *                   "rule": "parity.clause-missing", "severity": "error", "message": "..." } ] }
 * }</pre>
 * Findings that site.yaml's {@code rules:} switched off follow in {@code switchedOff} (same shape), when there are any.
 * {@code files} counts the files with findings (as the console's summary line does); {@code line} and
 * {@code column} are 1-based, 0 when unknown.
 */
final class JsonReport {

    private JsonReport() {
    }

    static String render(ReportModel model) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("errors", model.errors);
        summary.put("warnings", model.warnings);
        summary.put("files", model.filesWithFindings());
        summary.put("pages", model.pages);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("summary", summary);
        report.put("findings", findings(model.entries));
        if (!model.switchedOff.isEmpty()) {
            report.put("switchedOff", findings(model.switchedOff));
        }
        return Json.write(report);
    }

    private static List<Object> findings(List<ReportModel.Entry> entries) {
        List<Object> findings = new ArrayList<>();
        for (ReportModel.Entry entry : entries) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("file", entry.path());
            finding.put("line", entry.line());
            finding.put("column", entry.column());
            finding.put("rule", entry.rule());
            finding.put("severity", entry.severity().label());
            finding.put("message", entry.message());
            findings.add(finding);
        }
        return findings;
    }
}
