package org.privacysite.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.rules.ParityRules;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class JsonReportTest {

    @TempDir
    Path base;

    @Test
    void summaryAndFindingsReadBack() throws Exception {
        JsonNode report = new ObjectMapper().readTree(Reports.render(ReportFixtures.result(base), ReportFormat.JSON, ReportFixtures.options(base)));
        JsonNode summary = report.get("summary");
        assertEquals(3, summary.get("errors").asInt());
        assertEquals(3, summary.get("warnings").asInt());
        assertEquals(4, summary.get("files").asInt());
        assertEquals(12, summary.get("pages").asInt());

        JsonNode findings = report.get("findings");
        assertEquals(6, findings.size());
        List<String> places = new ArrayList<>();
        findings.forEach(f -> places.add(f.get("file").asString() + ":" + f.get("line").asInt() + ":" + f.get("column").asInt()));
        assertEquals(List.of("content/de/cookies.md:0:0", "content/fr/privacy.md:10:0", "content/fr/privacy.md:42:5",
                "content/fr/privacy.md:42:5", "content/ja/プライバシー policy.md:7:2", "templates/page.ftlh:3:1"), places);

        JsonNode missing = findings.get(3);
        assertEquals(List.of("file", "line", "column", "rule", "severity", "message"), fieldNames(missing));
        assertEquals("parity.clause-missing", missing.get("rule").asString());
        assertEquals("error", missing.get("severity").asString());
        assertEquals(ReportFixtures.TRICKY, missing.get("message").asString());
        assertEquals("warning", findings.get(1).get("severity").asString());
    }

    @Test
    void everyCharacterSurvivesTheRoundTrip() throws Exception {
        String message = "quote \" backslash \\ slash / tab \t nul \u0000 bell \u0007 del \u007f sep \u2028 emoji 🙂 é";
        CheckResult result = new CheckResult(List.of(Finding.warning(Location.of(base.resolve("a.md")).at(1, 1), ParityRules.CLAUSE_MISSING, message)), 1);
        String json = Reports.render(result, ReportFormat.JSON, ReportOptions.defaults().withBaseDirectory(base));
        assertEquals(message, new ObjectMapper().readTree(json).get("findings").get(0).get("message").asString());
        assertFalse(json.contains("\u0000"));
    }

    @Test
    void aCleanRun() throws Exception {
        JsonNode report = new ObjectMapper().readTree(Reports.render(new CheckResult(List.of(), 5), ReportFormat.JSON, ReportOptions.defaults()));
        assertEquals(0, report.get("summary").get("files").asInt());
        assertEquals(5, report.get("summary").get("pages").asInt());
        assertEquals(0, report.get("findings").size());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
