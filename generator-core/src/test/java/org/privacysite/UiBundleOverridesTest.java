package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.internal.theme.Theme;

/**
 * check lists the site's files that replace built-in ones. templates/messages/zh.yaml replaces the built-in
 * zh-Hans.yaml for the locale zh, but was not listed, because the names differ; a bundle for a language the
 * theme has no texts for (fa) replaces nothing.
 */
class UiBundleOverridesTest {

    @TempDir
    Path root;

    @Test
    void aBundleForZhIsListedAsReplacingTheBuiltInZhHansTexts() throws IOException {
        Path content = root.resolve("content");
        Path templates = Files.createDirectories(root.resolve("templates/messages"));
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yaml"), """
                name: Test
                baseUrl: https://privacy.example/
                locales: [en, zh, fa, ko]
                documents: [privacy]
                """);
        for (String locale : List.of("en", "zh", "fa", "ko")) {
            Files.createDirectories(content.resolve(locale));
            Files.writeString(content.resolve(locale + "/privacy.md"), "---\ntitle: Privacy\neffective: 2026-09-01\n---\n\n## Who {#who}\n");
        }
        Path english = Theme.builtIn().file("messages/en.yaml");
        for (String locale : List.of("zh", "fa", "ko")) {
            Files.copy(english, templates.resolve(locale + ".yaml")); // "copies of en"
        }

        CheckResult result = PrivacySite.builder().contentDirectory(content).templatesDirectory(root.resolve("templates"))
                .build().check();

        Path own = root.resolve("templates").toAbsolutePath().normalize();
        assertEquals(List.of(own.resolve("messages/ko.yaml"), own.resolve("messages/zh.yaml")), result.overrides());
    }
}
