package org.privacysite.internal.xliff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;
import org.privacysite.SampleSite;
import org.privacysite.TranslationExport;
import org.privacysite.TranslationImport;

/** Export of the sample site for a translator, and its import: schema, round trip, tampered tags. */
class XliffRoundTripTest {

    @TempDir
    Path temp;

    private PrivacySite site(Path content) {
        return PrivacySite.builder().contentDirectory(content).templatesDirectory(SampleSite.templates()).threads(2).build();
    }

    /** The OASIS XLIFF 2.0 core schema, as the Okapi library ships it. */
    static void validate(String xliff) throws Exception {
        URL schema = XliffRoundTripTest.class.getResource("/net/sf/okapi/lib/xliff2/xliff_core_2.0.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(schema).newValidator().validate(new StreamSource(new StringReader(xliff)));
    }

    @Test
    void exportOfEveryClauseIsValidXliffWithProtectedArguments() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        TranslationExport export = site(content).exportTranslation("fr", List.of(), "all", temp.resolve("fr.xlf"));
        String xliff = Files.readString(export.file());
        validate(xliff);
        assertTrue(export.units() > 100, "one unit per block: " + export.units());
        assertTrue(xliff.contains("trgLang=\"fr\""), xliff.substring(0, 300));
        assertTrue(xliff.contains("<unit id=\"privacy.controller.1\">"), "ids are document.clause.block");
        // {company} is a protected, standalone code showing the argument; the link address is not text
        assertTrue(xliff.matches("(?s).*<ph id=\"\\d+\" type=\"other\" canCopy=\"no\" canDelete=\"no\" disp=\"\\{company\\}\".*"), "protected {company}");
        assertTrue(xliff.contains("<data id=\"d2\">](mailto:{privacyEmail})</data>") || xliff.contains("](mailto:{privacyEmail})</data>"));
        assertTrue(xliff.contains("state=\"translated\""));
        assertTrue(xliff.contains("{company} is Kestrel Networks Limited"), "the fact's value is a note");
    }

    @Test
    void exportAllThenImportUnchangedLeavesEveryFileByteIdentical() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Map<Path, byte[]> before = snapshot(content);
        PrivacySite site = site(content);
        for (String locale : List.of("fr", "de", "ar", "ja")) {
            Path xliff = temp.resolve(locale + ".xlf");
            site.exportTranslation(locale, List.of(), "all", xliff);
            TranslationImport result = site.importTranslation(xliff);
            assertEquals(List.of(), result.written(), locale + ": nothing to write");
            assertTrue(result.units() > 100, locale + ": " + result.units());
        }
        Map<Path, byte[]> after = snapshot(content);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((file, bytes) -> assertEquals(new String(bytes), new String(after.get(file)), file.toString()));
    }

    @Test
    void aTargetWithoutOneOfItsTagsIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
        Path content = SampleSite.copyContent(temp.resolve("content"));
        Path xliff = temp.resolve("fr.xlf");
        site(content).exportTranslation("fr", List.of("privacy"), "all", xliff);
        List<String> lines = Files.readAllLines(xliff);
        int unit = lines.stream().map(String::strip).toList().indexOf("<unit id=\"privacy.controller.1\">");
        int target = unit;
        while (!lines.get(target).contains("<target")) {
            target++;
        }
        String original = lines.get(target);
        String tampered = original.replaceFirst("<ph id=\"(\\d+)\"[^>]*/>", "").replace("est le responsable", "est responsable");
        assertFalse(original.equals(tampered), original);
        lines.set(target, tampered);
        Files.write(xliff, lines);
        Map<Path, byte[]> before = snapshot(content);

        PrivacySiteException e = assertThrows(PrivacySiteException.class, () -> site(content).importTranslation(xliff));
        assertEquals(1, e.findings().size(), e.findings().toString());
        assertEquals(target + 1, e.findings().get(0).location().line(), e.findings().toString());
        assertTrue(e.findings().get(0).message().contains("is missing"), e.findings().get(0).message());
        assertEquals(before.keySet(), snapshot(content).keySet());
        snapshot(content).forEach((file, bytes) -> assertEquals(new String(before.get(file)), new String(bytes), file.toString()));
    }

    static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
