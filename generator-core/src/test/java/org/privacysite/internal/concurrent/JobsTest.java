package org.privacysite.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class JobsTest {

    @Test
    void allOfGivesTheResultsInTheJobsOrderNotTheOrderTheyFinished() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        CompletableFuture<String> fast = CompletableFuture.completedFuture("fast");
        CompletableFuture<List<String>> all = Jobs.allOf(List.of(slow, fast));
        assertEquals(false, all.isDone());
        slow.complete("slow");
        assertEquals(List.of("slow", "fast"), all.join());
    }

    @Test
    void allOfFailsAsTheJobThatFailedAndJoinedThrowsItsOwnException() {
        IllegalStateException failure = new IllegalStateException("page 3 cannot be read");
        CompletableFuture<String> failed = new CompletableFuture<>();
        failed.completeExceptionally(failure);
        CompletableFuture<List<String>> all = Jobs.allOf(List.of(CompletableFuture.completedFuture("one"), failed));
        assertSame(failure, assertThrows(IllegalStateException.class, () -> Jobs.joined(all)));
    }

    @Test
    void inSlicesKeepsTheItemsOrderAcrossSlices() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            List<Integer> items = java.util.stream.IntStream.range(0, 101).boxed().toList();
            assertEquals(items.stream().map(i -> i * 2).toList(),
                    Jobs.inSlices(items, 10, executor, slice -> slice.stream().map(i -> i * 2).toList()));
        } finally {
            executor.shutdown();
        }
    }
}
