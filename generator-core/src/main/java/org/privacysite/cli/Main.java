package org.privacysite.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.privacysite.BuildResult;
import org.privacysite.CheckResult;
import org.privacysite.ConfigurationException;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar privacy-site.jar}: the generator for CI and terminals.
 * Exit codes: 0 fine, 1 findings, 2 bad usage or unreadable configuration, 3 internal error.
 */
@Command(name = "privacy-site", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds and checks a multilingual privacy site from Markdown policies.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success, no errors", "1:the sources have errors (or warnings with --strict)",
                "2:bad usage or unreadable configuration", "3:internal error (please report it)"})
public final class Main implements Callable<Integer> {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;
    static final String REPORT_URL = "https://github.com/privacysite/privacy-site/issues";

    @Option(names = "--verbose", description = "Show how long each stage took, and stack traces of internal errors.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Option(names = "--explain", paramLabel = "RULE", description = "Print a rule's page, e.g. --explain parity.argument-missing.")
    String explain;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The commands, in the order the usage help lists them. */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(Init.class, Import.class, Main.Build.class, Main.Check.class,
            Serve.class, Main.MarkTranslated.class, Rules.class, Main.ExportTranslation.class, Main.ImportTranslation.class, Audit.class);

    public static void main(String[] args) {
        if (TunedJvm.isSecondJvm()) {
            TunedJvm.watchParent();
        }
        System.exit(TunedJvm.run(args).orElseGet(() -> run(args)));
    }

    /** Runs the CLI and returns its exit code; never exits the JVM. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with the given output streams and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(args).setOut(out).setErr(err);
        // A writer's mistake is a list of file:line findings; anything else is our bug.
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof PrivacySiteException problem) {
                ConsoleReport.print(problem.findings(), cmd.getErr());
                return problem instanceof ConfigurationException ? USAGE : FINDINGS;
            }
            Main main = cmd.getCommandSpec().root().userObject() instanceof Main m ? m : null;
            return internalError(exception, cmd.getErr(), main != null && main.verbose);
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            return internalError(new IllegalStateException(e), err, false); // thrown on the main thread, not wrapped
        }
    }

    /**
     * The command line of {@code args}: picocli models only the command they name (its model is built by
     * reflection, about 0.1 s for all ten at every start); every command when they name none, or one unknown,
     * so that the usage help lists them all and a misspelt name gets its suggestion.
     */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        String name = commandName(args);
        java.util.List<Class<?>> named = COMMANDS.stream().filter(command -> names(command).contains(name)).toList();
        (named.isEmpty() ? COMMANDS : named).forEach(commandLine::addSubcommand);
        return commandLine;
    }

    /** The first argument that is neither an option nor an option's value; null when there is none or when an @file may hold it. */
    private static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("@")) {
                return null; // picocli reads arguments from the file
            } else if (args[i].equals("--explain")) {
                i++; // its value
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    private static java.util.List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(annotation.aliases()));
        names.add(annotation.name());
        return names;
    }

    @Override
    public Integer call() {
        if (explain != null) {
            return Rules.print(explain, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    static int internalError(Exception exception, PrintWriter err, boolean verbose) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return outOfMemory(err);
            }
        }
        for (Throwable wrapper = null, cause = exception; cause != null; wrapper = cause, cause = cause.getCause()) {
            if (cause instanceof java.io.IOException io && io.getMessage() != null && DISK_FULL.matcher(io.getMessage()).find()) {
                return diskFull(wrapper, io, err);
            }
        }
        err.println("internal error: " + exception);
        err.println("This is a bug in privacy-site, not in your content. Please report it at " + REPORT_URL
                + (verbose ? "" : " (run with --verbose to include the stack trace)."));
        if (verbose) {
            exception.printStackTrace(err);
        }
        err.flush();
        return INTERNAL;
    }

    /** The operating system's words for a full disk or quota (ENOSPC, EDQUOT), as Java passes them on. */
    private static final java.util.regex.Pattern DISK_FULL = java.util.regex.Pattern.compile("No space left on device|Disk quota exceeded");

    /** Not a bug either: the disk filled up while something was written; say what, and how to go on. */
    private static int diskFull(Throwable wrapper, java.io.IOException full, PrintWriter err) {
        // the wrapper says what was being written ("cannot write the site to ..."), unless it only repeats the cause
        String what = wrapper == null || wrapper.getMessage() == null || wrapper.getMessage().equals(full.toString()) ? ""
                : wrapper.getMessage() + ": ";
        err.println("error: the disk is full: " + what + full.getMessage() + ". Free some space, or write to a disk with"
                + " more room, and run again.");
        err.flush();
        return INTERNAL;
    }

    /** Not a bug to report with a stack trace: the site needs more memory than the JVM was given; say how to give more. */
    private static int outOfMemory(PrintWriter err) {
        long megabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        err.println("error: out of memory: this site needs more than the " + megabytes + " MB that Java may use here."
                + " Give Java more, e.g. java -Xmx2g -jar privacy-site.jar ..., or PRIVACY_SITE_OPTS=-Xmx2g for bin/privacy-site."
                + " If this happens with Java's default settings, please report it at " + REPORT_URL + ".");
        err.flush();
        return INTERNAL;
    }

    /** Options shared by commands that read sources. */
    static class Sources {
        @Option(names = "--content", defaultValue = "content", paramLabel = "DIR",
                description = "Content directory with site.yaml (default: ${DEFAULT-VALUE}).")
        Path content;

        @Option(names = "--templates", paramLabel = "DIR",
                description = "Your own templates, assets and UI messages, each replacing the built-in theme's file "
                        + "of the same name (default: ./templates if it exists, else the built-in theme alone).")
        Path templates;

        @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: number of processors).")
        Integer threads;

        @Option(names = "--as-of", paramLabel = "DATE", description = "The date (YYYY-MM-DD) that decides which policy "
                + "version is in force and which are upcoming (default: SOURCE_DATE_EPOCH, else the date of the last commit).")
        java.time.LocalDate asOf;

        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec command;

        PrivacySite site() {
            return builder().build();
        }

        PrivacySite.Builder builder() {
            PrivacySite.Builder builder = PrivacySite.builder().contentDirectory(content).templatesDirectory(templates())
                    .progress(progress());

            if (threads != null) {
                builder.threads(threads);
            }
            if (asOf != null) {
                builder.asOf(asOf);
            }
            return builder;
        }

        /** {@code --templates}, else {@code ./templates} when it exists, else none (the built-in theme alone). */
        Path templates() {
            if (templates != null) {
                return templates;
            }
            Path conventional = Path.of("templates");
            return java.nio.file.Files.isDirectory(conventional) ? conventional : null;
        }

        /** A progress line on an interactive terminal; stage timings with --verbose. */
        private org.privacysite.ProgressListener progress() {
            if (command == null) {
                return org.privacysite.ProgressListener.NONE;
            }
            boolean verbose = command.root().userObject() instanceof Main main && main.verbose;
            if (verbose && TunedJvm.isSecondJvm()) {
                command.commandLine().getErr().println("Running in a second JVM with " + TunedJvm.jvmOptions());
            } else if (verbose && TunedJvm.isLaunched()) {
                command.commandLine().getErr().println("Running with " + TunedJvm.jvmOptions());
            }
            return ProgressLine.forTerminal(command.commandLine().getErr(), verbose);
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = "Build the site into --out.")
    static final class Build implements Callable<Integer> {
        @CommandLine.Mixin
        Sources sources = new Sources();

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory; replaced only when the build succeeds.")
        Path out;

        @Option(names = "--pdf", description = "Also write each document as a tagged PDF, <locale>/<document>/<document>.pdf, linked from its page.")
        boolean pdf;

        @Option(names = "--pdf-fonts", paramLabel = "DIR", description = "Where the PDFs' Noto fonts are (default: /usr/share/fonts).")
        Path pdfFonts;

        @Option(names = "--pseudo", description = "Also render the pseudo-locales en-XA (accented, longer, [bracketed] text) and "
                + "ar-XB (right to left), made from the source texts, to find truncation, hard-coded text and mirroring problems.")
        boolean pseudo;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter stdout = spec.commandLine().getOut();
            try {
                PrivacySite.Builder builder = sources.builder().pdf(pdf).pseudo(pseudo);
                if (pdfFonts != null) {
                    builder.pdfFontDirectory(pdfFonts);
                }
                BuildResult result = builder.build().build(out);
                ConsoleReport.print(result.warnings(), err);
                stdout.println("Built " + result.pages() + " pages into " + out);
                stdout.flush();
                return OK;
            } catch (ConfigurationException e) {
                throw e;
            } catch (PrivacySiteException e) {
                ConsoleReport.print(e.findings(), err);
                err.println("Build failed; " + leftAsItWas(out));
                err.flush();
                return FINDINGS;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check translations and links: can this site be published?")
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin
        Sources sources = new Sources();

        @Option(names = "--strict", description = "Fail on warnings too (for CI).")
        boolean strict;

        @Option(names = "--report-dir", paramLabel = "DIR", description = "Write reports into DIR.")
        Path reportDirectory;

        @Option(names = "--report-format", paramLabel = "FORMAT", split = ",", defaultValue = "junit,sarif,json,html",
                description = "Reports to write with --report-dir: junit, sarif, json, html (default: ${DEFAULT-VALUE}).")
        java.util.List<String> reportFormats;

        @Option(names = "--out", paramLabel = "DIR", description = "Also publish: build the site into DIR in the same pass, "
                + "replacing DIR only when the check passes (with --strict: no warnings either).")
        Path out;

        @Option(names = "--external", description = "Also check http(s) links (online; off by default).")
        boolean external;

        @Option(names = "--cache", paramLabel = "DIR", description = "With --out: the build cache, so that after an edit of "
                + "policy texts only their pages are built and checked again (default: privacy-site-cache beside DIR of --out).")
        Path cache;

        @Option(names = "--no-cache", description = "Check and build everything, without reading or writing the build cache.")
        boolean noCache;

        @Option(names = "--external-cache", paramLabel = "FILE", description = "Remember external link results in FILE for a day.")
        Path externalCache;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                PrivacySite.Builder builder = sources.builder().externalLinks(external).externalLinkCache(externalCache)
                        .warnings(warning -> err.println("warning: " + warning));
                if (out != null && !noCache) {
                    builder.cacheDirectory(cache != null ? cache : defaultCache(out));
                }
                PrivacySite site = builder.build();
                CheckResult result = out == null ? site.check() : site.checkAndBuild(out, strict);
                for (Path override : result.overrides()) {
                    spec.commandLine().getOut().println(org.privacysite.Location.of(override).displayPath()
                            + " overrides the built-in theme");
                }
                ConsoleReport.print(result.findings(), err);
                if (reportDirectory != null) {
                    for (Path report : site.writeReports(result, reportDirectory, reportFormats, strict)) {
                        spec.commandLine().getOut().println("Wrote " + report);
                    }
                }
                if (result.findings().isEmpty()) {
                    spec.commandLine().getOut().println("No findings: " + result.pages() + " pages checked.");
                }
                if (out != null) {
                    if (result.failed(strict)) {
                        err.println("The check failed; " + leftAsItWas(out));
                    } else {
                        spec.commandLine().getOut().println("Built " + result.pages() + " pages into " + out);
                    }
                }
                spec.commandLine().getOut().flush();
                err.flush();
                return result.failed(strict) ? FINDINGS : OK;
            } catch (IllegalArgumentException e) { // an unknown --report-format
                err.println(e.getMessage());
                err.flush();
                return USAGE;
            }
        }
    }

    /** {@code privacy-site-cache} beside the output directory: {@code target/privacy-site-cache} for {@code --out target/site}. */
    static Path defaultCache(Path out) {
        Path parent = out.toAbsolutePath().normalize().getParent();
        return (parent == null ? out.toAbsolutePath() : parent).resolve("privacy-site-cache");
    }

    @Command(name = "mark-translated", mixinStandardHelpOptions = true,
            description = "Record that a translation was reviewed against the current source, so its clauses are no longer stale.")
    static final class MarkTranslated implements Callable<Integer> {
        @CommandLine.Mixin
        Sources sources = new Sources();

        @Option(names = "--locale", required = true, paramLabel = "LOCALE", description = "The translation's locale, e.g. fr.")
        String locale;

        @Option(names = "--document", paramLabel = "NAME", description = "The document, e.g. privacy (default: every document).")
        String document;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrivacySite site = sources.site();
            java.util.List<String> documents = document != null ? java.util.List.of(document) : site.documents();
            for (String name : documents) {
                int clauses = site.markTranslated(locale, name);
                spec.commandLine().getOut().println("Marked " + clauses + " clauses of " + locale + "/" + name + ".md as translated.");
            }
            spec.commandLine().getOut().flush();
            return OK;
        }
    }

    @Command(name = "export-translation", mixinStandardHelpOptions = true,
            description = "Write the source text as an XLIFF 2 file for a translator's CAT tool.")
    static final class ExportTranslation implements Callable<Integer> {
        @CommandLine.Mixin
        Sources sources = new Sources();

        @Option(names = "--locale", required = true, paramLabel = "LOCALE", description = "The translation's locale, e.g. fr.")
        String locale;

        @Option(names = "--document", paramLabel = "NAME", description = "Only this document, e.g. privacy (default: every document).")
        java.util.List<String> documents;

        @Option(names = "--only", defaultValue = "all", paramLabel = "WHICH",
                description = "Which clauses: missing, stale or all (default: ${DEFAULT-VALUE}).")
        String only;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The XLIFF file to write, e.g. fr.xlf.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            org.privacysite.TranslationExport export = sources.site().exportTranslation(locale, documents, only, out);
            spec.commandLine().getOut().println("Wrote " + export.units() + " units of " + export.clauses() + " clauses to " + out);
            spec.commandLine().getOut().flush();
            return OK;
        }
    }

    @Command(name = "import-translation", mixinStandardHelpOptions = true,
            description = "Write a translator's XLIFF 2 file back into the translation's Markdown, and record the clauses as translated.")
    static final class ImportTranslation implements Callable<Integer> {
        @CommandLine.Mixin
        Sources sources = new Sources();

        @CommandLine.Parameters(paramLabel = "FILE", description = "The XLIFF file, e.g. fr.xlf.")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            org.privacysite.TranslationImport result = sources.site().importTranslation(file);
            PrintWriter stdout = spec.commandLine().getOut();
            for (String note : result.notes()) {
                spec.commandLine().getErr().println("note: " + note);
            }
            stdout.println("Imported " + result.units() + " units into " + result.locale() + " (" + result.skipped()
                    + " without a finished translation left alone); " + (result.written().isEmpty() ? "no file changed."
                    : "changed " + result.written().stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", ")) + "."));
            stdout.flush();
            spec.commandLine().getErr().flush();
            return OK;
        }
    }

    /** The version from the jar's build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"privacy-site " + org.privacysite.Version.current()};
        }
    }

    private Main() {
    }

    /** What a failed build did to its output directory: nothing, whether there was a site there or not. */
    static String leftAsItWas(Path out) {
        return java.nio.file.Files.exists(out) ? "the previous output in " + out + " is left as it was."
                : "nothing was written to " + out + ".";
    }
}
