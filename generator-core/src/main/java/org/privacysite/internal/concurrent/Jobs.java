package org.privacysite.internal.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Work handed to other threads and its results collected, failing as if it had run on the caller's
 * thread: an unchecked exception comes back as itself, not wrapped.
 */
public final class Jobs {

    private Jobs() {
    }

    /**
     * {@code work} on consecutive slices of {@code items} (at most {@code size} each) on {@code executor},
     * the results concatenated in the items' order. For loops over every page that are cheap per page
     * but add up at 10,000 pages.
     */
    public static <T, R> List<R> inSlices(List<T> items, int size, Executor executor, Function<List<T>, List<R>> work) {
        List<CompletableFuture<List<R>>> slices = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            List<T> slice = items.subList(from, Math.min(items.size(), from + size));
            slices.add(CompletableFuture.supplyAsync(() -> work.apply(slice), executor));
        }
        List<R> results = new ArrayList<>();
        slices.forEach(slice -> results.addAll(joined(slice)));
        return results;
    }

    /** Completes, once every one of {@code jobs} has, with their results in their order; fails as the first of them to fail. */
    public static <T> CompletableFuture<List<T>> allOf(List<CompletableFuture<T>> jobs) {
        return CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new))
                .thenApply(done -> jobs.stream().map(CompletableFuture::join).toList());
    }

    /** The result of {@code job}, or what it threw: an unchecked exception as itself. */
    public static <T> T joined(CompletableFuture<T> job) {
        try {
            return job.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
