package org.privacysite.internal.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.SourceRules;

/** Reads a source file as strict UTF-8 text with a single kind of line ending, and tells what is a source file. */
public final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * Whether {@code file} is a regular file or a link to one, from {@code look}, its attributes read without following
     * links (as a directory walk reads them): only a link costs a second file status.
     */
    public static boolean isRegularFile(Path file, java.nio.file.attribute.BasicFileAttributes look) {
        return look.isRegularFile() || look.isSymbolicLink() && Files.isRegularFile(file);
    }

    /**
     * The file's text: invalid UTF-8 is an error (with its line), a byte order mark is dropped and
     * CRLF/CR line endings become LF, so that line numbers match what editors show.
     */
    public static String read(Path file, Location where) {
        return read(file, where, null);
    }

    /**
     * Like {@link #read(Path, Location)}, first handing the file's bytes to {@code bytesRead} (when not null), which
     * may throw: so that a caller can tell from the very bytes the text comes from whether the file is still the one
     * it read before (a checksum, a digest), without reading it twice.
     */
    public static String read(Path file, Location where, java.util.function.Consumer<byte[]> bytesRead) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw PrivacySiteException.at(where, SourceRules.MISSING, "file not found");
        } catch (IOException e) {
            throw PrivacySiteException.at(where, SourceRules.UNREADABLE, "cannot read the file: " + e.getMessage());
        }
        if (bytesRead != null) {
            bytesRead.accept(bytes);
        }
        // The String constructor is the fast, intrinsic decoder, but it replaces bad bytes with U+FFFD:
        // only text that shows one is decoded again strictly, to tell a real U+FFFD from a bad byte.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
            } catch (MalformedInputException e) {
                throw PrivacySiteException.at(badByteLocation(bytes, where), SourceRules.ENCODING,
                        "the file is not valid UTF-8; save it as UTF-8");
            } catch (CharacterCodingException e) {
                throw PrivacySiteException.at(where, SourceRules.ENCODING, "the file is not valid UTF-8; save it as UTF-8");
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static Location badByteLocation(byte[] bytes, Location where) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        int bad = in.position(); // the decoder stops at the first malformed sequence
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String prefix = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        return where.at(line, prefix.length() + 1);
    }
}
