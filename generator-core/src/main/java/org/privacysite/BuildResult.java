package org.privacysite;

import java.nio.file.Path;
import java.util.List;

/**
 * A successful build.
 *
 * @param outputDirectory where the site is
 * @param pages           number of policy pages written
 * @param warnings        findings that did not block the build
 */
public record BuildResult(Path outputDirectory, int pages, List<Finding> warnings) {
}
