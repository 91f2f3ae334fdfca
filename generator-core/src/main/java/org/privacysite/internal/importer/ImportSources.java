package org.privacysite.internal.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.ibm.icu.util.ULocale;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.rules.ImportRules;

/**
 * Finds the files to import in a source folder laid out as {@code <locale>/<document>.<ext>} or
 * {@code <document>.<locale>.<ext>}, and names each one's locale and document.
 */
final class ImportSources {

    /** One file to import. */
    record SourceFile(Path file, String locale, String document, Format format) {
    }

    enum Format { MARKDOWN, HTML, DOCX }

    /** The locale codes site.yaml accepts. */
    private static final java.util.regex.Pattern LOCALE = java.util.regex.Pattern.compile("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?");

    private ImportSources() {
    }

    /**
     * What a source folder holds.
     *
     * @param files   the files to import
     * @param skipped a warning for each file that is skipped, saying why
     */
    record Found(List<SourceFile> files, List<Finding> skipped) {
    }

    /**
     * @param out       the content directory being written: never read as a source
     * @param localeMap source locale names to site locales, e.g. {@code en-US=en}
     */
    static Found find(Path source, Path out, Map<String, String> localeMap) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source, 2)) {
            files = walk.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).filter(f -> !hidden(source, f))
                    .filter(f -> !f.toAbsolutePath().normalize().startsWith(out)).sorted().toList(); // an --out inside the source
        }
        List<SourceFile> found = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                findings.add(Finding.of(Location.of(file), ImportRules.FILE_SKIPPED, "not imported: a symbolic link or special file "
                        + "is not followed; copy the file itself into the source folder"));
                continue;
            }
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Format format = dot < 0 ? null : format(name.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (format == null) {
                findings.add(Finding.of(Location.of(file), ImportRules.FILE_SKIPPED, "not imported: import reads Markdown (.md), "
                        + "web pages (.html) and Word documents (.docx)"));
                continue;
            }
            String base = name.substring(0, dot);
            String rawLocale;
            String rawDocument;
            if (!file.getParent().equals(source)) {
                rawLocale = file.getParent().getFileName().toString();
                rawDocument = base;
            } else {
                int localeDot = base.lastIndexOf('.');
                if (localeDot < 0) {
                    findings.add(Finding.of(Location.of(file), ImportRules.FILE_SKIPPED, "not imported: the file name says no "
                            + "language; name it <document>.<locale>." + name.substring(dot + 1) + " (e.g. privacy.fr.md) or put it in a folder <locale>/"));
                    continue;
                }
                rawLocale = base.substring(localeDot + 1);
                rawDocument = base.substring(0, localeDot);
            }
            String locale = locale(rawLocale, localeMap);
            String document = ClauseKeys.fromText(rawDocument);
            if (locale == null) {
                findings.add(Finding.of(Location.of(file), ImportRules.FILE_SKIPPED, "not imported: '" + rawLocale
                        + "' is not a language code such as en, fr or zh-CN; rename it or map it with --locale-map "
                        + rawLocale + "=<locale>"));
                continue;
            }
            found.add(new SourceFile(file, locale, document, format));
        }
        return new Found(List.copyOf(found), List.copyOf(findings));
    }

    private static boolean hidden(Path source, Path file) {
        for (Path part : source.relativize(file)) {
            if (part.toString().startsWith(".") || part.toString().startsWith("~$")) {
                return true; // .git, .DS_Store, Word's lock files
            }
        }
        return false;
    }

    private static Format format(String extension) {
        return switch (extension) {
            case "md", "markdown", "mdown", "mkd" -> Format.MARKDOWN;
            case "html", "htm", "xhtml" -> Format.HTML;
            case "docx" -> Format.DOCX;
            default -> null;
        };
    }

    /** A site locale for a folder or file-name part: mapped, then in BCP 47 form (zh_CN gives zh-CN); null if not a language. */
    static String locale(String raw, Map<String, String> localeMap) {
        String mapped = localeMap.getOrDefault(raw, localeMap.get(raw.replace('_', '-')));
        if (mapped != null) {
            return mapped;
        }
        String tag = ULocale.forLanguageTag(raw.replace('_', '-')).toLanguageTag();
        if (!LOCALE.matcher(tag).matches() || !tag.equalsIgnoreCase(raw.replace('_', '-'))) {
            return null;
        }
        return tag;
    }
}
