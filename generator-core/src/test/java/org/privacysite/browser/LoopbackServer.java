package org.privacysite.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny HTTP server on a loopback address and a random port: serves a directory (the built site) or
 * fixed responses (the "third party"), never cached, and counts the requests per path. For the cookie
 * audit it can also add headers (Set-Cookie), redirect, and hang.
 */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final String host;
    private volatile Path root;
    private final Map<String, String[]> resources = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, java.util.List<String[]>> headers = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final java.util.Set<String> hanging = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-server");
        thread.setDaemon(true);
        return thread;
    });

    private LoopbackServer(String host) throws IOException {
        this.host = host;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor); // a hanging response must not hold up the others
        server.start();
    }

    /** A server on {@code host} (a loopback address); 127.0.0.1 when {@code host} cannot be bound. */
    public static LoopbackServer start(String host) {
        try {
            try {
                return new LoopbackServer(host);
            } catch (BindException e) {
                return new LoopbackServer("127.0.0.1");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the files below {@code root}. */
    public LoopbackServer serving(Path root) {
        this.root = root.toAbsolutePath().normalize();
        return this;
    }

    /** Serves {@code body} as JavaScript at {@code path}. */
    public LoopbackServer script(String path, String body) {
        return resource(path, "text/javascript; charset=utf-8", body);
    }

    /** Serves {@code body} with content type {@code type} at {@code path}. */
    public LoopbackServer resource(String path, String type, String body) {
        resources.put(path, new String[] {type, body});
        return this;
    }

    /** Adds the header {@code name: value} to the responses for {@code path} ({@code *}: every path). */
    public LoopbackServer header(String path, String name, String value) {
        headers.computeIfAbsent(path, key -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(new String[] {name, value});
        return this;
    }

    /** Answers {@code path} with a 302 redirect to {@code location}. */
    public LoopbackServer redirect(String path, String location) {
        redirects.put(path, location);
        return this;
    }

    /** Answers {@code path} with headers and a first byte, then nothing until the server closes. */
    public LoopbackServer hang(String path) {
        hanging.add(path);
        return this;
    }

    /** {@code http://host:port}: the origin, without a trailing slash. */
    public String origin() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    public int totalHits() {
        return total.get();
    }

    public void resetCounts() {
        hits.clear();
        total.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            total.incrementAndGet();
            hits.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            for (String key : java.util.List.of("*", path)) {
                for (String[] header : headers.getOrDefault(key, java.util.List.of())) {
                    exchange.getResponseHeaders().add(header[0], header[1]);
                }
            }
            if (redirects.containsKey(path)) {
                exchange.getResponseHeaders().set("Location", redirects.get(path));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            if (hanging.contains(path)) {
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(0x89);
                exchange.getResponseBody().flush();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            byte[] body;
            String type;
            String[] resource = resources.get(path);
            if (resource != null) {
                body = resource[1].getBytes(StandardCharsets.UTF_8);
                type = resource[0];
            } else {
                Path file = file(path);
                if (file == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                body = Files.readAllBytes(file);
                type = contentType(file.getFileName().toString());
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Path file(String path) {
        Path base = root;
        if (base == null) {
            return null;
        }
        Path file = base.resolve(path.substring(1)).normalize();
        if (!file.startsWith(base)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".xml")) {
            return "application/xml";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
