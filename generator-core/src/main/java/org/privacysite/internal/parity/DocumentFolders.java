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
                findings.addAll(extraDocuments(java.util.Set.copyOf(site.config().documents()), entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + site.contentDirectory(), e);
        }
        return findings;
    }

    private static List<Finding> extraDocuments(java.util.Set<String> documents, Path localeFolder) throws IOException {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.list(localeFolder)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".md") && !documents.contains(name.substring(0, name.length() - 3))) {
                    findings.add(Finding.of(Location.of(file), ParityRules.DOCUMENT_EXTRA, "'" + name
                            + "' is not listed under 'documents' in site.yaml, so it is not published"));
                }
            }
        }
        return findings;
    }
}
