package org.privacysite.internal.content;

import java.nio.file.Path;

import org.privacysite.Location;
import org.privacysite.internal.messages.IcuMessage;

/**
 * An ICU argument written in a page's body, where it was written, and whether it sits in a link
 * address. Recorded while parsing, so that checking facts needs no Markdown tree. The place is kept
 * as its parts, not as a {@link Location} of its own: a 10,000-page site keeps 700,000 of them to the
 * end of the run, and the separate objects were 17 MB of its live set.
 */
public record ArgumentUse(IcuMessage.Argument argument, Path file, int line, int column, boolean inLinkAddress) {

    public ArgumentUse(IcuMessage.Argument argument, Location location, boolean inLinkAddress) {
        this(argument, location.file(), location.line(), location.column(), inLinkAddress);
    }

    /** Where the argument was written. */
    public Location location() {
        return new Location(file, line, column);
    }
}
