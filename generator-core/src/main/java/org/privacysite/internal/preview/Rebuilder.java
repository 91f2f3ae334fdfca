package org.privacysite.internal.preview;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.privacysite.Finding;
import org.privacysite.Preview;

/**
 * What the live preview needs from the generator: {@link Preview}'s two methods. Both are only ever
 * called from the preview's single build thread.
 */
public interface Rebuilder {

    /** See {@link Preview#rebuild}: an empty collection means a full build. */
    Preview.Update rebuild(Collection<Path> changedFiles);

    /** See {@link Preview#findings}: the findings located in one page's Markdown file. */
    List<Finding> findings(String locale, String document);

    /**
     * Runs once after a successful first build, before any edit: re-renders one page without telling
     * anyone, so that the first edit of the writer does not pay for loading and compiling the
     * incremental path. Nothing by default.
     */
    default void warmUp() {
    }

    /** {@code preview}'s methods; {@link #warmUp()} rebuilds {@code warmUpFile} when it is not null. */
    static Rebuilder of(Preview preview, Path warmUpFile) {
        return new Rebuilder() {
            @Override
            public void warmUp() {
                if (warmUpFile != null) {
                    preview.rebuild(List.of(warmUpFile));
                }
            }

            @Override
            public Preview.Update rebuild(Collection<Path> changedFiles) {
                return preview.rebuild(changedFiles);
            }

            @Override
            public List<Finding> findings(String locale, String document) {
                return preview.findings(locale, document);
            }
        };
    }
}
