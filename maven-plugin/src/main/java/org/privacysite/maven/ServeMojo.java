package org.privacysite.maven;

import java.io.File;
import java.io.UncheckedIOException;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.ConfigurationException;
import org.privacysite.PreviewServer;

/**
 * Live preview for legal writers: serves the privacy site on a loopback address, rebuilds what
 * changed whenever a file below the content or templates directory changes, and reloads the page in
 * the browser. Errors appear on the page and in the build log without stopping the preview. Runs
 * until Ctrl-C: {@code mvn privacy-site:serve}.
 */
@Mojo(name = "serve", requiresProject = true, threadSafe = true)
public class ServeMojo extends AbstractRenderingMojo {

    /** Port to listen on; 0 picks a free one. */
    @Parameter(property = "privacySite.port", defaultValue = "8080")
    int port;

    /** Loopback address to listen on ({@code 127.0.0.1}, {@code ::1} or {@code localhost}); other addresses are refused. */
    @Parameter(property = "privacySite.host", defaultValue = "127.0.0.1")
    String host;

    /** Where the preview site is written; replaced on each full rebuild, so keep it apart from {@code outputDirectory}. */
    @Parameter(property = "privacySite.previewDirectory", defaultValue = "${project.build.directory}/privacy-site-preview", required = true)
    File previewDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping the privacy site preview (privacySite.skip=true).");
            return;
        }
        Log log = getLog();
        PreviewServer server;
        try {
            server = PreviewServer.start(validatedSite(), previewDirectory.toPath(), host, port, new PreviewServer.Log() {
                @Override
                public void info(String line) {
                    log.info(line);
                }

                @Override
                public void error(String line) {
                    log.error(line);
                }
            });
        } catch (ConfigurationException e) {
            log(e.findings());
            throw new MojoExecutionException("The privacy site configuration cannot be used: " + summary(e.findings()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Thread hook = new Thread(server::close, "privacy-site-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        log.info("Serving the privacy site preview at " + server.uri() + " (press Ctrl-C to stop)");
        try {
            server.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }
}
