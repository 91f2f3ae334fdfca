package org.privacysite.internal.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.privacysite.internal.output.OutputDirectory;

/**
 * Debian's headless Chromium through Debian's chromedriver (never Selenium Manager: both paths are given).
 * Network events come from chromedriver's performance log (the Chrome DevTools Protocol's Network domain,
 * with the raw {@code Set-Cookie} headers), cookies from {@code Storage.getCookies}, and script-set cookies
 * from a watch on {@code document.cookie} installed before any page script runs.
 */
final class ChromiumBrowser implements AuditBrowser {

    /** Kept in a field (loggers are weak): Selenium's warnings would clutter the audit's output. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    /** Records {@code [cookie name, URL of the calling script]} for every write to document.cookie. */
    private static final String COOKIE_WATCH = """
            (function () {
              var d = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie'), log = [];
              if (!d || window.__privacySiteAudit) return;
              Object.defineProperty(window, '__privacySiteAudit', { value: log });
              Object.defineProperty(Document.prototype, 'cookie', {
                configurable: true, enumerable: d.enumerable,
                get: function () { return d.get.call(this); },
                set: function (v) {
                  try {
                    var lines = String(new Error().stack).split('\\n'), url = '';
                    for (var i = 1; i < lines.length && !url; i++) {
                      var m = /(https?:\\/\\/[^\\s()]+?):\\d+:\\d+\\)?\\s*$/.exec(lines[i]);
                      if (m) url = m[1];
                    }
                    log.push([String(v).split(';')[0].split('=')[0].trim(), url]);
                  } catch (e) { /* never break the page */ }
                  d.set.call(this, v);
                }
              });
            })();""";

    private static final String STORAGE_KEYS = "var r = {local: [], session: []};"
            + " try { r.local = Object.keys(window.localStorage); } catch (e) {}"
            + " try { r.session = Object.keys(window.sessionStorage); } catch (e) {} return r;";

    private static final String CANDIDATES = "button, [role=button], input[type=button], input[type=submit], input[type=reset], a";
    private static final long QUIET_MILLIS = 500;
    private static final long MAX_WAIT_MILLIS = 5_000;

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Set<ProcessHandle> started;
    private final Json json = new Json();
    private final Map<String, String> requestUrls = new HashMap<>();

    private ChromiumBrowser(ChromeDriverService service, ChromeDriver driver, Path profile, Set<ProcessHandle> started) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.started = started;
    }

    /**
     * Starts Chromium with a fresh profile.
     *
     * @throws AuditFailure when Chromium or chromedriver is not installed or does not start
     */
    static AuditBrowser start(AuditSettings settings) {
        if (!Files.isExecutable(settings.chromium()) || !Files.isExecutable(settings.chromedriver())) {
            throw new AuditFailure("the cookie audit needs Chromium and its driver, and they are not installed ("
                    + settings.chromium() + ", " + settings.chromedriver() + "). On Debian or Ubuntu install them with: "
                    + "sudo apt-get install chromium chromium-driver");
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Set<ProcessHandle> before = ProcessHandle.current().descendants().collect(Collectors.toSet());
        Path profile;
        try {
            profile = Files.createTempDirectory("privacy-site-audit-");
        } catch (IOException e) {
            throw new AuditFailure("cannot create a browser profile in the temporary directory: " + e.getMessage(), e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(settings.chromium().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(settings.chromedriver().toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (WebDriverException e) {
            service.stop();
            Set<ProcessHandle> leftovers = newProcesses(before);
            leftovers.forEach(ProcessHandle::destroyForcibly);
            deleteQuietly(profile);
            throw new AuditFailure("Chromium did not start (" + firstLine(e.getMessage()) + ")", e);
        }
        ChromiumBrowser browser = new ChromiumBrowser(service, driver, profile, newProcesses(before));
        try {
            driver.manage().timeouts().pageLoadTimeout(settings.pageTimeout());
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COOKIE_WATCH));
        } catch (WebDriverException e) {
            browser.close();
            throw new AuditFailure("Chromium did not accept the audit's settings (" + firstLine(e.getMessage()) + ")", e);
        }
        return browser;
    }

    @Override
    public void open(URI page) {
        try {
            driver.get(page.toString());
        } catch (TimeoutException e) {
            throw new AuditFailure(page + " did not finish loading within " + driver.manage().timeouts().getPageLoadTimeout().toSeconds()
                    + " seconds (some request of the page never completed); check that the page loads in a browser, "
                    + "or allow more time with --page-timeout", e);
        } catch (WebDriverException e) {
            throw new AuditFailure("Chromium could not open " + page + " (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    @Override
    public boolean click(List<String> names) {
        try {
            return findAndClick(names);
        } catch (WebDriverException e) {
            throw stopped(e);
        }
    }

    private boolean findAndClick(List<String> names) {
        Set<String> wanted = names.stream().map(ChromiumBrowser::normalize).collect(Collectors.toSet());
        long until = System.nanoTime() + 3_000_000_000L;
        do {
            for (WebElement element : driver.findElements(By.cssSelector(CANDIDATES))) {
                try {
                    if (element.isDisplayed() && wanted.contains(normalize(element.getAccessibleName()))
                            && "button".equals(element.getAriaRole())) {
                        element.click();
                        return true;
                    }
                } catch (StaleElementReferenceException e) {
                    // the page replaced it while we looked; the next round sees the new one
                }
            }
            pause(200);
        } while (System.nanoTime() < until);
        return false;
    }

    @Override
    public PageActivity collect() {
        try {
            return collectActivity();
        } catch (WebDriverException e) {
            throw stopped(e);
        }
    }

    private PageActivity collectActivity() {
        List<String> requests = new ArrayList<>();
        Map<String, String> headerSetters = new LinkedHashMap<>();
        long start = System.nanoTime();
        long lastEvent = start;
        while (true) {
            boolean any = false;
            for (LogEntry entry : driver.manage().logs().get("performance")) {
                any |= event(entry.getMessage(), requests, headerSetters);
            }
            long now = System.nanoTime();
            if (any) {
                lastEvent = now;
            }
            if ((now - lastEvent) / 1_000_000 >= QUIET_MILLIS || (now - start) / 1_000_000 >= MAX_WAIT_MILLIS) {
                break;
            }
            pause(100);
        }
        Map<String, String> scriptSetters = new LinkedHashMap<>();
        Object log = driver.executeScript("return window.__privacySiteAudit ? window.__privacySiteAudit.splice(0) : [];");
        if (log instanceof List<?> writes) {
            for (Object write : writes) {
                if (write instanceof List<?> pair && pair.size() == 2) {
                    scriptSetters.put(String.valueOf(pair.get(0)), String.valueOf(pair.get(1)));
                }
            }
        }
        Map<?, ?> storage = (Map<?, ?>) driver.executeScript(STORAGE_KEYS);
        return new PageActivity(jar(), headerSetters, scriptSetters, strings(storage.get("local")),
                strings(storage.get("session")), requests, driver.getCurrentUrl());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> links() {
        try {
            Object hrefs = driver.executeScript("return Array.from(document.links, function (a) { return a.href; });");
            return hrefs instanceof List<?> list ? strings(list) : List.of();
        } catch (WebDriverException e) {
            throw stopped(e);
        }
    }

    /** Chromium crashed or stopped answering mid-audit: said in words, the browser is closed by the caller. */
    private static AuditFailure stopped(WebDriverException e) {
        return new AuditFailure("Chromium stopped answering during the audit (" + firstLine(e.getMessage()) + ")", e);
    }

    /** Handles one performance-log entry; true when it was a network event. */
    private boolean event(String message, List<String> requests, Map<String, String> headerSetters) {
        Map<String, Object> entry = json.toType(message, Json.MAP_TYPE);
        if (!(entry.get("message") instanceof Map<?, ?> event) || !(event.get("params") instanceof Map<?, ?> params)) {
            return false;
        }
        String method = String.valueOf(event.get("method"));
        if (!method.startsWith("Network.")) {
            return false;
        }
        String id = String.valueOf(params.get("requestId"));
        if (method.equals("Network.requestWillBeSent") && params.get("request") instanceof Map<?, ?> request) {
            String url = String.valueOf(request.get("url"));
            requests.add(url);
            requestUrls.put(id, url);
        } else if (method.equals("Network.responseReceivedExtraInfo") && params.get("headers") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> header : headers.entrySet()) {
                if (String.valueOf(header.getKey()).equalsIgnoreCase("set-cookie")) {
                    for (String line : String.valueOf(header.getValue()).split("\n")) {
                        int equals = line.indexOf('=');
                        if (equals > 0) {
                            headerSetters.put(line.substring(0, equals).trim(), requestUrls.getOrDefault(id, ""));
                        }
                    }
                }
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private List<PageActivity.JarCookie> jar() {
        Map<String, Object> result = driver.executeCdpCommand("Storage.getCookies", Map.of());
        List<PageActivity.JarCookie> cookies = new ArrayList<>();
        for (Object item : (List<Object>) result.getOrDefault("cookies", List.of())) {
            Map<String, Object> cookie = (Map<String, Object>) item;
            boolean session = Boolean.TRUE.equals(cookie.get("session"));
            long expires = session || !(cookie.get("expires") instanceof Number number) ? -1 : (long) number.doubleValue();
            cookies.add(new PageActivity.JarCookie(String.valueOf(cookie.get("name")), String.valueOf(cookie.get("domain")),
                    String.valueOf(cookie.get("path")), expires, Boolean.TRUE.equals(cookie.get("secure")),
                    Boolean.TRUE.equals(cookie.get("httpOnly")), cookie.get("sameSite") == null ? "" : String.valueOf(cookie.get("sameSite"))));
        }
        return cookies;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (WebDriverException e) {
            // the processes are ended below either way
        } finally {
            try {
                service.stop();
            } finally {
                for (ProcessHandle process : started) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
                deleteQuietly(profile);
            }
        }
    }

    /** The processes started since {@code before}: chromedriver and the Chromium it started. */
    private static Set<ProcessHandle> newProcesses(Set<ProcessHandle> before) {
        Set<ProcessHandle> now = new HashSet<>(ProcessHandle.current().descendants().toList());
        now.removeAll(before);
        return now;
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }

    /** Accessible names compare without case and with spacing collapsed. */
    static String normalize(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("the audit was interrupted", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            OutputDirectory.delete(directory);
        } catch (IOException e) {
            // a leftover profile in the temporary directory is harmless
        }
    }
}
