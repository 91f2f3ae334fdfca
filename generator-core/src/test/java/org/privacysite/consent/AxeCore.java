package org.privacysite.consent;

import org.privacysite.browser.Browser;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * axe-core from npm, in generator-core/target/axe. The test installs it itself
 * ({@code npm install --prefix target/axe axe-core@4}) when it is missing and npm is available; without
 * npm the accessibility tests are skipped on a developer's machine and fail on CI.
 */
public final class AxeCore {

    private static String source;

    private AxeCore() {
    }

    static synchronized String source() {
        if (source == null) {
            Path dir = TestPaths.target().resolve("axe");
            Path script = dir.resolve("node_modules/axe-core/axe.min.js");
            if (!Files.isRegularFile(script)) {
                install(dir);
            }
            if (!Files.isRegularFile(script)) {
                missing("axe-core could not be installed into " + dir + " (npm install --prefix " + dir + " axe-core@4)");
            }
            try {
                source = Files.readString(script, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static void install(Path dir) {
        try {
            Files.createDirectories(dir);
            Process npm = new ProcessBuilder(List.of("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
                    "--no-save", "--silent", "axe-core@4"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("npm-install.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
            }
        } catch (IOException e) {
            missing("npm is not available to install axe-core: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void missing(String why) {
        if (System.getenv("CI") != null) {
            fail(why);
        }
        Assumptions.abort(why);
    }

    /**
     * Runs axe in the page (injected through the driver, so the page's CSP does not block it) and returns
     * the violations, one line each: rule id, impact, and the elements with what fails.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Browser browser) {
        browser.js(source() + "\n;return true;");
        Object result = browser.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then(function (r) {"
                        + "  done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' -> '"
                        + "    + v.nodes.map(function (n) { return n.target.join(' ') + ' [' + n.failureSummary + ']'; }).join(' | '); }));"
                        + "}, function (e) { done(['axe failed: ' + e]); });");
        return (List<String>) result;
    }
}
