package org.privacysite.internal.preview;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.privacysite.Finding;
import org.privacysite.PreviewUpdate;

/**
 * What the live preview needs from the generator (the public {@code Preview}'s two methods, adapted
 * by {@code PreviewServer}). {@link #rebuild} and {@link #warmUp} are only ever called from the
 * preview's single build thread; {@link #findings} from the threads that answer the pages, possibly during a rebuild.
 */
public interface Rebuilder {

    /** Rebuilds after {@code changedFiles} changed: an empty collection means a full build. */
    PreviewUpdate rebuild(Collection<Path> changedFiles);

    /**
     * The findings located in one page's Markdown file, as of the last good build, when its check is done. Returns
     * at once: never waits for a rebuild or for the check.
     */
    CompletableFuture<List<Finding>> findings(String locale, String document);

    /**
     * Runs once after a successful first build, before any edit: re-renders one page without telling
     * anyone, so that the first edit of the writer does not pay for loading and compiling the
     * incremental path. Nothing by default.
     */
    default void warmUp() {
    }
}
