package org.privacysite.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.messages.IcuMessage;
import org.privacysite.internal.messages.LocaleFormatter;

class PageParserTest {

    private final PageParser parser = new PageParser();

    static Path fixture(String name) {
        URL url = PageParserTest.class.getResource(name);
        assertNotNull(url, "fixture " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Page parse(String name) {
        return parser.parse("en", "privacy", fixture(name));
    }

    private Finding failure(String name, String rule, int line, int column) {
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> parse(name));
        assertEquals(1, e.findings().size(), e::getMessage);
        return assertFinding(e.findings().get(0), name, rule, line, column);
    }

    private static Finding assertFinding(Finding finding, String name, String rule, int line, int column) {
        assertEquals(rule, finding.ruleId(), finding::toString);
        assertEquals(fixture(name), finding.location().file(), finding::toString);
        assertEquals(line, finding.location().line(), () -> "line of " + finding);
        assertEquals(column, finding.location().column(), () -> "column of " + finding);
        assertTrue(finding.isError(), finding::toString);
        return finding;
    }

    /** The page's single finding, checked. */
    private Finding onlyFinding(String name, String rule, int line, int column) {
        Page page = parse(name);
        assertEquals(1, page.findings().size(), () -> page.findings().toString());
        return assertFinding(page.findings().get(0), name, rule, line, column);
    }

    // --- front matter ---------------------------------------------------------------------------

    @Test
    void frontMatterMissing() {
        failure("no-front-matter.md", "front-matter.missing", 1, 1);
    }

    @Test
    void frontMatterUnclosed() {
        failure("front-matter-unclosed.md", "front-matter.unclosed", 1, 1);
    }

    @Test
    void frontMatterThatIsNotAMap() {
        failure("front-matter-not-a-map.md", "yaml.type", 2, 1);
    }

    @Test
    void frontMatterWithoutTitle() {
        Finding finding = failure("front-matter-without-title.md", "yaml.missing-key", 2, 1);
        assertTrue(finding.message().contains("title"), finding::toString);
    }

    @Test
    void emptyFrontMatterReportsMissingTitleWithALine() {
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> parse("front-matter-empty.md"));
        Finding finding = e.findings().get(0);
        assertEquals("yaml.missing-key", finding.ruleId(), finding::toString);
        assertTrue(finding.location().line() >= 1, () -> "no line in " + finding);
    }

    @Test
    void frontMatterWithBlankTitle() {
        failure("front-matter-blank-title.md", "front-matter.title", 2, 8);
    }

    @Test
    void frontMatterWithoutEffective() {
        Finding finding = failure("front-matter-without-effective.md", "front-matter.effective", 2, 1);
        assertTrue(finding.message().contains("effective"), finding::toString);
    }

    @Test
    void effectiveThatIsNotADateIsReportedAtItsFileLine() {
        failure("effective-not-a-date.md", "yaml.type", 3, 12);
    }

    @Test
    void frontMatterSyntaxErrorIsReportedInTheFrontMatter() {
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> parse("front-matter-syntax-error.md"));
        Finding finding = e.findings().get(0);
        assertEquals("yaml.syntax", finding.ruleId(), finding::toString);
        assertEquals(fixture("front-matter-syntax-error.md"), finding.location().file());
        int line = finding.location().line();
        assertTrue(line == 3 || line == 4, () -> "expected the broken value (3) or the closing fence (4): " + finding);
    }

    @Test
    void emptyFile() {
        PrivacySiteException e = assertThrows(PrivacySiteException.class,
                () -> parser.parse("en", "privacy", Path.of("content/en/privacy.md"), "\n\n"));
        assertEquals("content.empty", e.findings().get(0).ruleId());
    }

    @Test
    void frontMatterValues() {
        Page page = parse("clauses-numbered.md");
        FrontMatter frontMatter = page.frontMatter();
        assertEquals("Privacy Policy", frontMatter.title());
        assertEquals("How we use data.", frontMatter.description());
        assertEquals(LocalDate.of(2026, 9, 1), frontMatter.effective());
        assertEquals(LocalDate.of(2026, 10, 15), frontMatter.updated());
        assertEquals("legal", frontMatter.values().get("owner"));
        assertEquals(2, frontMatter.location().line());
        assertEquals(7, page.bodyLineOffset());
        assertEquals("en", page.locale());
        assertEquals("privacy", page.document());
    }

    @Test
    void updatedDefaultsToEffective() {
        Page page = parse("heading-without-key.md");
        assertEquals(page.frontMatter().effective(), page.frontMatter().updated());
        assertEquals("", page.frontMatter().description());
    }

    // --- clauses --------------------------------------------------------------------------------

    @Test
    void clausesAreNumberedAndNested() {
        Page page = parse("clauses-numbered.md");
        assertTrue(page.findings().isEmpty(), () -> page.findings().toString());
        List<Clause> clauses = page.clauses();
        assertEquals(List.of("who-we-are", "controller", "office", "dpo", "data"), clauses.stream().map(Clause::key).toList());
        assertEquals(List.of("1", "1.1", "1.1.1", "1.2", "2"), clauses.stream().map(Clause::number).toList());
        assertEquals(List.of(2, 3, 4, 3, 2), clauses.stream().map(Clause::level).toList());
        assertEquals(java.util.Arrays.asList(null, "who-we-are", "controller", "who-we-are", null),
                clauses.stream().map(Clause::parentKey).toList());
        assertEquals(List.of("Who we are", "The controller", "Registered office", "Data Protection Officer", "Data we collect"),
                clauses.stream().map(Clause::title).toList());
        assertEquals(List.of(11, 13, 15, 17, 19), clauses.stream().map(c -> c.location().line()).toList());
        assertEquals(1, clauses.get(0).location().column());
        assertEquals(fixture("clauses-numbered.md"), clauses.get(0).location().file());
        assertEquals("dpo", page.clause("dpo").key());
        assertNull(page.clause("nope"));
    }

    @Test
    void clauseKeysAreStrippedFromTheHeadingText() {
        Page page = parse("clauses-numbered.md");
        List<Heading> headings = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        page.body().accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading);
                visitChildren(heading);
            }

            @Override
            public void visit(Text text) {
                texts.add(text.getLiteral());
            }
        });
        assertEquals(5, headings.size());
        assertTrue(texts.stream().noneMatch(t -> t.contains("{#")), texts::toString);
        assertTrue(texts.contains("Who we are"), texts::toString);
        assertEquals(11, page.lineOf(headings.get(0)), "body lines are file lines");
        assertEquals(19, page.lineOf(headings.get(4)));
    }

    @Test
    void headingWithoutKey() {
        Page page = parse("heading-without-key.md");
        Finding finding = onlyFinding("heading-without-key.md", "content.heading-key", 8, 1);
        assertTrue(finding.message().contains("{#data-we-collect}"), finding::toString);
        assertEquals(List.of("who-we-are", "retention"), page.clauses().stream().map(Clause::key).toList());
        assertEquals(List.of("1", "2"), page.clauses().stream().map(Clause::number).toList());
    }

    @Test
    void headingKeyWithBadCharacters() {
        Finding finding = onlyFinding("heading-key-bad-characters.md", "content.key-syntax", 8, 1);
        assertTrue(finding.message().contains("Data_Retention"), finding::toString);
    }

    @Test
    void duplicateHeadingKey() {
        onlyFinding("heading-key-duplicate.md", "parity.clause-duplicate", 10, 1);
    }

    @Test
    void headingLevelJump() {
        onlyFinding("heading-level-jump.md", "content.heading-skip", 8, 1);
    }

    @Test
    void levelOneHeadingIsNotAllowed() {
        Page page = parse("heading-level-one.md");
        onlyFinding("heading-level-one.md", "content.heading-level", 6, 1);
        assertEquals(List.of("who-we-are"), page.clauses().stream().map(Clause::key).toList());
        assertEquals("1", page.clauses().get(0).number());
    }

    // --- links ----------------------------------------------------------------------------------

    @Test
    void linksToClausesAreRecorded() {
        Page page = parse("cross-references.md");
        assertTrue(page.findings().isEmpty(), () -> page.findings().toString());
        List<ClauseLink> links = page.links();
        assertEquals(4, links.size(), links::toString);

        assertLink(links.get(0), null, "retention", true, 8, 5);
        assertLink(links.get(1), "cookies", "manage", true, 8, 24);
        assertLink(links.get(2), "cookies", null, false, 9, 6);
        assertLink(links.get(3), null, "retention", false, 9, 41);
        assertEquals("privacy", links.get(0).targetDocument("privacy"));
        assertEquals("cookies", links.get(1).targetDocument("privacy"));
    }

    private static void assertLink(ClauseLink link, String document, String key, boolean crossReference, int line, int column) {
        assertEquals(document, link.document(), link::toString);
        assertEquals(key, link.key(), link::toString);
        assertEquals(crossReference, link.crossReference(), link::toString);
        assertEquals(line, link.location().line(), link::toString);
        assertEquals(column, link.location().column(), link::toString);
    }

    @Test
    void emptyLinkThatIsNotAClauseIsReported() {
        onlyFinding("xref-without-target.md", "content.xref-syntax", 8, 5);
    }

    // --- ICU ------------------------------------------------------------------------------------

    @Test
    void icuArgumentAcrossSoftLineBreaksIsOneMessage() {
        Page page = parse("icu-across-soft-line-breaks.md");
        assertTrue(page.findings().isEmpty(), () -> page.findings().toString());
        List<MessageText> messages = messages(page.body());
        assertEquals(1, messages.size());
        MessageText text = messages.get(0);
        Paragraph paragraph = assertInstanceOf(Paragraph.class, text.getParent());
        assertTrue(text == paragraph.getFirstChild() && text == paragraph.getLastChild(),
                "the message replaces every text and soft line break of the paragraph");
        IcuMessage.Argument argument = text.message().arguments().get(0);
        assertEquals("accountRetentionDays", argument.name());
        assertEquals("plural", argument.type());
        assertEquals(java.util.Set.of("one", "other"), argument.keywords());
        assertEquals(8, text.locationOf(argument.index()).line());
        assertEquals(26, text.locationOf(argument.index()).column());
        assertEquals("We keep your account for 30 days after you close it.",
                new LocaleFormatter("en").format(text.message(), Map.of("accountRetentionDays", 30L)));
        assertEquals("We keep your account for 1 day after you close it.",
                new LocaleFormatter("en").format(text.message(), Map.of("accountRetentionDays", 1L)));
    }

    @Test
    void icuSyntaxErrorOnAContinuationLine() {
        Finding finding = onlyFinding("icu-syntax-error-on-continuation-line.md", "icu.syntax", 9, 5);
        assertTrue(finding.message().contains("other"), finding::toString);
    }

    @Test
    void unclosedIcuArgumentIsReportedAtItsBrace() {
        onlyFinding("icu-unclosed-argument.md", "icu.syntax", 8, 23);
    }

    @Test
    void apostrophesAreLiteral() {
        Page page = parse("apostrophes.md");
        assertTrue(page.findings().isEmpty(), () -> page.findings().toString());
        assertEquals("L'adresse", page.clauses().get(0).title());
        List<MessageText> messages = messages(page.body());
        assertEquals(1, messages.size(), "only the paragraph with an argument becomes a message");
        assertEquals(List.of("company", "address"), List.copyOf(messages.get(0).message().argumentNames()));
        assertEquals(13, messages.get(0).locationOf(messages.get(0).message().arguments().get(0).index()).column());
        assertEquals("L'adresse d'ACME est 1 rue de Rivoli.", new LocaleFormatter("fr")
                .format(messages.get(0).message(), Map.of("company", "ACME", "address", "1 rue de Rivoli")));
        List<String> texts = new ArrayList<>();
        page.body().accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                texts.add(text.getLiteral());
            }
        });
        assertTrue(texts.contains("Aujourd'hui, c'est l'été."), texts::toString);
    }

    @Test
    void rawHtmlIsReported() {
        Page page = parse("raw-html.md");
        List<Finding> findings = page.findings();
        assertTrue(findings.stream().allMatch(f -> f.ruleId().equals("content.raw-html")), findings::toString);
        assertFinding(findings.get(0), "raw-html.md", "content.raw-html", 8, 1);
        assertFinding(findings.get(1), "raw-html.md", "content.raw-html", 10, 11);
    }

    @Test
    void rawHtmlInAHeadingIsReportedAtItsColumn() {
        Page page = parse("raw-html-in-heading.md");
        assertEquals(2, page.findings().size(), page.findings()::toString);
        assertFinding(page.findings().get(0), "raw-html-in-heading.md", "content.raw-html", 6, 8);
        assertFinding(page.findings().get(1), "raw-html-in-heading.md", "content.raw-html", 6, 14);
        assertEquals("who-we-are", page.clauses().get(0).key(), "the clause is still read");
    }

    static List<MessageText> messages(Node root) {
        List<MessageText> messages = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof MessageText text) {
                    messages.add(text);
                }
                visitChildren(node);
            }
        });
        return messages;
    }

    @Test
    void parsingIsIndependentOfThePathGiven() {
        Page page = parser.parse("fr", "cookies", Path.of("content/fr/cookies.md"),
                "---\ntitle: Cookies\neffective: 2026-09-01\n---\n## Gérer {#manage}\n");
        assertEquals("fr", page.locale());
        assertEquals("cookies", page.document());
        assertEquals(5, page.clauses().get(0).location().line());
        assertFalse(page.clauses().isEmpty());
    }

    @Test
    void pageWithBomAndCrlfHasTheLinesAnEditorShows(@TempDir Path dir) throws java.io.IOException {
        Path file = dir.resolve("privacy.md");
        java.nio.file.Files.write(file, ("\uFEFF" + ("---\r\ntitle: Privacy\r\neffective: 2026-09-01\r\n---\r\n\r\n## Scope {#scope}\r\n\r\n## Data\r\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Page page = new PageParser().parse("en", "privacy", file);
        assertEquals("Privacy", page.frontMatter().title());
        assertEquals(List.of("scope"), page.clauses().stream().map(Clause::key).toList());
        assertEquals(6, page.clauses().get(0).location().line());
        assertEquals(1, page.findings().size());
        assertEquals(org.privacysite.Location.of(file).at(8, 1), page.findings().get(0).location());
    }

    @Test
    void aTreeParsedAgainFromAFileThatChangedSinceIsAnErrorNotAnotherText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("privacy.md");
        java.nio.file.Files.writeString(file, "---\ntitle: Privacy\neffective: 2025-01-01\n---\n## Data {#data}\n\nWe keep 30 days.\n");
        Page page = parser.parse("en", "privacy", file);
        // One character changed, the length the same: the tree must not be made from the new text.
        java.nio.file.Files.writeString(file, "---\ntitle: Privacy\neffective: 2025-01-01\n---\n## Data {#data}\n\nWe keep 90 days.\n");
        PrivacySiteException changed = null;
        for (int attempt = 0; attempt < 20 && changed == null; attempt++) {
            System.gc(); // the tree is held weakly: once collected, the next reader parses the file again
            try {
                page.body();
            } catch (PrivacySiteException e) {
                changed = e;
            }
        }
        assertNotNull(changed, "no error: the tree was made from the changed file (or never parsed again)");
        assertEquals("source.changed", changed.findings().get(0).ruleId());
        assertEquals(file, changed.findings().get(0).location().file());
    }

    @Test
    void aRestoredPageIsParsedFromItsFileOnlyWhileTheFileIsTheOneTheCacheRecorded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("privacy.md");
        String text = "---\ntitle: Privacy\neffective: 2025-01-01\n---\n## Data {#data}\n\nWe keep 30 days.\n";
        java.nio.file.Files.writeString(file, text);
        byte[] recorded = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertInstanceOf(Heading.class, parser.unparsedBody(file, recorded).get().getFirstChild());

        java.nio.file.Files.writeString(file, text.replace("30", "90"));
        PrivacySiteException changed = assertThrows(PrivacySiteException.class, () -> parser.unparsedBody(file, recorded).get());
        assertEquals("source.changed", changed.findings().get(0).ruleId());
        assertEquals(file, changed.findings().get(0).location().file());
    }
}
