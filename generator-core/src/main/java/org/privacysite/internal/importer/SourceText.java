package org.privacysite.internal.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.ImportRules;

/** Reads a text source: a byte-order mark is dropped, CRLF and CR become LF, and bytes that are not UTF-8 are reported. */
final class SourceText {

    /** Larger sources are refused: no policy is this long, and reading one must not exhaust memory. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private SourceText() {
    }

    static byte[] bytes(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw PrivacySiteException.at(Location.of(file), ImportRules.FILE_UNREADABLE, "the file is "
                        + size / (1024 * 1024) + " MB; no policy is that long, so it was not imported (the limit is 20 MB)");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw PrivacySiteException.at(Location.of(file), ImportRules.FILE_UNREADABLE, "cannot read the file: " + e.getMessage());
        }
    }

    /** The text in UTF-8 (or the charset given, e.g. from an HTML page's meta tag), normalized. */
    static String decode(Path file, byte[] bytes, Charset charset) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        if (start == 0 && bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe)) {
            charset = (bytes[0] & 0xff) == 0xfe ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            start = 2;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return normalize(decoder.decode(buffer).toString());
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes, start, charset);
            throw PrivacySiteException.at(locate(file, bytes, start, bad), ImportRules.FILE_UNREADABLE,
                    "the file is not " + charset.displayName() + " text (byte 0x" + String.format("%02X", bytes[bad] & 0xff)
                            + " here); save it as UTF-8 in your editor (\"Save as\", encoding UTF-8) and import again");
        }
    }

    static String normalize(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        return unified.startsWith("\uFEFF") ? unified.substring(1) : unified;
    }

    private static int firstBadByte(byte[] bytes, int start, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? Math.min(in.position(), bytes.length - 1) : start;
    }

    /** Line and column (in characters) of a byte offset, counting the good text before it. */
    private static Location locate(Path file, byte[] bytes, int start, int offset) {
        String before = new String(bytes, start, Math.max(0, offset - start), StandardCharsets.UTF_8);
        int line = 1;
        int column = 1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(file, line, column);
    }
}
