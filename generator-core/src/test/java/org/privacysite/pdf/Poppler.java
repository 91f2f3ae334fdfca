package org.privacysite.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * poppler-utils (Debian package {@code poppler-utils}): pdftotext, pdffonts and pdfinfo read the PDFs the
 * tests make, as an independent reader would. Without them the tests are skipped on a developer's machine
 * and fail on CI, where .ci/run installs them.
 */
public final class Poppler {

    private Poppler() {
    }

    public static void require() {
        if (!Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
            String why = "poppler-utils is not installed (pdftotext, pdffonts, pdfinfo): apt-get install -y poppler-utils";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    /** The text of {@code pdf} in reading order (pdftotext's default), UTF-8. */
    public static String text(Path pdf) {
        return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
    }

    /** pdffonts' table: one line per font after the two heading lines. */
    public static List<String> fonts(Path pdf) {
        List<String> lines = new ArrayList<>(List.of(run("pdffonts", pdf.toString()).split("\n")));
        return lines.subList(Math.min(2, lines.size()), lines.size());
    }

    /** pdfinfo's output, with the XMP metadata ({@code -meta}) when asked. */
    public static String info(Path pdf, boolean metadata) {
        return metadata ? run("pdfinfo", "-meta", pdf.toString()) : run("pdfinfo", pdf.toString());
    }

    public static int pages(Path pdf) {
        for (String line : info(pdf, false).split("\n")) {
            if (line.startsWith("Pages:")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new AssertionError("pdfinfo names no page count for " + pdf);
    }

    private static String run(String... command) {
        require();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            String text = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
