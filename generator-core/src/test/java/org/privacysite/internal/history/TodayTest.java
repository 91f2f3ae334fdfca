package org.privacysite.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.SampleSite;
import org.privacysite.cli.Main;

/**
 * Which version is in force is decided by "today", never by the clock: {@code --as-of}, else
 * {@code SOURCE_DATE_EPOCH}, else the date of the last commit (2026-07-10 in {@link HistoryRepository}).
 */
class TodayTest {

    @TempDir
    Path temp;

    private static boolean transfersInForce(Path out) throws Exception {
        return Files.readString(out.resolve("en/privacy/index.html"), StandardCharsets.UTF_8).contains("Transfers");
    }

    @Test
    void asOfDecidesWhichVersionIsInForce() throws Exception {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "build", "--content", repository.content().toString(),
                "--templates", SampleSite.templates().toString(), "--out", temp.resolve("default").toString());
        assertEquals(0, exit, err.toString());
        assertFalse(transfersInForce(temp.resolve("default")), "the last commit is of 2026-07-10: September's version is upcoming");

        exit = Main.run(new PrintWriter(out), new PrintWriter(err), "build", "--as-of", "2026-09-01", "--content",
                repository.content().toString(), "--templates", SampleSite.templates().toString(), "--out", temp.resolve("september").toString());
        assertEquals(0, exit, err.toString());
        assertTrue(transfersInForce(temp.resolve("september")));

        StringWriter usage = new StringWriter();
        exit = Main.run(new PrintWriter(out), new PrintWriter(usage), "build", "--as-of", "1 September", "--content",
                repository.content().toString(), "--templates", SampleSite.templates().toString(), "--out", temp.resolve("bad").toString());
        assertEquals(2, exit, usage.toString());
        assertTrue(usage.toString().contains("--as-of"), usage.toString());
    }

    @Test
    void sourceDateEpochDecidesWhenNoDateIsGiven() throws Exception {
        HistoryRepository repository = HistoryRepository.create(temp.resolve("repo"), 3);
        Path out = temp.resolve("site");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dprivacy-site.tuned-jvm=false", "-cp", System.getProperty("java.class.path"), "org.privacysite.cli.Main",
                "build", "--content", repository.content().toString(), "--templates", SampleSite.templates().toString(),
                "--out", out.toString()));
        ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true);
        child.environment().put("SOURCE_DATE_EPOCH",
                Long.toString(LocalDate.parse("2026-09-02").atStartOfDay().toEpochSecond(ZoneOffset.UTC)));
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(transfersInForce(out), "SOURCE_DATE_EPOCH is 2026-09-02: September's version is in force");
    }
}
