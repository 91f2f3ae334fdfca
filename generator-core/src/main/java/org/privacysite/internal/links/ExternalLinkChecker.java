package org.privacysite.internal.links;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;

import org.privacysite.Finding;
import org.privacysite.internal.links.ExternalLinkOutcome.Kind;
import org.privacysite.internal.rules.LinkRules;

/**
 * Checks http(s) links of a built site against the live web (only with {@code check --external}).
 * <ul>
 * <li>each distinct URL (without fragment) is requested once per run, concurrently, at most
 *     {@link ExternalLinkSettings#perHostLimit()} at a time per host;</li>
 * <li>{@code HEAD} first; {@code GET} (body not read) when the server refuses or mishandles HEAD (405, 501, other 4xx);</li>
 * <li>timeouts, connection failures, 408, 502, 503, 504 are retried with exponential back-off; 429 and 503 honour
 *     {@code Retry-After} (seconds or HTTP date) up to {@link ExternalLinkSettings#maxRetryAfter()}, holding back the
 *     whole host meanwhile;</li>
 * <li>301, 302, 303, 307, 308 are followed up to {@link ExternalLinkSettings#maxRedirects()}; the final status decides;</li>
 * <li>results are kept for the run, and lasting ones in the optional cache file.</li>
 * </ul>
 * Findings, one per link occurrence, in the order of the links given:
 * <table>
 * <caption>rules</caption>
 * <tr><td>{@code links.external-broken}</td><td>error</td><td>404 or 410 (also after redirects), or an address that cannot be requested</td></tr>
 * <tr><td>{@code links.external-unreachable}</td><td>error</td><td>unknown host, connection refused, TLS failure</td></tr>
 * <tr><td>{@code links.external-redirect-loop}</td><td>error</td><td>redirects that loop or exceed the limit</td></tr>
 * <tr><td>{@code links.external-redirect}</td><td>warning</td><td>permanent redirect: link to the new address instead</td></tr>
 * <tr><td>{@code links.external-timeout}</td><td>warning</td><td>no answer in time after every try</td></tr>
 * <tr><td>{@code links.external-status}</td><td>warning</td><td>an answer that neither proves nor disproves the page: 401, 403, 429, 5xx</td></tr>
 * </table>
 */
public final class ExternalLinkChecker {


    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final ExternalLinkSettings settings;
    private final HttpClient client;
    private final ConcurrentMap<String, CompletableFuture<ExternalLinkOutcome>> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    public ExternalLinkChecker(ExternalLinkSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // followed here, to see each hop
                .version(HttpClient.Version.HTTP_1_1)       // no h2c upgrade dance with plain-http servers
                .build();
    }

    /**
     * Checks {@code links} and returns a finding for each one that is not fine, in the order given
     * (equal findings once). URLs checked before by this checker, or found in the cache file, are not
     * requested again. Blocks until every link has a result; each is bounded by the settings' timeouts.
     */
    public List<Finding> check(Collection<ExternalLink> links) {
        ExternalLinkCache cache = settings.cacheFile() == null ? null
                : ExternalLinkCache.load(settings.cacheFile(), settings.cacheTtl(), settings.clock());
        ExecutorService workers = Executors.newFixedThreadPool(settings.maxConcurrency(), runnable -> {
            Thread thread = new Thread(runnable, "privacy-site-external-link");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, CompletableFuture<ExternalLinkOutcome>> wanted = new LinkedHashMap<>();
        try {
            for (ExternalLink link : links) {
                String key = key(link.url());
                wanted.computeIfAbsent(key, k -> outcomes.computeIfAbsent(k, url -> start(url, cache, workers)));
            }
            Set<Finding> findings = new LinkedHashSet<>();
            for (ExternalLink link : links) {
                Finding finding = finding(link, await(wanted.get(key(link.url()))));
                if (finding != null) {
                    findings.add(finding);
                }
            }
            if (cache != null) {
                // only fresh results: re-dating a result read from the cache would keep it forever
                wanted.forEach((url, outcome) -> {
                    if (cache.get(url) == null) {
                        cache.put(url, outcome.join());
                    }
                });
                cache.save();
            }
            return List.copyOf(findings);
        } finally {
            workers.shutdownNow();
            outcomes.values().removeIf(outcome -> !outcome.isDone() || outcome.isCompletedExceptionally());
        }
    }

    /** Requests sent so far by this checker (every try and hop). */
    int requestsSent() {
        return requests.get();
    }

    private CompletableFuture<ExternalLinkOutcome> start(String url, ExternalLinkCache cache, ExecutorService workers) {
        for (var exclude : settings.excludes()) {
            if (exclude.matcher(url).find()) {
                return CompletableFuture.completedFuture(ExternalLinkOutcome.of(Kind.EXCLUDED, ""));
            }
        }
        ExternalLinkOutcome cached = cache == null ? null : cache.get(url);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return resolve(URI.create(url));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }, workers);
    }

    private static ExternalLinkOutcome await(CompletableFuture<ExternalLinkOutcome> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("external link check interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(cause);
        }
    }

    /** The URL as requested and cached: without fragment, scheme and host in lower case, empty path as {@code /}. */
    static String key(URI url) {
        String scheme = url.getScheme() == null ? "https" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null) {
            String text = url.toASCIIString();
            int hash = text.indexOf('#');
            return hash < 0 ? text : text.substring(0, hash);
        }
        StringBuilder key = new StringBuilder(scheme).append("://");
        if (url.getRawUserInfo() != null) {
            key.append(url.getRawUserInfo()).append('@');
        }
        key.append(url.getHost().toLowerCase(Locale.ROOT));
        if (url.getPort() >= 0) {
            key.append(':').append(url.getPort());
        }
        String path = url.getRawPath();
        key.append(path == null || path.isEmpty() ? "/" : path);
        if (url.getRawQuery() != null) {
            key.append('?').append(url.getRawQuery());
        }
        return URI.create(key.toString()).toASCIIString();
    }

    /** Follows one URL to its final answer. */
    private ExternalLinkOutcome resolve(URI start) throws InterruptedException {
        if (start.getHost() == null || start.getHost().isEmpty()) {
            return ExternalLinkOutcome.of(Kind.INVALID, "it has no host");
        }
        URI current = start;
        URI moved = null;
        boolean permanentSoFar = true;
        Set<URI> seen = new HashSet<>(List.of(start));
        for (int hop = 0; ; hop++) {
            Answer answer = exchange(current);
            URI answered = current.equals(start) ? null : current;
            if (answer.failure() != null) {
                return new ExternalLinkOutcome(answer.failure(), 0, answered, answer.detail(), answer.tries());
            }
            int status = answer.status();
            if (isRedirect(status) && answer.location() != null) {
                URI next;
                try {
                    next = withoutFragment(current.resolve(lenientUri(answer.location())));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return new ExternalLinkOutcome(Kind.STATUS, status, answered, "it redirects to an invalid address '" + answer.location() + "'", answer.tries());
                }
                String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    return new ExternalLinkOutcome(Kind.STATUS, status, answered, "it redirects to '" + next + "', which is not a web address", answer.tries());
                }
                if (permanentSoFar && (status == 301 || status == 308)) {
                    moved = next;
                } else {
                    permanentSoFar = false;
                }
                if (!seen.add(next)) {
                    return new ExternalLinkOutcome(Kind.REDIRECT_LOOP, status, next, "redirects in a loop (back to '" + next + "')", answer.tries());
                }
                if (hop >= settings.maxRedirects()) {
                    return new ExternalLinkOutcome(Kind.REDIRECT_LOOP, status, next, "redirects more than " + settings.maxRedirects() + " times", answer.tries());
                }
                current = next;
                continue;
            }
            if (status >= 200 && status < 400) {
                return moved != null
                        ? new ExternalLinkOutcome(Kind.MOVED, status, moved, "", answer.tries())
                        : new ExternalLinkOutcome(Kind.OK, status, null, "", answer.tries());
            }
            Kind kind = status == 404 || status == 410 ? Kind.BROKEN : Kind.STATUS;
            return new ExternalLinkOutcome(kind, status, answered, answer.detail(), answer.tries());
        }
    }

    /** One hop: the answer of one address, after retries and the HEAD-to-GET fallback. */
    private record Answer(int status, String location, Kind failure, String detail, int tries) {
    }

    private Answer exchange(URI uri) throws InterruptedException {
        Host host = hosts.computeIfAbsent(hostKey(uri), key -> new Host(settings.perHostLimit()));
        String method = "HEAD";
        Answer last = null;
        int tries = 0;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            host.awaitTurn();
            HttpResponse<?> response = null;
            tries++;
            try {
                response = send(uri, method);
            } catch (HttpTimeoutException e) {
                last = new Answer(0, null, Kind.TIMEOUT, "", tries);
            } catch (IOException e) {
                last = new Answer(0, null, Kind.UNREACHABLE, describe(e), tries);
            } catch (IllegalArgumentException e) {
                return new Answer(0, null, Kind.INVALID, e.getMessage(), tries);
            } finally {
                host.release();
            }
            if (response != null) {
                int status = response.statusCode();
                if (method.equals("HEAD") && headRefused(status)) {
                    method = "GET"; // ask again at once; not a retry
                    attempt--;
                    continue;
                }
                Optional<Duration> retryAfter = status == 429 || status == 503 ? retryAfter(response) : Optional.empty();
                if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxRetryAfter()) > 0) {
                    return new Answer(status, null, null, "it asks to wait " + retryAfter.get().toSeconds() + " s before asking again", tries);
                }
                if (!retryable(status) || attempt == settings.maxRetries()) {
                    String detail = status == 429 ? "it limits the request rate" : "";
                    return new Answer(status, response.headers().firstValue("Location").orElse(null), null, detail, tries);
                }
                if (retryAfter.isPresent()) {
                    host.holdBack(retryAfter.get());
                    continue;
                }
            } else if (attempt == settings.maxRetries()) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(settings.backoff().toMillis() << Math.min(attempt, 16));
        }
        return last;
    }

    private HttpResponse<?> send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .build();
        requests.incrementAndGet();
        if (method.equals("HEAD")) {
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close(); // the status is enough: do not download the page
        return response;
    }

    private static boolean headRefused(int status) {
        return status == 405 || status == 501 || (status >= 400 && status < 500 && status != 429 && status != 408);
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** {@code Retry-After} as seconds or an HTTP date; empty when absent or unreadable. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(settings.clock().instant(), when.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    private static String hostKey(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static URI lenientUri(String location) throws URISyntaxException {
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            return new URI(location.replace(" ", "%20")); // servers sometimes send unencoded spaces
        }
    }

    private static URI withoutFragment(URI uri) throws URISyntaxException {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return new URI(text.substring(0, text.indexOf('#')));
    }

    private static String describe(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "the host name does not resolve";
            }
            if (cause instanceof SSLException) {
                return "the secure connection failed (" + cause.getMessage() + ")";
            }
            if (cause instanceof ConnectException) {
                return "the connection was refused";
            }
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private Finding finding(ExternalLink link, ExternalLinkOutcome outcome) {
        String url = "link '" + link.url() + "'";
        String at = outcome.target() == null ? "" : " (at '" + outcome.target() + "')";
        String detail = outcome.detail().isEmpty() ? "" : ": " + outcome.detail();
        return switch (outcome.kind()) {
            case OK, EXCLUDED -> null;
            case MOVED -> Finding.of(link.location(), LinkRules.EXTERNAL_REDIRECT,
                    url + " redirects permanently to '" + outcome.target() + "': link to the new address");
            case BROKEN -> Finding.of(link.location(), LinkRules.EXTERNAL_BROKEN,
                    url + " is broken: the server answers " + statusText(outcome.status()) + at);
            case STATUS -> Finding.of(link.location(), LinkRules.EXTERNAL_STATUS,
                    url + " could not be verified: the server answers " + statusText(outcome.status()) + at + detail);
            case TIMEOUT -> Finding.of(link.location(), LinkRules.EXTERNAL_TIMEOUT,
                    url + " did not answer within " + seconds(settings.requestTimeout()) + at + " ("
                            + outcome.tries() + (outcome.tries() == 1 ? " try)" : " tries)"));
            case UNREACHABLE -> Finding.of(link.location(), LinkRules.EXTERNAL_UNREACHABLE, url + " cannot be reached" + at + detail);
            case REDIRECT_LOOP -> Finding.of(link.location(), LinkRules.EXTERNAL_REDIRECT_LOOP, url + " " + outcome.detail());
            case INVALID -> Finding.of(link.location(), LinkRules.EXTERNAL_BROKEN, url + " is not a web address that can be requested" + detail);
        };
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String statusText(int status) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return reason.isEmpty() ? String.valueOf(status) : status + " " + reason;
    }

    /** One host's share: a few requests at a time, and a time before which it is left alone (Retry-After). */
    private static final class Host {
        private final Semaphore permits;
        private final AtomicLong notBefore = new AtomicLong(System.nanoTime());

        Host(int limit) {
            this.permits = new Semaphore(limit, true);
        }

        void awaitTurn() throws InterruptedException {
            while (true) {
                long wait = notBefore.get() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                permits.acquire();
                if (notBefore.get() - System.nanoTime() <= 0) {
                    return;
                }
                permits.release(); // held back while waiting for the permit
            }
        }

        void release() {
            permits.release();
        }

        void holdBack(Duration wait) {
            long until = System.nanoTime() + wait.toNanos();
            notBefore.accumulateAndGet(until, (current, proposed) -> proposed - current > 0 ? proposed : current);
        }
    }
}
