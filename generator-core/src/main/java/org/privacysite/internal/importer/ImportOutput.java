package org.privacysite.internal.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.privacysite.ConfigurationException;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.output.OutputDirectory;
import org.privacysite.internal.rules.ImportRules;

/**
 * Writes the imported files: all of them into a staging folder inside the content directory first, then
 * each moved into place, so a failed import leaves no half-written file and nothing lands outside it.
 * An existing file is replaced only with {@code force}.
 */
final class ImportOutput {

    static final String STAGING = ".import-staging";

    private ImportOutput() {
    }

    static void write(Path out, Map<Path, String> files, boolean force) {
        List<Finding> existing = new ArrayList<>();
        for (Path relative : files.keySet()) {
            Path target = out.resolve(relative);
            if (Files.exists(target) && !force) {
                existing.add(Finding.of(Location.of(target), ImportRules.WOULD_OVERWRITE,
                        "this file exists already and was left as it was; run the import again with --force to replace it"));
            }
        }
        if (!existing.isEmpty()) {
            throw new ConfigurationException(existing);
        }
        Path staging = out.resolve(STAGING);
        try {
            if (Files.isSymbolicLink(out) || Files.exists(out) && !Files.isDirectory(out)) {
                throw new ConfigurationException(Finding.of(Location.of(out), ImportRules.OPTIONS,
                        "--out must be a folder (or not exist yet)"));
            }
            Files.createDirectories(out);
            OutputDirectory.delete(staging);
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Path staged = staging.resolve(file.getKey());
                Files.createDirectories(staged.getParent());
                Files.writeString(staged, file.getValue(), StandardCharsets.UTF_8);
            }
            for (Path relative : files.keySet()) {
                Path target = out.resolve(relative);
                Files.createDirectories(target.getParent());
                move(staging.resolve(relative), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the imported files into " + out, e);
        } finally {
            try {
                OutputDirectory.delete(staging);
            } catch (IOException ignored) {
                // a staging folder left behind is removed by the next import
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
