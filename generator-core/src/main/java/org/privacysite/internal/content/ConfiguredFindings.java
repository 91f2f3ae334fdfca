package org.privacysite.internal.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.privacysite.Finding;
import org.privacysite.Rule;
import org.privacysite.internal.config.RuleSetting;
import org.privacysite.internal.config.SiteConfig;
import org.privacysite.internal.rules.ConfigRules;

/**
 * Applies the rule levels a site sets, in site.yaml's {@code rules:} and in clause headings
 * ({@code {#key parity.structure=off}}), to the findings of a check. A finding's place decides which
 * setting counts: the file gives its locale and document; the clause is the one the finding is about
 * (a missing clause, say), else the one its line is in; the most specific setting wins. Findings switched
 * off are kept aside, so reports can list them.
 */
public final class ConfiguredFindings {

    /**
     * @param findings    the findings at their configured severity
     * @param switchedOff the findings a setting switched off, at their rule's own severity
     */
    public record Result(List<Finding> findings, List<Finding> switchedOff) {
    }

    private final SiteConfig config;
    private final Site site;
    /** The pages by normalized file, made when a finding is first placed: most runs of a large site have none to place. */
    private Map<Path, Page> pages;
    private final List<RuleSetting> inline;

    private ConfiguredFindings(Site site) {
        this.config = site.config();
        this.site = site;
        this.inline = inline(site);
    }

    /** Applies the site's settings to {@code findings}. */
    public static Result apply(Site site, List<Finding> findings) {
        return new ConfiguredFindings(site).apply(findings);
    }

    /**
     * Applies the site's settings to {@code findings} and to the errors of {@link #unknownTargets}: one
     * pass over the site's clauses for both (the preview does this on every save).
     */
    public static Result applyWithUnknownTargets(Site site, List<Finding> findings, Function<String, Optional<Rule>> catalogue,
                                                 Function<String, String> suggest) {
        ConfiguredFindings configured = new ConfiguredFindings(site);
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(unknownTargets(site, configured.settings(), catalogue, suggest));
        return configured.apply(all);
    }

    /** Every setting of the site: site.yaml's first, then those in clause headings, in file order. */
    public static List<RuleSetting> settings(Site site) {
        return new ConfiguredFindings(site).settings();
    }

    private List<RuleSetting> settings() {
        List<RuleSetting> all = new ArrayList<>(config.rules());
        all.addAll(inline);
        return all;
    }

    /** The settings written in clause headings, in file order. */
    private static List<RuleSetting> inline(Site site) {
        List<RuleSetting> inline = new ArrayList<>();
        for (Page page : site.settingPages()) { // the preview looks them up on each save: not all 10,000 pages
            for (Clause clause : page.clauses()) {
                clause.rules().forEach((rule, level) -> inline.add(new RuleSetting(rule, page.locale(), page.document(),
                        clause.key(), RuleSetting.parseLevel(level), clause.location())));
            }
        }
        return inline;
    }

    /**
     * Errors for settings that would switch nothing: a rule id the catalogue lacks (with the closest id)
     * or a clause that does not exist in the document it names.
     *
     * @param catalogue a rule by id, empty for an unknown id; {@code suggest} the closest id or null
     */
    public static List<Finding> unknownTargets(Site site, Function<String, Optional<Rule>> catalogue,
                                               Function<String, String> suggest) {
        return unknownTargets(site, settings(site), catalogue, suggest);
    }

    private static List<Finding> unknownTargets(Site site, List<RuleSetting> settings, Function<String, Optional<Rule>> catalogue,
                                                Function<String, String> suggest) {
        List<Finding> findings = new ArrayList<>();
        for (RuleSetting setting : settings) {
            if (catalogue.apply(setting.ruleId()).isEmpty()) {
                String closest = suggest.apply(setting.ruleId());
                findings.add(Finding.of(setting.where(), ConfigRules.RULES, "there is no rule '" + setting.ruleId() + "'"
                        + (closest != null ? "; did you mean '" + closest + "'?" : "; `privacy-site rules` lists them")));
            } else if (setting.clause() != null && !clauseExists(site, setting)) {
                findings.add(Finding.of(setting.where(), ConfigRules.RULES, "'" + setting.target()
                        + "' names clause '" + setting.clause() + "', which " + setting.document() + " does not have"
                        + (setting.locale() != null ? " in " + setting.locale() + " or in the source language " + site.config().sourceLocale()
                        : " in any locale")));
            }
        }
        return findings;
    }

    /** Whether the clause is in the document in the setting's locale, or in its source (a missing clause is named so). */
    private static boolean clauseExists(Site site, RuleSetting setting) {
        String source = site.config().sourceLocale();
        for (Page page : site.pages()) {
            if (page.document().equals(setting.document())
                    && (setting.locale() == null || page.locale().equals(setting.locale()) || page.locale().equals(source))
                    && page.clause(setting.clause()) != null) {
                return true;
            }
        }
        return false;
    }

    private Result apply(List<Finding> findings) {
        if (config.rules().isEmpty() && inline.isEmpty()) {
            return new Result(findings, List.of());
        }
        List<Finding> kept = new ArrayList<>(findings.size());
        List<Finding> off = new ArrayList<>();
        for (Finding finding : findings) {
            Optional<RuleSetting> setting = settingFor(finding);
            if (setting.isEmpty()) {
                kept.add(finding);
            } else if (setting.get().isOff()) {
                off.add(finding);
            } else {
                kept.add(finding.withSeverity(setting.get().level()));
            }
        }
        return new Result(kept, off);
    }

    private Optional<RuleSetting> settingFor(Finding finding) {
        if (pages == null) {
            pages = new HashMap<>();
            site.pages().forEach(page -> pages.put(normal(page.file()), page)); // 10,000 paths normalized: not for nothing
        }
        Page page = finding.location() == null ? null : pages.get(normal(finding.location().file()));
        String locale = page == null ? null : page.locale();
        String document = page == null ? null : page.document();
        String clause = finding.clause() != null ? finding.clause() : page == null ? null : clauseAt(page, finding.location().line());
        RuleSetting best = config.ruleSetting(finding.ruleId(), locale, document, clause).orElse(null);
        for (RuleSetting setting : inline) {
            // A setting in the heading is as specific as a clause target in site.yaml, and is written closer to the text.
            if (setting.ruleId().equals(finding.ruleId()) && setting.locale().equals(locale)
                    && setting.document().equals(document) && setting.clause().equals(clause)) {
                best = setting;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The key of the clause that line {@code line} is in: the last heading at or above it. */
    private static String clauseAt(Page page, int line) {
        Clause clause = line <= 0 ? null : page.clauseAround(line);
        return clause == null ? null : clause.key();
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
