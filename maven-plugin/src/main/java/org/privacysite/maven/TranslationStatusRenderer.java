package org.privacysite.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.reporting.AbstractMavenReportRenderer;
import org.privacysite.TranslationStatus;

/**
 * Renders {@link TranslationStatus} with Doxia, so the page gets the Maven site's skin and menu.
 *
 * <p>TODO(core): the same content is rendered for legal writers by {@code templates/status.ftlh}; a
 * public {@code PrivacySite.translationStatusHtml(TranslationStatus)} returning the page's body would let
 * the report show exactly that page (via {@code Sink.rawText}) instead of this second rendering.
 */
final class TranslationStatusRenderer extends AbstractMavenReportRenderer {

    private final TranslationStatus status;
    private final String siteLink;

    TranslationStatusRenderer(Sink sink, TranslationStatus status, String siteLink) {
        super(sink);
        this.status = status;
        this.siteLink = siteLink;
    }

    @Override
    public String getTitle() {
        return "Translation status";
    }

    @Override
    protected void renderBody() {
        startSection("Translation status");
        paragraph("Source language: " + status.sourceLocale() + ". A clause is stale when its source text changed "
                + "after the translation was marked translated (mvn privacy-site:mark-translated), and missing when the "
                + "translation does not have it.");
        sink.paragraph();
        sink.text("The privacy site built from these sources is part of this site: ");
        sink.link(siteLink);
        sink.text("open the privacy site");
        sink.link_();
        sink.text(" (" + siteLink + ").");
        sink.paragraph_();

        startTable();
        tableCaption("Clauses per document and language: up to date / stale / missing");
        List<String> header = new ArrayList<>();
        header.add("Document");
        header.addAll(status.locales());
        tableHeader(header.toArray(String[]::new));
        for (TranslationStatus.DocumentRow row : status.documents()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.title() + " (" + row.document() + ")");
            for (TranslationStatus.Cell cell : row.cells()) {
                cells.add(cellText(cell));
            }
            tableRow(cells.toArray(String[]::new));
        }
        endTable();

        int ok = 0;
        int stale = 0;
        int missing = 0;
        for (TranslationStatus.DocumentRow row : status.documents()) {
            for (TranslationStatus.Cell cell : row.cells()) {
                if (!cell.locale().equals(status.sourceLocale())) {
                    ok += cell.ok();
                    stale += cell.stale();
                    missing += cell.missing();
                }
            }
        }
        paragraph("Translations in total: " + ok + " clauses up to date, " + stale + " stale, " + missing + " missing.");

        startSection("Clauses to translate or review");
        boolean any = false;
        for (TranslationStatus.DocumentRow row : status.documents()) {
            for (TranslationStatus.Cell cell : row.cells()) {
                if (cell.locale().equals(status.sourceLocale()) || cell.stale() + cell.missing() == 0) {
                    continue;
                }
                any = true;
                startSection(row.title() + " \u00b7 " + cell.locale(), row.document() + "-" + cell.locale());
                sink.list();
                for (TranslationStatus.ClauseState clause : cell.clauses()) {
                    if (clause.state().equals("ok")) {
                        continue;
                    }
                    sink.listItem();
                    sink.text(clause.number() + " " + clause.title() + " (" + clause.key() + "): " + clause.state());
                    sink.listItem_();
                }
                sink.list_();
                endSection();
            }
        }
        if (!any) {
            paragraph("None: every translation is complete and up to date.");
        }
        endSection();
        endSection();
    }

    private String cellText(TranslationStatus.Cell cell) {
        if (cell.locale().equals(status.sourceLocale())) {
            return "source (" + cell.total() + " clauses)";
        }
        if (!cell.present()) {
            return "not translated (" + cell.missing() + " missing)";
        }
        StringBuilder text = new StringBuilder().append(cell.ok()).append(" ok");
        if (cell.stale() > 0) {
            text.append(", ").append(cell.stale()).append(" stale");
        }
        if (cell.missing() > 0) {
            text.append(", ").append(cell.missing()).append(" missing");
        }
        return text.toString();
    }
}
