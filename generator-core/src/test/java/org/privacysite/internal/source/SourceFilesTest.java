package org.privacysite.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;

class SourceFilesTest {

    @TempDir
    Path dir;

    private String read(byte[] bytes) throws IOException {
        Path file = dir.resolve("privacy.md");
        Files.write(file, bytes);
        return SourceFiles.read(file, Location.of(file));
    }

    private Finding failure(byte[] bytes) throws IOException {
        Path file = dir.resolve("privacy.md");
        Files.write(file, bytes);
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> SourceFiles.read(file, Location.of(file)));
        assertEquals(1, e.findings().size());
        Finding finding = e.findings().get(0);
        assertEquals(file, finding.location().file());
        return finding;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Test
    void byteOrderMarkIsDropped() throws IOException {
        assertEquals("---\ntitle: é\n", read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("---\ntitle: é\n"))));
    }

    @Test
    void crlfAndCrBecomeLf() throws IOException {
        assertEquals("a\nb\nc\n\nd", read(bytes("a\r\nb\rc\r\n\r\nd")));
    }

    @Test
    void aWrittenReplacementCharacterIsValidText() throws IOException {
        assertEquals("a \uFFFD b", read(bytes("a \uFFFD b")));
    }

    @Test
    void invalidUtf8IsReportedWithLineAndColumn() throws IOException {
        Finding finding = failure(concat(bytes("first line\nab"), new byte[] {(byte) 0xFF}, bytes("cd\n")));
        assertEquals("source.encoding", finding.ruleId());
        assertEquals(2, finding.location().line());
        assertEquals(3, finding.location().column());
    }

    @Test
    void invalidUtf8ColumnCountsCharactersNotBytes() throws IOException {
        // a Latin-1 'é' (0xE9) after a correctly encoded 'é'
        Finding finding = failure(concat(bytes("x\ny\nré"), new byte[] {(byte) 0xE9, 't', 'e'}));
        assertEquals("source.encoding", finding.ruleId());
        assertEquals(3, finding.location().line());
        assertEquals(3, finding.location().column());
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.md");
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> SourceFiles.read(file, Location.of(file)));
        assertEquals("source.missing", e.findings().get(0).ruleId());
    }
}
