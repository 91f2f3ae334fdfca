package org.privacysite.internal.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        try (SourceWatcher watcher = new SourceWatcher(List.of(temp.resolve("content")), List.of(out), 60, 400, batches::add)) {
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

    private static Set<Path> next(BlockingQueue<Set<Path>> batches) throws InterruptedException {
        Set<Path> batch = batches.poll(10, TimeUnit.SECONDS);
        assertNotNull(batch, "no change reported");
        return batch;
    }
}
