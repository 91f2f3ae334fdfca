package org.privacysite.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.Severity;
import org.privacysite.internal.rules.LinkRules;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** Against a local HTTP server on the loopback address only; every test is bounded in time. */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class ExternalLinkCheckerTest {

    private static final Location PAGE = Location.of(Path.of("content/en/privacy.md")).at(12, 3);
    private static final Location OTHER_PAGE = Location.of(Path.of("content/fr/privacy.md")).at(14, 1);

    private HttpServer server;
    private ExecutorService serverThreads;
    private final Map<String, List<String>> requests = new ConcurrentHashMap<>();

    @TempDir
    Path temp;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
        route("/ok", exchange -> respond(exchange, 200));
        route("/gone", exchange -> respond(exchange, 410));
        route("/missing", exchange -> respond(exchange, 404));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void aPageThatAnswersIsFine() {
        assertEquals(List.of(), checker(settings()).check(List.of(link("/ok"))));
        assertEquals(List.of("HEAD"), requests.get("/ok"));
    }

    @Test
    void permanentRedirectChainsAreFollowedAndSuggestTheNewAddress() {
        route("/moved-1", exchange -> respond(exchange, 301, "Location", "/moved-2"));
        route("/moved-2", exchange -> respond(exchange, 308, "Location", url("/ok").toString()));

        List<Finding> findings = checker(settings()).check(List.of(link("/moved-1")));

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(LinkRules.EXTERNAL_REDIRECT, finding.rule());
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals(PAGE, finding.location());
        assertTrue(finding.message().contains("redirects permanently to '" + url("/ok") + "'"), finding.message());
        assertEquals(List.of("HEAD"), requests.get("/ok"));
    }

    @Test
    void temporaryRedirectsAreFine() {
        route("/temporary", exchange -> respond(exchange, 302, "Location", "/ok"));
        route("/see-other", exchange -> respond(exchange, 307, "Location", "/temporary"));
        assertEquals(List.of(), checker(settings()).check(List.of(link("/see-other"))));
    }

    @Test
    void notFoundAndGoneAreErrorsConfirmedWithGet() {
        List<Finding> findings = checker(settings()).check(List.of(link("/missing"), new ExternalLink(url("/gone"), OTHER_PAGE)));

        assertEquals(2, findings.size());
        assertEquals(LinkRules.EXTERNAL_BROKEN, findings.get(0).rule());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals(PAGE, findings.get(0).location());
        assertTrue(findings.get(0).message().contains("404 Not Found"), findings.get(0).message());
        assertEquals(OTHER_PAGE, findings.get(1).location());
        assertTrue(findings.get(1).message().contains("410 Gone"), findings.get(1).message());
        assertEquals(List.of("HEAD", "GET"), requests.get("/missing"), "a refused HEAD is asked again with GET");
    }

    @Test
    void aServerThatRefusesHeadIsAskedWithGet() {
        route("/no-head", exchange -> respond(exchange, exchange.getRequestMethod().equals("HEAD") ? 405 : 200));
        assertEquals(List.of(), checker(settings()).check(List.of(link("/no-head"))));
        assertEquals(List.of("HEAD", "GET"), requests.get("/no-head"));
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        route("/busy", exchange -> {
            if (calls.getAndIncrement() == 0) {
                respond(exchange, 429, "Retry-After", "1");
            } else {
                respond(exchange, 200);
            }
        });

        ExternalLinkChecker checker = checker(settings());
        long start = System.nanoTime();
        List<Finding> findings = checker.check(List.of(link("/busy")));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(List.of(), findings);
        assertEquals(2, calls.get());
        assertTrue(elapsed >= 900, "waited as asked: " + elapsed + " ms");
        assertTrue(elapsed < 6000, "but not much longer: " + elapsed + " ms");
    }

    @Test
    void aRetryAfterBeyondTheBoundIsReportedNotWaitedFor() {
        route("/very-busy", exchange -> respond(exchange, 429, "Retry-After", "3600"));
        ExternalLinkChecker checker = checker(settings());
        long start = System.nanoTime();
        List<Finding> findings = checker.check(List.of(link("/very-busy")));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5000, "not waited for an hour");
        assertEquals(1, findings.size());
        assertEquals(LinkRules.EXTERNAL_STATUS, findings.get(0).rule());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("429 Too Many Requests"), findings.get(0).message());
        assertTrue(findings.get(0).message().contains("3600 s"), findings.get(0).message());
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() {
        AtomicInteger calls = new AtomicInteger();
        route("/flaky", exchange -> respond(exchange, calls.getAndIncrement() == 0 ? 503 : 200));
        assertEquals(List.of(), checker(settings()).check(List.of(link("/flaky"))));
        assertEquals(2, calls.get());
    }

    @Test
    void aSlowServerTimesOutAfterItsRetries() {
        AtomicInteger calls = new AtomicInteger();
        route("/slow", exchange -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(8_000);
                respond(exchange, 200);
            } catch (InterruptedException e) {
                exchange.close();
            }
        });

        ExternalLinkChecker checker = checker(settings().requestTimeout(Duration.ofMillis(500)));
        long start = System.nanoTime();
        List<Finding> findings = checker.check(List.of(link("/slow")));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(1, findings.size());
        assertEquals(LinkRules.EXTERNAL_TIMEOUT, findings.get(0).rule());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("within 0.5 s (2 tries)"), findings.get(0).message());
        assertTrue(calls.get() >= 1 && calls.get() <= 2, "calls: " + calls.get());
        // two tries of 0.5 s and a 50 ms back-off (~1.05 s); far below the 8 s the server would take
        assertTrue(elapsed >= 1000 && elapsed < 6000, "bounded by the timeouts: " + elapsed + " ms");
    }

    @Test
    void noMoreThanTheHostLimitAtOnce() {
        AtomicInteger current = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        route("/page-", exchange -> {
            int now = current.incrementAndGet();
            highest.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                current.decrementAndGet();
            }
            respond(exchange, 200);
        });
        List<ExternalLink> links = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            links.add(link("/page-" + i));
        }

        assertEquals(List.of(), checker(settings()).check(links));

        assertEquals(2, highest.get(), "two requests at once to one host, never more");
        assertEquals(8, requests.get("/page-").size());
    }

    @Test
    void eachUrlIsRequestedOncePerRunAndReportedAtEachPlace() {
        ExternalLinkChecker checker = checker(settings());
        List<Finding> findings = checker.check(List.of(
                new ExternalLink(URI.create(url("/missing") + "#a"), PAGE),
                new ExternalLink(URI.create(url("/missing") + "#b"), OTHER_PAGE),
                new ExternalLink(URI.create(url("/missing") + "#b"), OTHER_PAGE)));
        assertEquals(List.of(PAGE, OTHER_PAGE), findings.stream().map(Finding::location).toList());
        assertEquals(2, requests.get("/missing").size()); // HEAD, then GET to confirm

        List<Finding> again = checker.check(List.of(link("/missing"), new ExternalLink(url("/missing"), OTHER_PAGE)));
        assertEquals(List.of(PAGE, OTHER_PAGE), again.stream().map(Finding::location).toList());
        assertTrue(again.stream().allMatch(f -> f.rule().equals(LinkRules.EXTERNAL_BROKEN)));
        assertEquals(2, requests.get("/missing").size(), "a second check in the same run asks nothing");
    }

    @Test
    void theCacheFileMakesReRunsFastUntilItExpires() throws IOException {
        Path cacheFile = temp.resolve("cache/links.tsv");
        List<ExternalLink> links = List.of(link("/ok"), link("/missing"));

        List<Finding> first = checker(settings().cacheFile(cacheFile)).check(links);
        assertEquals(3, requests.values().stream().mapToInt(List::size).sum());
        String cached = Files.readString(cacheFile);
        assertTrue(cached.startsWith(ExternalLinkCache.HEADER), cached);
        assertTrue(cached.contains("\tOK\t200\t-\t" + url("/ok")), cached);
        assertTrue(cached.contains("\tBROKEN\t404\t-\t" + url("/missing")), cached);

        assertEquals(first, checker(settings().cacheFile(cacheFile)).check(links));
        assertEquals(3, requests.values().stream().mapToInt(List::size).sum(), "a new run reads the cache file instead");

        Clock tomorrow = Clock.offset(Clock.systemUTC(), Duration.ofHours(25));
        assertEquals(first, checker(settings().cacheFile(cacheFile).clock(tomorrow)).check(links));
        assertEquals(6, requests.values().stream().mapToInt(List::size).sum(), "expired entries are checked again");
    }

    @Test
    void passingTroublesAreNotCached() throws IOException {
        Path cacheFile = temp.resolve("links.tsv");
        route("/very-busy", exchange -> respond(exchange, 429, "Retry-After", "3600"));
        checker(settings().cacheFile(cacheFile)).check(List.of(link("/very-busy"), link("/ok")));
        String cached = Files.readString(cacheFile);
        assertFalse(cached.contains("/very-busy"), cached);
        assertTrue(cached.contains("/ok"), cached);
    }

    @Test
    void aDamagedCacheFileIsIgnored() throws IOException {
        Path cacheFile = temp.resolve("links.tsv");
        Files.writeString(cacheFile, ExternalLinkCache.HEADER + "\nnot\ta line\n\u0000\u0001\n12\tNOPE\t1\t-\tx\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), checker(settings().cacheFile(cacheFile)).check(List.of(link("/ok"))));
        assertEquals(1, requests.get("/ok").size());
    }

    @Test
    void redirectLoopsAreErrors() {
        route("/loop", exchange -> respond(exchange, 301, "Location", "/loop"));
        route("/hop-", exchange -> {
            int hop = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop-".length()));
            respond(exchange, 302, "Location", "/hop-" + (hop + 1));
        });

        List<Finding> findings = checker(settings()).check(List.of(link("/loop"), link("/hop-0")));

        assertEquals(2, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.rule().equals(LinkRules.EXTERNAL_REDIRECT_LOOP) && f.isError()));
        assertTrue(findings.get(0).message().contains("in a loop"), findings.get(0).message());
        assertTrue(findings.get(1).message().contains("more than 5 times"), findings.get(1).message());
        assertEquals(6, requests.get("/hop-").size());
    }

    @Test
    void aRefusedConnectionIsAnError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/");
        List<Finding> findings = checker(settings()).check(List.of(new ExternalLink(nowhere, PAGE)));
        assertEquals(1, findings.size());
        assertEquals(LinkRules.EXTERNAL_UNREACHABLE, findings.get(0).rule());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("refused"), findings.get(0).message());
    }

    @Test
    void excludedUrlsAreNotRequested() {
        ExternalLinkSettings settings = settings().excludes(List.of(Pattern.compile("/missing$"))).build();
        assertEquals(List.of(), new ExternalLinkChecker(settings).check(List.of(link("/missing"))));
        assertTrue(requests.get("/missing") == null);
    }

    @Test
    void onlyWebLinksAreExternalLinks() {
        assertTrue(ExternalLink.of("https://example.org/a#b", PAGE).isPresent());
        assertTrue(ExternalLink.of("HTTP://example.org", PAGE).isPresent());
        assertEquals(URI.create("https://example.org/x"), ExternalLink.of("//example.org/x", PAGE).orElseThrow().url());
        assertTrue(ExternalLink.of("mailto:dpo@example.org", PAGE).isEmpty());
        assertTrue(ExternalLink.of("../fr/privacy/", PAGE).isEmpty());
        assertTrue(ExternalLink.of("#retention", PAGE).isEmpty());
        assertTrue(ExternalLink.of("https://exa mple.org", PAGE).isEmpty());
    }

    @Test
    void urlsAreComparedWithoutFragmentAndCase() {
        assertEquals("https://example.org/", ExternalLinkChecker.key(URI.create("HTTPS://Example.ORG#top")));
        assertEquals("http://example.org:8080/a?b=c", ExternalLinkChecker.key(URI.create("http://example.org:8080/a?b=c#d")));
    }

    // --- helpers

    private ExternalLinkSettings.Builder settings() {
        return ExternalLinkSettings.builder()
                .connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(3)) // generous: a busy CI machine must not turn answers into timeouts
                .maxRetries(1)
                .backoff(Duration.ofMillis(50))
                .maxRetryAfter(Duration.ofSeconds(2))
                .perHostLimit(2)
                .maxConcurrency(8);
    }

    private static ExternalLinkChecker checker(ExternalLinkSettings.Builder settings) {
        return new ExternalLinkChecker(settings.build());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private ExternalLink link(String path) {
        return new ExternalLink(url(path), PAGE);
    }

    /** Serves {@code path} (and every path it is a prefix of), recording each request's method. */
    private void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.computeIfAbsent(path, key -> Collections.synchronizedList(new ArrayList<>())).add(exchange.getRequestMethod());
            handler.handle(exchange);
        });
    }

    private static void respond(HttpExchange exchange, int status, String... headers) throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] body = "<!doctype html><title>page</title>".getBytes(StandardCharsets.UTF_8);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
