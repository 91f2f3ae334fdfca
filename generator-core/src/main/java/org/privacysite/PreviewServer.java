package org.privacysite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.privacysite.internal.output.OutputDirectory;
import org.privacysite.internal.preview.LivePreview;
import org.privacysite.internal.preview.Rebuilder;

/**
 * The live preview ({@code serve}): builds the site into an output directory, serves it on a
 * loopback address, rebuilds what changed whenever a file below the content or templates directory
 * changes, and makes the open browser tabs reload. A broken source shows an overlay with its
 * {@code file:line:col} message instead of stopping the preview; the findings of the page on screen
 * are shown in a small badge.
 *
 * <pre>{@code
 * try (PreviewServer server = PreviewServer.start(site, Path.of("target/preview"), "127.0.0.1", 8080)) {
 *     System.out.println("Serving at " + server.uri());
 *     server.await();
 * }
 * }</pre>
 *
 * The reload script is added to HTML responses as they are served, never written to disk: a site
 * built with {@link PrivacySite#build} never contains it.
 */
public final class PreviewServer implements AutoCloseable {

    /** Where the preview reports each rebuild ({@code Rebuilt 1 page in 23 ms}) and each error line. */
    public interface Log {
        void info(String line);

        void error(String line);

        /** Both kinds of line on standard output. */
        static Log stdout() {
            return new Log() {
                @Override
                public void info(String line) {
                    System.out.println(line);
                }

                @Override
                public void error(String line) {
                    System.out.println(line);
                }
            };
        }
    }

    private final LivePreview live;
    private final Preview preview;
    private final InetAddress address;
    private final Path outputDirectory;
    /** A temporary directory this server made for its output and deletes on close; null otherwise. */
    private volatile Path temporary;

    private PreviewServer(LivePreview live, Preview preview, InetAddress address, Path outputDirectory) {
        this.live = live;
        this.preview = preview;
        this.address = address;
        this.outputDirectory = outputDirectory;
    }

    /**
     * Like {@link #start(PrivacySite, Path, String, int, Log)}, writing into a new temporary directory
     * that {@link #close()} deletes.
     *
     * @throws UncheckedIOException when no temporary directory can be made
     */
    public static PreviewServer startInTemporaryDirectory(PrivacySite site, String host, int port, Log log) {
        Path temporary;
        try {
            temporary = Files.createTempDirectory("privacy-site-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary output directory: " + e.getMessage(), e);
        }
        try {
            PreviewServer server = start(site, temporary.resolve("site"), host, port, log);
            server.temporary = temporary;
            return server;
        } catch (RuntimeException | Error e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            OutputDirectory.delete(directory);
        } catch (IOException | RuntimeException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    /** {@link #start(PrivacySite, Path, String, int, Log)} logging to standard output. */
    public static PreviewServer start(PrivacySite site, Path outputDirectory, String host, int port) {
        return start(site, outputDirectory, host, port, Log.stdout());
    }

    /**
     * Builds the site into {@code outputDirectory} and starts serving it. Returns once the first build
     * is done; if it failed, the server runs anyway and the pages show the errors until they are fixed.
     *
     * @param outputDirectory replaced by the preview; must not be, contain or lie inside the content
     *                        or templates directory
     * @param host            a loopback address ({@code 127.0.0.1}, {@code ::1} or {@code localhost});
     *                        other addresses are refused
     * @param port            the port, or 0 for any free one (see {@link #port()})
     * @throws IllegalArgumentException when the host is not a loopback address, the port is out of
     *                                  range or the output directory overlaps the sources
     * @throws UncheckedIOException     when the port is in use or the sources cannot be watched
     */
    public static PreviewServer start(PrivacySite site, Path outputDirectory, String host, int port, Log log) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (0-65535; 0 picks a free port)");
        }
        InetAddress address = loopback(host);
        Path out = outputDirectory.toAbsolutePath().normalize();
        Path content = site.contentDirectory();
        Path templates = site.templatesDirectory();
        List<Path> watched = templates == null ? List.of(content) : List.of(content, templates);
        for (Path sources : watched) {
            if (out.startsWith(sources) || sources.startsWith(out)) {
                throw new IllegalArgumentException("the preview output directory " + out
                        + " must be outside the sources (" + sources + "): it is replaced on every full rebuild");
            }
        }
        Preview preview = site.preview(out);
        try {
            LivePreview live = LivePreview.start(rebuilder(preview, anyPage(site, content)), out, watched,
                    new InetSocketAddress(address, port), log::info, log::error);
            return new PreviewServer(live, preview, address, out);
        } catch (BindException e) {
            preview.close();
            throw new UncheckedIOException("cannot listen on " + literal(address) + ":" + port
                    + " (" + e.getMessage() + "); is another preview running? Choose another port, or 0 for any free one", e);
        } catch (IOException e) {
            preview.close();
            throw new UncheckedIOException("cannot start the preview: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            preview.close();
            throw e;
        }
    }

    /** The preview's two methods for the live server; {@link Rebuilder#warmUp()} rebuilds {@code warmUpFile} when not null. */
    private static Rebuilder rebuilder(Preview preview, Path warmUpFile) {
        return new Rebuilder() {
            @Override
            public void warmUp() {
                if (warmUpFile != null) {
                    preview.rebuild(List.of(warmUpFile));
                }
            }

            @Override
            public PreviewUpdate rebuild(java.util.Collection<Path> changedFiles) {
                return preview.rebuild(changedFiles);
            }

            @Override
            public java.util.concurrent.CompletableFuture<List<Finding>> findings(String locale, String document) {
                return preview.checkedFindings(locale, document);
            }
        };
    }

    /** Some policy file of the site (content/LOCALE/DOCUMENT.md), for the preview's warm-up; null if none. */
    private static Path anyPage(PrivacySite site, Path content) {
        try (Stream<Path> locales = Files.list(content)) {
            List<String> documents = site.documents();
            for (Path locale : locales.filter(Files::isDirectory).sorted().toList()) {
                for (String document : documents) {
                    Path page = locale.resolve(document + ".md");
                    if (!locale.getFileName().toString().startsWith(".") && Files.isRegularFile(page)) {
                        return page;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no warm-up then
        }
        return null;
    }

    private static InetAddress loopback(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'; the preview binds to 127.0.0.1, ::1 or localhost", e);
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the preview serves on loopback addresses only (127.0.0.1, ::1, localhost), not '"
                    + host + "': it is a writer's tool, not a web server");
        }
        return address;
    }

    private static String literal(InetAddress address) {
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return live.port();
    }

    /** The address the server listens on, e.g. {@code 127.0.0.1}. */
    public String host() {
        return address.getHostAddress();
    }

    /** The site root, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return URI.create("http://" + literal(address) + ":" + port() + "/");
    }

    /** Where the preview site is written. */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /** Blocks until {@link #close()} is called (e.g. from a shutdown hook on Ctrl-C). */
    public void await() throws InterruptedException {
        live.await();
    }

    /** Stops watching and serving, ends the browsers' event streams, deletes a temporary output. Safe to call more than once. */
    @Override
    public void close() {
        try {
            live.close();
        } finally {
            preview.close();
            Path made = temporary;
            if (made != null) {
                temporary = null;
                deleteQuietly(made);
            }
        }
    }
}
