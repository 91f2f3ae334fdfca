package org.privacysite.internal.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Element;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Writes one document as a tagged PDF (PDF/UA structure, PDF/A-2a) with openhtmltopdf: right-to-left
 * text reordered and Arabic shaped by ICU, every font embedded, the contents as the PDF's outline.
 * The bytes depend only on the input: the dates are given, the document id is a hash of the HTML.
 */
public final class PdfWriter {

    /**
     * What the PDF says about itself.
     *
     * @param date creation and modification date (SOURCE_DATE_EPOCH, or the document's last update)
     */
    public record Metadata(String language, boolean rightToLeft, String title, String subject, String author,
                           String producer, Instant date) {
    }

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private PdfWriter() {
    }

    /**
     * Renders {@code html} (the output of {@code pdf.ftlh}; relative links resolve against {@code baseUri})
     * with {@code faces}. Nothing is loaded from outside: no network, no file but the fonts.
     */
    public static byte[] write(String html, String baseUri, List<PdfFonts.Face> faces, Metadata metadata) throws IOException {
        org.jsoup.nodes.Document parsed = Jsoup.parse(html, baseUri);
        // openhtmltopdf reads the outline from <head><bookmarks>; an HTML parser moves unknown elements to the body.
        for (Element bookmarks : parsed.body().select("bookmarks")) {
            parsed.head().appendChild(bookmarks); // moved, not copied
        }
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(parsed);
        List<Closeable> collections = new ArrayList<>();
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(pdf);
            builder.useFastMode();
            builder.withW3cDocument(dom, baseUri);
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.defaultTextDirection(metadata.rightToLeft() ? BaseRendererBuilder.TextDirection.RTL : BaseRendererBuilder.TextDirection.LTR);
            Locale locale = Locale.forLanguageTag(metadata.language());
            builder.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(locale));
            builder.useUnicodeCharacterBreaker(new ICUBreakers.ICUCharacterBreaker(locale));
            builder.usePdfUaAccessibility(true);
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A);
            builder.useColorProfile(SRGB);
            builder.withProducer(metadata.producer());
            for (PdfFonts.Face face : faces) {
                builder.useFont(new PDFontSupplier(load(pdf, face, collections)), face.family(), face.weight(),
                        BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            fixMetadata(pdf, metadata, html);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } finally {
            for (Closeable collection : collections) {
                collection.close();
            }
        }
    }

    private static PDFont load(PDDocument pdf, PdfFonts.Face face, List<Closeable> open) throws IOException {
        if (face.collectionName() == null) {
            return PDType0Font.load(pdf, face.file().toFile());
        }
        TrueTypeCollection collection = new TrueTypeCollection(face.file().toFile());
        open.add(collection); // read again when the subset is written
        TrueTypeFont font = collection.getFontByName(face.collectionName());
        if (font == null) {
            throw new IOException("the font collection " + face.file() + " has no face " + face.collectionName());
        }
        return PDType0Font.load(pdf, font, true);
    }

    /** Fixed dates, a document id from the content, and XMP metadata that matches the document information. */
    private static void fixMetadata(PDDocument pdf, Metadata metadata, String html) throws IOException {
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        date.setTimeInMillis(metadata.date().toEpochMilli());
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(metadata.title());
        info.setSubject(metadata.subject());
        info.setAuthor(metadata.author());
        info.setCreator(metadata.producer());
        info.setProducer(metadata.producer());
        info.setCreationDate(date);
        info.setModificationDate(date);
        pdf.getDocumentCatalog().setLanguage(metadata.language());
        PDMetadata xmp = new PDMetadata(pdf);
        xmp.importXMPMetadata(xmp(metadata).getBytes(StandardCharsets.UTF_8));
        pdf.getDocumentCatalog().setMetadata(xmp);
        byte[] id = Arrays.copyOf(sha256(html + "\u0000" + metadata), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static String xmp(Metadata metadata) {
        String date = DateTimeFormatter.ISO_INSTANT.format(metadata.date().atOffset(ZoneOffset.UTC).toInstant());
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
                + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
                + " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
                + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
                + "<dc:format>application/pdf</dc:format>\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(metadata.title()) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(metadata.subject()) + "</rdf:li></rdf:Alt></dc:description>\n"
                + "<dc:creator><rdf:Seq><rdf:li>" + xml(metadata.author()) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "<dc:language><rdf:Bag><rdf:li>" + xml(metadata.language()) + "</rdf:li></rdf:Bag></dc:language>\n"
                + "<xmp:CreateDate>" + date + "</xmp:CreateDate><xmp:ModifyDate>" + date + "</xmp:ModifyDate>"
                + "<xmp:MetadataDate>" + date + "</xmp:MetadataDate><xmp:CreatorTool>" + xml(metadata.producer()) + "</xmp:CreatorTool>\n"
                + "<pdf:Producer>" + xml(metadata.producer()) + "</pdf:Producer>\n"
                + "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance><pdfuaid:part>1</pdfuaid:part>\n"
                // PDF/A-2 knows no pdfuaid schema: it is declared as an extension.
                + "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
                + "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
                + "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
                + "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
                + "<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
                + "<pdfaProperty:category>internal</pdfaProperty:category>"
                + "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>"
                + "</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static String xml(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
