package org.privacysite;

import java.util.List;

/**
 * The outcome of one {@link Preview#rebuild}.
 *
 * @param pages  paths of the pages written, relative to the output directory (e.g. fr/privacy/index.html)
 * @param errors the errors that stopped the rebuild; empty when it succeeded
 * @param nanos  how long the rebuild took
 */
public record PreviewUpdate(List<String> pages, List<Finding> errors, long nanos) {

    public boolean succeeded() {
        return errors.isEmpty();
    }
}
