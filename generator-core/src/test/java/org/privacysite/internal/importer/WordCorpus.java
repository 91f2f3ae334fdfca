package org.privacysite.internal.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The Word version of the corpus, generated with POI as Word would save it: a Title, Heading 1 and
 * Heading 2 styles, a custom "Policy Subheading" style based on Heading 2, a nested bulleted list, a
 * numbered list, a table, bold and italic runs, an external hyperlink and an internal one to a bookmark.
 */
final class WordCorpus {

    /** Text of one language version. */
    record Texts(String title, String updated, String intro, String whoWeAre, String whoText, String collect,
                 String collectText, String account, String email, String plan, String steps1, String steps2,
                 String retention, String data, String period, String accounts, String invoices, String backups,
                 String backupsText, String contactText) {
    }

    static final Texts EN = new Texts("Privacy Policy", "Last updated: 1 May 2024", "This policy explains how Kestrel "
            + "Networks Limited handles your personal data.", "Who we are", "We are the controller of your data.",
            "Data we collect", "We collect only what we need; see", "Account data", "your e-mail address", "your plan",
            "Open the app", "Choose Delete account", "How long we keep data", "Data", "Period", "Accounts", "Invoices",
            "Backups", "Backups are kept for 35 days.", "Write to us at");
    static final Texts FR = new Texts("Politique de confidentialité", "Dernière mise à jour : 1 mai 2024", "Cette politique "
            + "explique comment Kestrel Networks Limited traite vos données personnelles.", "Qui sommes-nous",
            "Nous sommes le responsable du traitement de vos données.", "Données collectées",
            "Nous ne collectons que le nécessaire ; voir", "Données de compte", "votre adresse e-mail", "votre formule",
            "Ouvrez l'application", "Choisissez Supprimer le compte", "Durée de conservation", "Données", "Durée", "Comptes",
            "Factures", "Sauvegardes", "Les sauvegardes sont conservées 35 jours.", "Écrivez-nous à");

    static {
        PoiLogging.quiet();
    }

    private WordCorpus() {
    }

    static void write(Path file, Texts t) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            styles(doc);
            BigInteger bullets = numbering(doc, STNumberFormat.BULLET);
            BigInteger numbers = numbering(doc, STNumberFormat.DECIMAL);
            paragraph(doc, "Title", t.title());
            XWPFParagraph updated = paragraph(doc, null, "");
            updated.createRun().setText(t.updated());
            updated.getRuns().get(0).setItalic(true);
            paragraph(doc, null, t.intro());
            // Word's own table of contents: paragraphs in the TOC styles, linking to the headings' bookmarks.
            internalLink(paragraph(doc, "TOC1", ""), "_Toc100", t.whoWeAre());
            internalLink(paragraph(doc, "TOC1", ""), "_Toc102", t.retention());

            bookmark(paragraph(doc, "Heading1", t.whoWeAre()), "_Toc100", 1);
            XWPFParagraph who = paragraph(doc, null, "");
            XWPFRun bold = who.createRun();
            bold.setText(t.whoText());
            bold.setBold(true);

            bookmark(paragraph(doc, "Heading1", t.collect()), "_Toc101", 2);
            XWPFParagraph collect = paragraph(doc, null, t.collectText() + " ");
            internalLink(collect, "_Toc102", t.retention());
            paragraph(doc, "PolicySubheading", t.account());
            listItem(doc, bullets, 0, t.email());
            listItem(doc, bullets, 1, "privacy@kestrel.example");
            listItem(doc, bullets, 0, t.plan());
            paragraph(doc, "Heading2", "Delete");
            listItem(doc, numbers, 0, t.steps1());
            listItem(doc, numbers, 0, t.steps2());

            bookmark(paragraph(doc, "Heading1", t.retention()), "_Toc102", 3);
            XWPFTable table = doc.createTable(3, 2);
            table.getRow(0).getCell(0).setText(t.data());
            table.getRow(0).getCell(1).setText(t.period());
            table.getRow(1).getCell(0).setText(t.accounts());
            table.getRow(1).getCell(1).setText("30");
            table.getRow(2).getCell(0).setText(t.invoices());
            table.getRow(2).getCell(1).setText("7");
            paragraph(doc, "Heading2", t.backups());
            XWPFParagraph backups = paragraph(doc, null, "");
            XWPFRun italic = backups.createRun();
            italic.setText(t.backupsText());
            italic.setItalic(true);
            XWPFParagraph contact = paragraph(doc, null, t.contactText() + " ");
            contact.createHyperlinkRun("mailto:privacy@kestrel.example").setText("privacy@kestrel.example");
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.write(out);
            }
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        if (!text.isEmpty()) {
            p.createRun().setText(text);
        }
        return p;
    }

    private static void listItem(XWPFDocument doc, BigInteger numId, int level, String text) {
        XWPFParagraph p = paragraph(doc, "ListParagraph", text);
        p.setNumID(numId);
        p.setNumILvl(BigInteger.valueOf(level));
    }

    private static void bookmark(XWPFParagraph p, String name, int id) {
        var start = p.getCTP().addNewBookmarkStart();
        start.setName(name);
        start.setId(BigInteger.valueOf(id));
        p.getCTP().addNewBookmarkEnd().setId(BigInteger.valueOf(id));
    }

    private static void internalLink(XWPFParagraph p, String anchor, String text) {
        CTHyperlink link = p.getCTP().addNewHyperlink();
        link.setAnchor(anchor);
        link.addNewR().addNewT().setStringValue(text);
    }

    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        style(styles, "Title", "Title", null);
        style(styles, "Heading1", "heading 1", null);
        style(styles, "Heading2", "heading 2", null);
        style(styles, "PolicySubheading", "Policy Subheading", "Heading2");
        style(styles, "TOC1", "toc 1", null);
        style(styles, "ListParagraph", "List Paragraph", null);
    }

    private static void style(XWPFStyles styles, String id, String name, String basedOn) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (basedOn != null) {
            style.addNewBasedOn().setVal(basedOn);
        }
        styles.addStyle(new XWPFStyle(style));
    }

    private static BigInteger numbering(XWPFDocument doc, STNumberFormat.Enum format) {
        XWPFNumbering numbering = doc.getNumbering() != null ? doc.getNumbering() : doc.createNumbering();
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        BigInteger id = BigInteger.valueOf(format == STNumberFormat.BULLET ? 1 : 2);
        abstractNum.setAbstractNumId(id);
        for (int level = 0; level < 3; level++) {
            CTLvl lvl = abstractNum.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(level));
            lvl.addNewNumFmt().setVal(format);
            lvl.addNewLvlText().setVal(format == STNumberFormat.BULLET ? "•" : "%" + (level + 1) + ".");
            lvl.addNewStart().setVal(BigInteger.ONE);
        }
        numbering.addAbstractNum(new XWPFAbstractNum(abstractNum, numbering));
        return numbering.addNum(id);
    }
}
