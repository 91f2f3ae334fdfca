package org.privacysite.internal.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.rules.ParityRules;

/** Files and folders under content/ that site.yaml does not know: likely a typo or a forgotten entry. */
final class DocumentFolders {

    private DocumentFolders() {
    }

    static List<Finding> check(Site site) {
        List<Finding> findings = new ArrayList<>();
        java.util.Set<String> documents = java.util.Set.copyOf(site.config().documents());
        try (Stream<Path> entries = Files.list(site.contentDirectory())) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                String name = entry.getFileName().toString();
                if (!Files.isDirectory(entry) || name.startsWith(".") || name.equals("archive")) { // archive: earlier versions
                    continue;
                }
                if (!site.config().locales().contains(name)) {
                    findings.add(Finding.of(Location.of(entry), ParityRules.LOCALE_UNKNOWN, "folder '" + name
                            + "' is not a locale of site.yaml (locales: " + String.join(", ", site.config().locales()) + ")"));
                    continue;
                }
                findings.addAll(extraDocuments(documents, entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + site.contentDirectory(), e);
        }
        return findings;
    }

    private static List<Finding> extraDocuments(java.util.Set<String> documents, Path localeFolder) throws IOException {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.list(localeFolder)) {
            // Only the extra files are sorted (for a stable report): a folder holds hundreds of listed ones.
            for (Path file : (Iterable<Path>) files.filter(candidate -> isExtra(documents, candidate)).sorted()::iterator) {
                findings.add(Finding.of(Location.of(file), ParityRules.DOCUMENT_EXTRA, "'" + file.getFileName()
                        + "' is not listed under 'documents' in site.yaml, so it is not published"));
            }
        }
        return findings;
    }

    /** Whether {@code file} is a Markdown file of no document that site.yaml lists. */
    private static boolean isExtra(java.util.Set<String> documents, Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".md") && !documents.contains(name.substring(0, name.length() - 3));
    }
}
