package org.privacysite.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.PolicyImport;

/** Headings as real documents write them: bold paragraphs instead of heading styles, numbers instead of levels. */
class HeadingShapesTest {

    static {
        PoiLogging.quiet();
    }

    @TempDir
    Path dir;

    private List<String> importedHeadings(String relative) throws IOException {
        PolicyImport.builder().source(dir.resolve("old")).out(dir.resolve("content")).build().run();
        return Files.readAllLines(dir.resolve("content").resolve(relative)).stream().filter(l -> l.startsWith("#")).toList();
    }

    @Test
    void boldParagraphsOfAPageWithoutHeadingsAreItsHeadingsAndTheirNumbersTheirLevels() throws IOException {
        Path page = dir.resolve("old/en/privacy.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, """
                <title>Privacy Notice</title>
                <p><strong>1. Who we are</strong></p><p>We are Kestrel.</p>
                <p><b>1.1 Controller</b></p><p>Kestrel is the controller. <strong>Really.</strong></p>
                <p><strong>2. Your rights</strong></p><p>You can ask for a copy.</p>
                """);
        assertEquals(List.of("## Who we are {#who-we-are}", "### Controller {#controller}", "## Your rights {#your-rights}"),
                importedHeadings("en/privacy.md"));
    }

    @Test
    void aHeadingBoldedWholeByItsCmsIsNotImportedAsBoldText() throws IOException {
        Path page = dir.resolve("old/en/privacy.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, """
                <title>Privacy Policy</title>
                <h2 class="wp-block-heading"><strong>1. Introduction</strong></h2><p>We are Kestrel.</p>
                <h2><b>2. Your <em>rights</em></b></h2><p>You can ask for a copy.</p>
                <h2>3. <strong>Contact</strong> us</h2><p>Write to us.</p>
                """);
        assertEquals(List.of("## Introduction {#introduction}", "## Your *rights* {#your-rights}", "## **Contact** us {#contact-us}"),
                importedHeadings("en/privacy.md"));
    }

    @Test
    void boldParagraphsOfAWordFileWithoutHeadingStyles() throws IOException {
        Path file = dir.resolve("old/en/privacy.docx");
        Files.createDirectories(file.getParent());
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (String[] part : new String[][] {{"Who we are", "We are Kestrel."}, {"Your rights", "You can ask for a copy."}}) {
                XWPFRun heading = doc.createParagraph().createRun();
                heading.setText(part[0]);
                heading.setBold(true);
                doc.createParagraph().createRun().setText(part[1]);
            }
            doc.write(out);
        }
        assertEquals(List.of("## Who we are {#who-we-are}", "## Your rights {#your-rights}"), importedHeadings("en/privacy.md"));
    }

    @Test
    void headingsAllAtOneLevelAreNestedByTheirNumbers() throws IOException {
        Path file = dir.resolve("old/en/privacy.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                # Privacy

                ## 1. Who we are

                We are Kestrel.

                ## 1.1 Controller

                Kestrel is the controller.

                ## 2. Your rights

                You can ask for a copy.
                """);
        assertEquals(List.of("## Who we are {#who-we-are}", "### Controller {#controller}", "## Your rights {#your-rights}"),
                importedHeadings("en/privacy.md"));
    }
}
