package org.privacysite.internal.messages;

/** An ICU message that does not parse; {@code index} is the offset in the writer's text. */
public final class IcuSyntaxException extends RuntimeException {

    private final int index;

    public IcuSyntaxException(int index, String message) {
        super(message);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
