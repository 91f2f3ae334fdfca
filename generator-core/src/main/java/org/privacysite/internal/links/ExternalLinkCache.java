package org.privacysite.internal.links;

import org.privacysite.internal.output.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Results of earlier runs, kept in a small text file so CI reruns skip links checked recently. Only
 * lasting results are kept (ok, moved, broken); timeouts, refusals and rate limits are always checked again.
 * One line per URL, sorted:
 * <pre>checked-at (epoch seconds) TAB verdict TAB status TAB target or - TAB url</pre>
 * Lines that are expired, malformed or of another version are dropped; an unreadable file is ignored.
 */
final class ExternalLinkCache {

    static final String HEADER = "# privacy-site external link cache v1: checked-at, verdict, status, target, url";

    private record Entry(long checkedAt, ExternalLinkOutcome outcome) {
    }

    private final Path file;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new TreeMap<>();

    private ExternalLinkCache(Path file, Duration ttl, Clock clock) {
        this.file = file;
        this.ttl = ttl;
        this.clock = clock;
    }

    static ExternalLinkCache load(Path file, Duration ttl, Clock clock) {
        ExternalLinkCache cache = new ExternalLinkCache(file, ttl, clock);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return cache;
        } catch (IOException | UncheckedIOException e) {
            return cache; // a damaged cache only costs time
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return cache;
        }
        long now = clock.instant().getEpochSecond();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 5) {
                continue;
            }
            try {
                long checkedAt = Long.parseLong(fields[0]);
                ExternalLinkOutcome.Kind kind = ExternalLinkOutcome.Kind.valueOf(fields[1]);
                int status = Integer.parseInt(fields[2]);
                URI target = fields[3].equals("-") ? null : new URI(fields[3]);
                ExternalLinkOutcome outcome = new ExternalLinkOutcome(kind, status, target, "", 1);
                if (outcome.cacheable() && !cache.expired(checkedAt, now)) {
                    cache.entries.put(fields[4], new Entry(checkedAt, outcome));
                }
            } catch (IllegalArgumentException | java.net.URISyntaxException e) {
                // skip the line
            }
        }
        return cache;
    }

    private boolean expired(long checkedAt, long now) {
        return checkedAt + ttl.toSeconds() < now;
    }

    /** The kept result for {@code url}, or null. */
    synchronized ExternalLinkOutcome get(String url) {
        Entry entry = entries.get(url);
        return entry == null || expired(entry.checkedAt(), clock.instant().getEpochSecond()) ? null : entry.outcome();
    }

    /** Keeps {@code outcome}, dated now, if it is a lasting one. */
    synchronized void put(String url, ExternalLinkOutcome outcome) {
        if (outcome.cacheable() && url.indexOf('\t') < 0 && url.indexOf('\n') < 0 && url.indexOf('\r') < 0) {
            entries.put(url, new Entry(clock.instant().getEpochSecond(), outcome));
        }
    }

    /** Writes the unexpired entries, replacing the file whole. */
    synchronized void save() {
        long now = clock.instant().getEpochSecond();
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.forEach((url, entry) -> {
            if (!expired(entry.checkedAt(), now)) {
                ExternalLinkOutcome outcome = entry.outcome();
                text.append(entry.checkedAt()).append('\t').append(outcome.kind()).append('\t').append(outcome.status())
                        .append('\t').append(outcome.target() == null ? "-" : outcome.target().toASCIIString())
                        .append('\t').append(url).append('\n');
            }
        });
        try {
            AtomicFile.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the link cache " + file, e);
        }
    }
}
