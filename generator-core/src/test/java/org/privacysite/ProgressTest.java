package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress a build and a check report, which the CLI turns into its progress line. */
class ProgressTest {

    private record Event(ProgressListener.Stage stage, int done, int total) {
    }

    @TempDir
    Path out;

    @Test
    void buildAndCheckReportEveryParsedAndRenderedPage() {
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        PrivacySite site = PrivacySite.builder().contentDirectory(SampleSite.content()).templatesDirectory(SampleSite.templates())
                .progress((stage, done, total) -> events.add(new Event(stage, done, total)))
                .build();
        BuildResult result = site.build(out.resolve("site"));

        assertStage(events, ProgressListener.Stage.PARSE, result.pages());
        assertStage(events, ProgressListener.Stage.RENDER, result.pages());
        assertTrue(events.stream().noneMatch(e -> e.stage() == ProgressListener.Stage.LINKS), "build checks no links");

        events.clear();
        site.check();
        assertStage(events, ProgressListener.Stage.PARSE, result.pages());
        assertStage(events, ProgressListener.Stage.RENDER, result.pages());
        // check scans each page's links right after rendering it: that is part of the render stage.
        assertTrue(events.stream().noneMatch(e -> e.stage() == ProgressListener.Stage.LINKS), events.toString());
    }

    /** The stage starts at 0, counts each page once, and ends at its total. */
    private static void assertStage(List<Event> events, ProgressListener.Stage stage, int pages) {
        List<Event> mine = events.stream().filter(e -> e.stage() == stage).toList();
        assertEquals(new Event(stage, 0, pages), mine.get(0), stage + " starts at 0");
        assertEquals(pages + 1, mine.size(), stage + " reports each page once");
        assertEquals(pages, mine.stream().mapToInt(Event::done).max().orElse(-1), stage + " ends at its total");
        assertTrue(mine.stream().allMatch(e -> e.total() == pages));
    }
}
