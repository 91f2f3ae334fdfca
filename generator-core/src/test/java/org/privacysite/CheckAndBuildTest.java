package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --out}: check and publish in one pass, publishing only what passed. */
class CheckAndBuildTest {

    @TempDir
    Path temp;

    private static PrivacySite site(Path content) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).build();
    }

    private static Map<String, String> snapshot(Path root) {
        return SampleSite.snapshot(root);
    }

    @Test
    void aPassingCheckPublishesExactlyWhatBuildWrites() {
        CheckResult result = site(SampleSite.content()).checkAndBuild(temp.resolve("checked"), true);
        assertFalse(result.failed(true), result.findings().toString());
        site(SampleSite.content()).build(temp.resolve("built"));

        Map<String, String> checked = snapshot(temp.resolve("checked"));
        assertEquals(snapshot(temp.resolve("built")), checked);
        assertTrue(checked.values().stream().noneMatch(page -> page.contains("data-source-line")),
                "the check's source positions never reach the published pages");
    }

    @Test
    void aFailingCheckLeavesThePreviousSiteAsItWas() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path out = temp.resolve("site");
        assertFalse(site(content).checkAndBuild(out, false).failed(false));
        Map<String, String> before = snapshot(out);

        Path german = content.resolve("de/privacy.md");
        Files.writeString(german, Files.readString(german).replaceAll("(?ms)^## [^\\n]*\\{#children\\}\\n.*?(?=^## )", ""));
        CheckResult result = site(content).checkAndBuild(out, false);

        assertTrue(result.failed(false));
        assertTrue(result.findings().stream().anyMatch(f -> f.message().equals("clause 'children' (\"Children\") is missing (present in en)")),
                result.findings().toString());
        assertEquals(before, snapshot(out));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertEquals(0, siblings.filter(p -> p.getFileName().toString().startsWith(".site.new-")).count(), "no staging left");
        }
    }

    @Test
    void strictAlsoKeepsWarningsFromBeingPublished() throws IOException {
        Path content = SampleSite.copyContent(temp.resolve("content"), "en/privacy.md", "## Children {#children}\n",
                "## Children {#children}\n\nWe never knowingly collect data from children.\n");

        Path out = temp.resolve("site");
        assertTrue(site(content).checkAndBuild(out, true).failed(true), "stale translations are warnings");
        assertFalse(Files.exists(out), "nothing published under --strict");

        assertFalse(site(content).checkAndBuild(out, false).failed(false));
        assertTrue(Files.readString(out.resolve("en/privacy/index.html")).contains("We never knowingly collect data from children."));
    }
}
