package org.privacysite.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.privacysite.ConfigurationException;
import org.privacysite.PreviewServer;
import org.privacysite.PrivacySite;

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

    @Option(names = "--pseudo", description = "Also preview the pseudo-locales en-XA (accented, longer, [bracketed] text) and "
            + "ar-XB (right to left), made from the source texts.")
    boolean pseudo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PreviewServer server;
        try {
            PreviewServer.Log log = new PreviewServer.Log() {
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
            };
            PrivacySite site = sources.builder().pseudo(pseudo).build();
            server = out == null ? PreviewServer.startInTemporaryDirectory(site, host, port, log)
                    : PreviewServer.start(site, out, host, port, log);
        } catch (ConfigurationException e) {
            ConsoleReport.print(e.findings(), err);
            return Main.USAGE;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        }
        Thread hook = new Thread(server::close, "privacy-site-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stdout.println("Serving the preview at " + server.uri() + " (site in " + server.outputDirectory() + ")");
        Path templates = sources.templates();
        stdout.println("Watching " + sources.content + (templates == null ? " (with the built-in theme)" : " and " + templates)
                + "; press Ctrl-C to stop.");
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
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and cleans up
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }
}
