package org.privacysite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM settings that suit a build or check, for a JVM that the generator does not start itself: Maven's, which
 * runs the plugin in its own JVM with HotSpot's defaults. The command line's launcher ({@code bin/privacy-site})
 * and its second JVM ({@code cli/TunedJvm}) use the same settings. docs/benchmarks.md measures each of them.
 */
public final class JvmSettings {

    private JvmSettings() {
    }

    /**
     * Smaller inlining limits (defaults 2500, 35, 325, 15): C2 spent 8 s instead of 27 s compiling for
     * a 10k-page build, which took 25 s instead of 33 s on 2 cores.
     */
    public static final List<String> INLINING = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "-XX:InlineSmallCode=300", "-XX:MaxInlineSize=15", "-XX:FreqInlineSize=50", "-XX:MaxInlineLevel=5");

    /**
     * The garbage collector for build and check. The serial collector: on a 10k-page check the parallel one kept
     * about 200 MB of its own (its marking bitmaps for the whole maximum heap, a quarter of the RAM) on top of the
     * heap, and its second thread gains little on 2 cores where the workers use both; the serial one's young
     * collections of a small young generation take a few ms each.
     */
    public static final String BATCH_GC = "-XX:+UseSerialGC";

    /**
     * A first heap of 256 MB and a young generation of 64 MB, whatever the RAM (the live set of a 10k-page check is
     * about 200 MB, and what the JVM touches is what it was allowed: 1.5 GB of RSS from a first heap of an eighth of
     * the RAM). The old generation grows as the site needs, up to the usual quarter of the RAM, keeping a fifth of it
     * free after a full collection instead of two fifths (a fact-rich 10k-page check: 587 -> 500 MiB peak RSS, same
     * time).
     */
    public static final List<String> BATCH_HEAP = List.of("-Xms256m", "-Xmn64m", "-XX:MinHeapFreeRatio=20");

    /**
     * With {@link #BATCH_HEAP} in a full run: what survives one young collection (the site model) is promoted at the
     * next instead of copied between survivor spaces (promoted at the first, a 10k build took 1.2-1.6 s longer).
     */
    public static final String BATCH_PROMOTION = "-XX:MaxTenuringThreshold=1";

    /**
     * From this many policy files on, C2 (with the smaller inlining limits) pays for its compile time in a build or
     * check; below it, C1 alone is faster: a 1k-page check 3.2 s instead of 4.4 s, 3k pages 7.1 s instead of 7.7 s,
     * but 5k pages 10.7 s instead of 10.1 s.
     */
    public static final int LARGE_SITE = 4000;

    /** The JIT for a build or check below {@link #LARGE_SITE} pages: C1 only. */
    public static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    /**
     * From this many pages on, a build in a JVM at its default settings is worth telling about: through Maven, a 1k-page
     * {@code check} with an output directory took 10.5-12.4 s and 550-577 MB at the defaults, 5.8-5.9 s and 204 MB with
     * {@link #forBuild}'s settings; 10k pages 32-33 s and 1.9-2.0 GB against 17.8-18.8 s and 0.34 GB.
     */
    public static final int ADVISED_FROM_PAGES = 1000;

    /** The JVM options for builds and checks of a site of about {@code pages} pages, in a JVM that runs little else. */
    public static List<String> forBuild(int pages) {
        List<String> options = new ArrayList<>(INLINING);
        options.add(BATCH_GC);
        options.addAll(BATCH_HEAP);
        options.add(BATCH_PROMOTION);
        if (pages < LARGE_SITE) {
            options.add(QUICK_JIT);
        }
        return List.copyOf(options);
    }

    /**
     * What to tell the user of a JVM started with {@code jvmArguments} (e.g. {@code RuntimeMXBean.getInputArguments()})
     * that built or checked {@code pages} pages: the settings to give it, when the site is large and the JVM runs with
     * HotSpot's defaults (no collector and no inlining limits chosen; a choice of the user's is left alone).
     */
    public static Optional<String> advice(int pages, List<String> jvmArguments) {
        boolean chosen = jvmArguments.stream().anyMatch(argument -> argument.matches("-XX:\\+Use\\w*GC")
                || argument.startsWith("-XX:InlineSmallCode=") || argument.startsWith("-XX:MaxInlineLevel="));
        if (pages < ADVISED_FROM_PAGES || chosen) {
            return Optional.empty();
        }
        return Optional.of("This JVM runs with its default settings, which for a site of " + pages + " pages take about"
                + " twice the time and several times the memory of the generator's own (through Maven, 10,000 pages: 32 s"
                + " and 1.9 GB against 18 s and 0.34 GB). For Maven, put this line in the project's .mvn/jvm.config (it"
                + " applies to the whole build): " + String.join(" ", forBuild(pages)));
    }
}
