package org.privacysite.internal.xliff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.sf.okapi.lib.xliff2.core.CTag;
import net.sf.okapi.lib.xliff2.core.Fragment;
import net.sf.okapi.lib.xliff2.core.TagType;

/** Writes a block's pieces into an XLIFF fragment, and lines a translation's codes up with the source's. */
final class Codes {

    private Codes() {
    }

    /**
     * Appends {@code pieces} to {@code fragment}. A code's attributes are the same in source and target
     * (XLIFF compares them): ICU arguments may not be deleted, copied or edited, only moved.
     */
    static void append(Fragment fragment, List<Inline> pieces) {
        for (Inline piece : pieces) {
            if (piece instanceof Inline.Text text) {
                fragment.append(text.markdown());
                continue;
            }
            Inline.Code code = (Inline.Code) piece;
            TagType type = switch (code.kind()) {
                case ARGUMENT, PLACEHOLDER -> TagType.STANDALONE;
                case OPEN -> TagType.OPENING;
                case CLOSE -> TagType.CLOSING;
            };
            CTag tag = fragment.append(type, code.id(), code.markdown(), false);
            tag.setCanCopy(false);
            tag.setCanDelete(false);
            switch (code.kind()) {
                case ARGUMENT -> {
                    // canReorder stays "yes": languages order facts differently, and XLIFF readers refuse a target whose
                    // tags do not repeat a "firstNo" hint, which some CAT tools leave out of the target.
                    tag.setType("other");
                    tag.setDisp(code.markdown());
                }
                case PLACEHOLDER -> {
                    tag.setType(code.markdown().startsWith("![") ? "image" : code.markdown().startsWith("[") ? "link" : "other");
                    tag.setDisp(code.markdown());
                }
                case OPEN -> {
                    boolean link = code.markdown().startsWith("[");
                    tag.setType(link ? "link" : "fmt");
                    if (!link) {
                        tag.setSubType(code.markdown().length() >= 2 ? "xlf:b" : "xlf:i");
                    }
                }
                case CLOSE -> {
                    // type and subtype are shared with the opening code
                }
            }
        }
    }

    /**
     * The translation's pieces with each code renumbered to the source code it stands for (the same
     * argument, the same link address, emphasis of the same strength), or null when the two blocks do
     * not have the same codes.
     */
    static List<Inline> matched(Block source, Block translation) {
        Map<String, Deque<String>> sourceIds = new HashMap<>();
        signatures(source).forEach((id, signature) -> sourceIds.computeIfAbsent(signature, s -> new ArrayDeque<>()).add(id));
        Map<String, String> renumbered = new HashMap<>();
        for (Map.Entry<String, String> entry : signatures(translation).entrySet()) {
            Deque<String> candidates = sourceIds.get(entry.getValue());
            if (candidates == null || candidates.isEmpty()) {
                return null;
            }
            renumbered.put(entry.getKey(), candidates.poll());
        }
        if (sourceIds.values().stream().anyMatch(ids -> !ids.isEmpty())) {
            return null;
        }
        List<Inline> pieces = new ArrayList<>();
        for (Inline piece : translation.pieces()) {
            pieces.add(piece instanceof Inline.Code code
                    ? new Inline.Code(renumbered.get(code.id()), code.kind(), code.markdown()) : piece);
        }
        return pieces;
    }

    /** Each code id's signature; a pair of codes is known by its closing code (a link by its address). */
    static Map<String, String> signatures(Block block) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (Inline.Code code : block.codes()) {
            if (code.kind() != Inline.Code.Kind.OPEN) {
                byId.put(code.id(), code.signature());
            }
        }
        return byId;
    }
}
