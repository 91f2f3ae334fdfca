package org.privacysite.internal.parity;

import java.util.ArrayList;
import java.util.List;

import org.privacysite.TranslationStatus;
import org.privacysite.internal.config.RuleSetting;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.ConfiguredFindings;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.messages.PseudoLocale;

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
            for (String locale : locales(site)) {
                cells.add(cell(site, source, site.page(locale, document), locale));
            }
            rows.add(new TranslationStatus.DocumentRow(document, source.frontMatter().title(), List.copyOf(cells)));
        }
        List<TranslationStatus.RuleSettingRow> settings = new ArrayList<>();
        for (RuleSetting setting : ConfiguredFindings.settings(site)) {
            settings.add(new TranslationStatus.RuleSettingRow(setting.ruleId(), setting.target(), setting.levelName(),
                    setting.where().toString()));
        }
        List<TranslationStatus.LocalClause> local = new ArrayList<>();
        for (Page page : site.pages()) {
            for (Clause clause : page.clauses()) {
                if (clause.local()) {
                    local.add(new TranslationStatus.LocalClause(page.locale(), page.document(), clause.key(), clause.title(),
                            clause.location().toString()));
                }
            }
        }
        return new TranslationStatus(site.config().sourceLocale(), locales(site), List.copyOf(rows),
                List.copyOf(settings), List.copyOf(local));
    }

    /** The site's locales without the pseudo-locales of a {@code --pseudo} build, which nobody translates. */
    private static List<String> locales(Site site) {
        return site.config().locales().stream().filter(locale -> !PseudoLocale.isPseudo(locale)).toList();
    }

    private static List<TranslationStatus.Change> changes(WordDiff diff) {
        return diff.parts().stream()
                .map(part -> new TranslationStatus.Change(part.kind().name().toLowerCase(java.util.Locale.ROOT), part.text()))
                .toList();
    }

    private static TranslationStatus.Cell cell(Site site, Page source, Page translation, String locale) {
        TranslationState state = translation == null || translation == source ? null
                : TranslationState.read(site.contentDirectory(), locale, source.document());
        int ok = 0;
        int stale = 0;
        int missing = 0;
        List<TranslationStatus.ClauseState> clauses = new ArrayList<>();
        java.util.Map<String, String> sourceTexts = null; // read only when a clause is stale
        for (Clause clause : source.clauses()) {
            List<TranslationStatus.Change> changes = List.of();
            String status;
            if (clause.local() && translation != source) {
                status = "local";
            } else if (translation == null || translation.clause(clause.key()) == null) {
                status = "missing";
                missing++;
            } else if (state != null && state.isStale(clause)) {
                status = "stale";
                stale++;
                if (sourceTexts == null) {
                    sourceTexts = TranslationState.sourceTexts(source);
                }
                String now = sourceTexts.getOrDefault(clause.key(), "");
                changes = state.sourceTextOf(clause.key()).map(then -> changes(WordDiff.between(then, now))).orElse(List.of());
            } else {
                status = "ok";
                ok++;
            }
            clauses.add(new TranslationStatus.ClauseState(clause.key(), clause.number(), clause.title(), status, changes));
        }
        return new TranslationStatus.Cell(locale, translation != null, ok, stale, missing, List.copyOf(clauses));
    }
}
