package org.privacysite.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.RuleCatalogue;
import org.privacysite.internal.rules.IcuRules;
import org.privacysite.internal.rules.LinkRules;
import org.privacysite.internal.rules.ParityRules;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** SARIF output validated against the SARIF 2.1.0 schema shipped in the test resources (see its SOURCE.md). */
class SarifReportTest {

    private static Schema sarifSchema;

    @TempDir
    Path base;

    @BeforeAll
    static void loadSchema() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream in = SarifReportTest.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
            sarifSchema = registry.getSchema(in, InputFormat.JSON);
        }
    }

    @Test
    void validAgainstTheSarifSchema() {
        String sarif = Reports.render(ReportFixtures.result(base), ReportFormat.SARIF, ReportFixtures.options(base));
        assertEquals(List.of(), messages(sarifSchema.validate(sarif, InputFormat.JSON)));
    }

    @Test
    void aCleanRunIsValidToo() {
        String sarif = Reports.render(new CheckResult(List.of(), 3), ReportFormat.SARIF, ReportOptions.defaults().withBaseDirectory(base));
        assertEquals(List.of(), messages(sarifSchema.validate(sarif, InputFormat.JSON)));
    }

    @Test
    void theSchemaCheckIsNotVacuous() {
        String sarif = Reports.render(ReportFixtures.result(base), ReportFormat.SARIF, ReportFixtures.options(base));
        assertFalse(sarifSchema.validate(sarif.replace("\"level\": \"warning\"", "\"level\": \"fatal\""), InputFormat.JSON).isEmpty());
        assertFalse(sarifSchema.validate(sarif.replace("\"startLine\": 42", "\"startLine\": 0"), InputFormat.JSON).isEmpty());
        assertFalse(sarifSchema.validate(sarif.replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\""), InputFormat.JSON).isEmpty());
    }

    @Test
    void resultsPointAtRulesAndRelativeLocations() throws Exception {
        JsonNode log = new ObjectMapper().readTree(Reports.render(ReportFixtures.result(base), ReportFormat.SARIF, ReportFixtures.options(base)));
        assertEquals(SarifReport.SCHEMA, log.get("$schema").asString());
        assertEquals("2.1.0", log.get("version").asString());
        assertEquals(1, log.get("runs").size());
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("privacy-site", driver.get("name").asString());
        assertEquals("1.2.3", driver.get("version").asString());
        assertEquals(ReportOptions.PROJECT_URI, driver.get("informationUri").asString());

        List<String> ruleIds = new ArrayList<>();
        driver.get("rules").forEach(rule -> ruleIds.add(rule.get("id").asString()));
        assertEquals(List.of("icu.syntax", "links.broken", "links.external-redirect", "parity.clause-missing",
                "parity.stale", "parity.structure"), ruleIds);
        assertEquals("Links: external redirect", driver.get("rules").get(2).get("shortDescription").get("text").asString());

        JsonNode results = run.get("results");
        assertEquals(6, results.size());
        for (JsonNode result : results) {
            assertEquals(result.get("ruleId").asString(), ruleIds.get(result.get("ruleIndex").asInt()));
            JsonNode artifact = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
            assertEquals("SRCROOT", artifact.get("uriBaseId").asString());
            assertFalse(artifact.get("uri").asString().startsWith("/"));
        }
        JsonNode broken = results.get(0); // content/de/cookies.md sorts first
        assertEquals("links.broken", broken.get("ruleId").asString());
        assertEquals("error", broken.get("level").asString());
        assertEquals("content/de/cookies.md", broken.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString());
        assertTrue(broken.get("locations").get(0).get("physicalLocation").get("region") == null, "no region without a line");

        JsonNode missing = results.get(3); // after icu.syntax at the same place
        assertEquals("parity.clause-missing", missing.get("ruleId").asString());
        assertEquals(ReportFixtures.TRICKY, missing.get("message").get("text").asString());
        JsonNode region = missing.get("locations").get(0).get("physicalLocation").get("region");
        assertEquals(42, region.get("startLine").asInt());
        assertEquals(5, region.get("startColumn").asInt());

        JsonNode stale = results.get(1);
        assertEquals("warning", stale.get("level").asString());
        assertEquals(10, stale.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
        assertTrue(stale.get("locations").get(0).get("physicalLocation").get("region").get("startColumn") == null, "no column 0");

        JsonNode japanese = results.get(4);
        assertEquals("content/ja/%E3%83%97%E3%83%A9%E3%82%A4%E3%83%90%E3%82%B7%E3%83%BC%20policy.md",
                japanese.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString());
    }

    @Test
    void aFileOutsideTheBaseGetsAnAbsoluteFileUri(@TempDir Path elsewhere) throws Exception {
        CheckResult result = new CheckResult(List.of(Finding.error(Location.of(elsewhere.resolve("x.html")).at(2, 3), LinkRules.BROKEN, "gone")), 1);
        String sarif = Reports.render(result, ReportFormat.SARIF, ReportOptions.defaults().withBaseDirectory(base));
        assertEquals(List.of(), messages(sarifSchema.validate(sarif, InputFormat.JSON)));
        JsonNode artifact = new ObjectMapper().readTree(sarif).get("runs").get(0).get("results").get(0)
                .get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertEquals(elsewhere.resolve("x.html").toUri().toString(), artifact.get("uri").asString());
        assertTrue(artifact.get("uriBaseId") == null);
    }

    @Test
    void rulesCarryTheCatalogueTextsForCodeScanning() throws Exception {
        String sarif = Reports.render(ReportFixtures.result(base), ReportFormat.SARIF,
                ReportFixtures.options(base).withRules(RuleCatalogue.all()));
        assertEquals(List.of(), messages(sarifSchema.validate(sarif, InputFormat.JSON)));
        JsonNode rules = new ObjectMapper().readTree(sarif).get("runs").get(0).get("tool").get("driver").get("rules");
        JsonNode icu = null;
        for (JsonNode rule : rules) {
            // Every result's rule is one the catalogue has.
            assertTrue(RuleCatalogue.find(rule.get("id").asString()).isPresent(), rule.get("id").asString());
            if (rule.get("id").asString().equals("icu.syntax")) {
                icu = rule;
            }
        }
        assertEquals(IcuRules.SYNTAX.title(), icu.get("shortDescription").get("text").asString());
        assertEquals(IcuRules.SYNTAX.protects(), icu.get("fullDescription").get("text").asString());
        assertTrue(icu.get("help").get("markdown").asString().contains(IcuRules.SYNTAX.fix()));
        assertEquals("https://github.com/privacysite/privacy-site/blob/main/docs/rules.md#icu-syntax", icu.get("helpUri").asString());
        assertEquals("error", icu.get("defaultConfiguration").get("level").asString());
    }

    @Test
    void switchedOffFindingsAreListedAsSuppressed() throws Exception {
        Finding off = Finding.of(Location.of(base.resolve("content/zh-CN/privacy.md")).at(30, 1), ParityRules.CLAUSE_EXTRA,
                "clause 'qr-code' is not in the en source");
        CheckResult result = new CheckResult(ReportFixtures.findings(base), 12, List.of(), List.of(off));
        String sarif = Reports.render(result, ReportFormat.SARIF, ReportFixtures.options(base).withRules(RuleCatalogue.all()));
        assertEquals(List.of(), messages(sarifSchema.validate(sarif, InputFormat.JSON)));
        JsonNode results = new ObjectMapper().readTree(sarif).get("runs").get(0).get("results");
        JsonNode last = results.get(results.size() - 1);
        assertEquals("parity.clause-extra", last.get("ruleId").asString());
        assertEquals("external", last.get("suppressions").get(0).get("kind").asString());
        assertTrue(results.get(0).get("suppressions") == null);
    }

    @Test
    void sameFindingsGiveTheSameBytes() {
        assertEquals(Reports.render(ReportFixtures.result(base), ReportFormat.SARIF, ReportFixtures.options(base)),
                Reports.render(ReportFixtures.shuffled(base), ReportFormat.SARIF, ReportFixtures.options(base)));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
