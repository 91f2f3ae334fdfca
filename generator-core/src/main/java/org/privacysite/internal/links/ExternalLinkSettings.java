package org.privacysite.internal.links;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link ExternalLinkChecker} talks to other sites. Every wait is bounded: a link costs at most
 * {@code (maxRedirects + 1) × (maxRetries + 1)} requests of at most {@code connectTimeout + requestTimeout}
 * each, plus back-off and {@code Retry-After} waits of at most {@code maxRetryAfter}.
 */
public final class ExternalLinkSettings {

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration backoff;
    private final Duration maxRetryAfter;
    private final int perHostLimit;
    private final int maxConcurrency;
    private final int maxRedirects;
    private final Path cacheFile;
    private final Duration cacheTtl;
    private final List<Pattern> excludes;
    private final String userAgent;
    private final Clock clock;

    private ExternalLinkSettings(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.maxRetries = builder.maxRetries;
        this.backoff = builder.backoff;
        this.maxRetryAfter = builder.maxRetryAfter;
        this.perHostLimit = builder.perHostLimit;
        this.maxConcurrency = builder.maxConcurrency;
        this.maxRedirects = builder.maxRedirects;
        this.cacheFile = builder.cacheFile;
        this.cacheTtl = builder.cacheTtl;
        this.excludes = List.copyOf(builder.excludes);
        this.userAgent = builder.userAgent;
        this.clock = builder.clock;
    }

    public static ExternalLinkSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Time to open a connection. Default 5 s. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Time from sending a request to its response headers. Default 10 s. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Further tries after a timeout, a connection failure, 408, 429, 502, 503 or 504. Default 2. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The first back-off; each further one doubles. Default 500 ms. */
    public Duration backoff() {
        return backoff;
    }

    /** The longest {@code Retry-After} honoured; a server asking for more is reported, not waited for. Default 10 s. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Requests under way at once to one host (and port). Default 2. */
    public int perHostLimit() {
        return perHostLimit;
    }

    /** Links checked at once over all hosts. Default 8. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Redirects followed before a link is reported as a redirect loop. Default 5. */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** A file that keeps results between runs, so CI reruns are fast; null for none. Default none. */
    public Path cacheFile() {
        return cacheFile;
    }

    /** How long a result in the cache file stays valid. Default 24 h. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** URLs matching any of these (found anywhere in the URL) are not checked, e.g. sites that refuse robots. */
    public List<Pattern> excludes() {
        return excludes;
    }

    public String userAgent() {
        return userAgent;
    }

    /** The clock that dates cache entries. */
    public Clock clock() {
        return clock;
    }

    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxRetries = 2;
        private Duration backoff = Duration.ofMillis(500);
        private Duration maxRetryAfter = Duration.ofSeconds(10);
        private int perHostLimit = 2;
        private int maxConcurrency = 8;
        private int maxRedirects = 5;
        private Path cacheFile;
        private Duration cacheTtl = Duration.ofHours(24);
        private List<Pattern> excludes = List.of();
        private String userAgent = "privacy-site-link-checker (+https://github.com/privacysite/privacy-site)";
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        public Builder maxRetries(int retries) {
            this.maxRetries = atLeast(retries, 0, "maxRetries");
            return this;
        }

        public Builder backoff(Duration backoff) {
            this.backoff = notNegative(backoff, "backoff");
            return this;
        }

        public Builder maxRetryAfter(Duration wait) {
            this.maxRetryAfter = notNegative(wait, "maxRetryAfter");
            return this;
        }

        public Builder perHostLimit(int limit) {
            this.perHostLimit = atLeast(limit, 1, "perHostLimit");
            return this;
        }

        public Builder maxConcurrency(int limit) {
            this.maxConcurrency = atLeast(limit, 1, "maxConcurrency");
            return this;
        }

        public Builder maxRedirects(int redirects) {
            this.maxRedirects = atLeast(redirects, 0, "maxRedirects");
            return this;
        }

        public Builder cacheFile(Path file) {
            this.cacheFile = file;
            return this;
        }

        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = notNegative(ttl, "cacheTtl");
            return this;
        }

        public Builder excludes(List<Pattern> patterns) {
            this.excludes = List.copyOf(patterns);
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ExternalLinkSettings build() {
            return new ExternalLinkSettings(this);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }

        private static Duration notNegative(Duration duration, String name) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return duration;
        }

        private static int atLeast(int value, int minimum, String name) {
            if (value < minimum) {
                throw new IllegalArgumentException(name + " must be at least " + minimum);
            }
            return value;
        }
    }
}
