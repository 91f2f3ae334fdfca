package org.privacysite.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.privacysite.ProgressListener;

/**
 * The CLI's progress: on an interactive terminal, one line redrawn in place ("Rendering 420/1000
 * pages") at most ten times a second and cleared when the stage ends; with {@code --verbose}, one
 * line per finished stage with its time. Silent otherwise, so CI logs stay clean.
 */
final class ProgressLine implements ProgressListener {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean interactive;
    private final boolean timings;
    private final LongSupplier clock;
    private final Map<Stage, Long> started = new EnumMap<>(Stage.class);
    private long lastDrawn;
    private int drawnWidth;

    ProgressLine(PrintWriter err, boolean interactive, boolean timings, LongSupplier clock) {
        this.err = err;
        this.interactive = interactive;
        this.timings = timings;
        this.clock = clock;
    }

    /** A progress line for this process: drawn only when stderr is a terminal and CI is not set. */
    static ProgressListener forTerminal(PrintWriter err, boolean verbose) {
        boolean interactive = TunedJvm.hasTerminal() && System.getenv("CI") == null;
        if (!interactive && !verbose) {
            return ProgressListener.NONE;
        }
        return new ProgressLine(err, interactive, verbose, System::nanoTime);
    }

    @Override
    public synchronized void progress(Stage stage, int done, int total) {
        long now = clock.getAsLong();
        if (done == 0) {
            started.put(stage, now);
        }
        if (done >= total) {
            clear();
            if (timings) {
                double seconds = (now - started.getOrDefault(stage, now)) / 1e9;
                err.println(String.format(Locale.ROOT, "%s %d pages took %.1f s", stage.verb(), total, seconds));
                err.flush();
            }
            return;
        }
        if (interactive && (done == 0 || now - lastDrawn >= REDRAW_NANOS)) {
            String line = stage.verb() + " " + done + "/" + total + " pages";
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            err.flush();
            drawnWidth = line.length();
            lastDrawn = now;
        }
    }

    private void clear() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
