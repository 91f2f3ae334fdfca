package org.privacysite.internal.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.SampleSite;
import org.privacysite.cli.Main;

/** {@code privacy-site serve}: refuses unsafe setups, serves until stopped, cleans up its temporary site. */
class ServeCommandTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void refusesNonLoopbackAddressesAndAnOutputOverTheSources() {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        String templates = SampleSite.templates().toString();
        Run remote = run("serve", "--content", content.toString(), "--templates", templates, "--host", "0.0.0.0", "--port", "0");
        assertEquals(2, remote.exitCode(), remote.toString());
        assertTrue(remote.err().contains("loopback"), remote.err());
        Run overwrite = run("serve", "--content", content.toString(), "--templates", templates, "--out", content.toString(), "--port", "0");
        assertEquals(2, overwrite.exitCode(), overwrite.toString());
        assertTrue(overwrite.err().contains("must be outside the sources"), overwrite.err());
        assertTrue(Files.isRegularFile(content.resolve("site.yaml")), "the content is untouched");
        Run help = run("serve", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--port") && help.out().contains("--host") && help.out().contains("--out"), help.out());
    }

    @Test
    void servesUntilInterruptedAndDeletesItsTemporarySite() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exit.set(Main.run(new PrintWriter(out), new PrintWriter(err), "serve",
                "--content", content.toString(), "--templates", SampleSite.templates().toString(), "--port", "0")));
        serve.start();
        Pattern serving = Pattern.compile("Serving the preview at http://127\\.0\\.0\\.1:(\\d+)/ \\(site in (.+)\\)");
        Matcher matcher = null;
        for (int i = 0; i < 1200 && (matcher == null || !matcher.find()); i++) {
            Thread.sleep(50);
            matcher = serving.matcher(out.toString());
        }
        assertTrue(matcher != null && matcher.find(0), "no 'Serving' line: " + out + err);
        int port = Integer.parseInt(matcher.group(1));
        Path site = Path.of(matcher.group(2));
        assertTrue(out.toString().matches("(?s)Built 10 pages in \\d+ ms\\R.*"), out.toString());
        Http.Response page = Http.get(port, "/en/privacy/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("/_preview/reload.js"));
        assertTrue(Files.isDirectory(site));

        serve.interrupt();
        serve.join(30_000);
        assertFalse(serve.isAlive());
        assertEquals(0, exit.get(), err.toString());
        assertFalse(Files.exists(site.getParent()), "the temporary site is deleted");
    }
}
