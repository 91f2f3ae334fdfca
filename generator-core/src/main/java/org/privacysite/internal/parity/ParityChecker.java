package org.privacysite.internal.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.messages.MessageBundle;

/**
 * Compares every translation with the source locale: the same clauses in the same structure, and
 * message bundles with the same keys and arguments.
 */
public final class ParityChecker {

    private ParityChecker() {
    }

    public static List<Finding> check(Site site) {
        List<Finding> findings = new ArrayList<>();
        String source = site.config().sourceLocale();
        for (String document : site.config().documents()) {
            Page original = site.sourcePage(document);
            if (original == null) {
                continue;
            }
            for (String locale : site.config().targetLocales()) {
                Page translation = site.page(locale, document);
                if (translation != null) {
                    clauses(original, translation, findings);
                }
            }
        }
        for (String locale : site.config().targetLocales()) {
            bundle(site.ui().get(source), site.ui().get(locale), findings);
            bundle(site.texts().get(source), site.texts().get(locale), findings);
        }
        return findings;
    }

    static void clauses(Page original, Page translation, List<Finding> findings) {
        Map<String, Clause> source = byKey(original.clauses());
        Map<String, Clause> target = byKey(translation.clauses());
        String sourceLocale = original.locale();
        List<String> sourceOrder = new ArrayList<>(source.keySet());
        for (int i = 0; i < sourceOrder.size(); i++) {
            String key = sourceOrder.get(i);
            if (!target.containsKey(key)) {
                findings.add(Finding.error(whereMissing(sourceOrder, i, target, translation), "parity.clause-missing",
                        "clause '" + key + "' is missing (present in " + sourceLocale + ")"));
            }
        }
        for (Clause clause : target.values()) {
            Clause counterpart = source.get(clause.key());
            if (counterpart == null) {
                findings.add(Finding.error(clause.location(), "parity.clause-extra",
                        "clause '" + clause.key() + "' is not in the " + sourceLocale + " source; remove it or fix its key"));
            } else if (counterpart.level() != clause.level()) {
                findings.add(Finding.error(clause.location(), "parity.clause-level", "clause '" + clause.key() + "' is a "
                        + "#".repeat(clause.level()) + " heading here but " + "#".repeat(counterpart.level()) + " in " + sourceLocale));
            } else if (!Objects.equals(counterpart.parentKey(), clause.parentKey())) {
                findings.add(Finding.error(clause.location(), "parity.clause-parent", "clause '" + clause.key() + "' is under '"
                        + clause.parentKey() + "' here but under '" + counterpart.parentKey() + "' in " + sourceLocale));
            }
        }
        List<String> common = sourceOrder.stream().filter(target::containsKey).toList();
        List<String> translated = target.keySet().stream().filter(source::containsKey).toList();
        for (int i = 0; i < common.size(); i++) {
            if (!common.get(i).equals(translated.get(i))) {
                Clause misplaced = target.get(translated.get(i));
                findings.add(Finding.error(misplaced.location(), "parity.clause-order", "clause '" + misplaced.key()
                        + "' is out of order: " + sourceLocale + " has '" + common.get(i) + "' at this position"));
                break; // one report per page; the rest follows from it
            }
        }
    }

    /** A missing clause is reported where it should be: at the next clause that does exist. */
    private static Location whereMissing(List<String> sourceOrder, int index, Map<String, Clause> target, Page translation) {
        for (int i = index + 1; i < sourceOrder.size(); i++) {
            Clause next = target.get(sourceOrder.get(i));
            if (next != null) {
                return next.location();
            }
        }
        Clause last = translation.clauses().isEmpty() ? null : translation.clauses().get(translation.clauses().size() - 1);
        return last != null ? last.location() : Location.of(translation.file()).at(1, 1);
    }

    static void bundle(MessageBundle source, MessageBundle target, List<Finding> findings) {
        if (source.entries().isEmpty() && target.entries().isEmpty()) {
            return;
        }
        Location file = Location.of(target.file());
        if (target.entries().isEmpty() && !source.entries().isEmpty() && target.findings().isEmpty()) {
            findings.add(Finding.error(file, "bundle.missing", "message file is missing or empty; "
                    + source.entries().size() + " messages of " + source.file().getFileName() + " need a translation"));
            return;
        }
        for (MessageBundle.Entry entry : source.entries().values()) {
            MessageBundle.Entry translated = target.entry(entry.key());
            if (translated == null) {
                findings.add(Finding.error(file.at(1, 1), "bundle.key-missing", "message '" + entry.key()
                        + "' is missing (present in " + source.locale() + ")"));
            } else if (!translated.message().argumentNames().equals(entry.message().argumentNames())) {
                findings.add(Finding.error(translated.location(), "bundle.arguments", "message '" + entry.key()
                        + "' uses arguments " + translated.message().argumentNames() + " but the " + source.locale()
                        + " source uses " + entry.message().argumentNames()));
            }
        }
        for (MessageBundle.Entry entry : target.entries().values()) {
            if (!source.has(entry.key())) {
                findings.add(Finding.error(entry.location(), "bundle.key-extra", "message '" + entry.key()
                        + "' is not in the " + source.locale() + " source"));
            }
        }
    }

    private static Map<String, Clause> byKey(List<Clause> clauses) {
        Map<String, Clause> map = new LinkedHashMap<>();
        clauses.forEach(clause -> map.putIfAbsent(clause.key(), clause));
        return map;
    }
}
