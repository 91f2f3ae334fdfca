package org.privacysite.internal.render;

import java.nio.charset.StandardCharsets;

/**
 * A rendered page, kept in three pieces so that readers need not copy what every page repeats:
 * the page's own markup {@code before} and {@code after} the document menu, and the menu itself.
 * On the 10k-page benchmark the menu is half of each page's bytes.
 */
public record RenderedPage(String before, RepeatedParts menu, String after) {

    /** The whole page. */
    public String html() {
        return before + menu.markup() + after;
    }

    /** The whole page as UTF-8; the menu's bytes are copied, not encoded again. */
    public byte[] utf8() {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        int length = head.length + tail.length;
        for (byte[] part : menu.utf8()) {
            length += part.length;
        }
        byte[] page = new byte[length];
        System.arraycopy(head, 0, page, 0, head.length);
        int at = head.length;
        for (byte[] part : menu.utf8()) {
            System.arraycopy(part, 0, page, at, part.length);
            at += part.length;
        }
        System.arraycopy(tail, 0, page, at, tail.length);
        return page;
    }

    /** This page as a build without source positions renders it (the menu never has them). */
    public RenderedPage withoutSourcePositions() {
        return new RenderedPage(SiteRenderer.withoutSourcePositions(before), menu, SiteRenderer.withoutSourcePositions(after));
    }
}
