package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure that is not the writer's mistake says "internal error" and where to report it; the stack
 * trace comes only with {@code --verbose}.
 *
 * <p>Triggered from outside by an output directory below a regular file: the generator cannot create
 * it and has no user-error message for that, so it takes the internal-error path (exit 3).
 */
class InternalErrorTest {

    @TempDir
    Path temp;

    private Cli.Run buildBelowAFile(String... options) {
        TestSite site = TestSite.create(temp);
        Path file = site.write("not-a-directory", "a regular file where the output's parent should be\n");
        return Cli.build(site.content, site.templates(), file.resolve("site"), options);
    }

    @Test
    void internalErrorsSayWhereToReportAndShowNoTrace() {
        Cli.Run run = buildBelowAFile();
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("internal error: "), run.toString());
        assertTrue(run.err().matches("(?s).*[Pp]lease report it at https://\\S+.*"), "where to report: " + run);
        assertTrue(run.err().contains("--verbose"), "the hint to rerun with --verbose: " + run);
        assertFalse(run.err().contains("\tat "), "stack trace without --verbose: " + run);
        assertFalse(run.out().contains("Built "), run.toString());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Run run = buildBelowAFile("--verbose");
        assertEquals(3, run.exitCode(), run.toString());
        // --verbose also prints how long each stage took ("Parsing 4 pages took 0.0 s") before the error.
        assertTrue(run.err().matches("(?s)(Parsing \\d+ pages took [0-9.]+ s\\R)*internal error: .*"), run.toString());
        assertTrue(run.err().matches("(?s).*[Pp]lease report it at https://\\S+.*"), run.toString());
        assertTrue(run.err().contains("\tat org.privacysite."), "the stack trace with --verbose: " + run);
    }

    @Test
    void userErrorsNeverSayInternalEvenWithVerbose() {
        TestSite site = TestSite.create(temp).overlay("heading-without-key");
        Cli.Run run = site.build("--verbose");
        Failures.assertUserError(run, 1, "content/en/privacy.md:13:1", "no clause key");
    }
}
