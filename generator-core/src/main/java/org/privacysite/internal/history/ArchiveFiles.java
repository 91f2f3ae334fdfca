package org.privacysite.internal.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.privacysite.Finding;
import org.privacysite.internal.rules.HistoryRules;
import org.privacysite.Location;
import org.privacysite.internal.content.PageParser;
import org.privacysite.internal.source.SourceFiles;

/**
 * Versions kept as files, {@code content/archive/<effective-date>/<locale>/<document>.md}: those that
 * predate the repository, or a corrected text of an earlier version.
 */
final class ArchiveFiles {

    static final String DIRECTORY = "archive";

    private ArchiveFiles() {
    }

    /**
     * What content/archive/ holds.
     *
     * @param versions the archived versions, in path order
     * @param findings a finding for each misplaced file
     */
    record Archive(List<RecordedVersion> versions, List<Finding> findings) {
    }

    static Archive read(Path contentDirectory, List<String> locales, List<String> documents, PageParser parser) {
        Path archive = contentDirectory.resolve(DIRECTORY);
        if (!Files.isDirectory(archive)) {
            return new Archive(List.of(), List.of());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(archive)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive, e);
        }
        List<RecordedVersion> versions = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            Path relative = archive.relativize(file);
            Location where = Location.of(file);
            String name = relative.getFileName().toString();
            if (relative.getNameCount() != 3 || !name.endsWith(".md")) {
                findings.add(Finding.warning(where, HistoryRules.ARCHIVE_FILE,
                        "this file is not read: archived versions are content/archive/<effective-date>/<locale>/<document>.md"));
                continue;
            }
            String folder = relative.getName(0).toString();
            String locale = relative.getName(1).toString();
            String document = name.substring(0, name.length() - 3);
            LocalDate date;
            try {
                date = LocalDate.parse(folder);
            } catch (DateTimeParseException e) {
                findings.add(Finding.error(where, HistoryRules.ARCHIVE_FILE, "the folder '" + folder
                        + "' must be the version's effective date, written YYYY-MM-DD"));
                continue;
            }
            if (!locales.contains(locale) || !documents.contains(document)) {
                findings.add(Finding.error(where, HistoryRules.ARCHIVE_FILE, "'" + locale + "/" + document
                        + ".md' is not a document of this site (see locales and documents in site.yaml)"));
                continue;
            }
            String text = SourceFiles.read(file, where);
            LocalDate effective = GitHistory.effective(parser, locale, document, file, text);
            if (effective == null) {
                findings.add(Finding.error(where.at(1, 1), HistoryRules.ARCHIVE_FILE,
                        "this archived version does not parse; check its front matter (title, effective) and text"));
                continue;
            }
            if (!effective.equals(date)) {
                findings.add(Finding.error(where.at(1, 1), HistoryRules.ARCHIVE_FILE, "the front matter says effective "
                        + effective + " but the file is in the folder " + folder + "; move the file or correct the date"));
                continue;
            }
            versions.add(new RecordedVersion(locale, document, date, text, file,
                    "content/" + DIRECTORY + "/" + relative.toString().replace('\\', '/')));
        }
        return new Archive(List.copyOf(versions), List.copyOf(findings));
    }
}
