package org.privacysite.consent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The transfer size of {@code assets/consent.js}. The file is shipped as written (hand-compact, no
 * minifier in the build), so its gzip size at the best compression level is what a visitor downloads
 * from a server that compresses; it must stay under {@link #BUDGET_BYTES}.
 */
public final class ConsentScriptSize {

    /** 4 KB: the budget of {@code consent.js}, gzipped. */
    public static final int BUDGET_BYTES = 4096;

    /** Where the script lives in the theme (the built-in one, or a site's own templates directory). */
    public static final String SCRIPT = "assets/consent.js";

    private ConsentScriptSize() {
    }

    /** The gzip size of {@code file} at the best compression level. */
    public static int gzipSize(Path file) {
        try {
            return gzipSize(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static int gzipSize(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
