package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.privacysite.SampleSite;

/**
 * A small valid site in a temporary directory (content from {@code base-site/}, the real templates),
 * built once so that every test starts with a previous, complete output to protect; then broken on
 * purpose with a fixture from {@code bad-input/<name>/} or by writing files.
 */
final class TestSite {

    static final String RESOURCES = "/org/privacysite/reliability/";

    final Path root;
    final Path content;
    final Path out;
    private Path templates;
    private Snapshot previous;
    /** True while content and templates are exactly the base site's, so a cached build of it can stand in. */
    private boolean pristine;
    /** One build of the pristine base site per JVM, copied as the "previous output" of every test. */
    private static Path prebuilt;
    private final java.util.List<String> options = new java.util.ArrayList<>();

    private TestSite(Path root) {
        this.root = root;
        this.content = root.resolve("content");
        this.out = root.resolve("site");
        this.templates = SampleSite.templates();
    }

    /** The base site copied into {@code temp}, with the real templates (not copied). */
    static TestSite create(Path temp) {
        TestSite site = new TestSite(temp);
        SampleSite.copyTree(resource("base-site/content"), site.content);
        site.pristine = true;
        return site;
    }

    /** A directory of the test resources below {@code org/privacysite/reliability/}. */
    static Path resource(String name) {
        URL url = TestSite.class.getResource(RESOURCES + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + RESOURCES + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uses a private copy of the real templates, so that a test can break them. */
    TestSite withOwnTemplates() {
        if (templates.startsWith(root)) {
            return this;
        }
        Path copy = root.resolve("templates");
        SampleSite.copyTemplates(copy);
        templates = copy;
        return this;
    }

    Path templates() {
        return templates;
    }

    /** Builds the unbroken site into {@link #out} and remembers its bytes: the "previous output" to protect. */
    TestSite buildPrevious() {
        if (pristine && options.isEmpty()) {
            SampleSite.copyTree(prebuiltBaseSite(), out);
        } else {
            Cli.Run run = build();
            assertEquals(0, run.exitCode(), "the unbroken fixture site must build: " + run);
        }
        assertTrue(Files.isRegularFile(out.resolve("en/privacy/index.html")), "previous site written");
        previous = Snapshot.of(out);
        return this;
    }

    /** The base site built once (builds are reproducible, so a copy is what a build would write). */
    private static synchronized Path prebuiltBaseSite() {
        if (prebuilt == null) {
            try {
                Path directory = Files.createTempDirectory("privacy-site-reliability-base-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> ChildJvm.deleteQuietly(directory)));
                TestSite base = new TestSite(directory);
                SampleSite.copyTree(resource("base-site/content"), base.content);
                Cli.Run run = base.build();
                assertEquals(0, run.exitCode(), "the base fixture site must build: " + run);
                prebuilt = base.out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return prebuilt;
    }

    /**
     * Copies the files of fixture {@code bad-input/<name>/} over this site: its {@code content/} over
     * the content, its {@code templates/} over a private copy of the templates.
     */
    TestSite overlay(String name) {
        return overlayFrom("bad-input/" + name);
    }

    /** Like {@link #overlay}, for any fixture directory below {@code org/privacysite/reliability/}. */
    TestSite overlayFrom(String resourceDirectory) {
        pristine = false;
        Path fixture = resource(resourceDirectory);
        if (Files.isDirectory(fixture.resolve("templates"))) {
            withOwnTemplates();
            copyOver(fixture.resolve("templates"), templates);
        }
        if (Files.isDirectory(fixture.resolve("content"))) {
            copyOver(fixture.resolve("content"), content);
        }
        return this;
    }

    Path write(String relative, String text) {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String relative, byte[] bytes) {
        pristine = false;
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds with {@code --threads n} from now on. */
    TestSite threads(int n) {
        options.add("--threads");
        options.add(Integer.toString(n));
        return this;
    }

    Cli.Run build(String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(options);
        all.addAll(java.util.List.of(more));
        return Cli.build(content, templates, out, all.toArray(String[]::new));
    }

    Cli.Run check(String... options) {
        return Cli.check(content, templates, options);
    }

    /**
     * The assertion every broken input shares: the build exits with {@code exitCode}, stderr names
     * {@code where} ({@code content/en/privacy.md:12:1}, relative to this site's root) followed by
     * {@code ": error: "} and a plain-words message holding {@code words}, there is no stack trace,
     * and the previous output is byte-identical, with no staging directory left beside it.
     */
    Cli.Run assertBuildRejected(int exitCode, String where, String... words) {
        if (previous == null) {
            throw new IllegalStateException("call buildPrevious() before breaking the site");
        }
        Cli.Run run = build();
        Failures.assertUserError(run, exitCode, where, words);
        previous.assertUnchanged("the previous output was changed by a failed build");
        assertNoStagingLeftovers();
        return run;
    }

    /** A build that must succeed (the input is unusual but fine); returns the page of en/privacy. */
    String assertBuilds() {
        Cli.Run run = build();
        Failures.assertSucceeded(run);
        return read("site/en/privacy/index.html");
    }

    void assertNoStagingLeftovers() {
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            List<String> leftovers = siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("." + out.getFileName() + ".")).toList();
            assertFalse(!leftovers.isEmpty(), "staging directories left beside the output: " + leftovers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyOver(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
