package org.privacysite.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated site large enough that a build takes a noticeable time: {@code locales} (which need UI
 * bundles in the real templates) × {@code documents} policies, each clause carrying {@code marker},
 * so that every page of a build says which version of the sources it came from.
 */
final class SyntheticSite {

    static final List<String> LOCALES = List.of("en", "fr", "de", "ar", "ja");

    private SyntheticSite() {
    }

    static Path write(Path content, int documents, int clauses, String marker) {
        try {
            Files.createDirectories(content);
            List<String> names = new ArrayList<>();
            for (int d = 1; d <= documents; d++) {
                names.add(String.format(java.util.Locale.ROOT, "doc-%03d", d));
            }
            Files.writeString(content.resolve("site.yaml"), "name: Synthetic Site\nbaseUrl: https://synthetic.example.test/\n"
                    + "locales: [" + String.join(", ", LOCALES) + "]\ndocuments: [" + String.join(", ", names) + "]\n"
                    + "facts:\n  company: Synthetic Ltd\n  privacyEmail: privacy@synthetic.example.test\n  retentionDays: 30\n",
                    StandardCharsets.UTF_8);
            for (String locale : LOCALES) {
                Files.createDirectories(content.resolve(locale));
                for (int d = 0; d < names.size(); d++) {
                    Files.writeString(content.resolve(locale).resolve(names.get(d) + ".md"), page(locale, d + 1, clauses, marker, names),
                            StandardCharsets.UTF_8);
                }
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String page(String locale, int number, int clauses, String marker, List<String> names) {
        StringBuilder text = new StringBuilder("---\ntitle: Document " + number + " (" + locale + ")\neffective: 2026-01-0"
                + (1 + number % 9) + "\n---\n\nIntroduction of {company}. " + marker + "\n");
        for (int c = 1; c <= clauses; c++) {
            text.append("\n## Clause ").append(c).append(" {#clause-").append(c).append("}\n\n")
                    .append(marker).append(": {company} keeps this data for ")
                    .append("{retentionDays, plural, one {# day} other {# days}}. Contact [{privacyEmail}](mailto:{privacyEmail}). ")
                    .append("See [](#clause-1) and [](").append(names.get(number % names.size())).append(".md#clause-1).\n\n")
                    .append("- first item of clause ").append(c).append("\n- second item with **strong** text\n");
        }
        return text.toString();
    }
}
