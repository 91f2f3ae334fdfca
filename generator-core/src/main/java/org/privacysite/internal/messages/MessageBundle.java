package org.privacysite.internal.messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.rules.BundleRules;
import org.privacysite.internal.rules.IcuRules;
import org.privacysite.internal.yaml.YamlMap;
import org.privacysite.internal.yaml.YamlReader;

/**
 * The messages of one locale, read from a flat YAML file of {@code key: "ICU pattern"} lines
 * (UI strings under {@code templates/messages/}, policy texts under {@code content/<locale>/}).
 *
 * @param findings syntax errors; the broken entries are left out of {@code entries}
 */
public record MessageBundle(String locale, Path file, Map<String, Entry> entries, List<Finding> findings) {

    /** One message and where it is written. */
    public record Entry(String key, IcuMessage message, Location location) {
    }

    /** The one optional message: a locale's own name in the language switcher, which is otherwise CLDR's. */
    public static final String LANGUAGE_NAME = "language.name";

    /** An empty bundle, for a locale that has no file. */
    public static MessageBundle empty(String locale, Path file) {
        return new MessageBundle(locale, file, Map.of(), List.of());
    }

    /** Reads {@code file}; a missing file gives an empty bundle (the parity check reports it). */
    public static MessageBundle read(String locale, Path file) {
        if (!Files.isRegularFile(file)) {
            return empty(locale, file);
        }
        Location where = Location.of(file);
        YamlMap yaml = YamlReader.readMap(where, SourceFiles.read(file, where), 0);
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (String key : yaml.keys()) {
            Location valueLocation = yaml.locationOf(key);
            String text = yaml.string(key, null);
            if (text == null) {
                findings.add(Finding.of(yaml.keyLocation(key), BundleRules.EMPTY, "message '" + key + "' has no text"));
                continue;
            }
            try {
                entries.put(key, new Entry(key, IcuMessage.parse(text), valueLocation));
            } catch (IcuSyntaxException e) {
                findings.add(Finding.of(yaml.locationInValue(key, e.index()), IcuRules.SYNTAX,
                        "message '" + key + "': " + e.getMessage()));
            }
        }
        return new MessageBundle(locale, file, Map.copyOf(entries), List.copyOf(findings));
    }

    /**
     * This bundle pseudo-translated into {@code pseudo} (every message, same keys and arguments), with
     * {@code languageName} (the source language's name, or null for none) pseudo-translated as the language's
     * name, unless the bundle names its language itself.
     */
    public MessageBundle pseudoTranslated(PseudoLocale pseudo, String languageName) {
        Map<String, Entry> translated = new LinkedHashMap<>();
        entries.forEach((key, entry) -> translated.put(key, new Entry(key,
                IcuMessage.parse(pseudo.message(entry.message().source())), entry.location())));
        if (languageName != null) {
            translated.putIfAbsent(LANGUAGE_NAME, new Entry(LANGUAGE_NAME, IcuMessage.parse(pseudo.message(languageName)), Location.of(file)));
        }
        return new MessageBundle(pseudo.tag(), file, Map.copyOf(translated), List.of());
    }

    /**
     * Whether the texts are the locale's own, not those of a parent it falls back to (es-MX showing es.yaml);
     * a pseudo-locale's are its own, made from the source's.
     */
    public boolean isOwn() {
        return PseudoLocale.isPseudo(locale) || file.getFileName().toString().equals(locale + ".yaml");
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Entry entry(String key) {
        return entries.get(key);
    }
}
