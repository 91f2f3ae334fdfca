package org.privacysite.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.BuildResult;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;
import org.privacysite.SampleSite;
import org.privacysite.internal.rules.HistoryRules;

/** A shallow clone (the default checkout of many CI systems) made with the git command line. */
class ShallowCloneTest {

    @TempDir
    Path temp;

    private Path shallowClone() throws IOException, InterruptedException {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        repository.close();
        Path clone = temp.resolve("clone");
        Process git = new ProcessBuilder("git", "clone", "--quiet", "--depth", "1",
                repository.root().toUri().toString().replace("file:/", "file:///").replace("file:////", "file:///"), clone.toString())
                .redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), output);
        assertTrue(Files.isRegularFile(clone.resolve(".git/shallow")), "git made a shallow clone");
        return clone;
    }

    private static PrivacySite site(Path content) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).threads(2).build();
    }

    @Test
    void aShallowCloneIsAnErrorThatSaysHowToFetchTheFullHistory() throws Exception {
        Path clone = shallowClone();
        Path out = temp.resolve("site");
        PrivacySiteException error = assertThrows(PrivacySiteException.class, () -> site(clone.resolve("content")).build(out));
        List<Finding> shallow = error.findings().stream().filter(f -> f.rule().equals(HistoryRules.SHALLOW)).toList();
        assertEquals(1, shallow.size(), error.findings().toString());
        String message = shallow.get(0).message();
        assertTrue(message.contains("shallow"), message);
        assertTrue(message.contains("fetch-depth: 0"), message);
        assertTrue(message.contains("git fetch --unshallow"), message);
        assertTrue(message.contains("history: off"), message);
        assertFalse(Files.exists(out), "nothing is published from a truncated history");
    }

    @Test
    void withHistoryOffTheShallowCloneBuildsWithAWarningAndNoArchive() throws Exception {
        Path clone = shallowClone();
        Path siteYaml = clone.resolve("content/site.yaml");
        Files.writeString(siteYaml, Files.readString(siteYaml) + "history: off\n");
        Path out = temp.resolve("site");
        BuildResult result = site(clone.resolve("content")).build(out);
        List<Finding> off = result.warnings().stream().filter(f -> f.rule().equals(HistoryRules.OFF)).toList();
        assertEquals(1, off.size(), result.warnings().toString());
        assertEquals(7, off.get(0).location().line(), "points at the setting");
        assertFalse(Files.exists(out.resolve("en/privacy/versions")));
        assertFalse(Files.exists(out.resolve("en/feed.atom")));
        assertTrue(Files.readString(out.resolve("en/privacy/index.html")).contains("Transfers"),
                "without history the working copy is the current page");
    }
}
