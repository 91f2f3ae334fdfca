package org.privacysite.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.privacysite.SampleSite;

/**
 * The README's screenshots (docs/screenshots/): en, ar and ja at desktop and phone widths, with the
 * consent choice made. {@code -Dprivacy-site.update-screenshots=true} takes them again from the sample
 * site; otherwise the test checks that every one exists and the README shows it.
 */
class ScreenshotsBrowserTest {

    private static final boolean UPDATE = Boolean.getBoolean("privacy-site.update-screenshots");
    private static final List<String> LOCALES = List.of("en", "ar", "ja");

    private static Path directory() {
        return SampleSite.repository().resolve("docs/screenshots");
    }

    private static String name(String locale, boolean phone) {
        return "privacy-" + locale + (phone ? "-phone" : "-desktop") + ".png";
    }

    @Test
    void theReadmeShowsAScreenshotOfEachLanguageAtBothWidths() throws IOException {
        if (UPDATE) {
            take();
        }
        String readme = Files.readString(SampleSite.repository().resolve("README.md"));
        for (String locale : LOCALES) {
            for (boolean phone : new boolean[] {false, true}) {
                Path file = directory().resolve(name(locale, phone));
                assertTrue(Files.isRegularFile(file), file + " exists (take it with -Dprivacy-site.update-screenshots=true)");
                assertTrue(Files.size(file) < 200_000, file + " stays small");
                assertTrue(readme.contains("docs/screenshots/" + name(locale, phone)), "README shows " + file.getFileName());
            }
        }
    }

    private static void take() throws IOException {
        Files.createDirectories(directory());
        try (LoopbackServer site = LoopbackServer.start("127.0.0.1").serving(SampleSite.built()); Browser browser = Browser.start()) {
            browser.open(site.origin() + "/en/privacy/");
            browser.find("#ps-consent [data-consent-action='reject']").click();
            for (String locale : LOCALES) {
                for (boolean phone : new boolean[] {false, true}) {
                    browser.viewport(phone ? 390 : 1280, phone ? 844 : 800);
                    browser.open(site.origin() + "/" + locale + "/privacy/");
                    browser.waitFor("document.readyState === 'complete'");
                    BufferedImage shot = ImageIO.read(new ByteArrayInputStream(browser.driver.getScreenshotAs(OutputType.BYTES)));
                    ImageIO.write(phone ? shot : half(shot), "png", directory().resolve(name(locale, phone)).toFile());
                }
            }
            browser.viewport(0, 0);
        }
    }

    /** Desktop shots at half size: readable in the README, a fraction of the bytes. */
    private static BufferedImage half(BufferedImage image) {
        BufferedImage small = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = small.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.drawImage(image, 0, 0, small.getWidth(), small.getHeight(), null);
        graphics.dispose();
        return small;
    }
}
