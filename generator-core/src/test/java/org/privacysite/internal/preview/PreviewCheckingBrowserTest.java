package org.privacysite.internal.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.browser.BrowserSession;
import org.privacysite.internal.rules.ParityRules;

/**
 * The findings badge in Debian's headless Chromium while the site-wide check outlasts a request's wait: it says the
 * site is being checked, asks again by itself, and shows the findings once the check is done.
 */
class PreviewCheckingBrowserTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.withoutServer(PageLoadStrategy.EAGER);

    @TempDir
    Path temp;

    @Test
    void theBadgeSaysTheSiteIsBeingCheckedUntilTheFindingsCome() throws Exception {
        Path page = Files.createDirectories(temp.resolve("out/en/privacy")).resolve("index.html");
        Files.writeString(page, "<!DOCTYPE html><html lang=\"en\"><head><title>Policy</title></head><body><p>policy</p></body></html>");
        CompletableFuture<List<Finding>> checked = new CompletableFuture<>();
        ChromeDriver driver = session.browser().driver;
        try (LivePreview live = LivePreview.start(LiveReloadTest.checkedWhen(checked), temp.resolve("out"), List.of(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), line -> { }, line -> { }, Duration.ZERO)) {
            driver.get("http://127.0.0.1:" + live.port() + "/en/privacy/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(20));
            wait.until(d -> "true".equals(root(driver).getAttribute("data-checking")));
            assertEquals("Preview: checking the site…", status(driver).getText());

            checked.complete(List.of(Finding.of(new Location(temp.resolve("content/en/privacy.md"), 3, 1),
                    ParityRules.CLAUSE_MISSING, "found by the site-wide check")));
            wait.until(d -> "1".equals(root(driver).getAttribute("data-findings")));
            assertEquals(null, root(driver).getAttribute("data-checking"));
            assertEquals("Preview: 1 finding for this page (1 error)", status(driver).getText());
        }
    }

    private static WebElement root(ChromeDriver driver) {
        return driver.findElement(By.id("privacy-site-preview"));
    }

    private static WebElement status(ChromeDriver driver) {
        return driver.findElement(By.cssSelector("#privacy-site-preview [role=status]"));
    }
}
