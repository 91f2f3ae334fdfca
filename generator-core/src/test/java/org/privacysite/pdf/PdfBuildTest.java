package org.privacysite.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.privacysite.ConfigurationException;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;

/**
 * {@code build --pdf} on the sample site, read back with poppler as a reader's PDF viewer would: the
 * Arabic and Japanese text in logical order, every font embedded, title and language in the metadata,
 * the contents as links, and the same bytes from a second build.
 */
class PdfBuildTest {

    private static Path site;

    @BeforeAll
    static void build() {
        Poppler.require();
        site = SampleSite.repository().resolve("generator-core/target/pdf-tests/site");
        PrivacySite.builder().contentDirectory(SampleSite.content()).templatesDirectory(SampleSite.templates())
                .threads(2).pdf(true).build().build(site);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en/privacy | Privacy Policy | 1.1 The controller | Kestrel Networks Limited is the controller",
            "ar/privacy | سياسة الخصوصية | المسؤول عن المعالجة | بياناتك الشخصية",
            "ja/privacy | プライバシーポリシー | 管理者 | 個人データ",
            "fr/cookies | Politique relative aux cookies | cookies | Kestrel"})
    void eachDocumentIsATaggedPdfWithItsTextInLogicalOrder(String page, String title, String heading, String text) {
        Path pdf = site.resolve(page + "/" + page.substring(page.indexOf('/') + 1) + ".pdf");
        assertTrue(Files.isRegularFile(pdf), pdf + " exists");
        // Shaped Arabic comes out as presentation forms (U+FExx), which NFKC maps back to the letters; pdftotext
        // marks right-to-left runs with bidi controls. What remains must read as the source text, in its order.
        String extracted = java.text.Normalizer.normalize(Poppler.text(pdf), java.text.Normalizer.Form.NFKC)
                .replaceAll("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "");
        assertTrue(extracted.contains(title), "title in the text: " + extracted.substring(0, Math.min(400, extracted.length())));
        assertTrue(extracted.contains(heading), heading);
        assertTrue(extracted.contains(text), text);
        if (page.startsWith("ar") || page.startsWith("en")) {
            assertTrue(extracted.contains("+353 1 555 0142"), "the phone number in its logical order");
        }
        List<String> fonts = Poppler.fonts(pdf);
        assertTrue(!fonts.isEmpty(), "fonts: " + fonts);
        for (String font : fonts) {
            assertTrue(font.matches(".*\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$") && font.split("\\s+").length >= 7,
                    "pdffonts line: " + font);
            String[] columns = font.trim().split("\\s+");
            assertEquals("yes", columns[columns.length - 5], "embedded: " + font);
        }
        String info = Poppler.info(pdf, false);
        assertTrue(info.lines().anyMatch(line -> line.startsWith("Title:") && line.contains(title)), info);
        assertTrue(info.lines().anyMatch(line -> line.matches("Tagged:\\s+yes")), "tagged PDF: " + info);
        String metadata = Poppler.info(pdf, true);
        String locale = page.substring(0, 2);
        assertTrue(metadata.contains("<dc:language><rdf:Bag><rdf:li>" + locale + "</rdf:li>"), "language in the XMP metadata");
        assertTrue(metadata.contains(">" + title + "</rdf:li></rdf:Alt></dc:title>"), "title in the XMP metadata");
        assertTrue(metadata.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2");
    }

    @Test
    void thePageLinksToItsPdf() throws IOException {
        String href = Jsoup.parse(site.resolve("ar/privacy/index.html").toFile()).selectFirst("a[type='application/pdf']").attr("href");
        assertEquals("privacy.pdf", href);
    }

    @Test
    void aSecondBuildWritesTheSameBytes(@TempDir Path temp) throws IOException {
        Path again = temp.resolve("site");
        PrivacySite.builder().contentDirectory(SampleSite.content()).templatesDirectory(SampleSite.templates())
                .threads(2).pdf(true).build().build(again);
        for (String pdf : List.of("en/privacy/privacy.pdf", "ar/privacy/privacy.pdf", "ja/cookies/cookies.pdf")) {
            assertArrayEquals(Files.readAllBytes(site.resolve(pdf)), Files.readAllBytes(again.resolve(pdf)), pdf);
        }
    }

    @Test
    void aScriptWithoutAFontIsAClearError(@TempDir Path temp) throws IOException {
        Path fonts = temp.resolve("fonts");
        Files.createDirectories(fonts);
        Files.copy(Path.of("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"), fonts.resolve("NotoSans-Regular.ttf"));
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> PrivacySite.builder()
                .contentDirectory(SampleSite.content()).templatesDirectory(SampleSite.templates()).threads(2)
                .pdf(true).pdfFontDirectory(fonts).build().build(temp.resolve("out")));
        String message = error.findings().get(0).message();
        assertEquals("pdf.font-missing", error.findings().get(0).ruleId());
        assertTrue(message.contains("Arabic script of 'ar'") && message.contains("fonts-noto-core"), message);
        assertTrue(Files.notExists(temp.resolve("out")), "nothing written");
    }

    @Test
    void aDamagedFontIsAnErrorAtTheDocument(@TempDir Path temp) throws IOException {
        Path fonts = temp.resolve("fonts");
        Files.createDirectories(fonts);
        for (String name : List.of("NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "ipag.ttf")) {
            Files.writeString(fonts.resolve(name), "not a font");
        }
        org.privacysite.PrivacySiteException error = assertThrows(org.privacysite.PrivacySiteException.class, () -> PrivacySite.builder()
                .contentDirectory(SampleSite.content()).templatesDirectory(SampleSite.templates()).threads(2)
                .pdf(true).pdfFontDirectory(fonts).build().build(temp.resolve("out")));
        assertEquals("pdf.render", error.findings().get(0).ruleId(), error.findings().toString());
        assertTrue(error.findings().get(0).message().startsWith("cannot write the PDF"), error.findings().get(0).message());
        assertTrue(Files.notExists(temp.resolve("out")), "nothing written");
    }
}
