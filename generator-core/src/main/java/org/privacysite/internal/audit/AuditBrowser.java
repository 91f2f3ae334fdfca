package org.privacysite.internal.audit;

import java.net.URI;
import java.util.List;

/** The browser the audit drives: one fresh profile per instance. */
interface AuditBrowser extends AutoCloseable {

    /** Starts a browser with a fresh profile. */
    interface Factory {
        AuditBrowser start(AuditSettings settings);
    }

    /**
     * Opens {@code page} and waits for it to load.
     *
     * @throws AuditFailure when it does not load in time
     */
    void open(URI page);

    /**
     * Clicks the visible element with the role {@code button} whose accessible name is one of {@code names}
     * (ignoring case and spacing), waiting briefly for it to appear.
     *
     * @return false when there is no such button
     */
    boolean click(List<String> names);

    /** Waits until the page's network is quiet and reports what happened since the last call. */
    PageActivity collect();

    /** The absolute addresses of the open page's links. */
    List<String> links();

    /** Quits the browser, its driver and every process they started, and deletes the profile. */
    @Override
    void close();
}
