package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --pseudo}: the sample site with en-XA and ar-XB pages made from its English texts, and only then. */
class PseudoLocalesTest {

    @TempDir
    Path temp;

    private static PrivacySite.Builder sample() {
        return PrivacySite.builder().contentDirectory(SampleSite.content()).templatesDirectory(SampleSite.templates()).threads(2);
    }

    @Test
    void aPseudoBuildAddsTheAccentedAndTheRightToLeftPages() throws Exception {
        Path out = temp.resolve("pseudo");
        sample().pseudo(true).build().build(out);

        String accented = Files.readString(out.resolve("en-XA/privacy/index.html"));
        assertTrue(accented.contains("<html lang=\"en-XA\" dir=\"ltr\""), accented.substring(0, 200));
        assertTrue(accented.contains("[Þŕîṽåçý Þöļîçý one]"), "the title, accented and bracketed");
        assertTrue(accented.contains("Kestrel Networks Limited"), "a fact's value is not translated");
        assertTrue(accented.contains("id=\"controller\""), "clause keys are the anchors, as in English");
        assertTrue(accented.contains("[Šķîþ ţö ṁåîñ çöñţéñţ one two]"), "UI texts too");
        String english = Files.readString(out.resolve("en/privacy/index.html"));
        assertTrue(english.contains("hreflang=\"en-XA\">[Éñĝļîšĥ one]</a>"), "the pseudo-locales are in the language switcher");

        String mirrored = Files.readString(out.resolve("ar-XB/privacy/index.html"));
        assertTrue(mirrored.contains("<html lang=\"ar-XB\" dir=\"rtl\""), mirrored.substring(0, 200));
        assertTrue(mirrored.contains("\u202ePrivacy\u202c"), "words overridden right to left");
    }

    @Test
    void aNormalBuildHasNoPseudoLocales() throws Exception {
        Path out = temp.resolve("normal");
        sample().build().build(out);
        assertFalse(Files.exists(out.resolve("en-XA")));
        assertFalse(Files.exists(out.resolve("ar-XB")));
        assertFalse(Files.readString(out.resolve("en/privacy/index.html")).contains("en-XA"));
    }

    @Test
    void parityDoesNotComplainAboutThePseudoLocales() {
        CheckResult plain = sample().build().check();
        CheckResult pseudo = sample().pseudo(true).build().check();
        List<Finding> aboutPseudo = pseudo.findings().stream()
                .filter(f -> f.message().contains("en-XA") || f.message().contains("ar-XB")
                        || f.location().displayPath().contains("en-XA") || f.location().displayPath().contains("ar-XB"))
                .toList();
        assertEquals(List.of(), aboutPseudo);
        assertEquals(plain.findings().stream().map(Finding::ruleId).toList(), pseudo.findings().stream().map(Finding::ruleId).toList());
    }

    @Test
    void thePreviewWithPseudoLocalesShowsAnEditOfTheSourceInThemToo() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path out = temp.resolve("preview");
        try (Preview preview = PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates())
                .threads(2).pseudo(true).build().preview(out)) {
            PreviewUpdate first = preview.rebuild(List.of());
            assertTrue(first.succeeded(), first.errors().toString());
            assertEquals(14, first.pages().size(), "10 pages and the two documents in en-XA and ar-XB");

            Path english = content.resolve("en/privacy.md");
            Files.writeString(english, Files.readString(english).replace("## Children {#children}",
                    "## Children {#children}\n\nAdded live."));
            PreviewUpdate edit = preview.rebuild(List.of(english));
            assertTrue(edit.succeeded(), edit.errors().toString());
            assertTrue(Files.readString(out.resolve("en-XA/privacy/index.html")).contains("[Åððéð ļîṽé. one]"));
            assertTrue(Files.readString(out.resolve("ar-XB/privacy/index.html")).contains("\u202eAdded\u202c"));
        }
    }

    @Test
    void theCommandLineBuildTakesPseudo() {
        Path out = temp.resolve("cli");
        java.io.StringWriter stdout = new java.io.StringWriter();
        java.io.StringWriter stderr = new java.io.StringWriter();
        int code = org.privacysite.cli.Main.run(new java.io.PrintWriter(stdout, true), new java.io.PrintWriter(stderr, true),
                "build", "--content", SampleSite.content().toString(), "--templates", SampleSite.templates().toString(),
                "--out", out.toString(), "--pseudo");
        assertEquals(0, code, stderr.toString());
        assertTrue(stdout.toString().contains("Built 14 pages into"), stdout.toString());
        assertTrue(Files.isRegularFile(out.resolve("ar-XB/cookies/index.html")));
    }
}
