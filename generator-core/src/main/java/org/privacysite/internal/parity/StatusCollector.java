package org.privacysite.internal.parity;

import java.util.ArrayList;
import java.util.List;

import org.privacysite.TranslationStatus;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.Site;

/** Counts, per document and locale, which source clauses are translated, stale or missing. */
public final class StatusCollector {

    private StatusCollector() {
    }

    public static TranslationStatus collect(Site site) {
        List<TranslationStatus.DocumentRow> rows = new ArrayList<>();
        for (String document : site.config().documents()) {
            Page source = site.sourcePage(document);
            if (source == null) {
                continue;
            }
            List<TranslationStatus.Cell> cells = new ArrayList<>();
            for (String locale : site.config().locales()) {
                cells.add(cell(site, source, site.page(locale, document), locale));
            }
            rows.add(new TranslationStatus.DocumentRow(document, source.frontMatter().title(), List.copyOf(cells)));
        }
        return new TranslationStatus(site.config().sourceLocale(), site.config().locales(), List.copyOf(rows));
    }

    private static TranslationStatus.Cell cell(Site site, Page source, Page translation, String locale) {
        TranslationState state = translation == null || translation == source ? null
                : TranslationState.read(site.contentDirectory(), locale, source.document());
        int ok = 0;
        int stale = 0;
        int missing = 0;
        List<TranslationStatus.ClauseState> clauses = new ArrayList<>();
        for (Clause clause : source.clauses()) {
            String status;
            if (translation == null || translation.clause(clause.key()) == null) {
                status = "missing";
                missing++;
            } else if (state != null && state.isStale(clause)) {
                status = "stale";
                stale++;
            } else {
                status = "ok";
                ok++;
            }
            clauses.add(new TranslationStatus.ClauseState(clause.key(), clause.number(), clause.title(), status));
        }
        return new TranslationStatus.Cell(locale, translation != null, ok, stale, missing, List.copyOf(clauses));
    }
}
