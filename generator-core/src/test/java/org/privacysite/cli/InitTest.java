package org.privacysite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.SampleSite;
import org.privacysite.cli.MainTest.Run;

/** {@code privacy-site init}: a new site that checks and builds at once, with its placeholders reported. */
class InitTest {

    @TempDir
    Path temp;

    private Run init(Path content, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("init", "--content", content.toString()));
        args.addAll(List.of(options));
        return MainTest.run(args.toArray(new String[0]));
    }

    @Test
    void aNewSiteChecksWithItsPlaceholdersAsWarningsAndBuildsWithTheBuiltInTheme() throws IOException {
        Path content = temp.resolve("content");
        Run init = init(content, "--locales", "en,fr,de", "--name", "Acme");
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(init.out().contains("Wrote "), init.out());
        for (String file : List.of("site.yaml", "cookies.yaml", "en/privacy.md", "fr/cookies.md", "de/messages.yaml")) {
            assertTrue(Files.isRegularFile(content.resolve(file)), file);
        }
        assertTrue(Files.readString(content.resolve("de/privacy.md")).contains("Datenschutzerklärung"));

        Run check = MainTest.run("check", "--content", content.toString());
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.err().contains("0 errors, 27 warnings"), check.err());
        assertTrue(check.err().contains(org.privacysite.Location.of(content.resolve("en/privacy.md")).displayPath()
                + ":13:1: warning: placeholder 'TODO(legal): give your full legal name"), check.err());
        assertTrue(check.err().contains("[content.placeholder]"), check.err());
        for (String clause : List.of("controller", "purposes", "recipients", "transfers", "retention", "rights", "complaint",
                "automated-decisions")) {
            assertTrue(Files.readString(content.resolve("fr/privacy.md")).contains("{#" + clause + "}"), clause);
        }

        Run strict = MainTest.run("check", "--strict", "--content", content.toString());
        assertEquals(1, strict.exitCode(), "the placeholders fail a strict check");

        Path out = temp.resolve("site");
        Run build = MainTest.run("build", "--content", content.toString(), "--out", out.toString());
        assertEquals(0, build.exitCode(), build.err());
        String cookies = Files.readString(out.resolve("fr/cookies/index.html"));
        assertTrue(cookies.contains("Politique relative aux cookies"), "the French skeleton");
        assertTrue(cookies.contains(">consent<"), "the consent cookie in the cookie table");
    }

    @Test
    void aSecondInitChangesNothingAndSaysWhichFilesItLeftAlone() throws IOException {
        Path content = temp.resolve("content");
        assertEquals(0, init(content, "--locales", "en,fr", "--name", "Acme").exitCode());
        Files.writeString(content.resolve("fr/privacy.md"), "edited by a writer\n");
        Map<String, String> before = SampleSite.snapshot(content);

        Run again = init(content, "--locales", "en,fr", "--name", "Other");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(before, SampleSite.snapshot(content));
        assertTrue(again.out().contains("Left " + org.privacysite.Location.of(content.resolve("fr/privacy.md")).displayPath()
                + " as it was: it exists already"), again.out());
        assertTrue(again.out().contains("Nothing written"), again.out());
        assertFalse(again.out().contains("Wrote "), again.out());
    }

    @Test
    void onlyThePrivacyPolicyNeedsNoCookieConfiguration() throws IOException {
        Path content = temp.resolve("content");
        assertEquals(0, init(content, "--locales", "en", "--name", "Acme", "--documents", "privacy").exitCode());
        assertFalse(Files.exists(content.resolve("cookies.yaml")));
        assertFalse(Files.exists(content.resolve("en/cookies.md")));
        assertEquals(0, MainTest.run("check", "--content", content.toString()).exitCode());
    }

    @Test
    void aLocaleWithoutTextsGetsTheSourceTextMarkedForTranslation() throws IOException {
        Path content = temp.resolve("content");
        Run init = init(content, "--locales", "en,fi", "--name", "Acme");
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(init.out().contains("init has no text in 'fi'"), init.out());
        String finnish = Files.readString(content.resolve("fi/privacy.md"));
        assertTrue(finnish.contains("TODO(legal): translate this page into Finnish (fi)."), finnish);
    }

    @Test
    void regionalLocalesTakeTheirLanguagesTextsButTraditionalChineseIsNotGivenSimplified() throws IOException {
        Path content = temp.resolve("content");
        Run init = init(content, "--locales", "en,zh,zh-CN,zh-TW,pt-BR", "--name", "Acme");
        assertEquals(0, init.exitCode(), init.err());
        String simplified = Files.readString(content.resolve("zh/privacy.md"));
        assertEquals(simplified, Files.readString(content.resolve("zh-CN/privacy.md")));
        assertFalse(simplified.contains("TODO(legal): translate this page"), simplified);
        assertTrue(Files.readString(content.resolve("zh-TW/privacy.md")).contains("TODO(legal): translate this page into"),
                "zh.yaml is in simplified characters");
        assertFalse(Files.readString(content.resolve("pt-BR/privacy.md")).contains("TODO(legal): translate this page"));
        assertTrue(init.out().contains("init has no text in 'zh-TW'"), init.out());
    }

    @Test
    void anUnknownLocaleIsAUsageError() {
        Run run = init(temp.resolve("content"), "--locales", "en,english", "--name", "Acme");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'english' is not a locale code"), run.err());
        assertFalse(Files.exists(temp.resolve("content")), "nothing written");
    }

    @Test
    void aLocaleWrittenWithAnUnderscoreIsToldTheCodeToWrite() {
        Run run = init(temp.resolve("content"), "--locales", "en,zh_CN", "--name", "Acme");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("write 'zh_CN' as 'zh-CN'"), run.err());
    }

    @Test
    void anEmptyNameIsAUsageError() {
        Run run = init(temp.resolve("content"), "--locales", "en", "--name", " ");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("the site needs a name"), run.err());
    }

    @Test
    void anUnknownDocumentIsAUsageError() {
        Run run = init(temp.resolve("content"), "--locales", "en", "--name", "Acme", "--documents", "terms");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("cannot write a document 'terms'"), run.err());
    }

    @Test
    void aContentDirectoryThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(temp.resolve("content"), "not a directory");
        Run run = init(file, "--locales", "en", "--name", "Acme");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("this is a file, not a directory"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
