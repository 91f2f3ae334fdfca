package org.privacysite.internal.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.PdfRules;

/**
 * The PDF edition of a site: which fonts each locale gets (checked for every locale before anything is
 * rendered) and the fixed date every PDF carries, so that two builds of the same sources give the same bytes.
 */
public final class PdfEdition {

    private final PdfFonts fonts;
    private final Path siteYaml;
    private final Instant sourceDateEpoch;
    private final String producer;
    private final Map<String, List<PdfFonts.Face>> faces = new ConcurrentHashMap<>();

    /**
     * @param sourceDateEpoch the date of every PDF (the reproducible-builds SOURCE_DATE_EPOCH), or null for
     *                        each document's own date of last update
     */
    public PdfEdition(PdfFonts fonts, Path siteYaml, Instant sourceDateEpoch, String producer) {
        this.fonts = fonts;
        this.siteYaml = siteYaml;
        this.sourceDateEpoch = sourceDateEpoch;
        this.producer = producer;
    }

    /** SOURCE_DATE_EPOCH (seconds) from the environment, or null when unset or not a number. */
    public static Instant sourceDateEpoch(String value) {
        if (value == null || !value.strip().matches("\\d{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(value.strip()));
    }

    /** Finds the fonts of every locale now: a missing one is reported before any page is rendered. */
    public PdfEdition checkFonts(List<String> locales) {
        locales.forEach(this::faces);
        return this;
    }

    private List<PdfFonts.Face> faces(String locale) {
        return faces.computeIfAbsent(locale, key -> fonts.forLocale(key, siteYaml));
    }

    /** The CSS font-family list for {@code locale}'s PDF. */
    public String fontFamilies(String locale) {
        return PdfFonts.cssFamilies(faces(locale));
    }

    /** The path of a document's PDF below the site root: {@code <locale>/<document>/<document>.pdf}. */
    public static String path(String locale, String document) {
        return locale + "/" + document + "/" + fileName(document);
    }

    public static String fileName(String document) {
        return document + ".pdf";
    }

    /** Writes the PDF of one page from the HTML of {@code pdf.ftlh}. */
    public byte[] write(String html, String canonicalUrl, String locale, boolean rightToLeft, String title, String subject,
                        String author, LocalDate updated, Path source) {
        Instant date = sourceDateEpoch != null ? sourceDateEpoch : updated.atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            return PdfWriter.write(html, canonicalUrl, faces(locale),
                    new PdfWriter.Metadata(locale, rightToLeft, title, subject, author, producer, date));
        } catch (IOException | RuntimeException e) {
            if (e instanceof PrivacySiteException known) {
                throw known;
            }
            throw PrivacySiteException.at(Location.of(source), PdfRules.RENDER, "cannot write the PDF: " + e.getMessage());
        }
    }
}
