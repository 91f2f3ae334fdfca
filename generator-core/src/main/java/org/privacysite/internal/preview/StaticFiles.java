package org.privacysite.internal.preview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Maps a request path to a file of the output directory, and to nothing else: dot segments, encoded
 * separators and dots, backslashes, drive letters, NUL bytes and hidden files are refused, every
 * segment is resolved on its own, and the real path (symbolic links followed) must stay inside the
 * real root.
 */
final class StaticFiles {

    /** What a request path names. */
    sealed interface Result permits Found, Redirect, Missing, Rejected {
    }

    /** A regular file inside the root (its real path). */
    record Found(Path file) implements Result {
    }

    /** A directory requested without its trailing slash: redirect so relative links resolve. */
    record Redirect(String location) implements Result {
    }

    /** Nothing to serve there (or something the preview will not show, like a hidden file). */
    record Missing() implements Result {
    }

    /** A malformed or hostile path: answered with 400. */
    record Rejected(String reason) implements Result {
    }

    private StaticFiles() {
    }

    /**
     * @param root    the output directory
     * @param rawPath the request URI's raw (still percent-encoded) path
     */
    static Result resolve(Path root, String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new Rejected("the path must start with /");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%00")
                || rawPath.indexOf('\\') >= 0) {
            return new Rejected("encoded separators, dots and backslashes are not allowed");
        }
        String path = decode(rawPath);
        if (path == null) {
            return new Rejected("malformed percent-encoding");
        }
        Path candidate = root;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..")) {
                return new Rejected("dot segments are not allowed");
            }
            if (segment.indexOf('\\') >= 0 || segment.indexOf(':') >= 0 || segment.indexOf('\0') >= 0) {
                return new Rejected("the path contains a forbidden character");
            }
            if (segment.startsWith(".")) {
                return new Missing(); // build bookkeeping such as .privacy-site-build is not part of the site
            }
            Path next;
            try {
                next = candidate.resolve(segment);
            } catch (InvalidPathException e) {
                return new Rejected("the path contains a forbidden character");
            }
            if (!candidate.equals(next.getParent()) || !segment.equals(next.getFileName().toString())) {
                return new Rejected("the path does not name a file below the site");
            }
            candidate = next;
        }
        try {
            if (!Files.isDirectory(root)) {
                return new Missing();
            }
            Path realRoot = root.toRealPath();
            if (!Files.exists(candidate)) {
                return new Missing();
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot)) {
                return new Missing(); // a symbolic link leading out of the site
            }
            if (Files.isDirectory(real)) {
                if (!rawPath.endsWith("/")) {
                    return new Redirect(rawPath + "/");
                }
                Path index = candidate.resolve("index.html");
                if (!Files.exists(index)) {
                    return new Missing();
                }
                real = index.toRealPath();
                if (!real.startsWith(realRoot)) {
                    return new Missing();
                }
            }
            return Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? new Found(real) : new Missing();
        } catch (IOException e) {
            return new Missing(); // vanished while a rebuild swapped the site in, or unreadable
        }
    }

    /** Strict percent-decoding of a path as UTF-8 ({@code +} stays a plus); null when malformed. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
