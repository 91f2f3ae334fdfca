package org.privacysite.internal.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.privacysite.Location;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.ClauseTexts;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.TextHash;
import org.privacysite.internal.output.AtomicFile;
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.yaml.YamlMap;
import org.privacysite.internal.yaml.YamlReader;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Which version of each source clause a translation was made from, recorded by {@code mark-translated}
 * (and by {@code import-translation}) in {@code content/.translated/<locale>/<document>.yaml}, out of the
 * writers' way. A translated clause whose recorded hash differs from the source's is stale. The record
 * keeps the source text itself, so that a translator can be shown what changed; records written before
 * it did hold only the hash, and are still read (they just have no "what changed").
 *
 * @param clauses the record by clause key; a clause without a record is never stale
 */
public record TranslationState(Path file, Map<String, Entry> clauses) {

    public static final String DIRECTORY = ".translated";

    /**
     * One clause's record.
     *
     * @param hash       the source clause's text hash when it was translated
     * @param sourceText the source clause's text then, or null in an old hash-only record
     */
    public record Entry(String hash, String sourceText) {
    }

    public static Path fileOf(Path contentDirectory, String locale, String document) {
        return contentDirectory.resolve(DIRECTORY).resolve(locale).resolve(document + ".yaml");
    }

    /** The recorded state, empty when nothing was recorded yet. */
    public static TranslationState read(Path contentDirectory, String locale, String document) {
        Path file = fileOf(contentDirectory, locale, document);
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            Location where = Location.of(file);
            YamlMap clauses = YamlReader.readMap(where, SourceFiles.read(file, where), 0).map("clauses");
            if (clauses != null) {
                for (String key : clauses.keys()) {
                    if (clauses.isMap(key)) {
                        YamlMap entry = clauses.map(key);
                        entries.put(key, new Entry(entry.string("hash", ""), entry.string("source", null)));
                    } else {
                        entries.put(key, new Entry(clauses.string(key, ""), null)); // a hash-only record
                    }
                }
            }
        }
        return new TranslationState(file, Map.copyOf(entries));
    }

    /**
     * Records that {@code translation} is up to date with {@code source}: every clause present in
     * both gets the source clause's current text and hash. Returns the number of clauses recorded.
     */
    public static int markTranslated(Path contentDirectory, Page source, Page translation) {
        Map<String, String> sourceTexts = sourceTexts(source);
        Map<String, String> recorded = new LinkedHashMap<>();
        for (Clause clause : translation.clauses()) {
            if (sourceTexts.containsKey(clause.key())) {
                recorded.put(clause.key(), sourceTexts.get(clause.key()));
            }
        }
        write(contentDirectory, source.locale(), translation.locale(), translation.document(), recorded, Map.of());
        return recorded.size();
    }

    /**
     * Records that the clauses in {@code translatedFrom} (key to the source text each was translated
     * from) are translated, keeping the record of every other clause as it was.
     */
    public static void record(Path contentDirectory, String sourceLocale, String locale, String document,
                              Map<String, String> translatedFrom) {
        TranslationState before = read(contentDirectory, locale, document);
        write(contentDirectory, sourceLocale, locale, document, translatedFrom, before.clauses());
    }

    /** Each source clause's own text, by key, read from the source file as it is now. */
    public static Map<String, String> sourceTexts(Page source) {
        Location where = Location.of(source.file());
        List<String> texts = ClauseTexts.of(source.clauses(), SourceFiles.read(source.file(), where));
        Map<String, String> byKey = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            byKey.putIfAbsent(source.clauses().get(i).key(), texts.get(i));
        }
        return byKey;
    }

    private static void write(Path contentDirectory, String sourceLocale, String locale, String document,
                              Map<String, String> texts, Map<String, Entry> kept) {
        Map<String, Object> clauses = new LinkedHashMap<>();
        kept.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (!texts.containsKey(entry.getKey())) {
                clauses.put(entry.getKey(), yaml(entry.getValue()));
            }
        });
        texts.forEach((key, text) -> clauses.put(key, yaml(new Entry(TextHash.of(text), text))));
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("source", sourceLocale);
        yaml.put("clauses", clauses);
        Path file = fileOf(contentDirectory, locale, document);
        String text = "# Written by mark-translated: the " + sourceLocale + " version each clause of "
                + locale + "/" + document + ".md was translated from.\n"
                + "# Do not edit by hand; run mark-translated after reviewing a translation.\n"
                + new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK)
                        .setDumpComments(false).setWidth(1_000_000).build()).dumpToString(yaml);
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Object yaml(Entry entry) {
        if (entry.sourceText() == null) {
            return entry.hash();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hash", entry.hash());
        map.put("source", entry.sourceText());
        return map;
    }

    /** Whether the translation of {@code sourceClause} was made from an older version of it. */
    public boolean isStale(Clause sourceClause) {
        Entry recorded = clauses.get(sourceClause.key());
        return recorded != null && !recorded.hash().equals(sourceClause.textHash());
    }

    /** The source text the translation of {@code key} was made from, when the record keeps it. */
    public Optional<String> sourceTextOf(String key) {
        Entry recorded = clauses.get(key);
        return recorded == null ? Optional.empty() : Optional.ofNullable(recorded.sourceText());
    }
}
