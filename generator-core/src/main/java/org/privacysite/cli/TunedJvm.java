package org.privacysite.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs a command of the CLI in a second JVM with compiler settings that suit the generator.
 * With HotSpot's default inlining, C2 turns the parser's and renderer's hot paths into very
 * large methods: on a 2-core machine compiling them took as much CPU as building 10,000 pages
 * (docs/benchmarks.md). {@code java -jar} cannot pass JVM flags, so {@code main} starts the JVM
 * again with them; {@code -Dprivacy-site.tuned-jvm=false} runs everything in the first JVM.
 */
final class TunedJvm {

    /** Set in the second JVM (and by a user who wants no second JVM). */
    static final String PROPERTY = "privacy-site.tuned-jvm";
    private static final String CHILD = "second";

    /**
     * Smaller inlining limits (defaults 2500, 35, 325, 15): C2 spent 8 s instead of 27 s compiling for
     * a 10k-page build, which took 25 s instead of 33 s on 2 cores. Tried in docs/benchmarks.md.
     */
    static final List<String> FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "-XX:InlineSmallCode=300", "-XX:MaxInlineSize=15", "-XX:FreqInlineSize=50", "-XX:MaxInlineLevel=5");

    /** The commands that run long enough for the flags to matter (not --help or --version). */
    private static final Set<String> LONG_COMMANDS = Set.of("build", "check", "serve");

    /** JVM options that a second JVM must not repeat: a debugger port or recording file is the first JVM's. */
    private static final List<String> TOOLS = List.of("-agentlib:", "-agentpath:", "-javaagent:", "-Xrun",
            "-Xdebug", "-XX:StartFlightRecording", "-XX:FlightRecorderOptions");

    private TunedJvm() {
    }

    /** True in the JVM that {@link #run} started. */
    static boolean isSecondJvm() {
        return CHILD.equals(System.getProperty(PROPERTY));
    }

    /** The exit code of {@code args} run in a tuned JVM, or empty when this JVM should run them itself. */
    static OptionalInt run(String[] args) {
        Optional<List<String>> command = command(args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty(); // no second JVM here: run in this one, just slower
        }
        // Ctrl-C reaches both JVMs; a kill of this one alone must not leave the child running.
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the command is done
            }
        }
    }

    /** The command line of the second JVM, or empty when this JVM runs {@code args} itself. */
    static Optional<List<String>> command(String[] args) {
        if (System.getProperty(PROPERTY) != null || args.length == 0 || !LONG_COMMANDS.contains(args[0])) {
            return Optional.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (java.isEmpty() || classPath == null || classPath.isEmpty()
                || options.stream().anyMatch(option -> TOOLS.stream().anyMatch(option::startsWith))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(FLAGS);
        command.addAll(options); // after ours: the user's own settings (-Xmx, -XX:...) win
        command.add("-D" + PROPERTY + "=" + CHILD);
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return Optional.of(command);
    }
}
