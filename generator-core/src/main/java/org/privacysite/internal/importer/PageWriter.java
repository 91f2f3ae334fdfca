package org.privacysite.internal.importer;

import java.time.LocalDate;

/** Composes one policy file in our format and knows the line each part lands on (for findings). */
final class PageWriter {

    private final StringBuilder text = new StringBuilder();
    private int lines;

    void frontMatter(String title, String description, LocalDate effective, LocalDate updated) {
        line("---");
        line("title: " + SiteYaml.quote(MarkdownText.braces(title)));
        if (description != null && !description.isBlank()) {
            line("description: " + SiteYaml.quote(MarkdownText.braces(description)));
        }
        if (effective != null) {
            line("effective: " + effective);
        }
        if (updated != null && !updated.equals(effective)) {
            line("updated: " + updated);
        }
        line("---");
    }

    /** The line the next block or heading will start on. */
    int nextLine() {
        return lines + 2; // after the blank line that separates it
    }

    void block(String markdown) {
        if (markdown.isBlank()) {
            return;
        }
        line("");
        for (String line : markdown.split("\n", -1)) {
            line(line);
        }
    }

    /** Writes {@code ## Heading {#key}} and returns its line. */
    int heading(int level, String markdown, String key) {
        line("");
        line("#".repeat(level) + " " + markdown + " {#" + key + "}");
        return lines;
    }

    String text() {
        return text.toString();
    }

    private void line(String line) {
        text.append(line).append('\n');
        lines++;
    }
}
