package org.privacysite.internal.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher: batches, new directories, editors' temporary files, the ignored output tree. */
class SourceWatcherTest {

    @TempDir
    Path temp;

    @Test
    void reportsEditsInNewDirectoriesAndDropsTemporaryFiles() throws Exception {
        Path root = Files.createDirectories(temp.resolve("content/en"));
        Path page = Files.writeString(root.resolve("privacy.md"), "one");
        Path out = Files.createDirectories(temp.resolve("content/_out"));
        BlockingQueue<Set<Path>> batches = new LinkedBlockingQueue<>();
        try (SourceWatcher watcher = new SourceWatcher(List.of(temp.resolve("content")), List.of(out), 60, 5, 400, batches::add)) {
            watcher.start();

            // sed -i and many editors: write a temporary file, then rename it over the original
            Path temporary = Files.writeString(root.resolve("sedX1b2c3"), "two");
            Files.move(temporary, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(root.resolve(".privacy.md.swp"), "swap");
            Files.writeString(out.resolve("index.html"), "output");
            assertEquals(Set.of(page), next(batches));

            Path german = temp.resolve("content/de");
            Files.createDirectories(german);
            Set<Path> created = next(batches);
            assertTrue(created.contains(german), created.toString());
            Path translation = Files.writeString(german.resolve("privacy.md"), "eins");
            Set<Path> edited = next(batches);
            assertTrue(edited.contains(translation), edited.toString());
            assertTrue(watcher.watchedDirectories().contains(german));
        }
    }

    /**
     * A batch is handed over after the short quiet only when it looks like a finished save of policies;
     * the steps of a save in progress wait for the full quiet, so that its next step joins the batch.
     */
    @Test
    void onlyAFinishedSaveOfPoliciesCountsAsSaved() throws Exception {
        Path root = Files.createDirectories(temp.resolve("content/en"));
        Path policy = Files.writeString(root.resolve("privacy.md"), "text");
        Path other = Files.writeString(root.resolve("cookies.md"), "text");
        assertTrue(SourceWatcher.looksSaved(Set.of(policy, other), Set.of()), "policies written in place");

        Path renamed = root.resolve("sedX1b2c3"); // written, then renamed over the policy: created and gone
        assertTrue(SourceWatcher.looksSaved(Set.of(renamed, policy), Set.of(renamed, policy)), "a temporary file renamed over it");

        Path temporary = Files.writeString(root.resolve("sedY4d5e6"), "text");
        assertFalse(SourceWatcher.looksSaved(Set.of(temporary), Set.of(temporary)), "a temporary file not renamed yet");
        Path truncated = Files.writeString(root.resolve("terms.md"), "");
        assertFalse(SourceWatcher.looksSaved(Set.of(policy, truncated), Set.of()), "a policy truncated, not yet written");
        assertFalse(SourceWatcher.looksSaved(Set.of(root.resolve("gone.md")), Set.of()), "a policy renamed away (vim's backup)");
        Path template = Files.writeString(Files.createDirectories(temp.resolve("templates")).resolve("document.ftlh"), "x");
        assertFalse(SourceWatcher.looksSaved(Set.of(template), Set.of()), "a template: the whole site is rebuilt anyway");
        assertFalse(SourceWatcher.looksSaved(Set.of(root), Set.of(root)), "a new directory");
        assertFalse(SourceWatcher.looksSaved(Set.of(), Set.of()));
    }

    private static Set<Path> next(BlockingQueue<Set<Path>> batches) throws InterruptedException {
        Set<Path> batch = batches.poll(10, TimeUnit.SECONDS);
        assertNotNull(batch, "no change reported");
        return batch;
    }
}
