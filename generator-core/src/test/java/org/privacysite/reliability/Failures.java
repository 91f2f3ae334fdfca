package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a failed run must look to a legal writer: a place, plain words, no Java. */
final class Failures {

    private Failures() {
    }

    /**
     * {@code run} exited with {@code exitCode} (non-zero), and stderr has a line
     * {@code .../<where>: error: <message>} whose message holds every one of {@code words}
     * (case-insensitive) and reads as words, not as a Java exception; no stack trace anywhere.
     *
     * @param where the file relative to the site root, then {@code :line} and {@code :col} when known,
     *              e.g. {@code content/en/privacy.md:12:1}
     */
    static void assertUserError(Cli.Run run, int exitCode, String where, String... words) {
        assertTrue(exitCode != 0, "a rejected input needs a non-zero exit code");
        assertNoJava(run);
        assertEquals(exitCode, run.exitCode(), "exit code; " + run);
        Matcher line = Pattern.compile("(?m)^(?:.*/)?" + wherePattern(where) + ": error: (.+)$").matcher(run.err());
        java.util.List<String> messages = new java.util.ArrayList<>();
        while (line.find()) {
            String message = line.group(1);
            messages.add(message);
            String lower = message.toLowerCase(Locale.ROOT);
            if (java.util.Arrays.stream(words).allMatch(word -> lower.contains(word.toLowerCase(Locale.ROOT)))) {
                assertPlainWords(message, run);
                return;
            }
        }
        if (messages.isEmpty()) {
            fail("stderr has no line '<dir>/" + where + ": error: ...'; " + run);
        }
        fail("no error at " + where + " mentions all of " + java.util.Arrays.toString(words) + ": " + messages);
    }

    /** {@code where} as a regular expression: a {@code *} stands for any line or column number. */
    static String wherePattern(String where) {
        String[] parts = where.split("\\*", -1);
        StringBuilder pattern = new StringBuilder(Pattern.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            pattern.append("\\d+").append(parts[i].isEmpty() ? "" : Pattern.quote(parts[i]));
        }
        return pattern.toString();
    }

    /** The run succeeded without printing any error or Java internals. */
    static void assertSucceeded(Cli.Run run) {
        assertNoJava(run);
        assertEquals(0, run.exitCode(), "the build should succeed; " + run);
        assertFalse(run.err().contains(": error: "), "no error expected; " + run);
    }

    /** No stack trace, no exception class name, no "internal error" in either stream. */
    static void assertNoJava(Cli.Run run) {
        String both = run.out() + run.err();
        assertFalse(both.contains("\tat "), "stack trace printed; " + run);
        assertFalse(both.contains("Exception"), "exception name printed; " + run);
        assertFalse(both.contains("StackOverflowError") || both.contains("OutOfMemoryError"), "JVM error printed; " + run);
        assertFalse(both.contains("internal error"), "reported as an internal error; " + run);
    }

    /** A message a non-engineer can read: some words, no Java class names. */
    static void assertPlainWords(String message, Cli.Run run) {
        assertTrue(message.split("\\s+").length >= 3, "the message is not a sentence: '" + message + "'; " + run);
        assertFalse(message.matches(".*\\b(java|org|com)\\.[a-z]+\\..*"), "the message names Java classes: " + message);
    }
}
