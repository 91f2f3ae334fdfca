package org.privacysite.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.BuildResult;
import org.privacysite.CheckResult;
import org.privacysite.ConfigurationException;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;
import org.privacysite.Rule;
import org.privacysite.SampleSite;
import org.privacysite.internal.rules.HistoryRules;

/** What {@code check} says about a history that cannot be published as it is; small sites of en and fr, one document. */
class HistoryChecksTest {

    @TempDir
    Path root;

    private Path content() {
        return root.resolve("content");
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void site(String extra) throws IOException {
        write("content/site.yaml", "name: Example\nbaseUrl: https://example.com/\nlocales: [en, fr]\ndocuments: [privacy]\n"
                + "facts:\n  {company: Example Ltd, privacyEmail: privacy@example.com}\n" + extra);
    }

    private void policy(String locale, String effective, String text) throws IOException {
        write("content/" + locale + "/privacy.md", "---\ntitle: Privacy (" + locale + ")\neffective: " + effective + "\n---\n\n"
                + "## Contact {#contact}\n\n" + text + "\n");
    }

    private RevCommit commit(Git git, String when) throws Exception {
        PersonIdent legal = new PersonIdent("Legal", "legal@example.com", Instant.parse(when), ZoneOffset.UTC);
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(when).setAuthor(legal).setCommitter(legal).setSign(false).call();
    }

    private CheckResult check() {
        return PrivacySite.builder().contentDirectory(content()).templatesDirectory(SampleSite.templates()).threads(2).build().check();
    }

    private static List<Finding> of(List<Finding> findings, Rule rule) {
        return findings.stream().filter(finding -> finding.rule().equals(rule)).toList();
    }

    @Test
    void aVersionDatedBeforeTheOneItReplacesIsAnError() throws Exception {
        site("");
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            policy("en", "2026-04-01", "Write to us.");
            policy("fr", "2026-04-01", "Écrivez-nous.");
            commit(git, "2026-04-02T00:00:00Z");
            policy("en", "2026-01-01", "Write to us by post.");
            policy("fr", "2026-01-01", "Écrivez-nous par courrier.");
            commit(git, "2026-05-02T00:00:00Z");
        }
        List<Finding> order = of(check().findings(), HistoryRules.DATE_ORDER);
        assertEquals(2, order.size(), order.toString());
        assertTrue(order.get(0).message().contains("takes effect on 2026-01-01, not after the version before it (2026-04-01)"),
                order.get(0).message());
    }

    @Test
    void twoVersionsOnOneDateAreAnError() throws Exception {
        site("");
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            policy("en", "2026-01-01", "Write to us.");
            policy("fr", "2026-01-01", "Écrivez-nous.");
            commit(git, "2026-01-02T00:00:00Z");
            policy("en", "2026-04-01", "Write to us by post.");
            policy("fr", "2026-04-01", "Écrivez-nous par courrier.");
            commit(git, "2026-04-02T00:00:00Z");
            policy("en", "2026-01-01", "Write to us by e-mail.");
            commit(git, "2026-05-02T00:00:00Z");
        }
        List<Finding> twice = of(check().findings(), HistoryRules.DUPLICATE_DATE);
        assertEquals(1, twice.size(), twice.toString());
        assertTrue(twice.get(0).message().contains("two versions of en/privacy.md take effect on 2026-01-01"), twice.get(0).message());
    }

    @Test
    void aTranslationDatedDifferentlyFromEverySourceVersionIsReported() throws Exception {
        site("");
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            policy("en", "2026-01-01", "Write to us.");
            policy("fr", "2026-01-01", "Écrivez-nous.");
            commit(git, "2026-01-02T00:00:00Z");
            policy("en", "2026-04-01", "Write to us by post.");
            policy("fr", "2026-04-02", "Écrivez-nous par courrier.");
            commit(git, "2026-04-03T00:00:00Z");
        }
        List<Finding> unmatched = of(check().findings(), HistoryRules.UNMATCHED_VERSION);
        assertEquals(1, unmatched.size(), unmatched.toString());
        assertTrue(unmatched.get(0).message().contains("effective 2026-04-02"), unmatched.get(0).message());
    }

    @Test
    void archiveFilesAloneMakeAHistoryOutsideGitAndAMisdatedOneIsAnError() throws Exception {
        site("");
        policy("en", "2026-04-01", "Write to us by post.");
        policy("fr", "2026-04-01", "Écrivez-nous par courrier.");
        write("content/archive/2026-01-01/en/privacy.md", "---\ntitle: Privacy (en)\neffective: 2026-01-01\n---\n\n## Contact {#contact}\n\nWrite to us.\n");
        write("content/archive/2026-01-01/fr/privacy.md", "---\ntitle: Privacy (fr)\neffective: 2026-01-01\n---\n\n## Contact {#contact}\n\nÉcrivez-nous.\n");
        Path out = root.resolve("site");
        BuildResult built = PrivacySite.builder().contentDirectory(content()).templatesDirectory(SampleSite.templates())
                .build().build(out);
        assertEquals(List.of(), built.warnings());
        assertTrue(Files.readString(out.resolve("fr/privacy/versions/2026-01-01/index.html")).contains("Écrivez-nous."));
        assertTrue(Files.isRegularFile(out.resolve("fr/privacy/versions/2026-04-01/changes/index.html")));

        write("content/archive/2026-02-01/en/privacy.md", "---\ntitle: Privacy (en)\neffective: 2026-02-02\n---\n\nText.\n");
        List<Finding> misplaced = of(check().findings(), HistoryRules.ARCHIVE_FILE);
        assertEquals(1, misplaced.size(), misplaced.toString());
        assertTrue(misplaced.get(0).message().contains("the front matter says effective 2026-02-02 but the file is in the folder 2026-02-01"),
                misplaced.get(0).message());
    }

    @Test
    void anEarlierVersionWithoutItsTranslationIsShownInTheSourceLanguageWithTheFallbackNotice() throws Exception {
        site("");
        policy("en", "2026-04-01", "Write to us by post.");
        policy("fr", "2026-04-01", "Écrivez-nous par courrier.");
        write("content/archive/2026-01-01/en/privacy.md", "---\ntitle: Privacy (en)\neffective: 2026-01-01\n---\n\n"
                + "## Contact {#contact}\n\nWrite to us.\n"); // no fr text of this version was kept

        CheckResult check = check();
        assertEquals(List.of("history.translation-missing"), check.findings().stream().map(Finding::ruleId).toList(),
                check.findings().toString());
        Finding missing = check.findings().get(0);
        assertEquals(HistoryRules.TRANSLATION_MISSING, missing.rule());
        assertTrue(missing.message().contains("the version of 2026-01-01 has no fr translation")
                && missing.message().contains("content/archive/2026-01-01/fr/privacy.md"), missing.message());
        assertTrue(!check.failed(false), "a warning: the earlier version is still published, in English");

        Path out = root.resolve("site");
        PrivacySite.builder().contentDirectory(content()).templatesDirectory(SampleSite.templates()).build().build(out);
        org.jsoup.nodes.Document fr = org.jsoup.Jsoup.parse(Files.readString(out.resolve("fr/privacy/versions/2026-01-01/index.html")));
        assertTrue(fr.selectFirst(".fallback-notice") != null, "marked missing with the fallback notice");
        assertEquals("en", fr.selectFirst("main").attr("lang"));
        assertTrue(fr.selectFirst(".policy").text().contains("Write to us."));
    }

    @Test
    void anArchivedVersionLinkingToAClauseThatIsGoneIsABrokenLinkInCheck() throws Exception {
        write("content/site.yaml", "name: Example\nbaseUrl: https://example.com/\nlocales: [en, fr]\ndocuments: [privacy, terms]\n"
                + "facts:\n  {company: Example Ltd, privacyEmail: privacy@example.com}\n");
        policy("en", "2026-04-01", "Write to us by post.");
        policy("fr", "2026-04-01", "Écrivez-nous par courrier.");
        for (String locale : List.of("en", "fr")) {
            write("content/" + locale + "/terms.md", "---\ntitle: Terms (" + locale + ")\neffective: 2026-01-01\n---\n\n"
                    + "## Use {#use}\n\nUse it well.\n");
            // The first privacy policy referred to a clause of the terms that the terms no longer have.
            write("content/archive/2026-01-01/" + locale + "/privacy.md", "---\ntitle: Privacy (" + locale + ")\neffective: 2026-01-01\n"
                    + "---\n\n## Contact {#contact}\n\nWrite to us. See [](terms.md#liability).\n");
        }
        CheckResult check = check();
        List<Finding> broken = check.findings().stream().filter(f -> f.ruleId().startsWith("links.")).toList();
        assertEquals(List.of("links.fragment", "links.fragment"), broken.stream().map(Finding::ruleId).toList(), check.findings().toString());
        assertEquals(List.of("en/privacy/versions/2026-01-01/index.html", "fr/privacy/versions/2026-01-01/index.html"),
                broken.stream().map(f -> f.location().displayPath()).toList(), "the archive page is named");
        assertTrue(broken.get(0).message().contains("liability"), broken.get(0).message());
        assertTrue(check.failed(false));
    }

    @Test
    void anEarlierVersionThatTodaysFactsCannotRenderSaysWhereToPutACorrectedText() throws Exception {
        site("");
        policy("en", "2026-04-01", "Write to us.");
        policy("fr", "2026-04-01", "Écrivez-nous.");
        write("content/archive/2026-01-01/en/privacy.md", "---\ntitle: Privacy (en)\neffective: 2026-01-01\n---\n\n"
                + "## Contact {#contact}\n\n```cookie-table analytics\n```\n"); // this site has no cookies.yaml (any more)
        PrivacySiteException error = assertThrows(PrivacySiteException.class, () -> PrivacySite.builder()
                .contentDirectory(content()).templatesDirectory(SampleSite.templates()).build().build(root.resolve("site")));
        List<Finding> broken = of(error.findings(), HistoryRules.VERSION_BROKEN);
        assertEquals(1, broken.size(), error.findings().toString());
        assertTrue(broken.get(0).message().contains("the version of 2026-01-01 cannot be rendered")
                && broken.get(0).message().contains("content/archive/2026-01-01/en/privacy.md"), broken.get(0).message());
    }

    @Test
    void theHistorySettingIsOnOrOff() throws Exception {
        site("history: sometimes\n");
        policy("en", "2026-04-01", "Write to us.");
        policy("fr", "2026-04-01", "Écrivez-nous.");
        ConfigurationException error = assertThrows(ConfigurationException.class, this::check);
        assertEquals(HistoryRules.SETTING, error.findings().get(0).rule());
        assertEquals(7, error.findings().get(0).location().line());
    }

    @Test
    void anUnreadableRepositoryIsAnError() throws Exception {
        site("");
        ObjectId lost;
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            policy("en", "2026-01-01", "Write to us.");
            policy("fr", "2026-01-01", "Écrivez-nous.");
            RevCommit first = commit(git, "2026-01-02T00:00:00Z");
            try (TreeWalk walk = TreeWalk.forPath(git.getRepository(), "content/en/privacy.md", first.getTree())) {
                lost = walk.getObjectId(0);
            }
            policy("en", "2026-04-01", "Write to us by post.");
            commit(git, "2026-04-02T00:00:00Z");
        }
        String name = lost.name();
        Files.delete(root.resolve(".git/objects").resolve(name.substring(0, 2)).resolve(name.substring(2)));
        List<Finding> repository = of(check().findings(), HistoryRules.REPOSITORY);
        assertEquals(1, repository.size(), check().findings().toString());
        assertTrue(repository.get(0).message().contains("cannot be read"), repository.get(0).message());
    }
}
