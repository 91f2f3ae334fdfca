package org.privacysite.internal.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.privacysite.Location;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.yaml.YamlMap;
import org.privacysite.internal.yaml.YamlReader;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Which version of each source clause a translation was made from: the source clause's text hash,
 * recorded by {@code mark-translated} in {@code content/.translated/<locale>/<document>.yaml}, out of
 * the writers' way. A translated clause whose recorded hash differs from the source's is stale.
 *
 * @param hashes source text hash by clause key; a clause without a record is never stale
 */
public record TranslationState(Path file, Map<String, String> hashes) {

    public static final String DIRECTORY = ".translated";

    public static Path fileOf(Path contentDirectory, String locale, String document) {
        return contentDirectory.resolve(DIRECTORY).resolve(locale).resolve(document + ".yaml");
    }

    /** The recorded state, empty when nothing was recorded yet. */
    public static TranslationState read(Path contentDirectory, String locale, String document) {
        Path file = fileOf(contentDirectory, locale, document);
        Map<String, String> hashes = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            Location where = Location.of(file);
            YamlMap clauses = YamlReader.readMap(where, SourceFiles.read(file, where), 0).map("clauses");
            if (clauses != null) {
                for (String key : clauses.keys()) {
                    hashes.put(key, clauses.string(key, ""));
                }
            }
        }
        return new TranslationState(file, Map.copyOf(hashes));
    }

    /**
     * Records that {@code translation} is up to date with {@code source}: every clause present in
     * both gets the source clause's current hash. Returns the number of clauses recorded.
     */
    public static int markTranslated(Path contentDirectory, Page source, Page translation) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Clause clause : translation.clauses()) {
            Clause original = source.clause(clause.key());
            if (original != null) {
                hashes.put(clause.key(), original.textHash());
            }
        }
        Path file = fileOf(contentDirectory, translation.locale(), translation.document());
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("source", source.locale());
        yaml.put("clauses", hashes);
        String text = "# Written by mark-translated: the " + source.locale() + " version each clause of "
                + translation.locale() + "/" + translation.document() + ".md was translated from.\n"
                + "# Do not edit by hand; run mark-translated after reviewing a translation.\n"
                + new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(yaml);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return hashes.size();
    }

    /** Whether the translation of {@code sourceClause} was made from an older version of it. */
    public boolean isStale(Clause sourceClause) {
        String recorded = hashes.get(sourceClause.key());
        return recorded != null && !recorded.equals(sourceClause.textHash());
    }
}
