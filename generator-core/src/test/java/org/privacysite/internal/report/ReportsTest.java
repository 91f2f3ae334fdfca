package org.privacysite.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.CheckResult;

class ReportsTest {

    @TempDir
    Path base;

    @Test
    void writesEachAskedFormatUnderItsName() throws Exception {
        Path directory = base.resolve("target/reports");
        List<Path> written = Reports.write(ReportFixtures.result(base), directory, EnumSet.allOf(ReportFormat.class), ReportFixtures.options(base));
        assertEquals(List.of(directory.resolve("TEST-privacy-site.xml"), directory.resolve("privacy-site.sarif"),
                directory.resolve("privacy-site.json")), written);
        for (ReportFormat format : ReportFormat.values()) {
            assertEquals(Reports.render(ReportFixtures.result(base), format, ReportFixtures.options(base)),
                    Files.readString(directory.resolve(format.fileName())));
        }
        try (var files = Files.list(directory)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void replacesAnOlderReportAndWritesOnlyWhatIsAsked() throws Exception {
        Path directory = base.resolve("reports");
        Reports.write(ReportFixtures.result(base), directory, Set.of(ReportFormat.JSON), ReportFixtures.options(base));
        Reports.write(new CheckResult(List.of(), 1), directory, Set.of(ReportFormat.JSON), ReportFixtures.options(base));
        assertTrue(Files.readString(directory.resolve("privacy-site.json")).contains("\"errors\": 0"));
        assertTrue(Files.notExists(directory.resolve("privacy-site.sarif")));
        assertEquals(List.of(), Reports.write(new CheckResult(List.of(), 1), directory, Set.of()));
    }

    @Test
    void formatsParseFromTheirNames() {
        assertEquals(ReportFormat.JUNIT, ReportFormat.parse("JUnit"));
        assertEquals(ReportFormat.JUNIT, ReportFormat.parse("xml"));
        assertEquals(ReportFormat.SARIF, ReportFormat.parse(" sarif "));
        assertEquals(ReportFormat.JSON, ReportFormat.parse("json"));
        assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("html"));
    }
}
