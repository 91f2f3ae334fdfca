package org.privacysite.maven;

import org.apache.maven.plugins.annotations.Parameter;

/** The goals that render the site (generate, check, serve): which version of each policy they show depends on the date. */
abstract class AbstractRenderingMojo extends AbstractPrivacySiteMojo {

    /**
     * The date, written {@code YYYY-MM-DD}, taken as today: it decides which version of each policy is in force
     * and which are published as upcoming (the {@code --as-of} of the command line), e.g. {@code 2026-09-01} to
     * see the site as it will be on that day. Default: the {@code SOURCE_DATE_EPOCH} environment variable, else
     * the date of the content's last git commit, so that two builds of one commit are byte-identical.
     */
    @Parameter(property = "privacySite.asOf")
    String asOf;

    @Override
    SiteSettings settings() {
        return super.settings().asOf(asOf);
    }

    /**
     * Maven runs the goal in its own JVM, at HotSpot's defaults unless the project's .mvn/jvm.config says otherwise:
     * for a large site, a warning with the settings that halve the time and cut the memory several times.
     */
    void adviseJvm(int pages) {
        org.privacysite.JvmSettings.advice(pages, java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                .ifPresent(getLog()::warn);
    }
}
