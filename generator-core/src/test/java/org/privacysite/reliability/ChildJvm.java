package org.privacysite.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.privacysite.SampleSite;

/**
 * Runs the CLI ({@code org.privacysite.cli.Main}) in a child JVM, with this JVM's class path: the
 * shaded jar does not exist yet when surefire runs (it is built in the {@code package} phase). The
 * compiled classes are copied once, so that a concurrent {@code mvn compile} cannot pull them away
 * from under a running child.
 */
final class ChildJvm {

    private static Path classesCopy;

    private ChildJvm() {
    }

    /** {@code java [jvmOptions] -cp ... org.privacysite.cli.Main build --content ... --out ...}, output to files in {@code logs}. */
    static ProcessBuilder build(Path content, Path templates, Path out, Path logs, List<String> jvmOptions, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xss8m");
        command.add("-Dprivacy-site.tuned-jvm=false"); // the kill must hit the JVM that writes the site
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add("org.privacysite.cli.Main");
        command.addAll(List.of("build", "--content", content.toString(), "--templates", templates.toString(), "--out", out.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builder.redirectOutput(logs.resolve("stdout.txt").toFile());
        builder.redirectError(logs.resolve("stderr.txt").toFile());
        return builder;
    }

    /** This JVM's class path, with the compiled main classes replaced by a private copy. */
    static synchronized String classpath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) && Files.isRegularFile(path.resolve("org/privacysite/cli/Main.class"))) {
                entries.add(copyOfClasses(path).toString());
            } else if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        if (classesCopy == null) {
            throw new IllegalStateException("org.privacysite.cli.Main is in no directory of the class path: " + classpath);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path copyOfClasses(Path classes) {
        if (classesCopy == null) {
            try {
                Path copy = Files.createTempDirectory("privacy-site-classes-");
                SampleSite.copyTree(classes, copy);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(copy)));
                classesCopy = copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classesCopy;
    }

    static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    static String log(Path logs) {
        try {
            return "stdout: " + Files.readString(logs.resolve("stdout.txt")) + "\nstderr: " + Files.readString(logs.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(no logs: " + e + ")";
        }
    }
}
