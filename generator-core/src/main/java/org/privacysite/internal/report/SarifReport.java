package org.privacysite.internal.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.privacysite.Rule;
import org.privacysite.internal.json.Json;

/**
 * SARIF 2.1.0 for code-scanning annotations: one run of the {@code privacy-site} driver, its rules (the
 * rule ids found, sorted, each with the catalogue's title, description, help and help page), and one result
 * per finding (a switched-off finding with an external suppression) at {@code artifactLocation.uri} relative to the
 * {@code SRCROOT} base (the report base directory; a file outside it gets an absolute {@code file:} URI).
 * {@code originalUriBaseIds} is left out on purpose: it would put this machine's path into the report, and
 * code-scanning services resolve {@code SRCROOT} to the repository checkout themselves.
 */
final class SarifReport {

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String VERSION = "2.1.0";
    static final String TOOL_NAME = "privacy-site";
    static final String SRCROOT = "SRCROOT";

    private SarifReport() {
    }

    static String render(ReportModel model) {
        ReportOptions options = model.options;
        Map<String, Integer> ruleIndexes = model.rules();
        List<Object> rules = new ArrayList<>();
        for (String rule : ruleIndexes.keySet()) {
            rules.add(rule(rule, options));
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", TOOL_NAME);
        driver.put("version", options.toolVersion());
        if (options.informationUri() != null) {
            driver.put("informationUri", options.informationUri());
        }
        driver.put("rules", rules);

        List<Object> results = new ArrayList<>();
        for (ReportModel.Entry entry : model.entries) {
            results.add(result(entry, ruleIndexes, false));
        }
        for (ReportModel.Entry entry : model.switchedOff) {
            results.add(result(entry, ruleIndexes, true));
        }

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", map("driver", driver));
        // Columns are counted in Java chars, which are UTF-16 code units (SARIF's default, stated for clarity).
        run.put("columnKind", "utf16CodeUnits");
        run.put("results", results);

        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        log.put("runs", List.of(run));
        return Json.write(log);
    }

    /** One result; a switched-off finding carries an external suppression, which code scanning shows as dismissed. */
    private static Map<String, Object> result(ReportModel.Entry entry, Map<String, Integer> ruleIndexes, boolean switchedOff) {
        Map<String, Object> artifact = new LinkedHashMap<>();
        if (entry.inBase()) {
            artifact.put("uri", relativeUri(entry.path()));
            artifact.put("uriBaseId", SRCROOT);
        } else {
            artifact.put("uri", Path.of(entry.path()).toAbsolutePath().normalize().toUri().toASCIIString());
        }
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        if (entry.line() > 0) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", entry.line());
            if (entry.column() > 0) {
                region.put("startColumn", entry.column());
            }
            physical.put("region", region);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", entry.rule());
        result.put("ruleIndex", ruleIndexes.get(entry.rule()));
        result.put("level", entry.isError() ? "error" : "warning");
        result.put("message", map("text", entry.message()));
        result.put("locations", List.of(map("physicalLocation", physical)));
        if (switchedOff) {
            result.put("suppressions", List.of(map("kind", "external",
                    "justification", "switched off by the site's rule settings (site.yaml 'rules:' or the clause heading)")));
        }
        return result;
    }

    /** A rule's metadata: from the catalogue when it is there (title, what it protects, how to fix, help page). */
    private static Map<String, Object> rule(String id, ReportOptions options) {
        Rule rule = options.rules().get(id);
        Map<String, Object> descriptor = map("id", id, "shortDescription", map("text", description(id, options)));
        if (rule != null) {
            descriptor.put("fullDescription", map("text", rule.protects()));
            descriptor.put("help", map("text", rule.fix() + " Example: " + rule.example(),
                    "markdown", "**What it protects.** " + rule.protects() + "\n\n**How to fix.** " + rule.fix()
                            + "\n\n**Example.**\n\n```\n" + rule.example() + "\n```"));
            descriptor.put("helpUri", rule.helpUri());
            descriptor.put("defaultConfiguration", map("level", rule.defaultSeverity().label()));
        }
        return descriptor;
    }

    /** The rule's title from the catalogue, else one made from its id: {@code links.broken} → "Links: broken". */
    static String description(String rule, ReportOptions options) {
        Rule given = options.rules().get(rule);
        if (given != null) {
            return given.title();
        }
        int dot = rule.indexOf('.');
        if (dot <= 0 || dot == rule.length() - 1) {
            return "Rule " + rule;
        }
        String category = rule.substring(0, dot).replace('-', ' ');
        String name = rule.substring(dot + 1).replace('-', ' ').replace('.', ' ');
        return category.substring(0, 1).toUpperCase(Locale.ROOT) + category.substring(1) + ": " + name;
    }

    /** A relative path as a URI reference: each segment percent-encoded (UTF-8), {@code /} kept. */
    static String relativeUri(String path) {
        StringBuilder uri = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
            if (keep) {
                uri.append((char) c);
            } else {
                uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return uri.toString();
    }

    private static Map<String, Object> map(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    private static Map<String, Object> map(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> map = map(key1, value1);
        map.put(key2, value2);
        return map;
    }
}
