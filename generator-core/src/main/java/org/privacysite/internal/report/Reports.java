package org.privacysite.internal.report;

import org.privacysite.internal.output.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.privacysite.CheckResult;

/**
 * Writes the machine-readable reports of a check: JUnit XML, SARIF 2.1.0 and JSON. Output is
 * deterministic: findings sorted, paths relative to {@link ReportOptions#baseDirectory()} with forward
 * slashes, no timestamps, UTF-8 with {@code \n} line ends.
 *
 * <pre>{@code
 * Reports.write(result, Path.of("target/privacy-site-reports"), EnumSet.allOf(ReportFormat.class),
 *         ReportOptions.defaults().withBaseDirectory(projectDir).withStrict(strict));
 * }</pre>
 */
public final class Reports {

    private Reports() {
    }

    /** Writes {@code formats} into {@code directory} with {@link ReportOptions#defaults()}. */
    public static List<Path> write(CheckResult result, Path directory, Set<ReportFormat> formats) {
        return write(result, directory, formats, ReportOptions.defaults());
    }

    /**
     * Writes each of {@code formats} into {@code directory} (created if needed) under its
     * {@link ReportFormat#fileName()}, replacing an older report whole.
     *
     * @return the files written, in the order of {@link ReportFormat}
     * @throws UncheckedIOException when the directory or a file cannot be written
     */
    public static List<Path> write(CheckResult result, Path directory, Set<ReportFormat> formats, ReportOptions options) {
        ReportModel model = ReportModel.of(result, options);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (ReportFormat format : formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats)) {
                Path file = directory.resolve(format.fileName());
                AtomicFile.write(file, render(model, format));
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + directory, e);
        }
        return List.copyOf(written);
    }

    /** The report in {@code format} as text, e.g. to print it instead of writing a file. */
    public static String render(CheckResult result, ReportFormat format, ReportOptions options) {
        return render(ReportModel.of(result, options), format);
    }

    private static String render(ReportModel model, ReportFormat format) {
        return switch (format) {
            case JUNIT -> JunitXmlReport.render(model);
            case SARIF -> SarifReport.render(model);
            case JSON -> JsonReport.render(model);
        };
    }
}
