package org.privacysite.internal.xliff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import net.sf.okapi.lib.xliff2.core.CTag;
import net.sf.okapi.lib.xliff2.core.Fragment;
import net.sf.okapi.lib.xliff2.core.TagType;
import net.sf.okapi.lib.xliff2.core.TargetState;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.XliffRules;
import org.privacysite.internal.content.ClauseTexts;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.content.TextHash;
import org.privacysite.internal.messages.IcuMessage;
import org.privacysite.internal.messages.IcuSyntaxException;
import org.privacysite.internal.output.AtomicFile;
import org.privacysite.internal.parity.TranslationState;

/**
 * Writes the targets of a translator's XLIFF file back into the translation's Markdown, block by block,
 * keeping front matter, clause keys, list markers and table pipes as they are. Everything is checked
 * first (languages, unit ids, every protected tag); one problem and nothing is written. Afterwards the
 * imported clauses are recorded as translated from the source text the XLIFF carried.
 */
public final class XliffImporter {

    /**
     * What an import did.
     *
     * @param written  the translation files changed or created
     * @param units    the units whose target was imported
     * @param skipped  units left alone: no target, or a target still in state "initial"
     * @param notes    clauses that could not be written, in words
     */
    public record Import(String locale, List<Path> written, int units, int skipped, List<String> notes) {
    }

    /** A checked target: its Markdown, and the source Markdown it was translated from. */
    private record Translated(UnitId id, String markdown, String sourceMarkdown, Location location) {
    }

    private XliffImporter() {
    }

    /** Imports {@code xliff} into {@code site}'s content. */
    public static Import importFile(Site site, Path xliff) {
        XliffDocument document = XliffDocument.read(xliff);
        List<Finding> errors = new ArrayList<>(languageErrors(site, document));
        String locale = language(site, document);
        Map<String, BlockedPage> sources = new HashMap<>();
        Map<String, Map<String, Map<Integer, Translated>>> byDocument = new LinkedHashMap<>();
        int skipped = 0;
        Set<String> seen = new HashSet<>();
        for (XliffDocument.UnitEntry entry : document.units()) {
            UnitId id = UnitId.parse(entry.id());
            Block block = id == null ? null : sourceBlock(site, id, sources);
            if (block == null) {
                errors.add(Finding.error(entry.location(), XliffRules.UNKNOWN_UNIT, "unit '" + entry.id() + "' is not a block of this site's "
                        + site.config().sourceLocale() + " policies (ids are document.clause.block, e.g. privacy.controller.1); "
                        + "if the source changed since the export, export again and carry the translations over"));
                continue;
            }
            if (!seen.add(entry.id())) {
                errors.add(Finding.error(entry.location(), XliffRules.UNKNOWN_UNIT, "unit '" + entry.id() + "' is in the file twice"));
                continue;
            }
            Fragment target = entry.segment().hasTarget() ? entry.segment().getTarget() : null;
            TargetState state = entry.segment().getState();
            if (target == null || target.isEmpty() || state == TargetState.INITIAL) {
                skipped++;
                continue;
            }
            FragmentText translated = text(target, block);
            if (!translated.problems().isEmpty()) {
                errors.add(Finding.error(entry.targetLocation(), XliffRules.TAG, "the translation of unit '" + entry.id()
                        + "' is not usable: " + String.join("; ", translated.problems()) + ". " + XliffDocument.TAG_ADVICE));
            } else {
                String markdown = translated.markdown(block);
                String sourceMarkdown = text(entry.segment().getSource(), block).text(); // as the file carries it, unchecked
                byDocument.computeIfAbsent(id.document(), d -> new LinkedHashMap<>())
                        .computeIfAbsent(id.clauseKey(), k -> new TreeMap<>())
                        .put(id.index(), new Translated(id, markdown, sourceMarkdown, entry.targetLocation()));
            }
        }
        if (!errors.isEmpty()) {
            throw new PrivacySiteException(errors);
        }
        List<String> notes = new ArrayList<>();
        Map<Path, String> files = new LinkedHashMap<>();
        Map<String, Map<String, String>> records = new LinkedHashMap<>();
        int units = 0;
        for (Map.Entry<String, Map<String, Map<Integer, Translated>>> entry : byDocument.entrySet()) {
            String name = entry.getKey();
            Page sourcePage = site.sourcePage(name);
            TranslationState state = TranslationState.read(site.contentDirectory(), locale, name);
            Path file = site.pageFile(locale, name);
            String text = Files.isRegularFile(file) ? SourceFiles.read(file, Location.of(file)) : null;
            DocumentEdit edit = new DocumentEdit(sources.get(name), text == null ? null : BlockedPage.of(text),
                    Location.of(file), sourcePage);
            for (Map.Entry<String, Map<Integer, Translated>> clause : entry.getValue().entrySet()) {
                units += edit.clause(clause.getKey(), clause.getValue(), notes);
            }
            String written = edit.result();
            if (written != null && !written.equals(text)) {
                files.put(file, written);
            }
            Map<String, String> record = new LinkedHashMap<>();
            edit.translatedFrom.forEach((key, sourceText) -> {
                TranslationState.Entry before = state.clauses().get(key);
                if (before == null || !before.hash().equals(TextHash.of(sourceText))) {
                    record.put(key, sourceText);
                }
            });
            if (!record.isEmpty()) {
                records.put(name, record);
            }
        }
        if (!errors.isEmpty()) {
            throw new PrivacySiteException(errors);
        }
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                AtomicFile.write(file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the translation", e);
        }
        records.forEach((name, record) -> TranslationState.record(site.contentDirectory(), site.config().sourceLocale(),
                locale, name, record));
        return new Import(locale, List.copyOf(files.keySet()), units, skipped, List.copyOf(notes));
    }

    /** The site locale named by {@code trgLang}, or null (see {@link #languageErrors}). */
    private static String language(Site site, XliffDocument document) {
        String target = document.targetLanguage();
        for (String locale : site.config().targetLocales()) {
            if (target != null && sameLanguage(target, locale)) {
                return locale;
            }
        }
        return null;
    }

    /** An error for a source language that is not the site's, and for a target language that is no translation of it. */
    private static List<Finding> languageErrors(Site site, XliffDocument document) {
        List<Finding> errors = new ArrayList<>();
        Location root = document.root();
        String source = site.config().sourceLocale();
        if (document.sourceLanguage() != null && !sameLanguage(document.sourceLanguage(), source)) {
            errors.add(Finding.error(root, XliffRules.LANGUAGE, "the file translates from '" + document.sourceLanguage()
                    + "' (srcLang), but this site's source language is '" + source + "'"));
        }
        if (language(site, document) == null) {
            String target = document.targetLanguage();
            errors.add(Finding.error(root, XliffRules.LANGUAGE, (target == null ? "the file has no target language (trgLang)"
                    : "the target language '" + target + "' (trgLang) is not a translation locale of this site")
                    + "; translations: " + String.join(", ", site.config().targetLocales())));
        }
        return errors;
    }

    private static boolean sameLanguage(String tag, String locale) {
        return tag.replace('_', '-').equalsIgnoreCase(locale.replace('_', '-'));
    }

    private static Block sourceBlock(Site site, UnitId id, Map<String, BlockedPage> sources) {
        if (!site.config().documents().contains(id.document())) {
            return null;
        }
        BlockedPage page = sources.computeIfAbsent(id.document(), name -> {
            Page source = site.sourcePage(name);
            return source == null ? null : BlockedPage.of(SourceFiles.read(source.file(), Location.of(source.file())));
        });
        if (page == null) {
            return null;
        }
        return page.blocksOf(id.clauseKey()).stream().filter(b -> b.index() == id.index()).findFirst().orElse(null);
    }

    /**
     * A fragment's Markdown, its tags replaced by the source block's codes, and what is wrong with its tags
     * (nothing when the translation can be used).
     */
    private record FragmentText(String text, List<String> problems) {

        /** The text as the block's Markdown: on one line when the source block is (a CAT tool re-indented it). */
        String markdown(Block source) {
            return source.markdown().indexOf('\n') < 0 ? text.replaceAll("\\s*\\n\\s*", " ").strip() : text;
        }
    }

    /** The text of {@code fragment}, its tags checked against the source block's codes. */
    private static FragmentText text(Fragment fragment, Block source) {
        Map<String, Inline.Code> opening = new HashMap<>();
        Map<String, Inline.Code> standalone = new HashMap<>();
        Map<String, Inline.Code> closing = new HashMap<>();
        for (Inline.Code code : source.codes()) {
            (switch (code.kind()) {
                case ARGUMENT, PLACEHOLDER -> standalone;
                case OPEN -> opening;
                case CLOSE -> closing;
            }).put(code.id(), code);
        }
        List<String> problems = new ArrayList<>();
        Set<String> used = new HashSet<>();
        StringBuilder text = new StringBuilder();
        for (Object piece : fragment) {
            if (piece instanceof String literal) {
                text.append(literal);
            } else if (piece instanceof CTag tag) {
                Map<String, Inline.Code> codes = tag.getTagType() == TagType.OPENING ? opening
                        : tag.getTagType() == TagType.CLOSING ? closing : standalone;
                Inline.Code code = codes.get(tag.getId());
                if (code == null) {
                    problems.add("it has a tag (id " + tag.getId() + ") that the source does not have");
                    continue;
                }
                if (!used.add(tag.getTagType() + tag.getId())) {
                    problems.add("the tag " + shown(code) + " is used twice");
                    continue;
                }
                String data = tag.getData() == null ? code.markdown() : tag.getData();
                String altered = altered(code, data);
                if (altered != null) {
                    problems.add(altered);
                    continue;
                }
                text.append(data);
            } // markers (<mrk>, <sm/>) a CAT tool adds for terms or comments carry no Markdown
        }
        for (Inline.Code code : source.codes()) {
            String kind = code.kind() == Inline.Code.Kind.OPEN ? "OPENING" : code.kind() == Inline.Code.Kind.CLOSE ? "CLOSING" : "STANDALONE";
            if (!used.contains(kind + code.id())) {
                problems.add("the tag " + shown(code) + " is missing");
            }
        }
        return new FragmentText(text.toString(), List.copyOf(problems));
    }

    private static String shown(Inline.Code code) {
        return switch (code.kind()) {
            case ARGUMENT, PLACEHOLDER -> code.markdown();
            case OPEN, CLOSE -> code.markdown().startsWith("[") || code.markdown().startsWith("]") ? "of a link" : "of emphasis (" + code.markdown() + ")";
        };
    }

    /** Why {@code data} may not stand for {@code code} in a translation, or null when it may. */
    private static String altered(Inline.Code code, String data) {
        if (data.equals(code.markdown())) {
            return null;
        }
        switch (code.kind()) {
            case ARGUMENT -> {
                try {
                    IcuMessage.Argument original = IcuMessage.parse(code.markdown()).arguments().get(0);
                    List<IcuMessage.Argument> translated = IcuMessage.parse(data).arguments();
                    if (!data.startsWith("{") || !data.endsWith("}") || translated.isEmpty()
                            || !translated.get(0).name().equals(original.name()) || !translated.get(0).type().equals(original.type())
                            || original.type().equals("select") && !translated.get(0).keywords().equals(original.keywords())
                            || !original.type().equals("plural") && !original.type().equals("select")
                            && !original.type().equals("selectordinal")) {
                        return "the tag " + code.markdown() + " was changed to " + data;
                    }
                    return null; // the forms of a plural (or select's texts) are the translation's own
                } catch (IcuSyntaxException | IndexOutOfBoundsException e) {
                    return "the tag " + code.markdown() + " was changed to " + data;
                }
            }
            case OPEN, CLOSE -> {
                boolean link = code.markdown().startsWith("[") || code.markdown().startsWith("]");
                boolean clauseLink = code.markdown().startsWith("](#") || code.markdown().matches("\\]\\([a-z0-9-]+\\.md.*");
                boolean ok = link ? !clauseLink && (code.kind() == Inline.Code.Kind.OPEN ? data.equals("[") : data.matches("\\]\\([^\\s()]+\\)"))
                        : data.length() == code.markdown().length() && data.matches("[*_]+");
                return ok ? null : "the tag " + shown(code) + " was changed from " + code.markdown() + " to " + data;
            }
            default -> {
                return "the tag " + code.markdown() + " was changed to " + data;
            }
        }
    }

    /** The edits to one translation file. */
    private static final class DocumentEdit {
        private final BlockedPage source;
        private final BlockedPage translation;
        private final Location file;
        private final Page sourcePage;
        private final List<Edit> edits = new ArrayList<>();
        final Map<String, String> translatedFrom = new LinkedHashMap<>();

        private record Edit(int start, int end, String text, int order) {
        }

        DocumentEdit(BlockedPage source, BlockedPage translation, Location file, Page sourcePage) {
            this.source = source;
            this.translation = translation;
            this.file = file;
            this.sourcePage = sourcePage;
        }

        /** Plans the edits for one clause; returns the number of units imported. */
        int clause(String key, Map<Integer, Translated> targets, List<String> notes) {
            List<Block> blocks = source.blocksOf(key);
            boolean complete = blocks.stream().allMatch(block -> targets.containsKey(block.index()));
            List<Block> existing = translation == null || !translation.clauses().containsKey(key) ? List.of() : translation.blocksOf(key);
            boolean sameShape = existing.size() == blocks.size()
                    && existing.stream().map(Block::kind).toList().equals(blocks.stream().map(Block::kind).toList());
            String name = key.isEmpty() ? "the introduction" : "clause '" + key + "'";
            if (sameShape) {
                for (Translated target : targets.values()) {
                    Block block = existing.get(target.id().index());
                    String now = translation.text().substring(block.start(), block.end());
                    if (now.equals(target.markdown())) {
                        continue;
                    }
                    edits.add(new Edit(block.start(), block.end(), target.markdown(), edits.size()));
                }
            } else if (complete) {
                BlockedPage.Range range = source.clauses().get(key);
                String chunk = replaced(source, range, blocks, targets, false);
                if (translation == null) {
                    // the whole file is made from the source: handled in result()
                    edits.add(new Edit(range.start(), range.end(), chunk, edits.size()));
                } else if (translation.clauses().containsKey(key)) {
                    BlockedPage.Range old = translation.clauses().get(key);
                    edits.add(new Edit(old.start(), old.end(), withBlankLine(chunk, old.end() < translation.text().length()), edits.size()));
                } else {
                    int at = insertionPoint(key);
                    String before = translation.text().substring(0, at);
                    String prefix = before.isEmpty() || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
                    edits.add(new Edit(at, at, prefix + withBlankLine(chunk, at < translation.text().length()), edits.size()));
                }
            } else {
                notes.add(name + " of " + sourcePage.document() + " was not imported: "
                        + (existing.isEmpty() ? "the translation does not have it yet" : "its structure differs from the source")
                        + ", and the file translates only some of its blocks; translate all " + blocks.size() + " of them");
                return 0;
            }
            if (complete && !key.isEmpty()) {
                translatedFrom.put(key, ClauseTexts.normalize(replaced(source, source.clauses().get(key), blocks, targets, true)));
            }
            return targets.size();
        }

        /** The file as edited; for a translation that does not exist yet, the source with every block translated. */
        String result() {
            String base = translation == null ? source.text() : translation.text();
            if (translation == null) {
                List<Block> all = source.blocks();
                Set<Integer> covered = new HashSet<>();
                for (Edit edit : edits) {
                    for (Block block : all) {
                        if (block.start() >= edit.start() && block.end() <= edit.end()) {
                            covered.add(block.start());
                        }
                    }
                }
                if (edits.isEmpty()) {
                    return null;
                }
                if (covered.size() < all.size()) {
                    throw PrivacySiteException.at(file, XliffRules.INCOMPLETE, file.file().getFileName() + " does not exist yet in this "
                            + "locale, and the XLIFF file does not translate every block of it; translate every unit of '"
                            + sourcePage.document() + "' (or create the file first)");
                }
            }
            StringBuilder out = new StringBuilder();
            int cursor = 0;
            List<Edit> ordered = new ArrayList<>(edits);
            ordered.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order));
            for (Edit edit : ordered) {
                out.append(base, cursor, edit.start()).append(edit.text());
                cursor = Math.max(cursor, edit.end());
            }
            out.append(base, cursor, base.length());
            return out.toString();
        }

        /** Where a clause the translation lacks goes: before the next source clause it has, or at the end. */
        private int insertionPoint(String key) {
            List<String> order = new ArrayList<>(source.clauses().keySet());
            for (int i = order.indexOf(key) + 1; i < order.size(); i++) {
                BlockedPage.Range next = translation.clauses().get(order.get(i));
                if (next != null) {
                    return next.start();
                }
            }
            return translation.text().length();
        }

        private static String withBlankLine(String chunk, boolean more) {
            String trimmed = chunk.stripTrailing();
            return more ? trimmed + "\n\n" : trimmed + "\n";
        }

        /** The source clause's Markdown with each block replaced by its translation (or by the source the XLIFF carried). */
        private static String replaced(BlockedPage page, BlockedPage.Range range, List<Block> blocks, Map<Integer, Translated> targets,
                                       boolean withSource) {
            StringBuilder out = new StringBuilder();
            int cursor = range.start();
            for (Block block : blocks) {
                Translated target = targets.get(block.index());
                String text = target == null ? block.markdown() : withSource ? target.sourceMarkdown() : target.markdown();
                out.append(page.text(), cursor, block.start()).append(Objects.requireNonNullElse(text, block.markdown()));
                cursor = block.end();
            }
            out.append(page.text(), cursor, range.end());
            return out.toString();
        }

        private static int lineOf(String text, int index) {
            int line = 1;
            for (int i = 0; i < index; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
