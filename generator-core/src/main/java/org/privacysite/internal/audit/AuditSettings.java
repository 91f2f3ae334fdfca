package org.privacysite.internal.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to audit and how.
 *
 * @param start        the first page; its origin is the only one the browser is sent to
 * @param maxPages     how many pages each pass visits at most
 * @param sitemap      a sitemap whose pages are visited after {@code start}, or null; its entries are read as paths
 *                     on the audited origin (a staging copy's sitemap names the production addresses), and so are
 *                     the parts a sitemap index names
 * @param timeLimit    the whole audit stops after this long (its findings so far are kept)
 * @param pageTimeout  a page that has not finished loading after this long stops the audit
 * @param acceptNames  the accessible names of the banner's "Accept all" button, in every locale
 * @param rejectNames  the accessible names of its "Reject all" button
 */
public record AuditSettings(URI start, int maxPages, URI sitemap, Duration timeLimit, Duration pageTimeout,
                            List<String> acceptNames, List<String> rejectNames, Path chromium, Path chromedriver) {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public AuditSettings {
        acceptNames = List.copyOf(acceptNames);
        rejectNames = List.copyOf(rejectNames);
    }

    /** {@code scheme://host[:port]} of the start page: the audited site. */
    public String origin() {
        return Origins.of(start);
    }
}
