package org.privacysite.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;

class TemplateEngineTest {

    @TempDir
    Path templates;

    private Path template(String name, String text) throws IOException {
        Path file = templates.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Finding failure(TemplateEngine engine, String name, Map<String, Object> model) {
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> engine.render(name, model));
        assertEquals(1, e.findings().size(), e::getMessage);
        return e.findings().get(0);
    }

    @Test
    void htmlTemplatesEscape() throws IOException {
        template("page.ftlh", "<p>${text}</p>");
        assertEquals("<p>&lt;script&gt;</p>", new TemplateEngine(org.privacysite.internal.theme.Theme.of(templates)).render("page.ftlh", Map.of("text", "<script>")));
    }

    @Test
    void recordsAreReadAsProperties() throws IOException {
        template("page.ftlh", "${entry.key}|${entry.number}|${entry.title}|${entry.children?size}");
        PageView.TocEntry entry = new PageView.TocEntry("retention", "2", "Retention", java.util.List.of());
        assertEquals("retention|2|Retention|0", new TemplateEngine(org.privacysite.internal.theme.Theme.of(templates)).render("page.ftlh", Map.of("entry", entry)));
    }

    @Test
    void syntaxErrorIsReportedWithItsLocation() throws IOException {
        Files.copy(SiteRenderTest.resource("broken-templates/document-with-syntax-error.ftlh"), templates.resolve("document.ftlh"));
        Finding finding = failure(new TemplateEngine(org.privacysite.internal.theme.Theme.of(templates)), "document.ftlh", Map.of());
        assertEquals("template.syntax", finding.ruleId(), finding::toString);
        assertEquals(templates.resolve("document.ftlh"), finding.location().file());
        assertEquals(5, finding.location().line(), finding::toString);
        assertTrue(finding.location().column() > 0, finding::toString);
    }

    @Test
    void syntaxErrorIsReportedWithItsLocationEveryTime() throws IOException {
        Files.copy(SiteRenderTest.resource("broken-templates/document-with-syntax-error.ftlh"), templates.resolve("document.ftlh"));
        TemplateEngine engine = new TemplateEngine(org.privacysite.internal.theme.Theme.of(templates));
        failure(engine, "document.ftlh", Map.of());
        Finding second = failure(engine, "document.ftlh", Map.of());
        assertEquals("template.syntax", second.ruleId(), second::toString);
        assertEquals(5, second.location().line(), second::toString);
    }

    @Test
    void missingVariableIsReportedWithItsLocation() throws IOException {
        template("partials/footer.ftlh", "<footer>\n  <p>${facts.phone}</p>\n</footer>\n");
        template("page.ftlh", "<main></main>\n<#include \"partials/footer.ftlh\">\n");
        Finding finding = failure(new TemplateEngine(org.privacysite.internal.theme.Theme.of(templates)), "page.ftlh", Map.of("facts", Map.of()));
        assertEquals("template.error", finding.ruleId(), finding::toString);
        assertEquals(Location.of(templates.resolve("partials/footer.ftlh")).at(2, 8), finding.location());
        assertTrue(finding.message().contains("facts.phone"), finding::toString);
        assertFalse(finding.message().contains("\n"), finding::toString);
        assertFalse(finding.message().contains("FTL stack"), finding::toString);
    }

    @Test
    void missingTemplate() {
        Finding finding = failure(new TemplateEngine(org.privacysite.internal.theme.Theme.of(templates)), "no-such-page.ftlh", Map.of());
        assertEquals("template.missing", finding.ruleId(), finding::toString);
        assertEquals(templates.resolve("no-such-page.ftlh"), finding.location().file());
    }

    @Test
    void templatesCannotInstantiateJavaClasses() throws IOException {
        template("evil.ftlh", "<#assign run = \"freemarker.template.utility.Execute\"?new()>${run(\"id\")}");
        Finding finding = failure(new TemplateEngine(org.privacysite.internal.theme.Theme.of(templates)), "evil.ftlh", Map.of());
        assertEquals("template.error", finding.ruleId(), finding::toString);
        assertEquals(1, finding.location().line());
    }

    @Test
    void templatesCannotReachTheJavaApi() throws IOException {
        template("evil.ftlh", "${text?api.getClass().getName()}");
        Finding finding = failure(new TemplateEngine(org.privacysite.internal.theme.Theme.of(templates)), "evil.ftlh", Map.of("text", "x"));
        assertTrue(finding.ruleId().startsWith("template."), finding::toString);
    }
}
