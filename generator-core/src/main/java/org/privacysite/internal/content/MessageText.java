package org.privacysite.internal.content;

import java.util.List;

import org.commonmark.node.CustomNode;
import org.privacysite.Location;
import org.privacysite.internal.messages.IcuMessage;

/**
 * Text holding ICU arguments, {@code {retentionDays, plural, one {# day} other {# days}}}: it replaces
 * the Text and soft line break nodes it was written across, so an argument may wrap lines.
 */
public final class MessageText extends CustomNode {

    /** Where the text starting at {@code offset} of the message was written. */
    public record Segment(int offset, Location location) {
    }

    private final IcuMessage message;
    private final List<Segment> segments;

    public MessageText(IcuMessage message, List<Segment> segments) {
        this.message = message;
        this.segments = List.copyOf(segments);
    }

    public IcuMessage message() {
        return message;
    }

    /** The source location of the character at {@code index} of the message. */
    public Location locationOf(int index) {
        Segment best = segments.get(0);
        for (Segment segment : segments) {
            if (segment.offset() <= index) {
                best = segment;
            }
        }
        Location start = best.location();
        return start.at(start.line(), start.column() + (index - best.offset()));
    }
}
