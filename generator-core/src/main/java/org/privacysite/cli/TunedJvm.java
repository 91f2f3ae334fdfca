package org.privacysite.cli;

import static org.privacysite.JvmSettings.BATCH_GC;
import static org.privacysite.JvmSettings.BATCH_HEAP;
import static org.privacysite.JvmSettings.BATCH_PROMOTION;
import static org.privacysite.JvmSettings.INLINING;
import static org.privacysite.JvmSettings.LARGE_SITE;
import static org.privacysite.JvmSettings.QUICK_JIT;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.privacysite.JvmSettings;

/**
 * Runs a command of the CLI in a second JVM with compiler settings that suit the generator.
 * With HotSpot's default inlining, C2 turns the parser's and renderer's hot paths into very
 * large methods: on a 2-core machine compiling them took as much CPU as building 10,000 pages
 * (docs/benchmarks.md). {@code java -jar} cannot pass JVM flags, so {@code main} starts the JVM
 * again with them ({@link JvmSettings}), for sites of at least {@link #SMALL_SITE} pages;
 * {@code -Dprivacy-site.tuned-jvm=false} runs everything in the first JVM. A build or check of fewer than
 * {@link JvmSettings#LARGE_SITE} pages ends before C2's work pays off, so it runs with C1 only.
 */
final class TunedJvm {

    /**
     * "second" in the second JVM, "launcher" when bin/privacy-site gave the flags (no second JVM then);
     * a user sets "false" (never a second JVM) or "true" (even for a small site).
     */
    static final String PROPERTY = "privacy-site.tuned-jvm";
    private static final String CHILD = "second";
    private static final String LAUNCHER = "launcher";
    private static final String TERMINAL = "privacy-site.terminal";

    /**
     * The collector of an incremental check ({@link #cachedCheck}): it restores every page from the cache, and
     * its young collections copy those pages once, which the serial collector does in 350-400 ms of pauses at
     * 10,000 pages and the parallel one in about 180 ms (a one-clause edit 2.2-2.5 s against 2.0-2.2 s).
     * Memory stays small either way (about 300 MB).
     */
    static final String INCREMENTAL_GC = "-XX:+UseParallelGC";

    /**
     * In its place in an incremental check: what survives a young collection there is the pages restored from the
     * cache, which live to the end, so it is promoted at once instead of copied once more first (10k edit: young
     * pauses about 230 -> 190 ms, the collector's CPU 0.46 -> 0.37 s, three pairs).
     */
    static final String INCREMENTAL_PROMOTION = "-XX:MaxTenuringThreshold=0";

    /**
     * The user's options that size the heap themselves: then {@link JvmSettings#BATCH_HEAP} is left to them, as is the
     * promotion that goes with it ({@link JvmSettings#BATCH_PROMOTION} or {@link #INCREMENTAL_PROMOTION}).
     */
    static boolean sizesHeap(List<String> options) {
        return options.stream().anyMatch(option -> option.startsWith("-Xmx") || option.startsWith("-Xms")
                || option.startsWith("-Xmn") || option.matches("-XX:(Max|Initial|Min)?(Heap|New)Size=.*")
                || option.contains("RAMPercentage") || option.startsWith("-XX:MaxRAM="));
    }

    /**
     * With the batch heap where the kernel gives transparent huge pages on request ("madvise", as on
     * the benchmark machine): the heap in 2 MB pages, far fewer page faults and TLB misses; a 10k-page
     * check 3% faster (user CPU -1 s). Not asked for where the kernel has them off: the JVM would warn.
     */
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    /** Whether the kernel gives transparent huge pages to a JVM that asks for them. */
    static boolean hugePagesOnRequest() {
        try {
            String mode = java.nio.file.Files.readString(java.nio.file.Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return mode.contains("[madvise]") || mode.contains("[always]");
        } catch (IOException | RuntimeException e) {
            return false; // not Linux, or no such setting
        }
    }

    /** Whether {@code command} on a site of {@code policyFiles} runs with C1 only ({@link JvmSettings#QUICK_JIT}). */
    static boolean quickJit(String command, long policyFiles) {
        return !command.equals("serve") && policyFiles < LARGE_SITE; // the preview runs long: C2's code serves every edit
    }

    /**
     * Whether {@code args} are a {@code check --out} with a build cache from an earlier run and nothing but
     * policy texts changed since: then little is parsed or rendered again, too little for C2's compile time
     * to pay off, so it runs with C1 only. A newer site.yaml, message file or template makes the run a full
     * one, where C1 alone would double the CPU time of a large site; so does a missing output (the cache only
     * saves work on the site it describes: after {@code rm -rf} of the output, C1 made a 10k-page check 25%
     * slower). Not looked at: how many policies changed (another branch checked out can change them all): the
     * file status of every policy took the launcher 35 ms more at 10,000 pages, on the path of every one-clause
     * edit. (Only a guess for the JIT: the cache itself decides what is built again.)
     */
    static boolean cachedCheck(String[] args) {
        List<String> given = List.of(args);
        String out = option(args, "--out", null);
        String cache = option(args, "--cache", null);
        if (!given.contains("check") || given.contains("--no-cache") || out == null) {
            return false;
        }
        try {
            if (!org.privacysite.PrivacySite.isPublishedSite(java.nio.file.Path.of(out))) {
                return false;
            }
            java.nio.file.Path directory = cache != null ? java.nio.file.Path.of(cache) : Main.defaultCache(java.nio.file.Path.of(out));
            long cached = newest(directory, 1, file -> true);
            if (cached < 0) {
                return false;
            }
            String templates = option(args, "--templates", "templates");
            return newest(java.nio.file.Path.of(option(args, "--content", "content")), 2, file -> !file.toString().endsWith(".md")) < cached
                    && newest(java.nio.file.Path.of(templates), Integer.MAX_VALUE, file -> true) < cached;
        } catch (RuntimeException e) {
            return false; // a path picocli will report
        }
    }

    /** The newest modification time (ms) of the regular files {@code wanted} below {@code directory}, or -1 for none. */
    private static long newest(java.nio.file.Path directory, int depth, java.util.function.Predicate<java.nio.file.Path> wanted) {
        if (!java.nio.file.Files.isDirectory(directory)) {
            return -1;
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(directory, depth)) {
            return files.filter(wanted).mapToLong(file -> {
                try {
                    java.nio.file.attribute.BasicFileAttributes attributes = java.nio.file.Files.readAttributes(file,
                            java.nio.file.attribute.BasicFileAttributes.class);
                    return attributes.isRegularFile() ? attributes.lastModifiedTime().toMillis() : -1;
                } catch (IOException e) {
                    return -1;
                }
            }).max().orElse(-1);
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    /** The value of option {@code name} in {@code args} ({@code --name value} or {@code --name=value}), else {@code otherwise}. */
    private static String option(String[] args, String name, String otherwise) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            } else if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
        }
        return otherwise;
    }

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

    /** True when the distribution's launcher, bin/privacy-site, started this JVM with the flags. */
    static boolean isLaunched() {
        return LAUNCHER.equals(System.getProperty(PROPERTY));
    }

    /** This JVM's options (ours, then the user's), without system properties: what --verbose shows. */
    static String jvmOptions() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-D")).toList());
    }

    /** The exit code of {@code args} run in a tuned JVM, or empty when this JVM should run them itself. */
    static OptionalInt run(String[] args) {
        Optional<List<String>> command = command(args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            // The child's standard input is a pipe from this JVM, never written: the child never reads the terminal.
            // It watches this JVM instead and exits when it is gone, however it ended (watchParent).
            child = new ProcessBuilder(command.get()).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty(); // no second JVM here: run in this one, just slower
        }
        // Ctrl-C or a kill of this JVM (SIGINT, SIGTERM, SIGHUP all run the shutdown hooks) stops the child,
        // and this JVM ends only once the child's own shutdown (its staging directory, the preview's temporary
        // site) is done. A shutdown hook rather than a signal handler: the supported API for the same signals.
        Thread stopChild = new Thread(() -> stop(child), "privacy-site-stop-second-jvm");
        try {
            Runtime.getRuntime().addShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
            stop(child);
        }
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the command is done
            }
        }
    }

    /** Asks the child to end (SIGTERM, so its shutdown hooks run) and waits until it has. */
    private static void stop(Process child) {
        // ProcessHandle.destroy only signals; Process.destroy would also close the pipe (an exit code 3)
        child.toHandle().destroy();
        while (child.isAlive()) {
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: this JVM must not end before the child
            }
        }
    }

    /**
     * In the second JVM: exits (running shutdown hooks, as on Ctrl-C) as soon as the first JVM is
     * gone, so that killing the command never leaves a build running on its own.
     */
    static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        Thread watch = new Thread(() -> {
            // Polled, not a read that blocks until the first JVM's pipe closes: a thread blocked in native
            // code makes every exit of this JVM wait 300 ms for it (HotSpot's VM_Exit), on every command.
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(PARENT_POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.exit(Main.INTERNAL);
        }, "privacy-site-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** How often the second JVM looks whether the first is still there. */
    private static final long PARENT_POLL_MILLIS = 200;

    /** Whether the CLI talks to a terminal: in the second JVM, whether the first one did. */
    static boolean hasTerminal() {
        return System.console() != null || Boolean.getBoolean(TERMINAL);
    }

    /**
     * Below this many policy files a site builds in a second or two, and starting a second JVM
     * (about 0.25 s) costs more than the flags save; {@code -Dprivacy-site.tuned-jvm=true} forces it.
     */
    static final int SMALL_SITE = 100;

    /** How many Markdown files the content directory of {@code args} has, counting up to {@link JvmSettings#LARGE_SITE}. */
    static long policyFiles(String[] args) {
        String content = option(args, "--content", "content");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of(content), 2)) {
            return files.filter(file -> file.toString().endsWith(".md")).limit(LARGE_SITE).count();
        } catch (IOException | RuntimeException e) {
            return 0; // no such directory: this JVM reports it
        }
    }

    /** The command line of the second JVM, or empty when this JVM runs {@code args} itself. */
    static Optional<List<String>> command(String[] args) {
        String setting = System.getProperty(PROPERTY, "auto");
        String name = java.util.Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().orElse("");
        if (!setting.equals("auto") && !setting.equals("true") || !LONG_COMMANDS.contains(name)) {
            return Optional.empty();
        }
        long policyFiles = policyFiles(args);
        if (setting.equals("auto") && policyFiles < SMALL_SITE) {
            return Optional.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (java.isEmpty() || classPath == null || classPath.isEmpty()
                || options.stream().anyMatch(option -> TOOLS.stream().anyMatch(option::startsWith))) {
            return Optional.empty();
        }
        boolean incremental = cachedCheck(args);
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(INLINING);
        if (!name.equals("serve") && options.stream().noneMatch(option -> option.matches("-XX:\\+Use\\w*GC"))) {
            // A batch run: see BATCH_GC and INCREMENTAL_GC. The preview keeps G1's short pauses.
            command.add(incremental ? INCREMENTAL_GC : BATCH_GC);
            if (!sizesHeap(options)) {
                command.addAll(BATCH_HEAP);
                command.add(incremental ? INCREMENTAL_PROMOTION : BATCH_PROMOTION);
            }
            if (hugePagesOnRequest() && !incremental) {
                command.add(HUGE_PAGES); // in an incremental run, finding huge pages costs the kernel more than they save
            }
        }
        if (quickJit(name, policyFiles) || incremental) {
            command.add(QUICK_JIT);
        }
        command.addAll(options); // after ours: the user's own settings (-Xmx, -XX:...) win
        command.add("-D" + PROPERTY + "=" + CHILD);
        if (System.console() != null) {
            command.add("-D" + TERMINAL + "=true"); // the child's standard input is a pipe, so it has no console
        }
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return Optional.of(command);
    }
}
