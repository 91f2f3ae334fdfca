package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site with a fallback page (resources {@code fallback-pages/}: fr/terms shows the English text): {@code build},
 * {@code check} and {@code check --out}, with and without the build cache, count the pages they write the same way.
 */
class FallbackPagesTest {

    /** Two locales times two documents, fr/terms being the fallback page. */
    private static final int PAGES = 4;

    @TempDir
    Path temp;

    private Path content;

    @BeforeEach
    void copyFixture() throws URISyntaxException {
        content = temp.resolve("content");
        SampleSite.copyTree(Path.of(FallbackPagesTest.class.getResource("fallback-pages/content").toURI()), content);
    }

    private PrivacySite site(Path cache) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).cacheDirectory(cache).build();
    }

    @Test
    void checkCountsTheFallbackPageAsBuildDoes() {
        BuildResult build = site(null).build(temp.resolve("built"));
        assertEquals(PAGES, build.pages());
        assertTrue(Files.isRegularFile(temp.resolve("built/fr/terms/index.html")), "the fallback page is written");

        CheckResult check = site(null).check();
        assertTrue(check.findings().isEmpty(), check.findings().toString());
        assertEquals(PAGES, check.pages());
        assertEquals(PAGES, site(null).checkAndBuild(temp.resolve("checked"), true).pages());
    }

    @Test
    void aCachedCheckCountsTheFallbackPageInFullAndIncrementalRuns() throws IOException {
        Path out = temp.resolve("target/site");
        Path cache = temp.resolve("target/privacy-site-cache");
        CheckResult full = site(cache).checkAndBuild(out, false);
        assertFalse(full.failed(false), full.findings().toString());
        assertEquals(PAGES, full.pages());

        Object untouched = Files.getAttribute(out.resolve("en/terms/index.html"), "unix:ino");
        Path french = content.resolve("fr/privacy.md");
        Files.writeString(french, Files.readString(french) + "\nUne phrase de plus.\n");
        CheckResult incremental = site(cache).checkAndBuild(out, false);

        assertEquals(untouched, Files.getAttribute(out.resolve("en/terms/index.html"), "unix:ino"), "the run was incremental");
        assertEquals(PAGES, incremental.pages());
    }
}
