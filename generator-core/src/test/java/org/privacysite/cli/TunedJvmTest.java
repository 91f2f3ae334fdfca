package org.privacysite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.JvmSettings;
import org.privacysite.SampleSite;

/** {@code java -jar privacy-site.jar build} runs the work in a second JVM with the generator's compiler flags. */
class TunedJvmTest {

    @TempDir
    Path temp;

    @Test
    void shortCommandsRunInTheFirstJvm() {
        assertTrue(TunedJvm.command(new String[0]).isEmpty());
        assertTrue(TunedJvm.command(new String[] {"--help"}).isEmpty());
        assertTrue(TunedJvm.command(new String[] {"mark-translated", "--locale", "fr"}).isEmpty());
    }

    @Test
    void smallSitesRunInTheFirstJvm() throws IOException {
        String[] sample = {"build", "--content", SampleSite.content().toString(), "--out", "site"};
        assertTrue(TunedJvm.policyFiles(sample) > 0 && TunedJvm.policyFiles(sample) < TunedJvm.SMALL_SITE);
        assertTrue(TunedJvm.command(sample).isEmpty());
        Path large = temp.resolve("content");
        for (int i = 0; i < TunedJvm.SMALL_SITE; i++) {
            Files.createDirectories(large.resolve("l" + i % 10));
            Files.writeString(large.resolve("l" + i % 10).resolve("d" + i + ".md"), "");
        }
        assertEquals(TunedJvm.SMALL_SITE, TunedJvm.policyFiles(new String[] {"check", "--content=" + large}));
        assertTrue(TunedJvm.command(new String[] {"check", "--content=" + large}).isPresent());
        assertEquals(0, TunedJvm.policyFiles(new String[] {"check", "--content", temp.resolve("missing").toString()}));
    }

    @Test
    void theSecondJvmGetsOurFlagsThenTheUsersOwnOptionsThenTheSameArguments() throws IOException {
        Path large = temp.resolve("content");
        for (int i = 0; i < TunedJvm.SMALL_SITE; i++) {
            Files.createDirectories(large.resolve("en"));
            Files.writeString(large.resolve("en").resolve("d" + i + ".md"), "");
        }
        List<String> command = TunedJvm.command(new String[] {"build", "--content", large.toString(), "--out", "site"})
                .orElseThrow();
        assertEquals(List.of("build", "--content", large.toString(), "--out", "site"), command.subList(command.size() - 5, command.size()));
        assertEquals(Main.class.getName(), command.get(command.size() - 6));
        int ours = command.indexOf("-XX:InlineSmallCode=300");
        int users = command.indexOf("-Duser.timezone=UTC"); // from the surefire configuration that runs this test
        assertTrue(ours > 0 && users > ours, command::toString);
        assertTrue(command.contains("-Dprivacy-site.tuned-jvm=second"), command::toString);
        assertTrue(command.contains(JvmSettings.BATCH_GC), command::toString);
        for (String flag : JvmSettings.BATCH_HEAP) {
            assertTrue(command.indexOf(flag) > 0 && command.indexOf(flag) < users, command::toString);
        }
        assertTrue(command.indexOf(JvmSettings.BATCH_PROMOTION) > 0 && command.indexOf(JvmSettings.BATCH_PROMOTION) < users, command::toString);
        assertFalse(command.contains(TunedJvm.INCREMENTAL_PROMOTION), "a full run promotes at the second collection: " + command);
        assertTrue(command.indexOf(JvmSettings.QUICK_JIT) > 0 && command.indexOf(JvmSettings.QUICK_JIT) < users,
                "a site this size builds with C1 only: " + command);
        assertEquals(TunedJvm.hugePagesOnRequest(), command.contains(TunedJvm.HUGE_PAGES), "huge pages where the kernel gives them");
        List<String> serve = TunedJvm.command(new String[] {"serve", "--content", large.toString()}).orElseThrow();
        assertTrue(!serve.contains(JvmSettings.BATCH_GC), "the preview keeps the default collector: " + serve);
        assertTrue(!serve.contains(JvmSettings.QUICK_JIT), "the preview keeps C2: " + serve);
        assertTrue(!serve.contains(TunedJvm.HUGE_PAGES), "the preview keeps the default heap: " + serve);
    }

    /**
     * The distribution's launcher (bin/privacy-site, a shell script) gives its one JVM the same settings
     * as the second JVM of {@code java -jar}: a change of the flags here must be made there too.
     */
    @Test
    void theLauncherScriptGivesTheSameFlags() throws IOException {
        String script = Files.readString(SampleSite.repository().resolve("generator-core/src/main/dist/bin/privacy-site"));
        assertTrue(script.contains("flags=\"" + String.join(" ", JvmSettings.INLINING) + "\""), "the JIT flags");
        assertTrue(script.contains("flags=\"$flags " + JvmSettings.BATCH_GC + "\""), "the batch collector");
        assertTrue(script.contains("flags=\"$flags " + TunedJvm.INCREMENTAL_GC + "\""), "the incremental check's collector");
        assertTrue(script.contains("flags=\"$flags " + String.join(" ", JvmSettings.BATCH_HEAP) + "\""), "the batch heap");
        assertTrue(script.contains("flags=\"$flags " + JvmSettings.BATCH_PROMOTION + "\""), "the batch promotion");
        assertTrue(script.contains("flags=\"$flags " + TunedJvm.INCREMENTAL_PROMOTION + "\""), "the incremental check's promotion");
        assertTrue(script.contains("flags=\"$flags " + TunedJvm.HUGE_PAGES + "\""), "huge pages");
        assertTrue(script.contains("flags=\"$flags " + JvmSettings.QUICK_JIT + "\""), "C1 only");
        assertTrue(script.contains("head -n " + JvmSettings.LARGE_SITE + " ") && script.contains("-lt " + JvmSettings.LARGE_SITE + " "),
                "the same site size for C1 only");
        // The launcher looks for the build stamp by name: the name PrivacySite.isPublishedSite looks for.
        java.util.regex.Matcher stamp = java.util.regex.Pattern.compile("\\[ -f \"\\$out/([^\"]+)\" ]").matcher(script);
        assertTrue(stamp.find(), "the launcher's test for a published output");
        Path published = Files.createDirectories(temp.resolve("published"));
        assertFalse(org.privacysite.PrivacySite.isPublishedSite(published));
        Files.writeString(published.resolve(stamp.group(1)), "stamp");
        assertTrue(org.privacysite.PrivacySite.isPublishedSite(published), "the build stamp's name: " + stamp.group(1));
    }

    /** A user who sizes the heap gets no first heap or young generation of ours (an -Xms above their -Xmx stops the JVM). */
    @Test
    void theUsersHeapSizeReplacesOurs() {
        assertTrue(TunedJvm.sizesHeap(List.of("-Xmx200m")));
        assertTrue(TunedJvm.sizesHeap(List.of("-Duser.timezone=UTC", "-XX:MaxHeapSize=1g")));
        assertTrue(TunedJvm.sizesHeap(List.of("-XX:MaxRAMPercentage=50")));
        assertFalse(TunedJvm.sizesHeap(List.of("-Duser.timezone=UTC", "-XX:+UseSerialGC")));
    }

    /** C1 alone for builds and checks of sites below the size where C2's compile time pays off. */
    @Test
    void onlyLargeSitesAreCompiledByC2() {
        assertTrue(TunedJvm.quickJit("build", TunedJvm.SMALL_SITE));
        assertTrue(TunedJvm.quickJit("check", JvmSettings.LARGE_SITE - 1));
        assertFalse(TunedJvm.quickJit("check", JvmSettings.LARGE_SITE));
        assertFalse(TunedJvm.quickJit("build", JvmSettings.LARGE_SITE));
        assertFalse(TunedJvm.quickJit("serve", TunedJvm.SMALL_SITE));
    }

    /**
     * The real thing: a new JVM runs main, which starts the second one; exit code and output come
     * through. The user's small -Xmx holds although our first heap is an eighth of the RAM.
     */
    @Test
    void buildRunsInTheSecondJvmAndPassesItsExitCodeOn() throws IOException, InterruptedException {
        Path out = temp.resolve("site");
        Process ok = start(List.of("-Xmx256m"), "build", "--verbose", "--content", SampleSite.content().toString(),
                "--templates", SampleSite.templates().toString(), "--out", out.toString());
        String err = new String(ok.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ok.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, ok.exitValue(), err);
        assertTrue(err.contains("Running in a second JVM with -XX:+IgnoreUnrecognizedVMOptions -XX:InlineSmallCode=300"), err);
        assertFalse(err.contains("VM warning"), "none of our flags makes the JVM complain: " + err);
        assertTrue(Files.isRegularFile(out.resolve("fr/privacy/index.html")));

        Process failed = start("build", "--content", temp.resolve("missing").toString(),
                "--templates", SampleSite.templates().toString(), "--out", out.toString());
        failed.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(failed.waitFor(120, TimeUnit.SECONDS));
        assertEquals(Main.USAGE, failed.exitValue());
    }

    /** A plain kill (or Ctrl-C) of the command's JVM stops the second JVM, and the first ends only after it. */
    @Test
    void terminatingTheFirstJvmStopsTheSecondFirst() throws Exception {
        Process serve = startServe();
        try {
            ProcessHandle second = awaitServing(serve);
            serve.destroy(); // SIGTERM
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
            assertTrue(!second.isAlive(), "the second JVM outlived the first");
            assertEquals(143, serve.exitValue(), "the second JVM's exit code (SIGTERM) comes through");
        } finally {
            killAll(serve);
        }
    }

    private static Process startServe() throws IOException {
        return start("serve", "--port", "0", "--content", SampleSite.content().toString(),
                "--templates", SampleSite.templates().toString());
    }

    private static void killAll(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Reads the preview's output until it serves; returns its second JVM. */
    private static ProcessHandle awaitServing(Process serve) throws IOException {
        java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine();
        } while (line != null && !line.startsWith("Serving the preview"));
        assertTrue(line != null, "serve did not start");
        ProcessHandle second = serve.toHandle().children().findFirst().orElseThrow();
        assertTrue(second.info().commandLine().orElse("").contains("-Dprivacy-site.tuned-jvm=second"), second.info()::toString);
        return second;
    }

    /** kill -9 of the command's JVM (a CI timeout, a supervisor) also ends the second JVM doing the work. */
    @Test
    void killingTheFirstJvmEndsTheSecond() throws Exception {
        Process serve = startServe();
        try {
            ProcessHandle second = awaitServing(serve);
            serve.destroyForcibly();
            second.onExit().get(30, TimeUnit.SECONDS);
            assertTrue(!second.isAlive());
        } finally {
            killAll(serve);
        }
    }

    /** Two collectors on one command line stop the JVM: a user's own choice replaces ours. */
    @Test
    void theUsersCollectorReplacesOurs() throws IOException, InterruptedException {
        Path out = temp.resolve("site");
        Process build = start(List.of("-XX:+UseSerialGC"), "build", "--content", SampleSite.content().toString(),
                "--templates", SampleSite.templates().toString(), "--out", out.toString());
        String err = new String(build.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(build.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, build.exitValue(), err);
        assertTrue(Files.isRegularFile(out.resolve("fr/privacy/index.html")));
    }

    private static Process start(String... args) throws IOException {
        return start(List.of(), args);
    }

    private static Process start(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-Dprivacy-site.tuned-jvm=true"); // the sample site is small
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }

    @Test
    void aCheckWithABuildCacheFromAnEarlierRunGetsC1Only() throws IOException {
        Path cacheTemp = temp;
        String out = cacheTemp.resolve("target/site").toString();
        assertFalse(TunedJvm.cachedCheck(new String[] {"check", "--out", out}), "no cache yet: a full check, C2 pays off");
        Files.createDirectories(cacheTemp.resolve("target/privacy-site-cache"));
        assertFalse(TunedJvm.cachedCheck(new String[] {"check", "--out", out}), "an empty cache directory: no cache yet");
        Path cacheFile = Files.writeString(cacheTemp.resolve("target/privacy-site-cache/site.cache"), "x");
        Files.setLastModifiedTime(cacheFile, java.nio.file.attribute.FileTime.fromMillis(2_000_000_000_000L));
        assertFalse(TunedJvm.cachedCheck(new String[] {"check", "--content", "c", "--out", out}),
                "a cache but no published site (deleted since): the cache saves nothing, a full check");
        Files.writeString(Files.createDirectories(cacheTemp.resolve("target/site")).resolve(".privacy-site-build"), "stamp");
        assertTrue(TunedJvm.cachedCheck(new String[] {"check", "--content", "c", "--out", out}));

        // Only a policy text changed since the cache was written: incremental, C1. A newer site.yaml or template: a full run, C2.
        Path content = Files.createDirectories(cacheTemp.resolve("content/en"));
        Path templates = Files.createDirectories(cacheTemp.resolve("templates/partials"));
        Path policy = Files.writeString(content.resolve("privacy.md"), "edited");
        Files.setLastModifiedTime(policy, java.nio.file.attribute.FileTime.fromMillis(2_000_000_100_000L));
        String[] check = {"check", "--content", content.getParent().toString(), "--templates", templates.getParent().toString(), "--out", out};
        assertTrue(TunedJvm.cachedCheck(check), "a policy edited after the cache");
        Path siteYaml = Files.writeString(content.getParent().resolve("site.yaml"), "name: x");
        Files.setLastModifiedTime(siteYaml, java.nio.file.attribute.FileTime.fromMillis(2_000_000_100_000L));
        assertFalse(TunedJvm.cachedCheck(check), "site.yaml changed after the cache: a full run");
        Files.setLastModifiedTime(siteYaml, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        Path footer = Files.writeString(templates.resolve("footer.ftlh"), "<footer/>");
        Files.setLastModifiedTime(footer, java.nio.file.attribute.FileTime.fromMillis(2_000_000_100_000L));
        assertFalse(TunedJvm.cachedCheck(check), "a template changed after the cache: a full run");
        assertFalse(TunedJvm.cachedCheck(new String[] {"check", "--out", out, "--no-cache"}));
        assertFalse(TunedJvm.cachedCheck(new String[] {"build", "--out", out}));
        assertFalse(TunedJvm.cachedCheck(new String[] {"check", "--out=" + cacheTemp.resolve("x"), "--cache",
                cacheTemp.resolve("target/privacy-site-cache").toString()}), "no site published into x");
        Files.writeString(Files.createDirectories(cacheTemp.resolve("x")).resolve(".privacy-site-build"), "stamp");
        assertTrue(TunedJvm.cachedCheck(new String[] {"check", "--out=" + cacheTemp.resolve("x"), "--cache",
                cacheTemp.resolve("target/privacy-site-cache").toString()}));
    }
}
