package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only our own bugs say "internal error": a user's mistake, even an unusual one, is a located message
 * with a usage or findings exit code. (The wording of a real internal error is tested in
 * {@code cli.MainTest}, which can raise one.)
 */
class InternalErrorTest {

    @TempDir
    Path temp;

    @Test
    void anOutputDirectoryBelowARegularFileIsAUsageError() {
        TestSite site = TestSite.create(temp);
        Path file = site.write("not-a-directory", "a regular file where the output's parent should be\n");
        Cli.Run run = Cli.build(site.content, site.templates(), file.resolve("site"));
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("not-a-directory: error: this is a file, so the output directory"), run.toString());
        assertTrue(run.err().contains("choose another output directory [config.output]"), run.toString());
        assertFalse(run.err().contains("internal error"), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    @Test
    void userErrorsNeverSayInternalEvenWithVerbose() {
        TestSite site = TestSite.create(temp).overlay("heading-without-key");
        Cli.Run run = site.build("--verbose");
        Failures.assertUserError(run, 1, "content/en/privacy.md:13:1", "no clause key");
    }
}
