package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.SampleSite;

/**
 * The output directory is replaced atomically: a build killed with {@code kill -9} at any moment
 * leaves the complete previous site or the complete new one, never a mix, and the next build
 * succeeds. Builds run in child JVMs ({@link ChildJvm}) killed with {@link Process#destroyForcibly()}.
 */
class CrashSafeOutputTest {

    private static final long SEED = 20261123L;
    private static final int KILLS = 20;
    private static final int DOCUMENTS = 30;
    private static final int CLAUSES = 3;

    @TempDir
    Path temp;

    private Path templates;
    private final Map<String, Path> content = new java.util.HashMap<>();
    private final Map<String, Snapshot> reference = new java.util.HashMap<>();

    /**
     * Versions A and B of a 5 × 30 page site, each page marked with its version. Their reference
     * bytes come from unkilled child builds, so that they are written by the very classes the killed
     * builds run (others may recompile target/classes meanwhile).
     */
    private void prepareVersions() {
        templates = temp.resolve("templates");
        SampleSite.copyTemplates(templates);
        for (String version : List.of("A", "B")) {
            content.put(version, SyntheticSite.write(temp.resolve("content-" + version), DOCUMENTS, CLAUSES, "VERSION-" + version));
        }
    }

    /** Builds {@code version} into {@code out} in a child JVM, unkilled; returns how long it took. */
    private long childBuild(String version, Path out, String name) throws Exception {
        Path logs = temp.resolve("logs/" + name);
        long start = System.nanoTime();
        Process process = ChildJvm.build(content.get(version), templates, out, logs, List.of(), Map.of()).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), name + " did not finish");
        assertEquals(0, process.exitValue(), name + " failed: " + ChildJvm.log(logs));
        return System.nanoTime() - start;
    }

    /** "A" or "B" when {@code out} is byte-identical to that complete version; fails on anything else. */
    private String completeVersionAt(Path out, String when) {
        Snapshot actual = Snapshot.of(out);
        for (String version : List.of("A", "B")) {
            if (actual.files().equals(reference.get(version).files())) {
                return version;
            }
        }
        long pagesA = countMarkers(out, "VERSION-A");
        long pagesB = countMarkers(out, "VERSION-B");
        fail(when + ": " + out + " is neither complete version: " + actual.files().size() + " files (a complete site has "
                + reference.get("A").files().size() + "), " + pagesA + " pages of A, " + pagesB + " pages of B");
        return null;
    }

    private static long countMarkers(Path out, String marker) {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.toString().endsWith(".html")).filter(f -> {
                try {
                    return Files.readString(f).contains(marker);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static long fileCount(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // renamed or deleted while counting
        }
    }

    private static List<Path> siblings(Path out, String kind) {
        try (Stream<Path> list = Files.list(out.getParent())) {
            return list.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + "." + kind + "-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void killedBuildsLeaveTheCompletePreviousOrTheCompleteNewSite() throws Exception {
        prepareVersions();
        Path out = temp.resolve("public/site");
        Files.createDirectories(out.getParent());
        childBuild("A", out, "reference-A");
        reference.put("A", Snapshot.of(out));
        assertEquals(DOCUMENTS * SyntheticSite.LOCALES.size(), countMarkers(out, "VERSION-A"), "every page of A is marked");
        String current = "A";

        // Calibration: B over A, unkilled, timing the whole build and the life of the staging directory.
        String next = "B";
        long start = System.nanoTime();
        Path logs = temp.resolve("logs/reference-B");
        Process calibration = ChildJvm.build(content.get(next), templates, out, logs, List.of(), Map.of()).start();
        long stagingSeen = -1;
        long stagingGone = -1;
        while (calibration.isAlive()) {
            boolean staging = !siblings(out, "new").isEmpty();
            long now = System.nanoTime();
            if (staging && stagingSeen < 0) {
                stagingSeen = now;
            } else if (!staging && stagingSeen >= 0 && stagingGone < 0) {
                stagingGone = now;
            }
            Thread.sleep(2);
        }
        long total = System.nanoTime() - start;
        assertEquals(0, calibration.exitValue(), "the calibration build failed: " + ChildJvm.log(logs));
        reference.put("B", Snapshot.of(out));
        assertEquals(DOCUMENTS * SyntheticSite.LOCALES.size(), countMarkers(out, "VERSION-B"), "every page of B is marked");
        assertEquals(reference.get("A").files().keySet(), reference.get("B").files().keySet(), "both versions have the same files");
        current = completeVersionAt(out, "calibration build");
        long stagingLife = stagingSeen < 0 ? total / 2 : (stagingGone < 0 ? System.nanoTime() : stagingGone) - stagingSeen;

        Random random = new Random(SEED);
        int landedBeforeSwap = 0;
        int landedAfterSwap = 0;
        int landedBetweenRenames = 0;
        int whileWriting = 0;
        int finishedFirst = 0;
        List<String> timeline = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            next = other(current);
            logs = temp.resolve("logs/kill-" + kill);
            int strategy = kill % 3; // 0: anywhere in the build; 1: while writing; 2: near the swap at the end of writing
            boolean targeted = strategy > 0;
            List<Path> leftovers = siblings(out, "new");
            Process build = ChildJvm.build(content.get(next), templates, out, logs, List.of(), Map.of()).start();
            long delay;
            if (strategy == 1) {
                // Wait for this build's staging directory, then kill somewhere in its life.
                long deadline = System.nanoTime() + total * 3;
                while (build.isAlive() && leftovers.containsAll(siblings(out, "new")) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                delay = (long) (random.nextDouble() * stagingLife);
            } else if (strategy == 2) {
                // Wait until the staging directory is almost complete (or already swapped in), then kill within 30 ms.
                int files = reference.get("A").files().size();
                int threshold = (int) (files * (0.9 + 0.1 * random.nextDouble()));
                long deadline = System.nanoTime() + total * 3;
                boolean seen = false;
                while (build.isAlive() && System.nanoTime() < deadline) {
                    List<Path> fresh = new ArrayList<>(siblings(out, "new"));
                    fresh.removeAll(leftovers);
                    if (fresh.isEmpty() && seen) {
                        break; // swapped in
                    }
                    if (!fresh.isEmpty()) {
                        seen = true;
                        if (fileCount(fresh.get(0)) >= threshold) {
                            break;
                        }
                    }
                    Thread.sleep(1);
                }
                delay = (long) (random.nextDouble() * 30_000_000L);
            } else {
                delay = (long) (random.nextDouble() * total * 1.1);
            }
            TimeUnit.NANOSECONDS.sleep(delay);
            boolean writing = !leftovers.containsAll(siblings(out, "new"));
            boolean alive = build.isAlive();
            build.destroyForcibly();
            assertTrue(build.waitFor(60, TimeUnit.SECONDS), "the killed build did not end");
            if (!alive) {
                finishedFirst++;
                assertEquals(0, build.exitValue(), "an unkilled build failed: " + ChildJvm.log(logs));
            }
            whileWriting += writing ? 1 : 0;

            if (!Files.exists(out)) {
                // Killed between the two renames: the previous site waits beside the target, complete.
                landedBetweenRenames++;
                List<Path> previous = siblings(out, "old");
                assertEquals(1, previous.size(), "kill " + kill + ": the target is missing and no single previous site waits beside it");
                assertEquals(current, completeVersionAt(previous.get(0), "kill " + kill + " (previous site beside the missing target)"));
                timeline.add(kill + "/s" + strategy + ":missing");
                continue; // the next build must restore it first
            }
            String after = completeVersionAt(out, "after kill " + kill + (targeted ? " (targeted)" : "") + " after " + delay / 1_000_000 + " ms");
            if (after.equals(current)) {
                landedBeforeSwap++;
            } else {
                landedAfterSwap++;
            }
            timeline.add(kill + "/s" + strategy + ":" + (after.equals(current) ? "previous" : "new") + (writing ? "/writing" : ""));
            current = after;
        }

        // The next build succeeds, cleans up every leftover and writes the complete new site.
        if (!Files.exists(out)) {
            current = completeVersionAt(siblings(out, "old").get(0), "before the last build");
        }
        next = other(current);
        logs = temp.resolve("logs/final");
        Process last = ChildJvm.build(content.get(next), templates, out, logs, List.of(), Map.of()).start();
        assertTrue(last.waitFor(300, TimeUnit.SECONDS), "the build after the kills did not finish");
        assertEquals(0, last.exitValue(), "the build after the kills failed: " + ChildJvm.log(logs));
        assertEquals(next, completeVersionAt(out, "the build after the kills"));
        assertEquals(List.of(), siblings(out, "new"), "staging directories left");
        assertEquals(List.of(), siblings(out, "old"), "previous sites left");

        String report = String.format(java.util.Locale.ROOT,
                "%d kills (seed %d; build %.1f s, staging lived %.0f ms): %d kept the previous site, %d found the new one complete, "
                        + "%d landed between the two renames (target missing until the next build restored it), "
                        + "%d while the staging directory existed, %d builds finished before their kill; %s",
                KILLS, SEED, total / 1e9, stagingLife / 1e6, landedBeforeSwap, landedAfterSwap, landedBetweenRenames, whileWriting,
                finishedFirst, timeline);
        System.out.println("[CrashSafeOutputTest] " + report);
        assertEquals(KILLS, landedBeforeSwap + landedAfterSwap + landedBetweenRenames);
        assertTrue(whileWriting > 0, "no kill landed while the site was being written: " + report);
    }

    private static String other(String version) {
        return version.equals("A") ? "B" : "A";
    }

    // --- The window between the two renames, made on purpose -------------------------------------------

    /** The state a kill between the renames leaves: the previous site moved aside, the new one staged (partly). */
    private static Path killBetweenTheRenames(TestSite site) throws IOException {
        Path previous = site.out.resolveSibling("." + site.out.getFileName() + ".old-1234567890");
        Files.move(site.out, previous);
        Path staging = site.out.resolveSibling("." + site.out.getFileName() + ".new-9876543210");
        Files.createDirectories(staging.resolve("en/privacy"));
        Files.writeString(staging.resolve("en/privacy/index.html"), "<!DOCTYPE html><p>half a new site");
        return previous;
    }

    @Test
    void theNextBuildRestoresASiteLeftBetweenTheTwoRenamesAndReplacesIt() throws IOException {
        TestSite site = TestSite.create(temp).buildPrevious();
        killBetweenTheRenames(site);
        site.write("content/en/privacy.md", site.read("content/en/privacy.md").replace("This policy explains", "VERSION-2 explains"));
        Failures.assertSucceeded(site.build());
        assertTrue(site.read("site/en/privacy/index.html").contains("VERSION-2 explains"));
        site.assertNoStagingLeftovers();
    }

    @Test
    void aFailingBuildAfterAKillBetweenTheRenamesStillRestoresThePreviousSite() throws IOException {
        TestSite site = TestSite.create(temp).buildPrevious();
        Snapshot before = Snapshot.of(site.out);
        killBetweenTheRenames(site);
        site.overlay("heading-without-key");
        Failures.assertUserError(site.build(), 1, "content/en/privacy.md:13:1", "no clause key");
        assertTrue(Files.isDirectory(site.out), "the previous site was not put back");
        before.assertUnchanged("the restored previous site differs");
    }
}
