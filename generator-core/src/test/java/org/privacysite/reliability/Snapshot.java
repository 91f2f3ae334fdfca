package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file of a directory tree with the SHA-256 of its bytes, in path order: two snapshots are
 * equal exactly when the trees are byte-identical.
 */
record Snapshot(Path root, SortedMap<String, String> files) {

    static Snapshot of(Path root) {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return new Snapshot(root, files);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot(root, files);
    }

    /** Fails with the files that differ, when the tree at {@code root} is no longer byte-identical to this snapshot. */
    void assertUnchanged(String why) {
        assertSameAs(of(root), why);
    }

    /** Fails with the first files that differ, when {@code other} has other files or other bytes. */
    void assertSameAs(Snapshot other, String why) {
        if (files.equals(other.files)) {
            return;
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> entry : files.entrySet()) {
            String theirs = other.files.get(entry.getKey());
            if (theirs == null) {
                differences.add("only in " + root + ": " + entry.getKey());
            } else if (!theirs.equals(entry.getValue())) {
                differences.add("different bytes: " + entry.getKey());
            }
        }
        for (String path : other.files.keySet()) {
            if (!files.containsKey(path)) {
                differences.add("only in " + other.root + ": " + path);
            }
        }
        fail(why + " (" + differences.size() + " differences): "
                + String.join("; ", differences.subList(0, Math.min(10, differences.size()))));
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
