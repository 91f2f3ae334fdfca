package org.privacysite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.privacysite.ProgressListener.Stage;

class ProgressLineTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    private ProgressLine line(boolean interactive, boolean timings) {
        return new ProgressLine(new PrintWriter(text), interactive, timings, nanos::get);
    }

    @Test
    void onATerminalTheLineIsRedrawnAtMostTenTimesASecondAndClearedAtTheEnd() {
        ProgressLine line = line(true, false);
        line.progress(Stage.RENDER, 0, 1000);
        nanos.set(50_000_000L);
        line.progress(Stage.RENDER, 400, 1000); // too soon after the last redraw
        nanos.set(150_000_000L);
        line.progress(Stage.RENDER, 420, 1000);
        line.progress(Stage.RENDER, 1000, 1000);
        String blank = " ".repeat("Rendering 420/1000 pages".length());
        assertEquals("\rRendering 0/1000 pages\rRendering 420/1000 pages\r" + blank + "\r", text.toString());
    }

    @Test
    void withoutATerminalNothingIsDrawnButVerboseStillTellsHowLongEachStageTook() {
        ProgressLine line = line(false, true);
        line.progress(Stage.PARSE, 0, 10);
        nanos.set(2_500_000_000L);
        line.progress(Stage.PARSE, 5, 10);
        nanos.set(3_000_000_000L);
        line.progress(Stage.PARSE, 10, 10);
        assertEquals("Parsing 10 pages took 3.0 s" + System.lineSeparator(), text.toString());
    }

    @Test
    void quietWithoutATerminalOrVerbose() {
        ProgressLine line = line(false, false);
        line.progress(Stage.LINKS, 0, 2);
        line.progress(Stage.LINKS, 2, 2);
        assertEquals("", text.toString());
    }
}
