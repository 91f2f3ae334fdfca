package org.privacysite.internal.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendered page, kept in pieces so that readers need not copy what many pages repeat: the
 * page's own markup, with the repeated parts between (the document menu, the language switcher,
 * the hreflang alternates), in page order: {@code own[0] repeated[0] own[1] … repeated[n-1] own[n]}.
 * On the 10k-page benchmark the repeated parts are two thirds of each page's bytes.
 */
public record RenderedPage(List<String> own, List<RepeatedParts> repeated, String body, int bodyPiece, int bodyStart) {

    /**
     * @param body      the policy text's markup as the own markup shows it, or null: a reader that knows the
     *                  generator's own markup may read it without parsing it (the link check does)
     * @param bodyPiece the piece of {@link #own} where {@code body} first shows, or -1 when it does not
     * @param bodyStart where in that piece it starts
     */
    public RenderedPage {
        own = List.copyOf(own);
        repeated = List.copyOf(repeated);
        if (own.size() != repeated.size() + 1) {
            throw new IllegalArgumentException("a page has one more piece of its own markup than repeated parts");
        }
    }

    /** A page whose policy text is not told apart. */
    public RenderedPage(List<String> own, List<RepeatedParts> repeated) {
        this(own, repeated, null, -1, -1);
    }

    /** This page, with {@code body} named as its policy text: where it first shows is found once, here, for every reader. */
    public RenderedPage withBody(String body) {
        if (body != null && !body.isEmpty()) {
            for (int i = 0; i < own.size(); i++) {
                int start = own.get(i).indexOf(body);
                if (start >= 0) {
                    return new RenderedPage(own, repeated, body, i, start);
                }
            }
        }
        return new RenderedPage(own, repeated, body, -1, -1);
    }

    /** The whole page. */
    public String html() {
        StringBuilder html = new StringBuilder(own.get(0));
        for (int i = 0; i < repeated.size(); i++) {
            html.append(repeated.get(i).markup()).append(own.get(i + 1));
        }
        return html.toString();
    }

    /** The whole page as UTF-8; the repeated parts' bytes are copied, not encoded again. */
    public byte[] utf8() {
        List<byte[]> pieces = new ArrayList<>();
        pieces.add(own.get(0).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < repeated.size(); i++) {
            pieces.addAll(repeated.get(i).utf8());
            pieces.add(own.get(i + 1).getBytes(StandardCharsets.UTF_8));
        }
        int length = 0;
        for (byte[] piece : pieces) {
            length += piece.length;
        }
        byte[] page = new byte[length];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, page, at, piece.length);
            at += piece.length;
        }
        return page;
    }

    /** This page as a build without source positions renders it (repeated parts never have them). */
    public RenderedPage withoutSourcePositions() {
        return new RenderedPage(own.stream().map(SiteRenderer::withoutSourcePositions).toList(), repeated);
    }
}
