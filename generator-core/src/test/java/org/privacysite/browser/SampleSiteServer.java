package org.privacysite.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;

/**
 * The repository's sample site (content/, templates/), built once per test run into
 * target/browser-tests/site and served on 127.0.0.1 at a random port, for the reading-layout tests.
 */
public final class SampleSiteServer implements AutoCloseable {

    private static Path built;

    private final HttpServer server;
    private final Path root;

    private SampleSiteServer(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The built sample site (built on first use). */
    public static synchronized Path site() {
        if (built == null) {
            Path out = SampleSite.repository().resolve("generator-core/target/browser-tests/site");
            PrivacySite.builder().contentDirectory(SampleSite.content()).templatesDirectory(SampleSite.templates())
                    .threads(2).build().build(out);
            built = out;
        }
        return built;
    }

    public static SampleSiteServer start() {
        try {
            return new SampleSiteServer(site().toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port} without a trailing slash. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8" : name.endsWith(".pdf") ? "application/pdf"
                    : "application/octet-stream";
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
