package org.privacysite.internal.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.PreviewUpdate;
import org.privacysite.PreviewServer;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;
import org.privacysite.internal.rules.ParityRules;
import org.privacysite.internal.rules.YamlRules;

/** The reload channel: edits reach the open pages as events, errors too, and nothing stops the server. */
class LiveReloadTest {

    @TempDir
    Path temp;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private PreviewServer.Log collecting() {
        return new PreviewServer.Log() {
            @Override
            public void info(String line) {
                log.add(line);
                System.out.println("[preview] " + line);
            }

            @Override
            public void error(String line) {
                log.add(line);
                System.out.println("[preview] " + line);
            }
        };
    }

    @Test
    void anEditSendsReloadForItsPageAnErrorSendsTheFindingsAndTheFixRecovers() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path out = temp.resolve("out");
        PrivacySite site = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        try (PreviewServer server = PreviewServer.start(site, out, "127.0.0.1", 0, collecting());
                Http.Events events = new Http.Events(server.uri().resolve("/_preview/events"))) {
            String hello = events.next("hello", 10);
            assertTrue(hello.matches("\\{\"build\":\"[0-9a-z]+-1\"}"), hello);

            Path french = content.resolve("fr/privacy.md");
            String original = Files.readString(french);
            Files.writeString(french, original.replace("## Enfants {#children}", "## Enfants {#children}\n\nTexte ajouté en direct."));
            String reload = events.next("reload", 20);
            String instance = hello.replaceAll(".*\"([0-9a-z]+)-1\".*", "$1");
            assertEquals("{\"build\":\"" + instance + "-2\",\"full\":false,\"pages\":[\"fr/privacy/index.html\"]}", reload);
            Http.Response page = Http.get(server.port(), "/fr/privacy/");
            assertTrue(page.body().contains("Texte ajouté en direct."));
            assertTrue(page.body().contains("-2\" defer></script>"), "served with the new build");

            Files.writeString(french, original.replaceFirst("---\n", "---\ntitle: [broken\n"));
            String error = events.next("error", 20);
            assertTrue(error.matches(".*\"location\":\"[^\"]*fr/privacy\\.md:\\d+:\\d+\".*"), error);
            assertTrue(error.contains("\"line\":"), error);
            String status = Http.get(server.port(), "/_preview/status?page=fr/privacy/").body();
            assertTrue(status.contains("\"ok\":false"), status);
            assertTrue(Http.get(server.port(), "/fr/privacy/").body().contains("Texte ajouté en direct."), "the last good page is served");
            assertTrue(log.stream().anyMatch(line -> line.matches(".*fr/privacy\\.md:\\d+:\\d+: error: .*")), log.toString());

            Files.writeString(french, original);
            String fixed = events.next("reload", 20);
            assertTrue(fixed.contains("fr/privacy/index.html"), fixed);
            assertFalse(Http.get(server.port(), "/fr/privacy/").body().contains("Texte ajouté en direct."));
            assertTrue(Http.get(server.port(), "/_preview/status?page=fr/privacy/").body().contains("\"ok\":true"));

            List<Long> millis = new ArrayList<>();
            Pattern rebuilt = Pattern.compile("Rebuilt 1 page in (\\d+) ms");
            for (String line : List.copyOf(log)) {
                Matcher matcher = rebuilt.matcher(line);
                if (matcher.matches()) {
                    millis.add(Long.parseLong(matcher.group(1)));
                }
            }
            // at least the edit and the fix; on a busy machine the watcher may hand over a save's late event as a batch of
            // its own, rebuilding the same page once more (seen once in CI: "Rebuilt 1 page" three times)
            assertTrue(millis.size() >= 2, log.toString());
            System.out.println("[preview] one-clause edit rebuilt in " + millis + " ms");
        }
    }

    @Test
    void aTemplateChangeRebuildsEverythingAndANewDirectoryIsWatched() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path templates = temp.resolve("templates");
        SampleSite.copyTemplates(templates);
        PrivacySite site = PrivacySite.builder().contentDirectory(content).templatesDirectory(templates).build();
        try (PreviewServer server = PreviewServer.start(site, temp.resolve("out"), "127.0.0.1", 0, collecting());
                Http.Events events = new Http.Events(server.uri().resolve("/_preview/events"))) {
            events.next("hello", 10);
            Path css = templates.resolve("assets/site.css");
            Files.writeString(css, Files.readString(css) + "\n/* changed */\n");
            String reload = events.next("reload", 30);
            assertTrue(reload.contains("\"full\":true"), reload);
            assertTrue(Http.get(server.port(), "/assets/site.css").body().contains("/* changed */"));

            Path extra = templates.resolve("assets/extra");
            Files.createDirectories(extra);
            events.next("reload", 30); // the new directory itself
            Files.writeString(extra.resolve("note.css"), "p { color: black }");
            events.next("reload", 30);
            assertEquals(200, Http.get(server.port(), "/assets/extra/note.css").status());
        }
    }

    /** A rebuild that throws is reported as an "internal error" event, and the server keeps going. */
    @Test
    void anUnexpectedExceptionIsAnErrorEventAndTheServerKeepsRunning() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("index.html"), "<!DOCTYPE html><html><body><p>hello</p></body></html>");
        AtomicInteger calls = new AtomicInteger();
        Rebuilder flaky = new Rebuilder() {
            @Override
            public PreviewUpdate rebuild(Collection<Path> changedFiles) {
                if (calls.incrementAndGet() == 2) {
                    throw new IllegalStateException("boom");
                }
                return new PreviewUpdate(List.of("index.html"), List.of(), 1_000_000);
            }

            @Override
            public CompletableFuture<List<Finding>> findings(String locale, String document) {
                return CompletableFuture.failedFuture(new IllegalStateException("no findings today"));
            }
        };
        try (LivePreview live = LivePreview.start(flaky, out, List.of(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                log::add, log::add);
                Http.Events events = new Http.Events(URI.create("http://127.0.0.1:" + live.port() + "/_preview/events"))) {
            events.next("hello", 10);
            live.changed(Set.of(temp.resolve("a.md")));
            String error = events.next("error", 10);
            assertTrue(error.contains("internal error: java.lang.IllegalStateException: boom"), error);
            assertTrue(log.stream().anyMatch(line -> line.startsWith("internal error: java.lang.IllegalStateException: boom")), log.toString());
            assertEquals(200, Http.get(live.port(), "/").status(), "still serving");
            String status = Http.get(live.port(), "/_preview/status?page=en/privacy/").body();
            assertTrue(status.contains("\"ok\":false") && status.contains("no findings today"), status);

            live.changed(Set.of(temp.resolve("a.md")));
            assertTrue(events.next("reload", 10).contains("\"pages\":[\"index.html\"]"));
            assertTrue(Http.get(live.port(), "/_preview/status").body().contains("\"ok\":true"));
            assertTrue(log.contains("Rebuilt 1 page in 1 ms"), log.toString());
        }
    }

    /** The panel's findings are checked beside the rebuilds: a save's page is served while they are still being checked. */
    @Test
    void aSaveIsServedWhileThePanelsFindingsAreStillBeingChecked() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out/en/privacy"));
        Path page = out.resolve("index.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>before the save</p></body></html>");
        CountDownLatch checking = new CountDownLatch(1);
        CompletableFuture<List<Finding>> checked = new CompletableFuture<>();
        Finding finding = Finding.of(new Location(temp.resolve("content/en/privacy.md"), 3, 1), ParityRules.CLAUSE_MISSING,
                "found by the site-wide check");
        Rebuilder slowChecks = new Rebuilder() {
            @Override
            public PreviewUpdate rebuild(Collection<Path> changedFiles) {
                if (!changedFiles.isEmpty()) {
                    try {
                        Files.writeString(page, "<!DOCTYPE html><html><body><p>after the save</p></body></html>");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return new PreviewUpdate(List.of("en/privacy/index.html"), List.of(), 1_000_000);
            }

            @Override
            public CompletableFuture<List<Finding>> findings(String locale, String document) {
                checking.countDown();
                return checked;
            }
        };
        try (LivePreview live = LivePreview.start(slowChecks, temp.resolve("out"), List.of(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), log::add, log::add);
                Http.Events events = new Http.Events(URI.create("http://127.0.0.1:" + live.port() + "/_preview/events"))) {
            events.next("hello", 10);
            CompletableFuture<Http.Response> status = CompletableFuture.supplyAsync(
                    () -> Http.get(live.port(), "/_preview/status?page=en/privacy/"));
            assertTrue(checking.await(10, TimeUnit.SECONDS), "the page asked for its findings");

            live.changed(Set.of(temp.resolve("content/en/privacy.md")));
            assertTrue(events.next("reload", 10).contains("\"pages\":[\"en/privacy/index.html\"]"));
            assertTrue(Http.get(live.port(), "/en/privacy/").body().contains("after the save"), "served before the check ended");
            assertFalse(status.isDone(), "the findings are still being checked");

            checked.complete(List.of(finding));
            String findings = status.get(10, TimeUnit.SECONDS).body();
            assertTrue(findings.contains("found by the site-wide check"), findings);
        }
    }

    /** A site of en/privacy whose site-wide check gives its findings when {@code checked} completes. */
    static Rebuilder checkedWhen(CompletableFuture<List<Finding>> checked) {
        return new Rebuilder() {
            @Override
            public PreviewUpdate rebuild(Collection<Path> changedFiles) {
                return new PreviewUpdate(List.of("en/privacy/index.html"), List.of(), 1_000_000);
            }

            @Override
            public CompletableFuture<List<Finding>> findings(String locale, String document) {
                return checked;
            }
        };
    }

    /** A page that asks while the site-wide check still runs (longer than a request waits) is told so, not that it failed. */
    @Test
    void aPageAskingWhileTheCheckOutlastsItsWaitIsToldTheSiteIsStillBeingChecked() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out/en/privacy"));
        Files.writeString(out.resolve("index.html"), "<!DOCTYPE html><html><body><p>policy</p></body></html>");
        CompletableFuture<List<Finding>> checked = new CompletableFuture<>();
        Finding finding = Finding.of(new Location(temp.resolve("content/en/privacy.md"), 3, 1), ParityRules.CLAUSE_MISSING,
                "found by the site-wide check");
        try (LivePreview live = LivePreview.start(checkedWhen(checked), temp.resolve("out"), List.of(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), log::add, log::add, java.time.Duration.ZERO)) {
            String status = Http.get(live.port(), "/_preview/status?page=en/privacy/").body();
            assertTrue(status.contains("\"checking\":true") && status.contains("\"findings\":[]"), status);
            assertFalse(status.contains("findingsError"), status);

            checked.complete(List.of(finding));
            String again = Http.get(live.port(), "/_preview/status?page=en/privacy/").body();
            assertTrue(again.contains("found by the site-wide check"), again);
            assertFalse(again.contains("checking"), again);
        }
    }

    @Test
    void findingsKeepTheirLocation() {
        Finding finding = Finding.error(new Location(temp.resolve("content/fr/privacy.md"), 3, 8), YamlRules.SYNTAX, "bad");
        var problem = LivePreview.problem(finding);
        assertTrue(problem.get("location").toString().endsWith("content/fr/privacy.md:3:8"), problem.toString());
        assertEquals(3, problem.get("line"));
        assertEquals(8, problem.get("column"));
        assertEquals("error", problem.get("severity"));
    }

    @Test
    void hostHeaders() {
        assertTrue(LivePreview.hostAllowed(null));
        assertTrue(LivePreview.hostAllowed("localhost:8080"));
        assertTrue(LivePreview.hostAllowed("127.0.0.1"));
        assertTrue(LivePreview.hostAllowed("[::1]:8080"));
        assertFalse(LivePreview.hostAllowed("example.com"));
        assertFalse(LivePreview.hostAllowed("localhost.example.com:8080"));
        assertFalse(LivePreview.hostAllowed("[::2]:8080"));
    }
}
