package org.privacysite.internal.xliff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageParser;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.messages.MessageBundle;
import org.privacysite.internal.messages.PseudoLocale;
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.yaml.YamlMap;
import org.privacysite.internal.yaml.YamlReader;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;

/**
 * The pseudo-locales ({@link PseudoLocale}) added to a site in memory: each source policy translated
 * block by block, exactly the blocks and protected codes an XLIFF export gives a translator, so ICU
 * arguments, clause keys, links and Markdown structure stay as written; the UI and policy messages
 * translated message by message. Nothing is written to the content directory.
 */
public final class PseudoTranslation {

    /** Front-matter values that are text a reader sees. */
    private static final Set<String> TEXT_KEYS = Set.of("title", "description", "changes");

    private PseudoTranslation() {
    }

    /** {@code site} with every pseudo-locale it does not list itself, after its own locales. */
    public static Site extend(Site site) {
        String source = site.config().sourceLocale();
        List<String> locales = new ArrayList<>(site.config().locales());
        Map<String, MessageBundle> ui = new LinkedHashMap<>(site.ui());
        Map<String, MessageBundle> texts = new LinkedHashMap<>(site.texts());
        List<Page> pages = new ArrayList<>(site.pages());
        List<Finding> findings = new ArrayList<>(site.findings());
        PageParser parser = new PageParser(source);
        // The switcher names a pseudo-locale as the source language, pseudo-translated: "[Éñĝļîšĥ one]"
        ULocale sourceLocale = ULocale.forLanguageTag(source);
        String languageName = LocaleDisplayNames.getInstance(sourceLocale, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU)
                .localeDisplayName(sourceLocale);
        for (PseudoLocale pseudo : PseudoLocale.values()) {
            String locale = pseudo.tag();
            if (locales.contains(locale)) {
                continue;
            }
            locales.add(locale);
            ui.put(locale, site.ui().get(source).pseudoTranslated(pseudo, languageName));
            texts.put(locale, site.texts().get(source).pseudoTranslated(pseudo, null));
            for (String document : site.config().documents()) {
                Page original = site.sourcePage(document);
                if (original == null) {
                    continue;
                }
                String text = SourceFiles.read(original.file(), Location.of(original.file()));
                Page page = parser.parse(locale, document, site.pageFile(locale, document), markdown(pseudo, text));
                pages.add(page);
                findings.addAll(page.findings());
            }
        }
        return Site.of(site.config().withLocales(locales), site.contentDirectory(), site.theme(), pages, Map.copyOf(ui),
                Map.copyOf(texts), site.consent(), findings);
    }

    /** A policy file pseudo-translated: the front matter's texts and every translatable block. */
    static String markdown(PseudoLocale pseudo, String text) {
        int bodyStart = BlockedPage.bodyStart(text);
        StringBuilder out = new StringBuilder(text.length() * 2);
        frontMatter(pseudo, text.substring(0, bodyStart), out);
        int cursor = bodyStart;
        for (Block block : BlockedPage.of(text).blocks()) {
            out.append(text, cursor, block.start()).append(block(pseudo, block));
            cursor = block.end();
        }
        return out.append(text, cursor, text.length()).toString();
    }

    /** One block: its text translated, its codes kept; accented text is bracketed and padded as a whole. */
    static String block(PseudoLocale pseudo, Block block) {
        StringBuilder out = new StringBuilder();
        boolean accented = pseudo == PseudoLocale.ACCENTED;
        if (accented) {
            out.append("\\[");
        }
        int letters = 0;
        boolean inAutolink = false; // <https://…>: its text is the address, which must stay an address
        for (Inline piece : block.pieces()) {
            String markdown = piece.markdown();
            if (piece instanceof Inline.Code code && code.kind() != Inline.Code.Kind.ARGUMENT) {
                inAutolink = code.kind() == Inline.Code.Kind.OPEN ? markdown.equals("<") : inAutolink && code.kind() != Inline.Code.Kind.CLOSE;
                out.append(markdown);
            } else if (inAutolink) {
                out.append(markdown);
            } else {
                letters += pseudo.translate(markdown, 0, markdown.length(), out);
            }
        }
        if (letters == 0) {
            return block.markdown(); // a number or a fact alone, as in a table cell: nothing to translate
        }
        if (accented) {
            out.append(pseudo.padding(letters)).append("\\]");
        }
        return out.toString();
    }

    /** Single-line text values (title, description, changes) translated; every other line kept. */
    private static void frontMatter(PseudoLocale pseudo, String front, StringBuilder out) {
        for (String line : front.split("(?<=\n)")) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon);
            if (!TEXT_KEYS.contains(key)) {
                out.append(line);
                continue;
            }
            String value;
            try {
                YamlMap yaml = YamlReader.readMap(Location.of(java.nio.file.Path.of("front-matter")), line, 0);
                value = yaml.string(key, null);
            } catch (RuntimeException notSingleText) {
                value = null; // a list or a block of text: kept as written
            }
            if (value == null || value.isBlank()) {
                out.append(line);
                continue;
            }
            String translated = pseudo.message(value).replace("\\", "\\\\").replace("\"", "\\\"");
            out.append(key).append(": \"").append(translated).append('"').append(line.endsWith("\n") ? "\n" : "");
        }
    }
}
