package org.privacysite.internal.progress;

import java.util.concurrent.atomic.AtomicInteger;

import org.privacysite.ProgressListener;

/** Counts the finished pages of one stage and reports each to a {@link ProgressListener}. */
public final class StageProgress {

    private final ProgressListener listener;
    private final ProgressListener.Stage stage;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();

    private StageProgress(ProgressListener listener, ProgressListener.Stage stage, int total) {
        this.listener = listener;
        this.stage = stage;
        this.total = total;
    }

    /** Reports the start of {@code stage} (0 of {@code total}). */
    public static StageProgress start(ProgressListener listener, ProgressListener.Stage stage, int total) {
        StageProgress progress = new StageProgress(listener, stage, total);
        listener.progress(stage, 0, total);
        return progress;
    }

    /** One more page is finished. */
    public void step() {
        listener.progress(stage, done.incrementAndGet(), total);
    }
}
