package org.privacysite;

import java.util.List;

/**
 * What {@code check} found, sorted by file, line and column.
 *
 * @param pages       number of policy pages checked (and written by {@code check --out}): one per locale and document,
 *                    fallback pages included, as {@link BuildResult#pages()} counts them
 * @param files       the source files checked (for reports that list clean files too)
 * @param switchedOff findings that site.yaml's {@code rules:} or a clause heading switched off: not
 *                    counted, but listed in the reports so that nothing is hidden silently
 * @param overrides   the files of the site's templates directory that replace a file of the built-in theme
 */
public record CheckResult(List<Finding> findings, int pages, List<java.nio.file.Path> files, List<Finding> switchedOff,
                          List<java.nio.file.Path> overrides) {

    /** A result of a site without overrides of the built-in theme. */
    public CheckResult(List<Finding> findings, int pages, List<java.nio.file.Path> files, List<Finding> switchedOff) {
        this(findings, pages, files, switchedOff, List.of());
    }

    public CheckResult(List<Finding> findings, int pages, List<java.nio.file.Path> files) {
        this(findings, pages, files, List.of());
    }

    /** A result that does not list the checked files. */
    public CheckResult(List<Finding> findings, int pages) {
        this(findings, pages, List.of());
    }

    public long errorCount() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warningCount() {
        return findings.size() - errorCount();
    }

    /** Whether publishing must stop: any error, or any warning when {@code strict}. */
    public boolean failed(boolean strict) {
        return errorCount() > 0 || (strict && !findings.isEmpty());
    }
}
