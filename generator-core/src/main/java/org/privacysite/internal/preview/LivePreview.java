package org.privacysite.internal.preview;

import org.privacysite.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.privacysite.Finding;
import org.privacysite.PreviewUpdate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The live preview: an HTTP server on a loopback address serving the output directory, a watcher on
 * the sources, and one build thread that rebuilds after each batch of changes and tells the open tabs
 * over Server-Sent Events ({@code /_preview/events}) to reload, or to show the errors. Nothing the
 * writer does stops it: errors keep the last good site, unexpected exceptions become an error event.
 *
 * <p>Endpoints below {@code /_preview/}: {@code reload.js} and {@code overlay.css} (from this
 * package's resources), {@code events} (SSE: {@code hello}, {@code reload}, {@code error}) and
 * {@code status?page=fr/privacy/} (JSON: the current errors and the findings of that page's source, or
 * {@code "checking": true} while the site-wide check of the build still runs).
 */
public final class LivePreview implements AutoCloseable {

    static final String PREFIX = "/_preview/";
    private static final Pattern PAGE = Pattern.compile("/?([A-Za-z0-9_-]+)/([A-Za-z0-9_.-]+)/(?:index\\.html)?");
    private static final long QUIET_MILLIS = 40;
    /** The quiet a batch of saved policies waits (SourceWatcher.looksSaved): a save's events come within microseconds. */
    private static final long SAVED_QUIET_MILLIS = 5;
    private static final long MAX_BATCH_MILLIS = 400;
    private static final int MAX_EVENT_CLIENTS = 64;
    /**
     * How long a page's request for its findings waits for the site-wide check before it is answered "still
     * checking" (and the panel asks again): long enough for most sites' first check, short of a browser's patience.
     */
    static final Duration FINDINGS_WAIT = Duration.ofSeconds(20);

    /** What the open pages are told: the build they should show, and the errors if the last rebuild failed. */
    private record State(String build, List<Map<String, Object>> errors) {
    }

    private final Rebuilder rebuilder;
    private final Path outputDirectory;
    private final Consumer<String> info;
    private final Consumer<String> error;
    private final HttpServer server;
    private final ExecutorService http;
    private final ExecutorService builds;
    /** How long a page's request for its findings waits for the check of the build (see {@link #FINDINGS_WAIT}). */
    private final Duration findingsWait;
    private final EventChannel events = new EventChannel(MAX_EVENT_CLIENTS);
    private final byte[] reloadScript;
    private final byte[] overlayStylesheet;
    private final String instance;
    private final Set<Path> pending = new LinkedHashSet<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean scheduled;
    private int generation;
    private volatile State state;
    private SourceWatcher watcher;

    /**
     * The JDK's HTTP server sends a response's last bytes only once the browser acknowledged the first (Nagle's
     * algorithm), and the browser delays that acknowledgement: on a kept-alive connection every page took 40 ms more.
     * The server reads this property once, when its first instance is made; a value set by the user is kept.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private LivePreview(Rebuilder rebuilder, Path outputDirectory, InetSocketAddress address, Consumer<String> info,
            Consumer<String> error, Duration findingsWait) throws IOException {
        this.rebuilder = rebuilder;
        this.findingsWait = findingsWait;
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
        this.info = info;
        this.error = error;
        this.reloadScript = resource("reload.js");
        this.overlayStylesheet = resource("overlay.css");
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.instance = new java.math.BigInteger(1, random).toString(36);
        this.state = new State(instance + "-0", List.of());
        this.server = HttpServer.create(address, 0); // binds: fails here when the port is taken
        this.builds = Executors.newSingleThreadExecutor(daemon("privacy-site-preview-build"));
        this.http = Executors.newCachedThreadPool(daemon("privacy-site-preview-http"));
        this.server.setExecutor(http);
        this.server.createContext("/", this::handle);
    }

    /**
     * Binds the server, starts watching {@code watched}, runs the first (full) build and then starts
     * serving. Returns once the first build is done, whether it succeeded or not.
     *
     * @throws java.net.BindException when the address is in use
     */
    public static LivePreview start(Rebuilder rebuilder, Path outputDirectory, List<Path> watched,
            InetSocketAddress address, Consumer<String> info, Consumer<String> error) throws IOException {
        return start(rebuilder, outputDirectory, watched, address, info, error, FINDINGS_WAIT);
    }

    /** {@link #start(Rebuilder, Path, List, InetSocketAddress, Consumer, Consumer)}, a page waiting up to {@code findingsWait} for its findings. */
    static LivePreview start(Rebuilder rebuilder, Path outputDirectory, List<Path> watched, InetSocketAddress address,
            Consumer<String> info, Consumer<String> error, Duration findingsWait) throws IOException {
        LivePreview preview = new LivePreview(rebuilder, outputDirectory, address, info, error, findingsWait);
        try {
            preview.watcher = new SourceWatcher(watched, List.of(preview.outputDirectory), QUIET_MILLIS, SAVED_QUIET_MILLIS, MAX_BATCH_MILLIS,
                    preview::changed);
            preview.watcher.start();
            preview.builds.submit(() -> preview.rebuild(List.of())).get();
            preview.server.start();
            preview.builds.execute(preview::warmUp);
            return preview;
        } catch (InterruptedException e) {
            preview.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the first build", e);
        } catch (ExecutionException | RuntimeException e) {
            preview.close();
            throw e instanceof ExecutionException ? new IllegalStateException(e.getCause()) : (RuntimeException) e;
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Blocks until {@link #close()} has run. */
    public void await() throws InterruptedException {
        stopped.await();
    }

    /** Tells the preview that these files changed, as the watcher does (tests call it directly). */
    void changed(Set<Path> files) {
        synchronized (pending) {
            pending.addAll(files);
            if (scheduled || closed.get()) {
                return;
            }
            scheduled = true;
        }
        try {
            builds.execute(this::rebuildPending);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void rebuildPending() {
        List<Path> batch;
        synchronized (pending) {
            batch = List.copyOf(pending);
            pending.clear();
            scheduled = false;
        }
        if (!batch.isEmpty()) {
            rebuild(batch);
        }
    }

    /** One rebuild, on the build thread: never throws. */
    private void rebuild(Collection<Path> changed) {
        long start = System.nanoTime();
        Object keyBefore = fileKey(outputDirectory);
        PreviewUpdate update;
        try {
            update = Objects.requireNonNull(rebuilder.rebuild(changed), "no update");
        } catch (Throwable t) { // a bug must not take the writer's preview down
            if (t instanceof InterruptedException || Thread.currentThread().isInterrupted() && closed.get()) {
                return;
            }
            String message = "internal error: " + t;
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("location", "");
            problem.put("file", null);
            problem.put("line", 0);
            problem.put("column", 0);
            problem.put("severity", "error");
            problem.put("rule", "internal");
            problem.put("message", message);
            problem.put("text", message + " (a bug in privacy-site, not in your content; the preview keeps running)");
            // The log first: whoever sees the browser's error event can rely on the log line being there.
            error.accept(message + " (a bug in privacy-site, not in your content; the preview keeps running)");
            StackTraceElement[] trace = t.getStackTrace();
            for (int i = 0; i < Math.min(5, trace.length); i++) {
                error.accept("    at " + trace[i]);
            }
            failed(List.of(problem));
            return;
        }
        if (!update.succeeded()) {
            for (Finding finding : update.errors()) {
                error.accept(finding.toString());
            }
            long count = update.errors().size();
            error.accept("Rebuild failed with " + count + " error" + (count == 1 ? "" : "s")
                    + "; the preview keeps the last good site until the sources are fixed.");
            failed(update.errors().stream().map(LivePreview::problem).toList()); // after the log, as below
            return;
        }
        Object keyAfter = fileKey(outputDirectory);
        boolean full = changed.isEmpty()
                || (keyBefore != null && keyAfter != null ? !keyBefore.equals(keyAfter) : update.pages().size() > 1);
        String build;
        synchronized (this) {
            generation++;
            build = instance + "-" + generation;
            state = new State(build, List.of());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("build", build);
        data.put("full", full);
        data.put("pages", update.pages());
        long millis = TimeUnit.NANOSECONDS.toMillis(update.nanos() > 0 ? update.nanos() : System.nanoTime() - start);
        int pages = update.pages().size();
        // The log first, as for errors: whoever sees the reload event can rely on the log line being there.
        info.accept((changed.isEmpty() ? "Built " : "Rebuilt ") + pages + " page" + (pages == 1 ? "" : "s") + " in " + millis + " ms");
        events.broadcast("reload", Json.writeCompact(data));
    }

    private void warmUp() {
        if (!state.errors().isEmpty() || closed.get()) {
            return;
        }
        synchronized (pending) {
            if (scheduled) {
                return; // the writer is already editing
            }
        }
        try {
            rebuilder.warmUp();
        } catch (Throwable t) {
            // only an optimization: the next real rebuild reports whatever is wrong
        }
    }

    private void failed(List<Map<String, Object>> problems) {
        String build;
        synchronized (this) {
            build = state.build();
            state = new State(build, List.copyOf(problems));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("build", build);
        data.put("errors", problems);
        events.broadcast("error", Json.writeCompact(data));
    }

    static Map<String, Object> problem(Finding finding) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("location", finding.location().toString());
        problem.put("file", finding.location().displayPath());
        problem.put("line", finding.location().line());
        problem.put("column", finding.location().column());
        problem.put("severity", finding.severity().label());
        problem.put("rule", finding.ruleId());
        problem.put("message", finding.message());
        problem.put("text", finding.toString());
        return problem;
    }

    private static Object fileKey(Path directory) {
        try {
            return Files.readAttributes(directory, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // HTTP

    private void handle(HttpExchange exchange) {
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            headers.set("Cache-Control", "no-store");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (!hostAllowed(exchange.getRequestHeaders().getFirst("Host"))) {
                text(exchange, 403, "Forbidden: the preview answers only to localhost, 127.0.0.1 and [::1].\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                headers.set("Allow", "GET, HEAD");
                text(exchange, 405, "Method not allowed\n");
                return;
            }
            URI uri = exchange.getRequestURI();
            String rawPath = uri.getRawPath();
            if (rawPath != null && rawPath.startsWith(PREFIX)) {
                previewEndpoint(exchange, rawPath.substring(PREFIX.length()), uri.getRawQuery());
            } else {
                file(exchange, rawPath);
            }
        } catch (IOException e) {
            // the browser went away
        } catch (RuntimeException e) {
            error.accept("internal error while serving " + exchange.getRequestURI() + ": " + e);
            try {
                text(exchange, 500, "Internal error\n");
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent
            }
        }
    }

    private void previewEndpoint(HttpExchange exchange, String name, String query) throws IOException {
        switch (name) {
            case "reload.js" -> send(exchange, 200, "text/javascript; charset=utf-8", reloadScript);
            case "overlay.css" -> send(exchange, 200, "text/css; charset=utf-8", overlayStylesheet);
            case "events" -> events.serve(exchange,
                    () -> EventChannel.event("hello", Json.writeCompact(Map.of("build", state.build()))));
            case "status" -> send(exchange, 200, "application/json; charset=utf-8",
                    Json.writeCompact(status(parameter(query, "page"))).getBytes(StandardCharsets.UTF_8));
            default -> notFound(exchange, PREFIX + name);
        }
    }

    /** The JSON of {@code /_preview/status}: the last errors, and the findings of the page's source file. */
    Map<String, Object> status(String page) {
        State current = state;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("build", current.build());
        status.put("ok", current.errors().isEmpty());
        status.put("errors", current.errors());
        Matcher matcher = page == null ? null : PAGE.matcher(page);
        if (matcher == null || !matcher.matches()) {
            status.put("page", null);
            status.put("findings", List.of());
            return status;
        }
        String locale = matcher.group(1);
        String document = matcher.group(2);
        status.put("page", locale + "/" + document + "/index.html");
        status.put("locale", locale);
        status.put("document", document);
        List<Map<String, Object>> findings = new ArrayList<>();
        try {
            for (Finding finding : rebuilder.findings(locale, document).get(findingsWait.toMillis(), TimeUnit.MILLISECONDS)) {
                findings.add(problem(finding));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            status.put("checking", true); // the site-wide check goes on: the panel says so and asks again
        } catch (ExecutionException | RuntimeException e) {
            status.put("findingsError", "the findings could not be computed: "
                    + (e instanceof ExecutionException ? e.getCause() : e));
        }
        status.put("findings", findings);
        return status;
    }

    private void file(HttpExchange exchange, String rawPath) throws IOException {
        StaticFiles.Result result = StaticFiles.resolve(outputDirectory, rawPath);
        if (result instanceof StaticFiles.Rejected rejected) {
            text(exchange, 400, "Bad request: " + rejected.reason() + "\n");
        } else if (result instanceof StaticFiles.Redirect redirect) {
            exchange.getResponseHeaders().set("Location", redirect.location());
            text(exchange, 301, "Moved to " + redirect.location() + "\n");
        } else if (result instanceof StaticFiles.Found found) {
            byte[] body;
            try (SeekableByteChannel channel = Files.newByteChannel(found.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                    InputStream in = Channels.newInputStream(channel)) {
                body = in.readAllBytes();
            } catch (IOException e) {
                notFound(exchange, rawPath); // replaced by a rebuild in the meantime
                return;
            }
            String type = ContentTypes.of(found.file().getFileName().toString());
            if (ContentTypes.isHtml(type)) {
                body = HtmlInjection.inject(body, state.build());
            }
            send(exchange, 200, type, body);
        } else {
            notFound(exchange, rawPath);
        }
    }

    private void notFound(HttpExchange exchange, String path) throws IOException {
        String shown = path == null ? "" : path;
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'\">\n"
                + "<title>Not found · privacy-site preview</title>\n</head>\n<body>\n<main>\n<h1>Not found</h1>\n"
                + "<p>The preview has no page at <code>" + org.jsoup.nodes.Entities.escape(shown) + "</code>.</p>\n"
                + "<p><a href=\"/\">Go to the site root</a></p>\n</main>\n</body>\n</html>\n";
        send(exchange, 404, ContentTypes.HTML, HtmlInjection.inject(html.getBytes(StandardCharsets.UTF_8), state.build()));
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Refuses requests for other host names: a web page cannot reach the preview by DNS rebinding. */
    static boolean hostAllowed(String hostHeader) {
        if (hostHeader == null) {
            return true; // HTTP/1.0
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(0, end + 1);
        } else {
            int colon = host.indexOf(':');
            host = colon < 0 ? host : host.substring(0, colon);
        }
        return host.equals("localhost") || host.equals("[::1]") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                return StaticFiles.decode(value.replace('+', ' '));
            }
        }
        return null;
    }

    private static byte[] resource(String name) {
        try (InputStream in = LivePreview.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " of the preview");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops watching, ends the event streams, stops the server and waits for a running rebuild. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (watcher != null) {
                watcher.close();
            }
            events.close();
            server.stop(0);
            builds.shutdown();
            try {
                if (!builds.awaitTermination(30, TimeUnit.SECONDS)) {
                    builds.shutdownNow();
                }
            } catch (InterruptedException e) {
                builds.shutdownNow();
                Thread.currentThread().interrupt();
            }
            http.shutdownNow();
        } finally {
            stopped.countDown();
        }
    }
}
