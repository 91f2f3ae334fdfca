package org.privacysite.internal.xliff;

import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.sf.okapi.lib.xliff2.core.Note;
import net.sf.okapi.lib.xliff2.core.Part;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.StartXliffData;
import net.sf.okapi.lib.xliff2.core.TargetState;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.writer.XLIFFWriter;
import org.privacysite.Location;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.messages.IcuMessage;
import org.privacysite.internal.messages.IcuSyntaxException;
import org.privacysite.internal.parity.TranslationState;
import org.privacysite.internal.parity.WordDiff;

/**
 * Writes the source clauses of a translation as one XLIFF 2.0 file for a translator's CAT tool: a
 * {@code <file>} per document, a {@code <unit>} per block, existing translations as targets (stale
 * ones in state "initial"), and notes with the clause, the facts behind each argument and, for a
 * stale clause, the source text then and now.
 */
public final class XliffExporter {

    /** Which clauses to export. */
    public enum Only {
        /** Clauses the translation does not have yet. */
        MISSING,
        /** Clauses translated from an older version of the source. */
        STALE,
        /** Every clause. */
        ALL;

        /** {@code missing}, {@code stale} or {@code all}. */
        public static Only parse(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** The XLIFF text and what it holds. */
    public record Export(String xliff, int units, int clauses) {
    }

    static final String CLAUSE_NOTE = "clause";
    static final String FACT_NOTE = "fact";
    static final String SOURCE_THEN_NOTE = "source-then";
    static final String SOURCE_NOW_NOTE = "source-now";
    static final String CHANGES_NOTE = "what-changed";

    private XliffExporter() {
    }

    /** Exports {@code documents} of {@code site} for translation into {@code locale}. */
    public static Export export(Site site, String locale, List<String> documents, Only only) {
        String sourceLocale = site.config().sourceLocale();
        StringWriter out = new StringWriter();
        int units = 0;
        int clauses = 0;
        try (XLIFFWriter writer = new XLIFFWriter()) {
            writer.setLineBreak("\n");
            writer.setWithOriginalData(true);
            writer.setUseIndentation(true);
            writer.create(out, sourceLocale, locale);
            StartXliffData start = new StartXliffData(null);
            start.setSourceLanguage(sourceLocale);
            start.setTargetLanguage(locale);
            writer.writeStartDocument(start, "Written by privacy-site export-translation; bring it back with import-translation.");
            for (String document : documents) {
                Page source = site.sourcePage(document);
                if (source == null) {
                    continue;
                }
                Page translation = site.page(locale, document);
                BlockedPage sourceBlocks = BlockedPage.of(read(source));
                BlockedPage translated = translation == null || translation == source ? null : BlockedPage.of(read(translation));
                TranslationState state = TranslationState.read(site.contentDirectory(), locale, document);
                StartFileData file = new StartFileData(document);
                file.setOriginal(locale + "/" + document + ".md");
                writer.writeStartFile(file);
                for (String key : sourceBlocks.clauses().keySet()) {
                    Clause clause = key.isEmpty() ? null : source.clause(key);
                    boolean missing = translated == null || !translated.clauses().containsKey(key);
                    boolean stale = !missing && clause != null && state.isStale(clause);
                    if (only == Only.MISSING && !missing || only == Only.STALE && !stale) {
                        continue;
                    }
                    List<Block> blocks = sourceBlocks.blocksOf(key);
                    List<Block> existing = missing ? List.of() : translated.blocksOf(key);
                    boolean sameShape = existing.size() == blocks.size()
                            && existing.stream().map(Block::kind).toList().equals(blocks.stream().map(Block::kind).toList());
                    List<Block> before = stale ? state.sourceTextOf(key).map(text -> BlockedPage.ofBody(text).blocksOf(key)).orElse(null) : null;
                    for (Block block : blocks) {
                        Unit unit = new Unit(new UnitId(document, key, block.index()).toString());
                        notes(unit, site, clause, block, missing, stale, sameShape, before);
                        Segment segment = unit.appendSegment();
                        // xml:space is left at "default": a CAT tool that writes a target without the attribute still matches its source
                        Codes.append(segment.getSource(), block.pieces());
                        List<Inline> target = sameShape ? Codes.matched(block, existing.get(block.index())) : null;
                        if (target != null) {
                            Codes.append(segment.getTarget(Part.GetTarget.CREATE_EMPTY), target);
                            segment.setState(stale && changed(block, before) ? TargetState.INITIAL : TargetState.TRANSLATED);
                        }
                        writer.writeUnit(unit);
                        units++;
                    }
                    clauses++;
                }
                writer.writeEndFile();
            }
            writer.writeEndDocument();
        }
        return new Export(out.toString(), units, clauses);
    }

    private static void notes(Unit unit, Site site, Clause clause, Block block, boolean missing, boolean stale,
                              boolean sameShape, List<Block> before) {
        String where = clause == null ? "Introduction (before the first clause)"
                : "Clause " + clause.number() + " '" + clause.title() + "' {#" + clause.key() + "}";
        String status = missing ? "not translated yet" : stale ? "stale: the source changed after it was translated"
                : "translated";
        note(unit, CLAUSE_NOTE, where + ", " + block.kind() + " " + block.index() + "; " + status + "."
                + (!missing && !sameShape ? " The existing translation has a different structure, so it is not shown as the target." : ""));
        Map<String, Object> facts = site.config().facts();
        for (String name : argumentNames(block)) {
            Object value = facts.get(name);
            if (value != null) {
                note(unit, FACT_NOTE, "{" + name + "} is " + value + " (a fact from site.yaml; keep the tag, the site fills it in).");
            } else if (Site.pageArgumentNames().contains(name)) {
                note(unit, FACT_NOTE, "{" + name + "} is the document's '" + name + "' date from its front matter.");
            }
        }
        if (stale) {
            String now = block.markdown();
            Block then = before == null ? null : before.stream().filter(b -> b.index() == block.index()).findFirst().orElse(null);
            if (before == null) {
                note(unit, SOURCE_THEN_NOTE, "The source text this was translated from was not recorded (an older record keeps only a hash).");
            } else {
                String old = then == null ? "" : then.markdown();
                note(unit, SOURCE_THEN_NOTE, "Source when translated: " + (old.isEmpty() ? "(this block did not exist)" : old));
                note(unit, SOURCE_NOW_NOTE, "Source now: " + now);
                WordDiff diff = WordDiff.between(old, now);
                note(unit, CHANGES_NOTE, "What changed: " + (diff.changed() ? diff.compact(6) : "nothing in this block"));
            }
        }
    }

    /** Whether a block of a stale clause changed since it was translated (unknown for a hash-only record: yes). */
    private static boolean changed(Block block, List<Block> before) {
        return before == null || before.stream().noneMatch(old -> old.index() == block.index() && old.markdown().equals(block.markdown()));
    }

    private static Set<String> argumentNames(Block block) {
        Set<String> names = new LinkedHashSet<>();
        for (Inline.Code code : block.codes()) {
            if (code.kind() == Inline.Code.Kind.ARGUMENT) {
                try {
                    names.addAll(IcuMessage.parse(code.markdown()).argumentNames());
                } catch (IcuSyntaxException e) {
                    names.add(Inline.Code.argumentName(code.markdown()));
                }
            }
        }
        return names;
    }

    private static void note(Unit unit, String category, String text) {
        Note note = new Note(text);
        note.setCategory(category);
        unit.addNote(note);
    }

    private static String read(Page page) {
        return SourceFiles.read(page.file(), Location.of(page.file()));
    }
}
