package org.privacysite.internal.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacysite.PreviewServer;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;

/**
 * The preview server at the HTTP level, on a copy of the sample site that is not edited: it serves
 * the output directory and nothing else, adds the reload script to HTML only as it is served, and
 * answers only on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewHttpTest {

    /** Written into files outside the output directory: no response may ever contain it. */
    private static final String SECRET = "SECRET-MARKER-4711";

    private Path temp;
    private Path content;
    private Path out;
    private PrivacySite site;
    private PreviewServer server;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start(@TempDir Path temporary) throws IOException {
        temp = temporary;
        content = SampleSite.copyContent(temp.resolve("content"));
        Files.writeString(content.resolve("site.yaml"), Files.readString(content.resolve("site.yaml")) + "\n# " + SECRET + "\n");
        Path german = content.resolve("de/privacy.md");
        Files.writeString(german, Files.readString(german).replaceAll("(?ms)^## [^\\n]*\\{#children\\}\\n.*?(?=^## )", ""));
        Files.writeString(temp.resolve("secret.txt"), SECRET);
        out = temp.resolve("out");
        site = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        server = PreviewServer.start(site, out, "127.0.0.1", 0, new PreviewServer.Log() {
            @Override
            public void info(String line) {
                log.add(line);
            }

            @Override
            public void error(String line) {
                log.add(line);
            }
        });
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int port() {
        return server.port();
    }

    @Test
    void firstBuildIsLoggedAndServedOnLoopback() {
        assertTrue(log.stream().anyMatch(line -> line.matches("Built 10 pages in \\d+ ms")), log.toString());
        assertEquals("127.0.0.1", server.host());
        assertTrue(port() > 0);
        assertEquals("http://127.0.0.1:" + port() + "/", server.uri().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../site.yaml", "/../secret.txt", "/../content/site.yaml", "/en/../../secret.txt", "/en/privacy/../../../secret.txt",
        "/%2e%2e/", "/%2e%2e/secret.txt", "/%2E%2E/content/site.yaml", "/en/%2e%2e/%2e%2e/secret.txt", "/.%2e/secret.txt",
        "/..%2fcontent/site.yaml", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/%2e%2e%5csecret.txt", "/..%5csecret.txt",
        "/..\\secret.txt", "/%c0%ae%c0%ae/secret.txt", "/%252e%252e/secret.txt", "/./../secret.txt", "/%00", "/en/privacy/index.html%00",
        "/.privacy-site-build", "/en/.hidden", "/C:/Windows/win.ini", "/..", "/.", "/%",
    })
    void pathTraversalIsRefused(String target) {
        Http.Response response = Http.get(port(), target);
        assertTrue(response.status() == 400 || response.status() == 404, target + " -> " + response.status());
        assertFalse(response.body().contains(SECRET), target + " leaked a file outside the site");
        assertFalse(response.body().contains("accountRetentionDays"), target + " leaked site.yaml");
    }

    @Test
    void absolutePathsStayInsideTheSite() {
        for (String target : List.of("/" + temp.resolve("secret.txt"), "//" + temp.resolve("secret.txt"),
                "/" + content.resolve("site.yaml"), "http://127.0.0.1:" + port() + "/../secret.txt",
                "http://127.0.0.1:" + port() + temp.resolve("secret.txt"))) {
            Http.Response response = Http.get(port(), target);
            assertTrue(response.status() == 400 || response.status() == 404, target + " -> " + response.status());
            assertFalse(response.body().contains(SECRET), target);
            assertFalse(response.body().contains("accountRetentionDays"), target);
        }
    }

    @Test
    void symbolicLinksOutOfTheSiteAreNotFollowed() throws IOException {
        Path linkToDirectory = out.resolve("en/outside");
        Path linkToFile = out.resolve("secret.txt");
        Path linkInside = out.resolve("alias.css");
        try {
            Files.createSymbolicLink(linkToDirectory, temp);
            Files.createSymbolicLink(linkToFile, temp.resolve("secret.txt"));
            Files.createSymbolicLink(linkInside, out.resolve("assets/site.css"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not available here: " + e);
        }
        for (String target : List.of("/en/outside/secret.txt", "/en/outside/content/site.yaml", "/en/outside/", "/secret.txt")) {
            Http.Response response = Http.get(port(), target);
            assertEquals(404, response.status(), target);
            assertFalse(response.body().contains(SECRET), target);
            assertFalse(response.body().contains("accountRetentionDays"), target);
        }
        Http.Response inside = Http.get(port(), "/alias.css");
        assertEquals(200, inside.status(), "a link that stays inside the site is served");
        assertEquals("text/css; charset=utf-8", inside.header("Content-Type"));
    }

    @Test
    void reloadScriptIsInjectedIntoServedHtmlButNeverWrittenToDisk() throws IOException {
        Http.Response page = Http.get(port(), "/fr/privacy/");
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
        assertEquals("no-store", page.header("Cache-Control"));
        int script = page.body().indexOf("<script src=\"/_preview/reload.js\" data-build=\"");
        assertTrue(script > 0, "the reload script is injected");
        assertTrue(page.body().indexOf("defer></script>", script) > script);
        assertTrue(script < page.body().lastIndexOf("</body>"), "before </body>");
        assertFalse(Files.readString(out.resolve("fr/privacy/index.html")).contains("_preview"));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains("/_preview/"),
                        file + " on disk contains the preview script");
            }
        }
        Http.Response css = Http.get(port(), "/assets/site.css");
        assertFalse(css.body().contains("_preview"), "only HTML gets the script");
    }

    @Test
    void contentTypesAndCaching() throws IOException {
        Files.writeString(out.resolve("test.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.write(out.resolve("test.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(out.resolve("test.json"), "{}");
        List<String[]> expected = List.of(
                new String[] {"/", "text/html; charset=utf-8"},
                new String[] {"/en/privacy/index.html", "text/html; charset=utf-8"},
                new String[] {"/assets/site.css", "text/css; charset=utf-8"},
                new String[] {"/assets/consent.js", "text/javascript; charset=utf-8"},
                new String[] {"/sitemap.xml", "application/xml; charset=utf-8"},
                new String[] {"/test.svg", "image/svg+xml"},
                new String[] {"/test.png", "image/png"},
                new String[] {"/test.json", "application/json; charset=utf-8"},
                new String[] {"/_preview/reload.js", "text/javascript; charset=utf-8"},
                new String[] {"/_preview/overlay.css", "text/css; charset=utf-8"});
        for (String[] pair : expected) {
            Http.Response response = Http.get(port(), pair[0]);
            assertEquals(200, response.status(), pair[0]);
            assertEquals(pair[1], response.header("Content-Type"), pair[0]);
            assertEquals("no-store", response.header("Cache-Control"), pair[0]);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), pair[0]);
        }
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        HttpResponse<String> get = Http.send(server.uri().resolve("/en/privacy/"), "GET");
        HttpResponse<String> head = Http.send(server.uri().resolve("/en/privacy/"), "HEAD");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                head.headers().firstValue("Content-Length").orElse(null));
        assertEquals("text/html; charset=utf-8", head.headers().firstValue("Content-Type").orElse(null));
        assertEquals(404, Http.send(server.uri().resolve("/nothing-here"), "HEAD").statusCode());
        assertEquals(405, Http.send(server.uri().resolve("/"), "POST").statusCode());
        assertEquals(405, Http.send(server.uri().resolve("/"), "DELETE").statusCode());
    }

    @Test
    void directoriesServeTheirIndexAndRedirectToTheSlashedPath() {
        Http.Response redirect = Http.get(port(), "/en/privacy");
        assertEquals(301, redirect.status());
        assertEquals("/en/privacy/", redirect.header("Location"));
        assertEquals(200, Http.get(port(), "/en/privacy/").status());
        assertEquals(404, Http.get(port(), "/assets/").status(), "no directory listings");
    }

    @Test
    void missingPagesGetANotFoundPageThatStillReloads() {
        Http.Response missing = Http.get(port(), "/en/no-such-page/?x=1");
        assertEquals(404, missing.status());
        assertEquals("text/html; charset=utf-8", missing.header("Content-Type"));
        assertTrue(missing.body().contains("/_preview/reload.js"), "a 404 page recovers by itself when the page appears");
        Http.Response escaped = Http.get(port(), "/%3Cscript%3Ealert(1)%3C/script%3E");
        assertEquals(404, escaped.status());
        assertFalse(escaped.body().contains("<script>alert"), "the path is escaped in the 404 page");
        assertEquals(404, Http.get(port(), "/_preview/nothing").status());
    }

    @Test
    void otherHostNamesAreRefused() {
        assertEquals(403, Http.raw(port(), "GET", "/en/privacy/", "evil.example").status(), "DNS rebinding");
        assertEquals(403, Http.raw(port(), "GET", "/en/privacy/", "127.0.0.1.evil.example:" + port()).status());
        assertEquals(200, Http.raw(port(), "GET", "/en/privacy/", "localhost:" + port()).status());
        assertEquals(200, Http.raw(port(), "GET", "/en/privacy/", "127.0.0.1").status());
    }

    @Test
    void statusListsTheFindingsOfThePageOnScreen() {
        String german = Http.get(port(), "/_preview/status?page=de/privacy/").body();
        assertTrue(german.contains("\"ok\":true"), german);
        assertTrue(german.contains("\"page\":\"de/privacy/index.html\""), german);
        assertTrue(german.contains("clause 'children' (\\\"Children\\\") is missing (present in en)"), german); // JSON-escaped quotes
        assertTrue(german.matches(".*\"location\":\"[^\"]*de/privacy\\.md(:\\d+)*\".*"), german);
        String french = Http.get(port(), "/_preview/status?page=" + "fr%2Fprivacy%2Findex.html").body();
        assertTrue(french.contains("\"findings\":[]"), french);
        String hostile = Http.get(port(), "/_preview/status?page=../../etc/").body();
        assertTrue(hostile.contains("\"page\":null"), hostile);
        assertEquals("application/json; charset=utf-8", Http.get(port(), "/_preview/status").header("Content-Type"));
    }

    @Test
    void bindsLoopbackOnlyAndKeepsTheOutputApartFromTheSources() {
        assertThrows(IllegalArgumentException.class, () -> PreviewServer.start(site, temp.resolve("o1"), "0.0.0.0", 0));
        assertThrows(IllegalArgumentException.class, () -> PreviewServer.start(site, temp.resolve("o2"), "192.0.2.1", 0));
        assertThrows(IllegalArgumentException.class, () -> PreviewServer.start(site, temp.resolve("o3"), "127.0.0.1", 70000));
        assertThrows(IllegalArgumentException.class, () -> PreviewServer.start(site, content, "127.0.0.1", 0));
        assertThrows(IllegalArgumentException.class, () -> PreviewServer.start(site, content.resolve("preview"), "127.0.0.1", 0));
        assertThrows(IllegalArgumentException.class, () -> PreviewServer.start(site, temp, "127.0.0.1", 0));
        UncheckedIOException inUse = assertThrows(UncheckedIOException.class,
                () -> PreviewServer.start(site, temp.resolve("o4"), "127.0.0.1", port()));
        assertNotNull(inUse.getMessage());
        assertTrue(inUse.getMessage().contains(String.valueOf(port())), inUse.getMessage());
    }
}
