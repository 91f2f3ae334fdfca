package org.privacysite.internal.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executor;

import org.privacysite.Finding;
import org.privacysite.internal.rules.ConsentRules;
import org.privacysite.internal.rules.IcuRules;
import org.privacysite.internal.rules.XrefRules;
import org.privacysite.internal.spelling.ClosestName;
import org.privacysite.internal.concurrent.Jobs;
import org.privacysite.internal.messages.IcuMessage;

/**
 * Checks that what a page refers to exists: every ICU argument is a known fact of a fitting type,
 * and every link to a clause lands on a clause of that language's page.
 */
public final class ReferenceChecker {

    private ReferenceChecker() {
    }

    public static List<Finding> check(Site site) {
        return check(site, Runnable::run);
    }

    /** Checks {@code site}, slices of its pages on {@code executor}; the findings in page order. */
    public static List<Finding> check(Site site, Executor executor) {
        List<Finding> findings = Jobs.inSlices(site.pages(), 500, executor, slice -> check(site, slice));
        findings.addAll(bundles(site));
        return findings;
    }

    /** {@link #check(Site, java.util.Collection)} page by page, slices of the pages on {@code executor}: what a build cache keeps. */
    public static Map<PageKey, List<Finding>> byPage(Site site, java.util.Collection<Page> pages, Executor executor) {
        java.util.Set<String> documents = java.util.Set.copyOf(site.config().documents());
        List<Map.Entry<PageKey, List<Finding>>> checked = Jobs.inSlices(List.copyOf(pages), 500, executor, slice -> slice.stream()
                .map(page -> Map.entry(new PageKey(page.locale(), page.document()), check(site, List.of(page), documents))).toList());
        Map<PageKey, List<Finding>> byPage = new java.util.LinkedHashMap<>();
        checked.forEach(entry -> byPage.put(entry.getKey(), entry.getValue()));
        return byPage;
    }

    /** Facts used in message bundles must fit the argument's type, like facts in policies. */
    public static List<Finding> bundles(Site site) {
        List<Finding> findings = new ArrayList<>();
        java.util.List<org.privacysite.internal.messages.MessageBundle> bundles = new ArrayList<>(site.ui().values());
        bundles.addAll(site.texts().values());
        bundles.sort(java.util.Comparator.comparing(bundle -> bundle.file().toString()));
        for (var bundle : bundles) {
            for (var entry : bundle.entries().values()) {
                for (IcuMessage.Argument argument : entry.message().arguments()) {
                    if (site.config().facts().containsKey(argument.name())) {
                        String problem = problem(argument, site.config().facts());
                        if (problem != null) {
                            findings.add(Finding.of(entry.location(), IcuRules.UNKNOWN_FACT, problem + " (message '" + entry.key() + "')"));
                        }
                    }
                }
            }
        }
        return findings;
    }

    /** Checks only {@code pages} of {@code site}, for incremental rebuilds. */
    public static List<Finding> check(Site site, java.util.Collection<Page> pages) {
        return check(site, pages, java.util.Set.copyOf(site.config().documents()));
    }

    /** @param documents the site's documents, looked up per link */
    private static List<Finding> check(Site site, java.util.Collection<Page> pages, java.util.Set<String> documents) {
        List<Finding> findings = new ArrayList<>();
        for (Page page : pages) {
            Map<String, Object> arguments = site.arguments(page);
            for (String key : List.of("title", "description")) {
                String text = key.equals("title") ? page.frontMatter().title() : page.frontMatter().description();
                if (IcuMessage.hasArguments(text)) {
                    for (IcuMessage.Argument argument : IcuMessage.parse(text).arguments()) {
                        String problem = problem(argument, arguments);
                        if (problem != null) {
                            findings.add(Finding.of(page.frontMatter().locationOf(key), IcuRules.UNKNOWN_FACT, problem));
                        }
                    }
                }
            }
            for (ArgumentUse use : page.argumentUses()) {
                String problem = problem(use.argument(), arguments);
                if (problem != null) {
                    findings.add(Finding.of(use.location(), IcuRules.UNKNOWN_FACT, problem + (use.inLinkAddress() ? " (in a link address)" : "")));
                }
            }
            for (CookieTableUse table : page.cookieTables()) {
                if (site.consent() == null) {
                    findings.add(Finding.of(table.location(), ConsentRules.MISSING,
                            "a cookie-table block needs content/cookies.yaml, which does not exist"));
                } else if (site.consent().category(table.category()) == null) {
                    findings.add(Finding.of(table.location(), ConsentRules.UNKNOWN_CATEGORY, "cookie-table names category '"
                            + table.category() + "', which cookies.yaml does not define"));
                }
            }
            for (ClauseLink link : page.links()) {
                String document = link.targetDocument(page.document());
                if (!documents.contains(document)) {
                    findings.add(Finding.of(link.location(), XrefRules.UNKNOWN_DOCUMENT,
                            "link to '" + document + ".md', which is not a document of this site ("
                                    + ClosestName.knownOrClosest(document, site.config().documents(), "documents") + ")"));
                    continue;
                }
                if (link.key() == null) {
                    continue;
                }
                Page target = site.page(page.locale(), document);
                if (target == null) {
                    target = site.sourcePage(document); // a fallback page shows the source text
                }
                if (target != null && target.clause(link.key()) == null) {
                    String suggestion = ClosestName.closestLong(link.key(), target.clauses().stream().map(Clause::key).toList());
                    findings.add(Finding.of(link.location(), XrefRules.UNKNOWN_CLAUSE, "cross-reference to clause '"
                            + link.key() + "', which does not exist in " + target.locale() + "/" + document + ".md"
                            + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")));
                }
            }
        }
        return findings;
    }

    private static String problem(IcuMessage.Argument argument, Map<String, Object> arguments) {
        Object value = arguments.get(argument.name());
        if (value == null) {
            String suggestion = ClosestName.closest(argument.name(), arguments.keySet());
            return "'" + argument.name() + "' is not a fact; " + (suggestion != null ? "did you mean '" + suggestion + "'? " : "")
                    + "facts are defined under 'facts' in site.yaml";
        }
        boolean number = value instanceof Number;
        boolean date = value instanceof LocalDate;
        return switch (argument.type()) {
            case "plural", "selectordinal", "number", "spellout", "ordinal", "duration", "choice" -> number ? null
                    : "'" + argument.name() + "' is used as a number (" + argument.type() + ") but its fact is not a number";
            case "date", "time" -> date ? null
                    : "'" + argument.name() + "' is used as a date but its fact is not a date (write YYYY-MM-DD in site.yaml)";
            default -> null;
        };
    }
}
