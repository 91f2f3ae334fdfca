package org.privacysite;

import java.nio.file.Path;
import java.util.List;

/**
 * A successful build.
 *
 * @param outputDirectory where the site is
 * @param pages           number of policy pages written
 * @param warnings        findings that did not block the build
 * @param upToDate        true when nothing changed since the last build, so nothing was rendered
 */
public record BuildResult(Path outputDirectory, int pages, List<Finding> warnings, boolean upToDate) {
}
