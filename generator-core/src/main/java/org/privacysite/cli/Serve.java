package org.privacysite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.privacysite.ConfigurationException;
import org.privacysite.PreviewServer;
import org.privacysite.internal.output.OutputDirectory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code privacy-site serve}: the live preview for legal writers. Runs until Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Live preview: serve the site on a loopback address, rebuild what changed whenever a file "
                + "below --content or --templates changes, and reload the page in the browser.",
                "Errors are shown on the page (file:line:col) and in this terminal; the preview keeps running. "
                        + "Stop it with Ctrl-C."})
final class Serve implements Callable<Integer> {

    @CommandLine.Mixin
    Main.Sources sources = new Main.Sources();

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Loopback address to listen on: 127.0.0.1, ::1 or localhost (default: ${DEFAULT-VALUE}). "
                    + "Other addresses are refused.")
    String host;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the preview site is written; replaced by each full rebuild "
                    + "(default: a temporary directory, deleted on exit).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path temporary = null;
        PreviewServer server;
        try {
            Path output = out;
            if (output == null) {
                temporary = Files.createTempDirectory("privacy-site-serve-");
                output = temporary.resolve("site");
            }
            server = PreviewServer.start(sources.site(), output, host, port, new PreviewServer.Log() {
                @Override
                public void info(String line) {
                    stdout.println(line);
                    stdout.flush();
                }

                @Override
                public void error(String line) {
                    stdout.println(line);
                    stdout.flush();
                }
            });
        } catch (ConfigurationException e) {
            ConsoleReport.print(e.findings(), err);
            deleteQuietly(temporary);
            return Main.USAGE;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            deleteQuietly(temporary);
            return Main.USAGE;
        } catch (IOException e) {
            err.println("error: cannot create a temporary output directory: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        }
        Path cleanup = temporary;
        Thread hook = new Thread(() -> {
            server.close();
            deleteQuietly(cleanup);
        }, "privacy-site-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stdout.println("Serving the preview at " + server.uri() + " (site in " + server.outputDirectory() + ")");
        stdout.println("Watching " + sources.content + " and " + sources.templates + "; press Ctrl-C to stop.");
        stdout.flush();
        boolean interrupted = false;
        try {
            server.await();
        } catch (InterruptedException e) {
            interrupted = true; // stopped by an embedding program: close cleanly, then keep the interrupt
        } finally {
            server.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            deleteQuietly(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and cleans up
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            OutputDirectory.delete(directory);
        } catch (IOException | RuntimeException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
