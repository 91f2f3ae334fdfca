package org.privacysite.internal.content;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.privacysite.Finding;
import org.privacysite.internal.config.SiteConfig;
import org.privacysite.internal.consent.ConsentConfig;
import org.privacysite.internal.messages.MessageBundle;
import org.privacysite.internal.theme.Theme;

/**
 * Everything read from the sources: configuration, parsed pages, message bundles, and the problems
 * found while reading them. The input of every later stage.
 *
 * @param pages    every page that exists, in locale then document order
 * @param theme    the templates, assets and UI bundles: the site's own over the built-in theme
 * @param ui       UI message bundles by locale ({@code messages/<locale>.yaml} of the theme)
 * @param texts    policy message bundles by locale ({@code content/<locale>/messages.yaml})
 * @param consent  the consent configuration ({@code content/cookies.yaml}), or null when there is none
 * @param findings problems found while reading
 * @param index    the pages by locale and document, for constant-time lookups
 * @param settingPages the pages with a rule setting in a clause heading, in page order: the rule settings
 *                 are looked up on each preview save, and walking the clauses of 10,000 pages took longer
 *                 than rendering the edited one
 */
public record Site(SiteConfig config, Path contentDirectory, Theme theme, List<Page> pages,
                   Map<String, MessageBundle> ui, Map<String, MessageBundle> texts, ConsentConfig consent,
                   List<Finding> findings, Map<PageKey, Page> index, List<Page> settingPages) {

    /** A site of {@code pages}, indexed. */
    public static Site of(SiteConfig config, Path contentDirectory, Theme theme, List<Page> pages,
                          Map<String, MessageBundle> ui, Map<String, MessageBundle> texts, ConsentConfig consent,
                          List<Finding> findings) {
        Map<PageKey, Page> index = new HashMap<>();
        pages.forEach(page -> index.put(new PageKey(page.locale(), page.document()), page));
        // A HashMap, not Map.copyOf: the immutable map's open addressing probed long runs of PageKeys
        // (1.3% of a 10k check's samples went to PageKey.equals).
        return new Site(config, contentDirectory, theme, List.copyOf(pages), ui, texts, consent,
                List.copyOf(findings), java.util.Collections.unmodifiableMap(index), pages.stream().filter(Page::setsRules).toList());
    }

    /** This site with {@code page} parsed anew: it replaces the page of the same file and its findings. */
    public Site withPage(Page page) {
        Page previous = page(page.locale(), page.document());
        if (previous == null || !previous.file().equals(page.file())) {
            throw new IllegalArgumentException("not a page of this site: " + page.file());
        }
        List<Page> updated = new java.util.ArrayList<>(pages.size());
        List<Page> updatedSettingPages = new java.util.ArrayList<>();
        int setting = 0; // settingPages is in page order: the next one to meet
        for (Page existing : pages) {
            boolean sets = setting < settingPages.size() && settingPages.get(setting) == existing;
            if (sets) {
                setting++;
            }
            Page kept = existing == previous ? page : existing; // the same object: comparing 10,000 paths took a while
            updated.add(kept);
            if (kept == page ? page.setsRules() : sets) {
                updatedSettingPages.add(kept);
            }
        }
        List<Finding> updatedFindings = new java.util.ArrayList<>();
        for (Finding finding : findings) {
            if (!page.file().equals(finding.location().file())) {
                updatedFindings.add(finding);
            }
        }
        updatedFindings.addAll(page.findings());
        // The index copied with one entry replaced, and the new lists not copied again: the preview does this on
        // every save, and at 10,000 pages building the index anew (and copying it) was most of the rebuild's time.
        Map<PageKey, Page> updatedIndex = new HashMap<>(index);
        updatedIndex.put(new PageKey(page.locale(), page.document()), page);
        return new Site(config, contentDirectory, theme, java.util.Collections.unmodifiableList(updated), ui, texts, consent,
                java.util.Collections.unmodifiableList(updatedFindings), java.util.Collections.unmodifiableMap(updatedIndex),
                java.util.Collections.unmodifiableList(updatedSettingPages));
    }

    /** The page of {@code document} in {@code locale}, or null when the file does not exist. */
    public Page page(String locale, String document) {
        return index.get(new PageKey(locale, document));
    }

    /** The source-language page of {@code document}. */
    public Page sourcePage(String document) {
        return page(config.sourceLocale(), document);
    }

    /** Where {@code document} in {@code locale} is (or would be) written. */
    public Path pageFile(String locale, String document) {
        return contentDirectory.resolve(locale).resolve(document + ".md");
    }

    /** The values ICU arguments of {@code page} may use: the site's facts, then the page's dates. */
    public Map<String, Object> arguments(Page page) {
        Map<String, Object> arguments = new HashMap<>(config.facts());
        arguments.put("effective", page.frontMatter().effective());
        arguments.put("updated", page.frontMatter().updated());
        return arguments;
    }

    /** Names usable as ICU arguments in any page. */
    public static List<String> pageArgumentNames() {
        return List.of("effective", "updated");
    }
}
