package org.privacysite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.privacysite.internal.config.SiteConfigLoader;
import org.privacysite.internal.init.Skeleton;
import org.privacysite.internal.rules.ConfigRules;
import org.privacysite.internal.theme.Theme;

/**
 * The starting point of a new site ({@code privacy-site init}): writes into a content directory a
 * site.yaml, a cookies.yaml with only the consent cookie, and per locale a skeleton privacy and
 * cookie policy (with their cookie texts) whose clauses say, after a {@code TODO(legal)} marker,
 * what to write. Templates are not written: the built-in theme serves. An existing file is never
 * replaced, so running it again changes nothing.
 *
 * <pre>{@code
 * SiteInit.Result result = SiteInit.write(Path.of("content"), "Acme", List.of("en", "fr"), SiteInit.DOCUMENTS);
 * }</pre>
 */
public final class SiteInit {

    /** The documents init can write: {@code privacy} and {@code cookies}. */
    public static final List<String> DOCUMENTS = Skeleton.DOCUMENTS;

    /**
     * What init did.
     *
     * @param written   the files it created
     * @param leftAlone the files that existed already and were left as they were
     * @param notes     what remains to be done that the check cannot tell yet, one sentence each
     */
    public record Result(List<Path> written, List<Path> leftAlone, List<String> notes) {
    }

    private SiteInit() {
    }

    /**
     * Writes the skeleton of a site named {@code name} in {@code locales} (the first is the source
     * language) with {@code documents} into {@code contentDirectory}, created if missing.
     *
     * @throws IllegalArgumentException when a locale code or document is unknown, or the name is empty
     * @throws ConfigurationException   when {@code contentDirectory} exists but is not a directory
     */
    public static Result write(Path contentDirectory, String name, List<String> locales, List<String> documents) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the site needs a name, e.g. --name \"Acme\": it is shown on every page"
                    + " and used as the company's name in the policies");
        }
        List<String> checkedLocales = checked("locale", locales, "--locales en,fr,de");
        for (String locale : checkedLocales) {
            if (!SiteConfigLoader.isLocaleCode(locale)) {
                throw new IllegalArgumentException(SiteConfigLoader.notALocaleCode(locale));
            }
        }
        List<String> checkedDocuments = checked("document", documents == null || documents.isEmpty() ? DOCUMENTS : documents,
                "--documents privacy,cookies");
        for (String document : checkedDocuments) {
            if (!DOCUMENTS.contains(document)) {
                throw new IllegalArgumentException("init cannot write a document '" + document + "'; choose from "
                        + String.join(", ", DOCUMENTS));
            }
        }
        if (Files.exists(contentDirectory) && !Files.isDirectory(contentDirectory)) {
            throw new ConfigurationException(Finding.of(Location.of(contentDirectory), ConfigRules.CONTENT_DIRECTORY,
                    "this is a file, not a directory; choose another content directory for the new site"));
        }
        List<String> ordered = DOCUMENTS.stream().filter(checkedDocuments::contains).toList();
        Map<String, String> files = Skeleton.files(name.strip(), checkedLocales, ordered, LocalDate.now(ZoneOffset.UTC));
        List<Path> written = new ArrayList<>();
        List<Path> leftAlone = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = contentDirectory.resolve(file.getKey());
            try {
                Files.createDirectories(target.getParent());
                // CREATE_NEW: an existing file, even one written a moment ago by someone else, is never replaced.
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                written.add(target);
            } catch (FileAlreadyExistsException e) {
                leftAlone.add(target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
        }
        return new Result(List.copyOf(written), List.copyOf(leftAlone), notes(checkedLocales));
    }

    private static List<String> checked(String what, List<String> values, String example) {
        List<String> trimmed = values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("name at least one " + what + ", e.g. " + example);
        }
        if (new LinkedHashSet<>(trimmed).size() != trimmed.size()) {
            throw new IllegalArgumentException("a " + what + " is listed twice in " + String.join(",", trimmed));
        }
        return trimmed;
    }

    private static List<String> notes(List<String> locales) {
        List<String> notes = new ArrayList<>();
        Theme theme = Theme.builtIn();
        for (String locale : locales) {
            if (!Skeleton.hasTexts(locale)) {
                notes.add("init has no text in '" + locale + "' yet: its pages are in English, marked TODO(legal) to be translated.");
            }
            if (!Files.isRegularFile(theme.file("messages/" + locale + ".yaml"))) {
                notes.add("the built-in theme has no UI texts in '" + locale + "' yet: add templates/messages/" + locale
                        + ".yaml (a translation of the built-in messages/en.yaml) before you build.");
            }
        }
        return List.copyOf(notes);
    }
}
