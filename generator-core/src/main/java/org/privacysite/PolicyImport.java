package org.privacysite;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.privacysite.internal.importer.Importer;

/**
 * Brings existing policies in: reads a folder of Markdown, HTML or Word files laid out as
 * {@code <locale>/<document>.<ext>} or {@code <document>.<locale>.<ext>} and writes
 * {@code <out>/<locale>/<document>.md} and {@code site.yaml} in the content format, with clause keys
 * from the source language and every translation aligned to the source by structure.
 *
 * <pre>{@code
 * ImportResult result = PolicyImport.builder()
 *         .source(Path.of("old-site"))
 *         .out(Path.of("content"))
 *         .build()
 *         .run();
 * }</pre>
 *
 * Files that exist are never replaced unless {@link Builder#force(boolean)}; nothing is written when a
 * source cannot be read.
 */
public final class PolicyImport {

    private final Importer.Options options;

    private PolicyImport(Importer.Options options) {
        this.options = options;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the import.
     *
     * @throws ConfigurationException when the options cannot be used, or files exist and force is off
     * @throws PrivacySiteException   when a source file cannot be read (nothing is written)
     */
    public ImportResult run() {
        Importer.Outcome outcome = Importer.run(options);
        return new ImportResult(outcome.sourceLocale(), outcome.locales(), outcome.documents(), outcome.clauses(),
                outcome.alignedClauses(), outcome.findings(), outcome.written());
    }

    /** Options of an import. */
    public static final class Builder {
        private Path source;
        private Path out = Path.of("content");
        private String sourceLocale;
        private final Map<String, String> localeMap = new LinkedHashMap<>();
        private boolean force;

        private Builder() {
        }

        /** The folder with the existing policies. */
        public Builder source(Path source) {
            this.source = source;
            return this;
        }

        /** The content directory to write (default {@code content}). */
        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        /** The language the clause keys come from (default: {@code en} if present). */
        public Builder sourceLocale(String sourceLocale) {
            this.sourceLocale = sourceLocale;
            return this;
        }

        /** Renames a locale of the source, e.g. {@code en-US} to {@code en} or {@code zh_CN} to {@code zh-CN}. */
        public Builder mapLocale(String from, String to) {
            localeMap.put(from, to);
            return this;
        }

        /** Replace files that exist in the output directory. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        public PolicyImport build() {
            Objects.requireNonNull(source, "source");
            return new PolicyImport(new Importer.Options(source, out, sourceLocale, Map.copyOf(localeMap), force));
        }
    }
}
