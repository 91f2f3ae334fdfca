package org.privacysite.internal.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes set aside in a scratch file come back as they were written, from any thread; the file leaves no trace. */
class ScratchFileTest {

    @TempDir
    Path temp;

    @Test
    void bytesAppendedFromManyThreadsComeBackAndTheFileLeavesNoTrace() throws Exception {
        ScratchFile scratch = ScratchFile.create("scratch", temp);
        List<byte[]> written = IntStream.range(0, 500)
                .mapToObj(i -> ("bloc " + i + " 個人情報 ").repeat(i % 40 + 1).getBytes(StandardCharsets.UTF_8)).toList();
        long[] offsets = IntStream.range(0, written.size()).parallel().mapToLong(i -> {
            try {
                return scratch.append(written.get(i));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toArray();
        for (int i = 0; i < written.size(); i++) {
            assertArrayEquals(written.get(i), scratch.read(offsets[i], written.get(i).length), "bytes " + i);
        }
        assertEquals(List.of(), files(temp), "deleted as soon as it is open: nothing is left behind, even after a kill");
        boolean proc = Files.isDirectory(Path.of("/proc/self/fd"));
        assertTrue(!proc || openDescriptorsIn(temp) > 0, "held open while in use");

        scratch.close();
        assertTrue(!proc || openDescriptorsIn(temp) == 0, "closed: the disk space is given back");
        assertThrows(IOException.class, () -> scratch.read(offsets[0], written.get(0).length));
        assertThrows(IOException.class, () -> scratch.append(new byte[] {1}));
    }

    @Test
    void whereNoFileCanBeMadeThereIsNone() {
        assertNull(ScratchFile.create("scratch", temp.resolve("missing")));
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.toList();
        }
    }

    /** How many of this process's open files were made in {@code directory} (Linux's /proc). */
    private static long openDescriptorsIn(Path directory) throws IOException {
        try (Stream<Path> all = Files.list(Path.of("/proc/self/fd"))) {
            return all.filter(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).toString().startsWith(directory.toString());
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }
}
