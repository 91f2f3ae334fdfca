package org.privacysite.internal.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.privacysite.PreviewServer;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;
import org.privacysite.browser.BrowserSession;

/**
 * The live preview in Debian's headless Chromium (driven by Debian's chromedriver; Selenium Manager
 * never downloads anything): an edit shows up without a manual reload within a second, a broken
 * front matter shows the overlay with {@code file:line}, the fix brings the page back, and the
 * findings badge follows the page's parity findings. Skipped without Chromium on a developer's
 * machine, failed on CI (environment variable CI set).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewBrowserTest {

    /** Edit saved to new text on screen; the acceptance says one second. Raise it only for a machine that is known to be overloaded. */
    private static final long MAX_RELOAD_MILLIS = Long.getLong("privacysite.preview.reloadMillis", 1000);

    /** Commands wait for DOMContentLoaded, not for every subresource: "shows the text" is measured. */
    @RegisterExtension
    static final BrowserSession session = BrowserSession.withoutServer(PageLoadStrategy.EAGER);

    private Path content;
    private PreviewServer server;
    private ChromeDriver driver;

    @BeforeAll
    void start(@TempDir Path temp) {
        driver = session.browser().driver;
        content = SampleSite.copyContent(temp.resolve("content"));
        PrivacySite site = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
        server = PreviewServer.start(site, temp.resolve("out"), "127.0.0.1", 0, new PreviewServer.Log() {
            @Override
            public void info(String line) {
                System.out.println("[preview] " + line);
            }

            @Override
            public void error(String line) {
                System.out.println("[preview] " + line);
            }
        });
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void drainConsole() {
        if (driver != null) {
            consoleMessages();
        }
    }

    @Test
    void anEditShowsWithinOneSecondAndABrokenFrontMatterShowsTheOverlayUntilFixed() throws Exception {
        Path french = content.resolve("fr/privacy.md");
        String original = Files.readString(french);
        open("fr/privacy/");

        // The first edit right after start-up also pays for cold caches (the JVM's, Chromium's); it
        // must show up too, but the one-second promise is measured on the next one.
        long first = editAndWaitFor(french, original, "Premier texte ajouté en direct.");
        // The promise is about the typical edit: the median of three, so one garbage collection or a
        // busy CI neighbour does not decide it. Every edit must still show up.
        long[] edits = {
            editAndWaitFor(french, original, "Troisième texte ajouté en direct."),
            editAndWaitFor(french, original, "Quatrième texte ajouté en direct."),
            editAndWaitFor(french, original, "Deuxième texte ajouté en direct.")};
        long median = java.util.Arrays.stream(edits).sorted().toArray()[1];
        System.out.println("[preview] edit to text on screen: first edit " + first + " ms, then " + java.util.Arrays.toString(edits) + " ms");
        assertTrue(median < MAX_RELOAD_MILLIS, "the page showed edits after " + java.util.Arrays.toString(edits) + " ms (median limit "
                + MAX_RELOAD_MILLIS + " ms, -Dprivacysite.preview.reloadMillis)");

        Files.writeString(french, original.replace("## Enfants {#children}", "## Enfants {#children}\n\nDeuxième texte ajouté en direct.")
                .replaceFirst("---\n", "---\ntitle: [broken\n"));
        WebElement overlay = waitUntil(() -> {
            List<WebElement> found = driver.findElements(By.cssSelector("#privacy-site-preview .psp-overlay"));
            return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
        }, 10);
        String shown = overlay.getText();
        assertTrue(shown.matches("(?s).*fr/privacy\\.md:\\d+:\\d+: YAML syntax error.*"), "the overlay names file:line:col: " + shown);
        assertEquals("alert", overlay.getAttribute("role"));
        assertTrue(bodyText().contains("Deuxième texte ajouté en direct."), "the last good page stays on screen");

        String fixed = "Texte après la correction.";
        Files.writeString(french, original.replace("## Enfants {#children}", "## Enfants {#children}\n\n" + fixed));
        waitUntil(() -> bodyText().contains(fixed) && !overlayShown() ? Boolean.TRUE : null, 10);
        assertFalse(overlayShown(), "the overlay is gone after the fix");

        Files.writeString(french, original);
        waitUntil(() -> !bodyText().contains(fixed) ? Boolean.TRUE : null, 10);
        assertNoCspViolations();
    }

    @Test
    void theBadgeShowsTheParityFindingsOfThePageOnScreen() throws Exception {
        Path german = content.resolve("de/privacy.md");
        String original = Files.readString(german);
        open("de/privacy/");
        waitUntil(() -> "0".equals(root().getAttribute("data-findings")) ? Boolean.TRUE : null, 10);
        WebElement status = driver.findElement(By.cssSelector("#privacy-site-preview [role=status]"));
        assertTrue(status.isDisplayed());
        assertEquals("Preview: no findings for this page", status.getText());

        Files.writeString(german, original.replaceAll("(?ms)^## [^\\n]*\\{#children\\}\\n.*?(?=^## )", ""));
        waitUntil(() -> "1".equals(root().getAttribute("data-findings")) ? Boolean.TRUE : null, 10);
        status = driver.findElement(By.cssSelector("#privacy-site-preview [role=status]"));
        assertTrue(status.getText().startsWith("Preview: 1 finding for this page"), status.getText());
        dismissConsentBanner();
        WebElement toggle = driver.findElement(By.cssSelector("#privacy-site-preview .psp-toggle"));
        assertEquals("false", toggle.getAttribute("aria-expanded"));
        toggle.click();
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        WebElement panel = driver.findElement(By.id("psp-panel"));
        assertTrue(panel.isDisplayed());
        assertTrue(panel.getText().contains("clause 'children' (\"Children\") is missing (present in en)"), panel.getText());
        assertTrue(panel.getText().contains("de/privacy.md"), panel.getText());
        assertFalse(overlayShown(), "findings are not errors: no overlay");

        Files.writeString(german, original);
        waitUntil(() -> "0".equals(root().getAttribute("data-findings")) ? Boolean.TRUE : null, 10);
        assertNoCspViolations();
    }

    /**
     * Writes the page with {@code text} added, waits until the browser shows it, and returns the
     * milliseconds from the write to the moment the reloaded page was parsed and painted, as the
     * browser's own clock (Navigation and Paint Timing, same machine clock) tells: the test's
     * polling over WebDriver adds its own delay, which is not the preview's.
     */
    private long editAndWaitFor(Path file, String original, String text) throws IOException {
        long start = System.nanoTime();
        long wall = System.currentTimeMillis();
        Files.writeString(file, original.replace("## Enfants {#children}", "## Enfants {#children}\n\n" + text));
        waitUntil(() -> bodyText().contains(text) ? Boolean.TRUE : null, 10);
        long polled = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        List<?> timing = (List<?>) ((JavascriptExecutor) driver).executeScript(
                "var n = performance.getEntriesByType('navigation')[0] || {};"
                + " var p = performance.getEntriesByName('first-contentful-paint')[0];"
                + " return [performance.timeOrigin, n.responseEnd || 0, n.domContentLoadedEventEnd || 0, p ? p.startTime : 0];");
        double origin = ((Number) timing.get(0)).doubleValue();
        double parsed = ((Number) timing.get(2)).doubleValue();
        double painted = ((Number) timing.get(3)).doubleValue();
        long shown = Math.round(origin + Math.max(parsed, painted)) - wall;
        System.out.println("[preview] edit shown " + shown + " ms after the write (reload started after "
                + Math.round(origin - wall) + " ms, page received " + Math.round(((Number) timing.get(1)).doubleValue())
                + " ms later, parsed after " + Math.round(parsed) + " ms, first paint after " + Math.round(painted)
                + " ms; the test saw it after " + polled + " ms)");
        return shown > 0 && shown <= polled ? shown : polled;
    }

    private void open(String page) {
        driver.get(server.uri().resolve("/" + page).toString());
        waitUntil(() -> "connected".equals(root().getAttribute("data-state")) ? Boolean.TRUE : null, 10);
    }

    private WebElement root() {
        List<WebElement> found = driver.findElements(By.id("privacy-site-preview"));
        return found.isEmpty() ? driver.findElement(By.tagName("html")) : found.get(0);
    }

    private boolean overlayShown() {
        List<WebElement> found = driver.findElements(By.cssSelector("#privacy-site-preview .psp-overlay"));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private String bodyText() {
        Object text = ((JavascriptExecutor) driver).executeScript("return document.body ? document.body.textContent : '';");
        return text == null ? "" : text.toString();
    }

    private void dismissConsentBanner() {
        for (WebElement reject : driver.findElements(By.cssSelector("[data-consent-action=reject]"))) {
            if (reject.isDisplayed()) {
                reject.click();
                return;
            }
        }
    }

    private <T> T waitUntil(java.util.function.Supplier<T> condition, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.JavascriptException.class)
                .until(d -> condition.get());
    }

    private List<String> consoleMessages() {
        return session.browser().consoleMessages();
    }

    /** The reload script and the overlay must work under the pages' strict Content-Security-Policy. */
    private void assertNoCspViolations() {
        List<String> violations = consoleMessages().stream()
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertEquals(List.of(), violations);
    }
}
