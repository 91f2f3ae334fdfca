package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A large site built in a JVM at its defaults (Maven's) is told which settings to give it; a chosen JVM is left alone. */
class JvmSettingsTest {

    @Test
    void aLargeSiteInAJvmAtItsDefaultsIsToldTheSettings() {
        String advice = JvmSettings.advice(10_000, List.of("-Dmaven.home=/usr/share/maven", "-Xmx2g")).orElseThrow();

        assertTrue(advice.contains(".mvn/jvm.config"), advice);
        assertTrue(advice.endsWith(String.join(" ", JvmSettings.forBuild(10_000))), advice);
        assertFalse(JvmSettings.forBuild(10_000).contains(JvmSettings.QUICK_JIT), "C2 pays off on a large site");
        assertTrue(JvmSettings.forBuild(1_000).contains(JvmSettings.QUICK_JIT), "C1 alone below LARGE_SITE");
    }

    @Test
    void aSmallSiteOrAJvmWithSettingsChosenIsLeftAlone() {
        assertTrue(JvmSettings.advice(JvmSettings.ADVISED_FROM_PAGES - 1, List.of()).isEmpty(), "a small site");
        assertTrue(JvmSettings.advice(10_000, JvmSettings.forBuild(10_000)).isEmpty(), "the settings advised");
        assertTrue(JvmSettings.advice(10_000, List.of("-XX:+UseG1GC")).isEmpty(), "a collector the user chose");
        assertTrue(JvmSettings.advice(10_000, List.of("-XX:MaxInlineLevel=9")).isEmpty(), "inlining the user chose");
    }

    /** The advised line must start a JVM: a typo in it would stop every Maven build of the project that copies it. */
    @Test
    void theAdvisedSettingsStartThisJava() throws Exception {
        for (int pages : new int[] {1_000, 10_000}) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JvmSettings.forBuild(pages));
            command.add("-XX:+PrintFlagsFinal");
            command.add("-version");
            Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, java.waitFor(), output);
            assertTrue(output.matches("(?s).*\\bUseSerialGC\\s+= true.*"), "the serial collector is on");
            assertTrue(output.matches("(?s).*\\bMaxInlineLevel\\s+= 5\\b.*"), "the inlining limit is set");
        }
    }
}
