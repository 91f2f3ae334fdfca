package org.privacysite.internal.content;

import org.privacysite.Location;
import org.privacysite.internal.messages.IcuMessage;

/**
 * An ICU argument written in a page's body, where it was written, and whether it sits in a link
 * address. Recorded while parsing, so that checking facts needs no Markdown tree.
 */
public record ArgumentUse(IcuMessage.Argument argument, Location location, boolean inLinkAddress) {
}
