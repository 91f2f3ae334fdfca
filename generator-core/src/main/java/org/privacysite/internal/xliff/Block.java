package org.privacysite.internal.xliff;

import java.util.List;

/**
 * One translatable block of a policy: a heading, a paragraph, a list item's paragraph or a table cell.
 *
 * @param clauseKey the clause it belongs to; "" for the text before the first clause
 * @param index     its position in the clause: 0 is the clause's heading
 * @param kind      heading, paragraph, list-item or table-cell
 * @param start     where its Markdown starts in the file (a character index)
 * @param end       where its Markdown ends (exclusive)
 * @param pieces    its Markdown as text and protected codes
 */
record Block(String clauseKey, int index, String kind, int start, int end, List<Inline> pieces) {

    /** The block's Markdown, as written. */
    String markdown() {
        StringBuilder text = new StringBuilder();
        pieces.forEach(piece -> text.append(piece.markdown()));
        return text.toString();
    }

    List<Inline.Code> codes() {
        return pieces.stream().filter(Inline.Code.class::isInstance).map(Inline.Code.class::cast).toList();
    }
}
