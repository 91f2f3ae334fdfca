package org.privacysite.internal.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.consent.ConsentConfig;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.history.DocumentHistory;
import org.privacysite.internal.history.SiteHistory;
import org.privacysite.internal.messages.IcuMessage;
import org.privacysite.internal.messages.MessageBundle;
import org.privacysite.internal.messages.PseudoLocale;
import org.privacysite.internal.rules.BundleRules;
import org.privacysite.internal.rules.ConsentRules;
import org.privacysite.internal.rules.ParityRules;

/**
 * Compares every translation with the source locale: the same clauses in the same structure, the
 * same ICU arguments and links in each clause, complete plural forms, up-to-date translations, and
 * message bundles with the same keys and arguments.
 */
public final class ParityChecker {

    private ParityChecker() {
    }

    public static List<Finding> check(Site site) {
        return check(site, Runnable::run);
    }

    /** Checks {@code site}, reading the pages' Markdown on {@code executor} (each page may be parsed again). */
    public static List<Finding> check(Site site, java.util.concurrent.Executor executor) {
        return check(site, SiteHistory.none(List.of()), new PageContents(), executor);
    }

    /**
     * Checks {@code site}; the pages not in {@code read} are read on {@code executor}. With a
     * {@code history}, each translation is compared with the source text of its own version (a
     * translation may lag one version behind an upcoming source), and a translation of another version
     * than the one in force is reported ({@link ParityRules#VERSION_MISSING}).
     */
    public static List<Finding> check(Site site, SiteHistory history, PageContents read, java.util.concurrent.Executor executor) {
        Map<java.nio.file.Path, Map<String, ClauseContent>> contents = read.of(site.pages(), site::sourcePage, executor);
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Page>> byDocument = byDocument(site.pages());
        for (String document : site.config().documents()) {
            findings.addAll(document(site, document, byDocument.getOrDefault(document, List.of()), history, read, contents));
        }
        findings.addAll(checkSiteWide(site));
        return findings;
    }

    /** The translations to check: the pseudo-locales of a {@code --pseudo} build are made from the source, not translated. */
    private static List<String> translations(Site site) {
        return site.config().targetLocales().stream().filter(locale -> !PseudoLocale.isPseudo(locale)).toList();
    }

    /**
     * The source text {@code translation} translates: the source's version of the same effective date
     * when the history has one (a translation lagging behind an upcoming source is checked against the
     * version it translates), else the source's working copy.
     */
    private static Page translated(Page workingCopy, Page translation, DocumentHistory versions) {
        java.time.LocalDate date = translation.frontMatter().effective();
        if (versions == null || date.equals(workingCopy.frontMatter().effective())) {
            return workingCopy; // also in the preview, where the working copy may have been edited since the history was read
        }
        Page version = versions.sourcePage(date);
        return version != null ? version : workingCopy; // a date of no source version: history.unmatched-version says so
    }

    /**
     * A translation of another version than the one in force: its page shows the source's text of the
     * version in force, with the fallback notice, until the translation catches up.
     */
    private static List<Finding> versionInForce(Site site, DocumentHistory versions, Page translation) {
        String locale = translation.locale();
        if (versions.translatesVersionInForce(locale) || site.config().mayFallBack(locale, translation.document())) {
            return List.of();
        }
        String source = site.config().sourceLocale();
        return List.of(Finding.of(translation.frontMatter().locationOf("effective"), ParityRules.VERSION_MISSING, "the " + locale + " text is the "
                + "version of " + translation.frontMatter().effective() + ", but the version in force since " + versions.inForce()
                + " has no " + locale + " translation; the " + locale + " page shows the " + source + " text with the fallback "
                + "notice until you translate that version (commit it with 'effective: " + versions.inForce() + "'), or allow "
                + "a fallback to the source in site.yaml"));
    }

    /**
     * The findings of {@link #check(Site, SiteHistory, PageContents, java.util.concurrent.Executor)} that concern
     * each of {@code documents} alone: the plural forms of its pages, and each translation against its source. A
     * build cache keeps them per document and checks again only the documents whose pages changed.
     */
    public static Map<String, List<Finding>> checkDocuments(Site site, java.util.Collection<String> documents, SiteHistory history,
                                                            PageContents read, java.util.concurrent.Executor executor) {
        Set<String> wanted = Set.copyOf(documents);
        List<Page> pages = site.pages().stream().filter(page -> wanted.contains(page.document())).toList();
        Map<java.nio.file.Path, Map<String, ClauseContent>> contents = read.of(pages, site::sourcePage, executor);
        Map<String, List<Page>> pagesByDocument = byDocument(pages);
        Map<String, List<Finding>> byDocument = new LinkedHashMap<>();
        for (String document : site.config().documents()) {
            if (wanted.contains(document)) {
                byDocument.put(document, List.copyOf(document(site, document, pagesByDocument.getOrDefault(document, List.of()),
                        history, read, contents)));
            }
        }
        return byDocument;
    }

    /** {@code pages} by document, in order: each document's check walks its own pages, not all 10,000. */
    private static Map<String, List<Page>> byDocument(List<Page> pages) {
        Map<String, List<Page>> byDocument = new java.util.HashMap<>();
        for (Page page : pages) {
            byDocument.computeIfAbsent(page.document(), document -> new ArrayList<>()).add(page);
        }
        return byDocument;
    }

    /**
     * One document's findings: its pages' plural forms, and each translation against the source text it translates
     * (those {@code read} compared as they were read, with their findings of then).
     */
    private static List<Finding> document(Site site, String document, List<Page> pages, SiteHistory history,
                                          PageContents read, Map<java.nio.file.Path, Map<String, ClauseContent>> contents) {
        List<Finding> findings = new ArrayList<>();
        Page workingCopy = site.sourcePage(document);
        for (Page page : pages) { // the document's own pages
            if (!PseudoLocale.isPseudo(page.locale())) {
                PageContents.Compared early = read.compared(page, workingCopy);
                findings.addAll(early != null ? early.plurals() : pluralCategories(page, contents.get(page.file())));
            }
        }
        if (workingCopy == null) {
            return findings;
        }
        DocumentHistory versions = history.document(document);
        for (String locale : translations(site)) {
            Page translation = site.page(locale, document);
            if (translation == null) {
                continue;
            }
            Page original = translated(workingCopy, translation, versions);
            PageContents.Compared early = original == workingCopy ? read.compared(translation, workingCopy) : null;
            findings.addAll(clauses(original, translation));
            if (early != null) {
                findings.addAll(early.content());
            } else {
                // A recorded version shares its file with the working copy: its contents are read here, not by file.
                Map<String, ClauseContent> originalContent = original == workingCopy
                        ? contents.get(original.file()) : ClauseContent.of(original);
                findings.addAll(content(original.locale(), originalContent, contents.get(translation.file()), site.config().facts()));
            }
            findings.addAll(staleness(site, original, translation));
            if (versions != null) {
                findings.addAll(versionInForce(site, versions, translation));
            }
        }
        return findings;
    }

    /** The rest of {@link #check(Site, SiteHistory, PageContents, java.util.concurrent.Executor)}: the message bundles and the content folders. */
    public static List<Finding> checkSiteWide(Site site) {
        List<Finding> findings = new ArrayList<>();
        String source = site.config().sourceLocale();
        for (String locale : site.config().locales()) {
            if (!PseudoLocale.isPseudo(locale)) {
                findings.addAll(bundlePlurals(site.ui().get(locale)));
                findings.addAll(bundlePlurals(site.texts().get(locale)));
            }
        }
        for (String locale : translations(site)) {
            findings.addAll(bundle(site.ui().get(source), site.ui().get(locale)));
            findings.addAll(bundle(site.texts().get(source), site.texts().get(locale)));
        }
        findings.addAll(DocumentFolders.check(site));
        return findings;
    }

    /**
     * Every text cookies.yaml refers to must exist in the source locale's content messages (a build
     * error: the banner and the cookie tables cannot be rendered without them).
     */
    public static List<Finding> consentMessages(Site site) {
        if (site.consent() == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        MessageBundle texts = site.texts().get(site.config().sourceLocale());
        for (ConsentConfig.Category category : site.consent().categories()) {
            for (String key : List.of(category.nameKey(), category.purposeKey())) {
                if (!texts.has(key)) {
                    findings.add(Finding.of(category.location(), ConsentRules.MESSAGE_MISSING, "category '" + category.id()
                            + "' needs the message '" + key + "' in " + site.config().sourceLocale() + "/messages.yaml"));
                }
            }
            for (ConsentConfig.Cookie cookie : category.cookies()) {
                if (!texts.has(cookie.purposeKey())) {
                    findings.add(Finding.of(cookie.location(), ConsentRules.MESSAGE_MISSING, "cookie '" + cookie.name()
                            + "' needs the message '" + cookie.purposeKey() + "' in " + site.config().sourceLocale() + "/messages.yaml"));
                }
            }
        }
        return findings;
    }

    /** Arguments, links and shape of each clause against the source's; each finding is about its clause. */
    static List<Finding> content(String sourceLocale, Map<String, ClauseContent> source, Map<String, ClauseContent> target,
                                 Map<String, Object> facts) {
        List<Finding> findings = new ArrayList<>();
        for (ClauseContent translated : target.values()) {
            ClauseContent original = source.get(translated.key());
            if (original != null) { // a clause the source lacks is reported as an extra clause
                clauseContent(sourceLocale, original, translated, facts)
                        .forEach(finding -> findings.add(finding.about(translated.key())));
            }
        }
        return findings;
    }

    /** One clause's facts, links and shape against the same clause of the source. */
    private static List<Finding> clauseContent(String sourceLocale, ClauseContent original, ClauseContent translated,
                                               Map<String, Object> facts) {
        List<Finding> findings = new ArrayList<>();
        // Made only for a finding: most clauses of most translations have none.
        java.util.function.Supplier<String> clause = () -> translated.key().isEmpty() ? "the introduction"
                : name(translated.key(), translated.title());
        Map<String, IcuMessage.Argument> sourceArguments = argumentsByName(original);
        Map<String, ClauseContent.Argument> targetArguments = new LinkedHashMap<>();
        translated.arguments().forEach(a -> targetArguments.putIfAbsent(a.argument().name(), a));
        for (String name : sourceArguments.keySet()) {
            if (!targetArguments.containsKey(name)) {
                findings.add(argumentMissing(clause.get(), sourceArguments.get(name), facts.get(name), translated, sourceLocale));
            }
        }
        for (ClauseContent.Argument argument : targetArguments.values()) {
            IcuMessage.Argument expected = sourceArguments.get(argument.argument().name());
            if (expected == null) {
                findings.add(Finding.of(argument.location(), ParityRules.ARGUMENT_EXTRA,
                        "{" + argument.argument().name() + "} is not used in this clause of " + sourceLocale));
            } else if (!expected.type().equals(argument.argument().type())) {
                findings.add(Finding.of(argument.location(), ParityRules.ARGUMENT_TYPE, "{" + argument.argument().name()
                        + "} is a " + argument.argument().type() + " argument here but a " + expected.type() + " in " + sourceLocale));
            } else if (expected.type().equals("select") && !expected.keywords().equals(argument.argument().keywords())) {
                findings.add(Finding.of(argument.location(), ParityRules.SELECT_CASES, "{" + argument.argument().name()
                        + "} has cases " + new TreeSet<>(argument.argument().keywords()) + " but " + sourceLocale + " has "
                        + new TreeSet<>(expected.keywords())));
            }
        }
        if (!sameLinks(original.links(), translated.links())) {
            findings.add(Finding.of(translated.location(), ParityRules.LINKS, clause.get() + " links to "
                    + translated.links() + " but " + sourceLocale + " links to " + original.links()));
        }
        shape(clause, original, translated).ifPresent(findings::add);
        return findings;
    }

    /** As many links to the same targets, in any order (the lists in the same order, the usual case, are not sorted). */
    private static boolean sameLinks(List<String> original, List<String> translated) {
        return original.equals(translated)
                || original.size() == translated.size() && new TreeSet<>(original).equals(new TreeSet<>(translated));
    }

    /**
     * A fact the translation does not use; when its value is written in the clause instead ("72 heures"
     * where the source has {breachNotificationHours}), the finding points at the value and says so.
     */
    private static Finding argumentMissing(String clause, IcuMessage.Argument argument, Object value, ClauseContent translated,
                                           String sourceLocale) {
        String name = argument.name();
        String message = clause + " does not use {" + name + "}" + (value == null ? "" : " (" + value + ")") + ", which "
                + sourceLocale + " uses";
        Location written = value instanceof Number ? translated.numbers().get(String.valueOf(value)) : null;
        if (written == null) {
            return Finding.of(translated.location(), ParityRules.ARGUMENT_MISSING, message);
        }
        String use = argument.type().equals("none") ? "{" + name + "}" : "{" + name + ", " + argument.type() + ", …}";
        return Finding.of(written, ParityRules.ARGUMENT_MISSING, message + "; the text contains " + value
                + ": write " + use + " instead");
    }

    /**
     * One finding per clause whose paragraphs, lists or tables differ in number from the source's, at
     * the first block where the two differ (a paragraph that fell out of its list item, say), not at
     * the heading: in a long clause the heading says little about where to look.
     */
    private static java.util.Optional<Finding> shape(java.util.function.Supplier<String> clause, ClauseContent original,
                                                     ClauseContent translated) {
        int[] expected = {original.paragraphs(), original.lists(), original.listItems(), original.tables(), original.tableRows()};
        int[] actual = {translated.paragraphs(), translated.lists(), translated.listItems(), translated.tables(), translated.tableRows()};
        String[] nouns = {"paragraph", "list", "list item", "table", "table row"};
        List<String> here = new ArrayList<>();
        List<String> there = new ArrayList<>();
        for (int i = 0; i < nouns.length; i++) {
            if (expected[i] != actual[i]) {
                here.add(EnglishCount.of(actual[i], nouns[i]));
                there.add(EnglishCount.of(expected[i], nouns[i]));
            }
        }
        if (here.isEmpty()) {
            return java.util.Optional.empty();
        }
        int differs = 0;
        while (differs < original.shape().length() && differs < translated.shape().length()
                && original.shape().charAt(differs) == translated.shape().charAt(differs)) {
            differs++;
        }
        return java.util.Optional.of(Finding.of(translated.blockLocation(differs), ParityRules.STRUCTURE, clause.get() + " has "
                + EnglishCount.and(here) + " here; the source has " + EnglishCount.and(there) + " (it differs from here on)"));
    }

    /** How findings name a clause: by its key, which is the same in every language, and by its heading here. */
    static String name(String key, String title) {
        String heading = title == null ? "" : IcuMessage.asText(title).strip();
        return "clause '" + key + "'" + (heading.isEmpty() ? "" : " (\"" + heading + "\")");
    }

    static String name(Clause clause) {
        return name(clause.key(), clause.title());
    }

    private static Map<String, IcuMessage.Argument> argumentsByName(ClauseContent content) {
        Map<String, IcuMessage.Argument> byName = new LinkedHashMap<>();
        content.arguments().forEach(a -> byName.putIfAbsent(a.argument().name(), a.argument()));
        return byName;
    }

    /** Plurals need 'other' (ICU enforces it) and should cover every category the locale uses. */
    static List<Finding> pluralCategories(Page page, Map<String, ClauseContent> contents) {
        List<Finding> findings = new ArrayList<>();
        Set<String> categories = PluralCategories.of(page.locale());
        for (ClauseContent content : contents.values()) {
            for (ClauseContent.Argument argument : content.arguments()) {
                missingCategories(argument.argument(), categories).ifPresent(missing -> findings.add(Finding.of(
                        argument.location(), ParityRules.PLURAL_CATEGORIES, "{" + argument.argument().name()
                                + ", plural} lacks the " + page.locale() + " plural forms " + missing).about(content.key())));
            }
        }
        return findings;
    }

    static List<Finding> bundlePlurals(MessageBundle bundle) {
        List<Finding> findings = new ArrayList<>();
        Set<String> categories = PluralCategories.of(bundle.locale());
        for (MessageBundle.Entry entry : bundle.entries().values()) {
            for (IcuMessage.Argument argument : entry.message().arguments()) {
                missingCategories(argument, categories).ifPresent(missing -> findings.add(Finding.of(entry.location(),
                        ParityRules.PLURAL_CATEGORIES, "message '" + entry.key() + "': {" + argument.name()
                                + ", plural} lacks the " + bundle.locale() + " plural forms " + missing)));
            }
        }
        return findings;
    }

    private static java.util.Optional<Set<String>> missingCategories(IcuMessage.Argument argument, Set<String> categories) {
        if (!argument.type().equals("plural")) {
            return java.util.Optional.empty();
        }
        Set<String> missing = new TreeSet<>(categories);
        missing.removeAll(argument.keywords());
        return missing.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(missing);
    }

    /** A translated clause made from an older version of the source clause. */
    static List<Finding> staleness(Site site, Page original, Page translation) {
        List<Finding> findings = new ArrayList<>();
        TranslationState state = TranslationState.read(site.contentDirectory(), translation.locale(), translation.document());
        Map<String, String> sourceTexts = null; // read only when a clause is stale
        for (Clause clause : translation.clauses()) {
            Clause source = original.clause(clause.key());
            if (source != null && state.isStale(source)) {
                if (sourceTexts == null) {
                    sourceTexts = TranslationState.sourceTexts(original);
                }
                findings.add(Finding.of(clause.location(), ParityRules.STALE, name(clause) + " was translated from an older "
                        + original.locale() + " version" + whatChanged(state, clause.key(), sourceTexts.get(clause.key()))
                        + "; update it, then run mark-translated --locale " + translation.locale()
                        + " --document " + translation.document()).about(clause.key()));
            }
        }
        return findings;
    }

    /** "; what changed: … [-30-]{+60+} days …", or nothing when the record predates keeping the source text. */
    private static String whatChanged(TranslationState state, String key, String now) {
        return state.sourceTextOf(key)
                .map(then -> "; what changed: " + WordDiff.between(then, now == null ? "" : now).compact(4))
                .orElse("");
    }

    /** Which clauses the translation has, where and at which level, against the source's; each finding is about its clause. */
    static List<Finding> clauses(Page original, Page translation) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Clause> source = byKey(original.clauses());
        Map<String, Clause> target = byKey(translation.clauses());
        String sourceLocale = original.locale();
        List<String> sourceOrder = new ArrayList<>(source.keySet());
        for (int i = 0; i < sourceOrder.size(); i++) {
            String key = sourceOrder.get(i);
            if (!target.containsKey(key) && !source.get(key).local()) {
                findings.add(Finding.of(whereMissing(sourceOrder, i, target, translation), ParityRules.CLAUSE_MISSING,
                        name(source.get(key)) + " is missing (present in " + sourceLocale + ")").about(key));
            }
        }
        for (Clause clause : target.values()) {
            Clause counterpart = source.get(clause.key());
            if (counterpart == null && clause.local()) {
                continue; // declared {#key local}: this language's own addition
            } else if (counterpart == null) {
                findings.add(Finding.of(clause.location(), ParityRules.CLAUSE_EXTRA,
                        name(clause) + " is not in the " + sourceLocale + " source; remove it, fix its key, or mark it as this"
                                + " language's own with {#" + clause.key() + " local}").about(clause.key()));
            } else if (counterpart.level() != clause.level()) {
                findings.add(Finding.of(clause.location(), ParityRules.CLAUSE_LEVEL, name(clause) + " is a "
                        + "#".repeat(clause.level()) + " heading here but " + "#".repeat(counterpart.level()) + " in " + sourceLocale)
                        .about(clause.key()));
            } else if (!Objects.equals(counterpart.parentKey(), clause.parentKey())) {
                findings.add(Finding.of(clause.location(), ParityRules.CLAUSE_PARENT, name(clause) + " is under '"
                        + clause.parentKey() + "' here but under '" + counterpart.parentKey() + "' in " + sourceLocale)
                        .about(clause.key()));
            }
        }
        List<String> common = sourceOrder.stream().filter(target::containsKey).toList();
        List<String> translated = target.keySet().stream().filter(source::containsKey).toList();
        for (int i = 0; i < common.size(); i++) {
            if (!common.get(i).equals(translated.get(i))) {
                Clause misplaced = target.get(translated.get(i));
                findings.add(Finding.of(misplaced.location(), ParityRules.CLAUSE_ORDER, name(misplaced)
                        + " is out of order: " + sourceLocale + " has '" + common.get(i) + "' at this position")
                        .about(misplaced.key()));
                break; // one report per page; the rest follows from it
            }
        }
        return findings;
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

    static List<Finding> bundle(MessageBundle source, MessageBundle target) {
        if (source.entries().isEmpty() && target.entries().isEmpty()) {
            return List.of();
        }
        Location file = Location.of(target.file());
        if (target.entries().isEmpty() && !source.entries().isEmpty() && target.findings().isEmpty()) {
            return List.of(Finding.of(file, BundleRules.MISSING, "message file is missing or empty; "
                    + source.entries().size() + " messages of " + source.file().getFileName() + " need a translation"));
        }
        List<Finding> findings = new ArrayList<>();
        for (MessageBundle.Entry entry : source.entries().values()) {
            MessageBundle.Entry translated = target.entry(entry.key());
            if (translated == null && entry.key().equals(MessageBundle.LANGUAGE_NAME)) {
                continue; // optional: a language's name is CLDR's ("Deutsch", "polski") unless its bundle gives one
            } else if (translated == null) {
                findings.add(Finding.of(file.at(1, 1), BundleRules.KEY_MISSING, "message '" + entry.key()
                        + "' is missing (present in " + source.locale() + ")"));
            } else if (!translated.message().argumentNames().equals(entry.message().argumentNames())) {
                findings.add(Finding.of(translated.location(), BundleRules.ARGUMENTS, "message '" + entry.key()
                        + "' uses arguments " + translated.message().argumentNames() + " but the " + source.locale()
                        + " source uses " + entry.message().argumentNames()));
            }
        }
        for (MessageBundle.Entry entry : target.entries().values()) {
            if (!source.has(entry.key()) && !entry.key().equals(MessageBundle.LANGUAGE_NAME)) {
                findings.add(Finding.of(entry.location(), BundleRules.KEY_EXTRA, "message '" + entry.key()
                        + "' is not in the " + source.locale() + " source"));
            }
        }
        return findings;
    }

    private static Map<String, Clause> byKey(List<Clause> clauses) {
        Map<String, Clause> map = new LinkedHashMap<>();
        clauses.forEach(clause -> map.putIfAbsent(clause.key(), clause));
        return map;
    }
}
