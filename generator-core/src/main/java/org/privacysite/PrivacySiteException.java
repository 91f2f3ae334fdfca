package org.privacysite;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The sources cannot be built: a writer's or configuration mistake, described by findings that each
 * name a {@code file:line:col}. Never a bug of the generator itself.
 */
public class PrivacySiteException extends RuntimeException {

    private final List<Finding> findings;

    public PrivacySiteException(List<Finding> findings) {
        super(findings.stream().map(Finding::toString).collect(Collectors.joining(System.lineSeparator())));
        this.findings = List.copyOf(findings);
    }

    public PrivacySiteException(Finding finding) {
        this(List.of(finding));
    }

    /** Convenience for a single error at a location. */
    public static PrivacySiteException at(Location location, Rule rule, String message) {
        return new PrivacySiteException(Finding.of(location, rule, message));
    }

    public List<Finding> findings() {
        return findings;
    }
}
