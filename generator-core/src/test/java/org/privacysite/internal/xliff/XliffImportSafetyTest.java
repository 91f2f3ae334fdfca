package org.privacysite.internal.xliff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;
import org.privacysite.SampleSite;
import org.privacysite.TranslationImport;

/** XLIFF files are untrusted: hostile XML, wrong languages, and the way CAT tools really save them. */
class XliffImportSafetyTest {

    @TempDir
    Path temp;

    private PrivacySite site(Path content) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).threads(2).build();
    }

    private Finding refused(Path content, String xliff) throws Exception {
        Path file = Files.writeString(temp.resolve("in.xlf"), xliff);
        Map<Path, byte[]> before = XliffRoundTripTest.snapshot(content);
        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> site(content).importTranslation(file));
        Map<Path, byte[]> after = XliffRoundTripTest.snapshot(content);
        assertEquals(before.keySet(), after.keySet(), "nothing written");
        before.forEach((path, bytes) -> assertEquals(new String(bytes), new String(after.get(path)), "nothing written: " + path));
        return e.findings().get(0);
    }

    @Test
    void anExternalEntityIsRefusedWithoutBeingRead() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path secret = Files.writeString(temp.resolve("secret.txt"), "TOP-SECRET-VALUE");
        Finding finding = refused(content, "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\">"
                + "<file id=\"privacy\"><unit id=\"privacy.dpo.0\"><segment><source>x</source><target>&x;</target></segment></unit></file></xliff>\n");
        assertEquals("xliff.doctype", finding.ruleId());
        assertEquals(2, finding.location().line());
        assertFalse(finding.message().contains("TOP-SECRET"), finding.message());
    }

    @Test
    void billionLaughsEndsInAClearErrorNotAnExhaustedHeap() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        StringBuilder doctype = new StringBuilder("<!DOCTYPE xliff [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        Finding finding = refused(content, "<?xml version=\"1.0\"?>\n" + doctype + "\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
                + "version=\"2.0\" srcLang=\"en\" trgLang=\"fr\"><file id=\"privacy\"><unit id=\"privacy.dpo.0\"><segment>"
                + "<source>x</source><target>&lol9;</target></segment></unit></file></xliff>\n");
        assertEquals("xliff.doctype", finding.ruleId());
        assertTrue(finding.message().contains("DOCTYPE"), finding.message());
    }

    @Test
    void aFileThatIsNotXliffOrForAnotherLanguageIsRefused() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        assertEquals("xliff.not-xliff", refused(content, "<html><body>hello</body></html>").ruleId());
        assertEquals("xliff.not-xliff", refused(content, "this is not XML at all").ruleId());
        // What a CAT tool set to its older default writes: say which version, and what to send instead.
        Finding older = refused(content, "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
                + "<file source-language=\"en\" target-language=\"fr\" datatype=\"plaintext\" original=\"privacy\"><body>"
                + "<trans-unit id=\"privacy.dpo.0\"><source>Data Protection Officer</source><target>Délégué</target></trans-unit>"
                + "</body></file></xliff>");
        assertEquals("xliff.not-xliff", older.ruleId());
        assertTrue(older.message().startsWith("the file is XLIFF 1.2, an older version than the XLIFF 2.0"), older.message());
        assertEquals(2, older.location().line(), older::toString);
        Finding language = refused(content, "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" "
                + "trgLang=\"es\"><file id=\"privacy\"><unit id=\"privacy.dpo.0\"><segment><source>Data Protection Officer</source>"
                + "<target>Delegado</target></segment></unit></file></xliff>");
        assertEquals("xliff.language", language.ruleId());
        assertTrue(language.message().contains("'es'"), language.message());
    }

    @Test
    void aUnitTheSourceDoesNotHaveIsRefusedWithItsLine() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Finding finding = refused(content, "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" "
                + "trgLang=\"fr\">\n<file id=\"privacy\">\n<unit id=\"privacy.no-such-clause.1\"><segment><source>x</source>"
                + "<target>y</target></segment></unit></file></xliff>");
        assertEquals("xliff.unknown-unit", finding.ruleId());
        assertEquals(3, finding.location().line());
    }

    @Test
    void anArgumentTagWhoseDataWasAlteredIsRefused() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path xliff = temp.resolve("fr.xlf");
        site(content).exportTranslation("fr", List.of("privacy"), "all", xliff);
        String text = Files.readString(xliff);
        // a CAT tool that lets the translator edit a tag's original data: {company} becomes {société}
        int unit = text.indexOf("<unit id=\"privacy.controller.1\">");
        int data = text.indexOf("<data id=\"d1\">{company}</data>", unit);
        String tampered = text.substring(0, data) + "<data id=\"d1\">{company}</data><data id=\"d9\">{société}</data>"
                + text.substring(data + "<data id=\"d1\">{company}</data>".length());
        int target = tampered.indexOf("<target", data);
        tampered = tampered.substring(0, target) + tampered.substring(target).replaceFirst("dataRef=\"d1\"", "dataRef=\"d9\"");
        Finding finding = refused(content, tampered);
        assertEquals("xliff.tag", finding.ruleId(), finding.toString());
        assertTrue(finding.message().contains("{company} was changed to {société}"), finding.message());
    }

    @Test
    void anXliffEditedTheWayACatToolSavesItImportsCleanly() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path xliff = temp.resolve("fr.xlf");
        PrivacySite site = site(content);
        site.exportTranslation("fr", List.of("privacy"), "all", xliff);
        String text = Files.readString(xliff);
        // another tool's namespace, attributes, elements and notes; re-indented with tabs and CRLF line ends
        text = text.replace("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"",
                "<xliff xmlns:mq=\"urn:example:memoq\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"");
        text = text.replace("<unit id=\"privacy.dpo.1\">", "<unit mq:locked=\"false\" id=\"privacy.dpo.1\">\n<mq:history><mq:entry who=\"tr\"/></mq:history>");
        text = text.replaceFirst("(<unit mq:locked=\"false\" id=\"privacy.dpo.1\">[\\s\\S]*?<notes>)",
                "$1<note category=\"translator\" priority=\"2\">Checked against the DPC's wording.</note>");
        text = text.replaceAll("(?m)^ +<", "\t\t<").replace("\n", "\r\n");
        int unit = text.indexOf("id=\"privacy.dpo.1\"");
        int target = text.indexOf("<target", unit);
        int end = text.indexOf("</target>", target);
        String oldTarget = text.substring(target, end);
        // the edit as a CAT tool keeps it: the new term annotated (an XLIFF marker, which carries no Markdown)
        String newTarget = oldTarget.replace("Nous avons désigné", "Nous avons <mrk id=\"term1\" type=\"term\">nommé</mrk>");
        assertFalse(oldTarget.equals(newTarget), oldTarget);
        Files.writeString(xliff, text.substring(0, target) + newTarget + text.substring(end));

        TranslationImport result = site.importTranslation(xliff);

        assertEquals(List.of(content.resolve("fr/privacy.md")), result.written());
        String french = Files.readString(content.resolve("fr/privacy.md"));
        assertTrue(french.contains("Nous avons nommé"), "the edit is in the Markdown");
        String original = Files.readString(SampleSite.content().resolve("fr/privacy.md"));
        assertEquals(original.replace("Nous avons désigné", "Nous avons nommé"), french, "only the edited words changed");
        CheckResult check = site.check();
        assertTrue(check.findings().stream().noneMatch(f -> f.isError() || f.ruleId().equals("parity.stale")
                && f.location().file().endsWith(Path.of("fr/privacy.md"))), check.findings().toString());
    }

    @Test
    void xliffThatBreaksTheStandardIsRefused() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Finding finding = refused(content, "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" "
                + "trgLang=\"fr\">\n<file id=\"privacy\">\n<unit id=\"privacy.dpo.0\"><segment><target>x</target></segment></unit>"
                + "</file></xliff>");
        assertEquals("xliff.invalid", finding.ruleId(), finding.toString());
    }

    @Test
    void aNewTranslationIsWrittenOnlyWhenEveryBlockIsTranslated() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Files.delete(content.resolve("ja/cookies.md"));
        Path xliff = temp.resolve("ja.xlf");
        site(content).exportTranslation("ja", List.of("cookies"), "missing", xliff);
        String text = Files.readString(xliff);
        int unit = text.indexOf("<unit id=\"cookies.how-we-use.0\">"); // a clause that is only its heading
        int segment = text.indexOf("<segment>", unit);
        int source = text.indexOf("</source>", unit) + "</source>".length();
        String partial = text.substring(0, segment) + "<segment state=\"translated\">" + text.substring(segment + "<segment>".length(), source)
                + "<target>クッキーの使い方</target>" + text.substring(source);
        Finding finding = refused(content, partial);
        assertEquals("xliff.incomplete", finding.ruleId(), finding.toString());
        assertFalse(Files.exists(content.resolve("ja/cookies.md")));
    }

    @Test
    void anUnknownOnlyValueIsAUsageError() {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        org.privacysite.ConfigurationException e = assertThrows(org.privacysite.ConfigurationException.class,
                () -> site(content).exportTranslation("fr", List.of(), "new", temp.resolve("fr.xlf")));
        assertEquals("xliff.option", e.findings().get(0).ruleId());
    }

    @Test
    void targetTagsWrittenWithoutTheirEditingHintsStillImport() throws Exception {
        // Some CAT tools write a target's tags as bare <ph id="1" dataRef="d1"/>, leaving the hints to the source's
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path xliff = temp.resolve("fr.xlf");
        PrivacySite site = site(content);
        site.exportTranslation("fr", List.of("privacy"), "all", xliff);
        StringBuilder bare = new StringBuilder();
        java.util.regex.Matcher target = java.util.regex.Pattern.compile("<target[^>]*>.*?</target>").matcher(Files.readString(xliff));
        while (target.find()) {
            target.appendReplacement(bare, java.util.regex.Matcher.quoteReplacement(target.group()
                    .replaceAll(" (type|subType|canCopy|canDelete|canReorder|disp)=\"[^\"]*\"", "")));
        }
        target.appendTail(bare);
        Files.writeString(xliff, bare.toString());

        TranslationImport result = site.importTranslation(xliff);

        assertEquals(List.of(), result.written(), "the same translations: nothing to write");
        assertTrue(result.units() > 100, result.toString());
    }
}
