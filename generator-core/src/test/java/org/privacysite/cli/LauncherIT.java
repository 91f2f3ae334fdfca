package org.privacysite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.JvmSettings;
import org.privacysite.SampleSite;

/**
 * The distribution's launcher, {@code bin/privacy-site}, as a user runs it after unpacking the zip:
 * it runs the CLI in one JVM with the generator's settings, passes arguments and exit codes through,
 * and honours JAVA_HOME and the user's own JVM options. Runs after {@code package} (failsafe).
 */
class LauncherIT {

    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    private static Path distribution() {
        return Path.of(System.getProperty("privacysite.dist", "target/privacy-site-dist")).toAbsolutePath();
    }

    private static Path launcher() {
        return distribution().resolve("bin/privacy-site");
    }

    private Run run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("PRIVACY_SITE_OPTS");
        // The Java running the tests, on the PATH: the launcher finds java there when JAVA_HOME is not set.
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + builder.environment().get("PATH"));
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("PRIVACY_SITE_CDS");
        builder.environment().put("XDG_CACHE_HOME", temp.resolve("xdg").toString()); // the class-data archive: not in the user's home
        builder.environment().putAll(environment);
        Path out = temp.resolve("stdout.txt");
        Path err = temp.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the launcher did not finish");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theZipShipsTheLauncherBesideTheJar() throws IOException {
        assertTrue(Files.isExecutable(launcher()), "bin/privacy-site is executable");
        assertTrue(Files.isRegularFile(distribution().resolve("lib/privacy-site.jar")));
        assertTrue(Files.isRegularFile(distribution().resolve("lib/privacy-site-theme.jar")));
        Path zip = distribution().getParent().getParent().resolve(distribution().getFileName() + "-dist.zip");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            String base = distribution().getFileName() + "/";
            assertTrue(file.getEntry(base + "bin/privacy-site") != null, "the zip has the launcher");
            assertTrue(file.getEntry(base + "lib/privacy-site.jar") != null, "the zip has the jar");
            assertTrue(file.getEntry(base + "lib/privacy-site-theme.jar") != null, "the zip has the theme's jar");
        }
        // The theme's jar holds the theme alone, as the CLI jar has it (the launcher reads it first).
        try (ZipFile theme = new ZipFile(distribution().resolve("lib/privacy-site-theme.jar").toFile());
             ZipFile cli = new ZipFile(distribution().resolve("lib/privacy-site.jar").toFile())) {
            List<String> files = theme.stream().filter(entry -> !entry.isDirectory()).map(java.util.zip.ZipEntry::getName)
                    .filter(name -> !name.startsWith("META-INF/")).toList();
            assertTrue(files.contains("org/privacysite/theme/layout.ftlh"), files.toString());
            for (String name : files) {
                assertTrue(name.startsWith("org/privacysite/theme/"), name);
                assertArrayEquals(cli.getInputStream(cli.getEntry(name)).readAllBytes(),
                        theme.getInputStream(theme.getEntry(name)).readAllBytes(), name);
            }
        }
    }

    @Test
    void runsTheCliInOneJvmWithOurSettingsAndPassesArgumentsThrough() throws IOException, InterruptedException {
        // A content directory whose path has a space: each argument arrives as one.
        Path content = SampleSite.copyContent(temp.resolve("my site/content"));
        Path out = temp.resolve("my site/public");
        Run run = run(Map.of(), "check", "--verbose", "--content", content.toString(), "--templates",
                SampleSite.templates().toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Built 10 pages into " + out), run.out());
        assertTrue(Files.isRegularFile(out.resolve("fr/privacy/index.html")));
        assertTrue(run.err().contains("Running with -XX:+IgnoreUnrecognizedVMOptions -XX:InlineSmallCode=300"), run.err());
        assertTrue(run.err().contains(JvmSettings.BATCH_GC) && run.err().contains(JvmSettings.QUICK_JIT), run.err());
        assertFalse(run.err().contains("second JVM"), "no second JVM: " + run.err());
        assertFalse(run.err().contains("VM warning"), "none of our flags makes the JVM complain: " + run.err());
    }

    @Test
    void passesExitCodesThrough() throws IOException, InterruptedException {
        Run version = run(Map.of(), "--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("privacy-site "), version.out());

        Run usage = run(Map.of(), "build", "--content", temp.resolve("missing").toString(), "--out", "public");
        assertEquals(Main.USAGE, usage.exitCode(), usage.err());
        assertTrue(usage.err().contains("content directory not found"), usage.err());

        Path content = SampleSite.copyContent(temp.resolve("content"), "fr/privacy.md", "{#retention}", "{#keeping}");
        Run findings = run(Map.of(), "check", "--content", content.toString(), "--templates", SampleSite.templates().toString());
        assertEquals(Main.FINDINGS, findings.exitCode(), findings.err());
        assertTrue(findings.err().contains("fr/privacy.md:"), findings.err());
    }

    @Test
    void theUsersJvmOptionsComeAfterOursAndWin() throws IOException, InterruptedException {
        Run run = run(Map.of("JAVA_OPTS", "-Xmx200m", "PRIVACY_SITE_OPTS", "-XX:+UseParallelGC -Dprivacy-site.example=1"),
                "build", "--verbose", "--content", SampleSite.content().toString(), "--templates",
                SampleSite.templates().toString(), "--out", temp.resolve("public").toString());

        assertEquals(0, run.exitCode(), run.err());
        String options = run.err().lines().filter(line -> line.startsWith("Running with ")).findFirst().orElse("");
        assertTrue(options.indexOf("-XX:InlineSmallCode=300") < options.indexOf("-Xmx200m")
                && options.indexOf("-Xmx200m") < options.indexOf("-XX:+UseParallelGC"), options);
        assertFalse(options.contains(JvmSettings.BATCH_GC), "the user's collector replaces ours: " + options);
        assertFalse(options.contains("-Xms256m"), "the user's heap size replaces ours: " + options);
    }

    /**
     * A check that the build cache makes incremental gets C1 alone however large the site, the parallel collector
     * and no huge pages, as {@link TunedJvm#cachedCheck} decides for {@code java -jar}; a full run of a large site
     * keeps C2 and the serial collector.
     * A stand-in java records the options it was given, so the 4,000 policy files can be empty.
     */
    @Test
    void anIncrementalCheckOfALargeSiteGetsC1Only() throws IOException, InterruptedException {
        Path content = Files.createDirectories(temp.resolve("content/en"));
        for (int i = 0; i < JvmSettings.LARGE_SITE; i++) {
            Files.writeString(content.resolve("policy" + i + ".md"), "");
        }
        Path siteYaml = Files.writeString(temp.resolve("content/site.yaml"), "name: x");
        Path template = Files.writeString(Files.createDirectories(temp.resolve("templates")).resolve("page.ftlh"), "x");
        Path javaHome = temp.resolve("jdk");
        Path options = temp.resolve("options.txt");
        Files.createDirectories(javaHome.resolve("bin"));
        Path java = Files.writeString(javaHome.resolve("bin/java"), "#!/bin/sh\necho \"$@\" > '" + options + "'\n");
        assertTrue(java.toFile().setExecutable(true));
        Map<String, String> environment = Map.of("JAVA_HOME", javaHome.toString());
        String[] check = {"check", "--content", "content", "--templates=templates", "--out", "target/site"};

        run(environment, check);
        assertFalse(Files.readString(options).contains(JvmSettings.QUICK_JIT), "no cache yet: a full check, C2 pays off");
        assertEquals(TunedJvm.hugePagesOnRequest(), Files.readString(options).contains(TunedJvm.HUGE_PAGES), "huge pages for a full run");
        assertTrue(Files.readString(options).contains(JvmSettings.BATCH_GC), "the serial collector for a full run");

        Path cache = Files.writeString(Files.createDirectories(temp.resolve("target/privacy-site-cache")).resolve("site.cache"), "x");
        Files.setLastModifiedTime(cache, FileTime.fromMillis(2_000_000_000_000L));
        Files.setLastModifiedTime(content.resolve("policy1.md"), FileTime.fromMillis(2_000_000_100_000L));
        run(environment, check);
        assertFalse(Files.readString(options).contains(JvmSettings.QUICK_JIT), "a cache, but the site it describes was deleted: a full run");
        Files.writeString(Files.createDirectories(temp.resolve("target/site")).resolve(".privacy-site-build"), "stamp");
        run(environment, check);
        assertTrue(Files.readString(options).contains(JvmSettings.QUICK_JIT), "only a policy text changed since the cache");
        assertFalse(Files.readString(options).contains(TunedJvm.HUGE_PAGES), "no huge pages for an incremental run");
        assertTrue(Files.readString(options).contains(TunedJvm.INCREMENTAL_GC) && !Files.readString(options).contains(JvmSettings.BATCH_GC),
                "the parallel collector for an incremental run: " + Files.readString(options));

        run(environment, "check", "--no-cache", "--content", "content", "--templates=templates", "--out", "target/site");
        assertFalse(Files.readString(options).contains(JvmSettings.QUICK_JIT), "--no-cache: a full check");
        run(environment, "check", "--content", "content", "--templates=templates", "--out", "target/site", "--cache=elsewhere");
        assertFalse(Files.readString(options).contains(JvmSettings.QUICK_JIT), "no cache in the directory given");

        Files.setLastModifiedTime(template, FileTime.fromMillis(2_000_000_100_000L));
        run(environment, check);
        assertFalse(Files.readString(options).contains(JvmSettings.QUICK_JIT), "a template changed since the cache: a full run");
        Files.setLastModifiedTime(template, FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(siteYaml, FileTime.fromMillis(2_000_000_100_000L));
        run(environment, check);
        assertFalse(Files.readString(options).contains(JvmSettings.QUICK_JIT), "site.yaml changed since the cache: a full run");
    }

    /**
     * Class-data sharing: the first check writes an archive of the classes it loaded (renamed into place
     * once complete), later commands map it, and the site is byte for byte the one built without it.
     */
    @Test
    void keepsAClassDataArchiveForLaterRunsThatChangesNothingButTheirSpeed() throws IOException, InterruptedException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        String templates = SampleSite.templates().toString();
        Run first = run(Map.of(), "check", "--verbose", "--content", content.toString(), "--templates", templates,
                "--out", temp.resolve("checked").toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("-XX:ArchiveClassesAtExit="), first.err());
        List<Path> archives = archives(temp.resolve("xdg/privacy-site"));
        assertEquals(1, archives.size(), "one archive, no temporary file left: " + archives);
        assertTrue(archives.get(0).getFileName().toString().matches("cds-\\d+\\.jsa"), archives.toString());

        Run shared = run(Map.of(), "build", "--verbose", "--content", content.toString(), "--templates", templates,
                "--out", temp.resolve("shared").toString());
        assertEquals(0, shared.exitCode(), shared.err());
        assertTrue(shared.err().contains("-XX:SharedArchiveFile=" + archives.get(0)), shared.err());
        Run unshared = run(Map.of("PRIVACY_SITE_CDS", "off"), "build", "--verbose", "--content", content.toString(),
                "--templates", templates, "--out", temp.resolve("unshared").toString());
        assertEquals(0, unshared.exitCode(), unshared.err());
        assertFalse(unshared.err().contains("SharedArchiveFile") || unshared.err().contains("ArchiveClassesAtExit"), unshared.err());
        assertEquals(tree(temp.resolve("unshared")), tree(temp.resolve("shared")));
        assertEquals(tree(temp.resolve("unshared")), tree(temp.resolve("checked")));
    }

    /** Another jar (an upgrade) gets an archive of its own instead of the old one, which the JVM would refuse. */
    @Test
    void anotherJarGetsItsOwnArchive() throws IOException, InterruptedException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        String[] build = {"build", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", temp.resolve("public").toString()};
        assertEquals(0, run(Map.of(), build).exitCode());
        List<Path> before = archives(temp.resolve("xdg/privacy-site"));
        assertEquals(1, before.size(), before.toString());

        Path jar = distribution().resolve("lib/privacy-site.jar");
        FileTime built = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.fromMillis(built.toMillis() - 86_400_000L)); // as a jar of another build
            Run rebuilt = run(Map.of(), build);
            assertEquals(0, rebuilt.exitCode(), rebuilt.err());
            assertFalse((rebuilt.out() + rebuilt.err()).contains("cds"), "no message of the JVM's about archives: " + rebuilt.out() + rebuilt.err());
            assertEquals(2, archives(temp.resolve("xdg/privacy-site")).size(), "a second archive, for the other jar");
        } finally {
            Files.setLastModifiedTime(jar, built);
        }
    }

    /**
     * A rebuilt jar has the same file time (the reproducible build's) and often the same size as the old one, which is
     * all the JVM checks of an archive: with the old archive it ran the old jar's classes. Here the jar's bytes change
     * (a time field of a local entry header, which nothing reads) and its size and time stay.
     */
    @Test
    void aRebuiltJarOfTheSameSizeAndTimeGetsItsOwnArchive() throws IOException, InterruptedException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        String[] build = {"build", "--content", content.toString(), "--templates", SampleSite.templates().toString(),
                "--out", temp.resolve("public").toString()};
        assertEquals(0, run(Map.of(), build).exitCode());
        assertEquals(1, archives(temp.resolve("xdg/privacy-site")).size());

        Path jar = distribution().resolve("lib/privacy-site.jar");
        FileTime built = Files.getLastModifiedTime(jar);
        byte[] original = Files.readAllBytes(jar);
        try {
            byte[] rebuilt = original.clone();
            rebuilt[10] ^= 1; // the first entry's local header time: the jar still works, its bytes differ
            Files.write(jar, rebuilt);
            Files.setLastModifiedTime(jar, built);
            Run run = run(Map.of(), build);
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(2, archives(temp.resolve("xdg/privacy-site")).size(), "a second archive, for the rebuilt jar");
        } finally {
            Files.write(jar, original);
            Files.setLastModifiedTime(jar, built);
        }
    }

    /** Where no archive can be kept (the cache home is a file), every command runs as before, without one. */
    @Test
    void runsWithoutAnArchiveWhereNoneCanBeKept() throws IOException, InterruptedException {
        Path notADirectory = Files.writeString(temp.resolve("cache-home"), "");
        Run run = run(Map.of("XDG_CACHE_HOME", notADirectory.toString()), "build", "--verbose", "--content",
                SampleSite.content().toString(), "--templates", SampleSite.templates().toString(), "--out", temp.resolve("public").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("SharedArchiveFile") || run.err().contains("ArchiveClassesAtExit"), run.err());
    }

    private static List<Path> archives(Path directory) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    /** Every file below {@code root} by its relative path, with its bytes' hash. */
    private static Map<String, Integer> tree(Path root) throws IOException {
        Map<String, Integer> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString(), java.util.Arrays.hashCode(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    @Test
    void honoursJavaHome() throws IOException, InterruptedException {
        // A JAVA_HOME whose java notes that it ran, then is the real one.
        Path javaHome = temp.resolve("jdk");
        Path marker = temp.resolve("ran");
        Files.createDirectories(javaHome.resolve("bin"));
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\" > '" + marker + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n", StandardCharsets.UTF_8);
        assertTrue(java.toFile().setExecutable(true));

        Run run = run(Map.of("JAVA_HOME", javaHome.toString()), "--version");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(marker).contains("-cp " + distribution().resolve("lib/privacy-site-theme.jar") + ":"
                + distribution().resolve("lib/privacy-site.jar") + " org.privacysite.cli.Main"), Files.readString(marker));

        Run broken = run(Map.of("JAVA_HOME", temp.resolve("no-jdk").toString()), "--version");
        assertEquals(Main.USAGE, broken.exitCode());
        assertTrue(broken.err().contains("JAVA_HOME is '" + temp.resolve("no-jdk") + "', which has no bin/java"), broken.err());
    }
}
