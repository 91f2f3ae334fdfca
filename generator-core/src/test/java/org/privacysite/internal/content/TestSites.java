package org.privacysite.internal.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Small sites written file by file into a temporary directory, loaded the way the generator loads them. */
public final class TestSites {

    private TestSites() {
    }

    /** Writes {@code text} to {@code root/relative}, creating directories; returns the file. */
    public static Path write(Path root, String relative, String text) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A page file: front matter with {@code title} and {@code effective: 2026-09-01}, then {@code body} from line 6. */
    public static Path page(Path content, String locale, String document, String body) {
        return write(content, locale + "/" + document + ".md",
                "---\ntitle: Privacy Policy\neffective: 2026-09-01\n---\n\n" + body);
    }

    /** Loads {@code root/content} with the templates directory {@code root/templates} (created when absent). */
    public static Site load(Path root) {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Files.createDirectories(root.resolve("templates"));
            return new SiteLoader(executor).load(root.resolve("content"), root.resolve("templates"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            executor.shutdownNow();
        }
    }
}
