package org.privacysite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's real sample site, for tests: its directories, and copies to break on purpose. */
public final class SampleSite {

    private static Path built;

    private SampleSite() {
    }

    /** The sample site as {@code build} writes it, built on first use into target/sample-site: read it, do not change it. */
    public static synchronized Path built() {
        if (built == null) {
            Path out = repository().resolve("generator-core/target/sample-site");
            PrivacySite.builder().contentDirectory(content()).templatesDirectory(templates()).threads(2).build().build(out);
            built = out;
        }
        return built;
    }

    /** The repository root; surefire passes it as {@code privacysite.repo}. */
    public static Path repository() {
        String repo = System.getProperty("privacysite.repo");
        Path root = repo != null ? Path.of(repo) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    public static Path content() {
        return repository().resolve("content");
    }

    /** The sample's own templates directory: only the files it overrides (its footer). */
    public static Path templates() {
        return repository().resolve("templates");
    }

    /** The built-in theme's sources (templates, assets, UI bundles) as they are in the repository. */
    public static Path theme() {
        return repository().resolve("generator-core/src/main/resources/org/privacysite/theme");
    }

    /**
     * A complete templates directory in {@code target}: the built-in theme with the sample's overrides,
     * every file of it overriding the built-in one, so that a test can break any of them.
     */
    public static Path copyTemplates(Path target) {
        copyTree(theme(), target);
        try (Stream<Path> own = Files.walk(templates())) {
            for (Path file : (Iterable<Path>) own.filter(Files::isRegularFile)::iterator) {
                Files.copy(file, target.resolve(templates().relativize(file).toString()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Copies the sample content into {@code target} and returns the copy. */
    public static Path copyContent(Path target) {
        copyTree(content(), target);
        return target;
    }

    /**
     * Copies the sample content into {@code target} with one edit: {@code text} in {@code file}
     * (relative to the content) replaced by {@code replacement}. Fails if the sample lacks the text.
     */
    public static Path copyContent(Path target, String file, String text, String replacement) {
        Path edited = copyContent(target).resolve(file);
        try {
            String source = Files.readString(edited);
            if (!source.contains(text)) {
                throw new IllegalStateException(file + " of the sample content no longer contains: " + text);
            }
            Files.writeString(edited, source.replace(text, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public static void copyTree(Path source, Path target) {
        try {
            org.privacysite.internal.output.OutputDirectory.copyTree(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code root} with its bytes (as Latin-1 text, so any byte compares), by relative path. */
    public static java.util.Map<String, String> snapshot(Path root) {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString(),
                        new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
