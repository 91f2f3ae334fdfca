package org.privacysite.internal.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.output.ScratchFile;

/**
 * The page bodies rendered right after their page's first parse, from then until their page is
 * rendered (after every page was parsed). They are kept in a temporary file, as UTF-8, not in the
 * heap ({@link ScratchFile}): at 10,000 pages they are about 250 MB of strings, the largest part of a
 * build's live set. Where no temporary file can be written, bodies stay in the heap within a share of it,
 * and the others are rendered again from their page. Thread-safe.
 */
final class EarlyBodies implements AutoCloseable {

    /** A body in the file ({@code html} null) or, without a file, in the heap. */
    private record Kept(long offset, int length, String html) {
    }

    private final Map<PageKey, Kept> kept = new ConcurrentHashMap<>();
    /** Characters of bodies that may still be kept in the heap, when there is no file. */
    private final AtomicLong room;
    private final boolean keeps;
    private volatile ScratchFile file;
    private volatile boolean noFile;

    /** Where the temporary file goes; null: the platform's temporary directory. */
    private final Path directory;

    private EarlyBodies(boolean keeps, long heapRoom, Path directory) {
        this.keeps = keeps;
        this.room = new AtomicLong(heapRoom);
        this.directory = directory;
    }

    /** Bodies for a build or check: in a temporary file, else within an eighth of the heap. */
    static EarlyBodies kept() {
        return kept(null, Runtime.getRuntime().maxMemory() / 16);
    }

    /** Bodies in a temporary file in {@code directory} (null: the platform's), else within {@code heapRoom} characters. */
    static EarlyBodies kept(Path directory, long heapRoom) {
        return new EarlyBodies(true, heapRoom, directory);
    }

    /** None kept: every page is rendered from its tree (the preview's incremental rebuilds). */
    static EarlyBodies none() {
        return new EarlyBodies(false, 0, null);
    }

    /** Keeps {@code html}, the body of {@code page}, unless there is no room for it. */
    void put(PageKey page, String html) {
        if (!keeps) {
            return;
        }
        ScratchFile scratch = file();
        if (scratch != null) {
            byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
            try {
                kept.put(page, new Kept(scratch.append(utf8), utf8.length, null));
                return;
            } catch (IOException e) {
                return; // the disk is full, say: the page is rendered again from its tree
            }
        }
        if (room.addAndGet(-html.length()) < 0) {
            room.addAndGet(html.length());
            return;
        }
        kept.put(page, new Kept(0, 0, html));
    }

    /** The body kept for {@code page}, no longer kept; null when there is none. */
    String take(PageKey page) {
        Kept body = kept.remove(page);
        if (body == null) {
            return null;
        }
        if (body.html() != null) {
            room.addAndGet(body.html().length());
            return body.html();
        }
        ScratchFile scratch = file;
        if (scratch == null) {
            return null; // closed
        }
        try {
            return new String(scratch.read(body.offset(), body.length()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // rendered again from its tree
        }
    }

    /** The temporary file, made on first use; null when none can be. */
    private ScratchFile file() {
        ScratchFile scratch = file;
        if (scratch != null || noFile) {
            return scratch;
        }
        synchronized (this) {
            if (file == null && !noFile) {
                file = ScratchFile.create("privacy-site-bodies", directory);
                noFile = file == null;
            }
            return file;
        }
    }

    /** Closes the file; what is still kept in it is lost (those pages are rendered from their trees). */
    @Override
    public void close() {
        kept.clear();
        ScratchFile scratch;
        synchronized (this) {
            scratch = file;
            file = null;
            noFile = true;
        }
        if (scratch != null) {
            scratch.close();
        }
    }
}
