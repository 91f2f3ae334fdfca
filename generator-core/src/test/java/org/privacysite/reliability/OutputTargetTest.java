package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --out} replaces a previous site, and only a previous site: never a file or someone's directory. */
class OutputTargetTest {

    @TempDir
    Path temp;

    @Test
    void anEmptyOrMissingOutputDirectoryIsUsed() throws IOException {
        TestSite site = TestSite.create(temp);
        Files.createDirectories(site.out);
        Failures.assertSucceeded(site.build());
        assertTrue(Files.isRegularFile(site.out.resolve("en/privacy/index.html")));
        Failures.assertSucceeded(site.build()); // and again over the previous site
        site.assertNoStagingLeftovers();
    }

    @Test
    void anOutputPathThatIsAFileIsRefusedAndKept() throws IOException {
        TestSite site = TestSite.create(temp);
        byte[] precious = "my notes, not a site\n".getBytes();
        Path file = site.write("notes.txt", precious);
        Cli.Run run = Cli.build(site.content, site.templates(), file);
        Failures.assertNoJava(run);
        assertNotEquals(0, run.exitCode(), "building over a regular file must fail: " + run);
        assertTrue(run.err().contains("notes.txt"), "the message names the path: " + run);
        assertTrue(Files.isRegularFile(file), "the file was replaced");
        assertArrayEquals(precious, Files.readAllBytes(file), "the file was changed");
    }

    @Test
    void aDirectoryThatIsNotAPreviousSiteIsRefusedAndKept() throws IOException {
        TestSite site = TestSite.create(temp);
        Path thesis = site.write("documents/thesis.txt", "years of work\n");
        Path documents = thesis.getParent();
        Cli.Run run = Cli.build(site.content, site.templates(), documents);
        Failures.assertNoJava(run);
        assertNotEquals(0, run.exitCode(), "replacing a directory that is not a site must fail: " + run);
        assertTrue(run.err().contains("documents"), "the message names the directory: " + run);
        assertEquals("years of work\n", Files.readString(thesis), "the directory's files were deleted");
    }
}
