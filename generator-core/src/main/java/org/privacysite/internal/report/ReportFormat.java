package org.privacysite.internal.report;

import java.util.Locale;

/** The machine-readable report formats, each written to a fixed file name in the report directory. */
public enum ReportFormat {

    /** JUnit XML in the Surefire shape; the {@code TEST-} prefix matches CI's default {@code **}{@code /TEST-*.xml} globs. */
    JUNIT("junit", "TEST-privacy-site.xml"),
    /** SARIF 2.1.0, for code-scanning annotations. */
    SARIF("sarif", "privacy-site.sarif"),
    /** Plain JSON: a summary and the findings. */
    JSON("json", "privacy-site.json");

    private final String id;
    private final String fileName;

    ReportFormat(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    /** The name used on the command line and in the plugin configuration: {@code junit}, {@code sarif}, {@code json}. */
    public String id() {
        return id;
    }

    /** The file this format is written to, inside the report directory. */
    public String fileName() {
        return fileName;
    }

    /**
     * The format named {@code name} (case-insensitive; {@code xml} is accepted for JUnit).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ReportFormat parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.id.equals(wanted)) {
                return format;
            }
        }
        if (wanted.equals("xml")) {
            return JUNIT;
        }
        throw new IllegalArgumentException("unknown report format '" + name + "' (expected junit, sarif or json)");
    }
}
