package org.privacysite;

/**
 * Told how a long run advances, for a progress line or stage timings. Called from worker threads,
 * once per page: keep it cheap and thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

    /** The stages that go page by page. */
    enum Stage {
        PARSE("Parsing"), RENDER("Rendering"), LINKS("Checking links of");

        private final String verb;

        Stage(String verb) {
            this.verb = verb;
        }

        /** "Parsing", "Rendering", "Checking links of": reads well before "12/100 pages". */
        public String verb() {
            return verb;
        }
    }

    /** Ignores every report. */
    ProgressListener NONE = (stage, done, total) -> { };

    /** {@code done} of {@code total} pages of {@code stage} are finished; 0 when the stage starts. */
    void progress(Stage stage, int done, int total);
}
