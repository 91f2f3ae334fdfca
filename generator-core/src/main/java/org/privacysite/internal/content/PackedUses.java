package org.privacysite.internal.content;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import org.privacysite.Location;
import org.privacysite.internal.messages.IcuMessage;

/**
 * A page's ICU argument uses and clause links as parallel arrays instead of one record each: every
 * page holds them to the end of a run, and a 50,000-page site has 3.5 million argument uses and a
 * million links, about 180 MB as records (with a {@link Location} each) and about 40 MB packed. Each
 * element is made again when read; the reference check reads each page's once. Unmodifiable.
 */
final class PackedUses {

    private PackedUses() {
    }

    /** Room in a packed place: lines below 2^20, columns below 2^11, and one flag. */
    private static final int MAX_LINE = (1 << 20) - 1;
    private static final int MAX_COLUMN = (1 << 11) - 1;

    /** {@code uses}, all written in {@code file}, packed; as a plain copy if one does not fit. */
    static List<ArgumentUse> argumentUses(Path file, List<ArgumentUse> uses) {
        IcuMessage.Argument[] arguments = new IcuMessage.Argument[uses.size()];
        int[] places = new int[uses.size()];
        for (int i = 0; i < arguments.length; i++) {
            ArgumentUse use = uses.get(i);
            if (!fits(file, use.file(), use.line(), use.column())) {
                return List.copyOf(uses);
            }
            arguments[i] = use.argument();
            places[i] = place(use.line(), use.column(), use.inLinkAddress());
        }
        return arguments.length == 0 ? List.of() : new ArgumentUses(file, arguments, places);
    }

    /** {@code links}, all written in {@code file}, packed; as a plain copy if one does not fit. */
    static List<ClauseLink> links(Path file, List<ClauseLink> links) {
        String[] targets = new String[links.size() * 2]; // document and key of each
        int[] places = new int[links.size()];
        for (int i = 0; i < places.length; i++) {
            ClauseLink link = links.get(i);
            Location location = link.location();
            if (!fits(file, location.file(), location.line(), location.column())) {
                return List.copyOf(links);
            }
            targets[2 * i] = link.document();
            targets[2 * i + 1] = link.key();
            places[i] = place(location.line(), location.column(), link.crossReference());
        }
        return places.length == 0 ? List.of() : new ClauseLinks(file, targets, places);
    }

    static boolean fits(Path page, Path file, int line, int column) {
        return page.equals(file) && line >= 0 && line <= MAX_LINE && column >= 0 && column <= MAX_COLUMN;
    }

    static int place(int line, int column, boolean flag) {
        return line << 12 | column << 1 | (flag ? 1 : 0);
    }

    static int line(int place) {
        return place >>> 12;
    }

    static int column(int place) {
        return place >>> 1 & MAX_COLUMN;
    }

    static boolean flag(int place) {
        return (place & 1) != 0;
    }

    private static final class ArgumentUses extends AbstractList<ArgumentUse> implements RandomAccess {
        private final Path file;
        private final IcuMessage.Argument[] arguments;
        private final int[] places;

        ArgumentUses(Path file, IcuMessage.Argument[] arguments, int[] places) {
            this.file = file;
            this.arguments = arguments;
            this.places = places;
        }

        @Override
        public ArgumentUse get(int index) {
            int place = places[index];
            return new ArgumentUse(arguments[index], file, line(place), column(place), flag(place));
        }

        @Override
        public int size() {
            return places.length;
        }
    }

    private static final class ClauseLinks extends AbstractList<ClauseLink> implements RandomAccess {
        private final Path file;
        private final String[] targets;
        private final int[] places;

        ClauseLinks(Path file, String[] targets, int[] places) {
            this.file = file;
            this.targets = targets;
            this.places = places;
        }

        @Override
        public ClauseLink get(int index) {
            int place = places[index];
            return new ClauseLink(targets[2 * index], targets[2 * index + 1], flag(place),
                    new Location(file, line(place), column(place)));
        }

        @Override
        public int size() {
            return places.length;
        }
    }
}
