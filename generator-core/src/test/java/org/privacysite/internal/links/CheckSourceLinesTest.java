package org.privacysite.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.PrivacySite;
import org.privacysite.internal.content.TestSites;

/** {@code check()} on a small site with the real templates: link problems point at the Markdown line. */
class CheckSourceLinesTest {

    @TempDir
    Path root;
    private Path content;

    @BeforeEach
    void site() {
        content = root.resolve("content");
        TestSites.write(content, "site.yaml", """
                name: Links
                baseUrl: https://privacy.example/
                locales: [en]
                documents: [privacy]
                facts:
                  company: ACME
                  privacyEmail: privacy@example.com
                  phone: "+353 1 555 0142"
                """);
    }

    private List<Finding> errors(String body) {
        TestSites.page(content, "en", "privacy", body);
        Path templates = Path.of(System.getProperty("privacysite.repo", "..")).toAbsolutePath().normalize().resolve("templates");
        CheckResult result = PrivacySite.builder().contentDirectory(content).templatesDirectory(templates).threads(2).build().check();
        return result.findings().stream().filter(Finding::isError).toList();
    }

    private Location markdown(int line) {
        return Location.of(content.resolve("en/privacy.md")).at(line, 0);
    }

    @Test
    void validLinksPass() {
        assertEquals(List.of(), errors("""
                ## Who we are {#who-we-are}

                See [](#retention), [the start](./) and [write to us](mailto:{privacyEmail}).
                Call us on [{phone}](tel:{phone}).

                ## Retention {#retention}
                """));
    }

    @Test
    void brokenLinksPointAtTheirMarkdownLines() {
        List<Finding> findings = errors("""
                ## Who we are {#who-we-are}

                Text.

                See [our terms](../terms/).

                And [the rules](./#retension).
                """);
        assertEquals(2, findings.size(), findings::toString);
        assertEquals("links.broken", findings.get(0).ruleId(), findings::toString);
        assertEquals(markdown(10), findings.get(0).location());
        assertEquals("links.fragment", findings.get(1).ruleId(), findings::toString);
        assertEquals(markdown(12), findings.get(1).location());
        assertTrue(findings.get(1).message().contains("#retension"), findings.get(1)::toString);
    }

    @Test
    void brokenImagePointsAtTheMarkdownLine() {
        List<Finding> findings = errors("""
                ## Who we are {#who-we-are}

                ![Our logo](../../assets/logo.png)
                """);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("links.broken", findings.get(0).ruleId());
        assertEquals(markdown(8), findings.get(0).location());
    }
}
