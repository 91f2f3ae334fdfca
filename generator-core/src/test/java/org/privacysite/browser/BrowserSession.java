package org.privacysite.browser;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.PageLoadStrategy;
import org.privacysite.SampleSite;

/**
 * The setup of a browser test class, as a JUnit 5 extension: a site served on 127.0.0.1 and a headless
 * Chromium with a fresh profile ({@link Browser}), started before the class's first test and stopped after
 * its last. Without Chromium the class is skipped (failed on CI). Register it in a static field:
 * <pre>
 * &#64;RegisterExtension
 * static final BrowserSession session = BrowserSession.onSampleSite();
 * </pre>
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<Path> site;
    private final boolean serve;
    private final PageLoadStrategy pageLoad;
    private LoopbackServer server;
    private Browser browser;

    private BrowserSession(Supplier<Path> site, boolean serve, PageLoadStrategy pageLoad) {
        this.site = site;
        this.serve = serve;
        this.pageLoad = pageLoad;
    }

    /** The repository's sample site (content/, templates/), built once per test run. */
    public static BrowserSession onSampleSite() {
        return new BrowserSession(SampleSite::built, true, PageLoadStrategy.NORMAL);
    }

    /** A server that serves nothing until the class says what: {@code server().serving(directory)}. */
    public static BrowserSession onLoopback() {
        return new BrowserSession(null, true, PageLoadStrategy.NORMAL);
    }

    /**
     * The browser alone, for a class that serves its pages itself; with {@link PageLoadStrategy#EAGER} a page
     * counts as loaded when its document is parsed, before its images and stylesheets.
     */
    public static BrowserSession withoutServer(PageLoadStrategy pageLoad) {
        return new BrowserSession(null, false, pageLoad);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Browser.requireChromium();
        if (serve) {
            server = LoopbackServer.start("127.0.0.1");
            if (site != null) {
                server.serving(site.get());
            }
        }
        browser = Browser.start(pageLoad);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            browser = null;
            server = null;
        }
    }

    public Browser browser() {
        return browser;
    }

    public LoopbackServer server() {
        return server;
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    public String origin() {
        return server.origin();
    }

    /** Opens {@code path} of the served site, e.g. {@code en/privacy/}. */
    public void open(String path) {
        browser.open(origin() + "/" + path);
    }

    /** A first-time visitor from here on: the site's cookies are deleted (from a page of the site, whose cookies they are). */
    public void freshVisitor() {
        open("assets/site.css");
        browser.driver.manage().deleteAllCookies();
    }
}
