package org.privacysite.internal.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.privacysite.TranslationStatus;
import org.privacysite.internal.theme.Theme;

/** The translation status page ({@code status.ftlh}), for legal writers and the Maven site report. */
public final class StatusPage {

    private final Theme theme;
    private final TemplateEngine templates;

    public StatusPage(Theme theme) {
        this.theme = theme;
        this.templates = new TemplateEngine(theme);
    }

    /** The page as HTML; {@code stylesheet} is the URL of site.css as seen from the page. */
    public String render(TranslationStatus status, String stylesheet) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status);
        model.put("stylesheet", stylesheet);
        return templates.render("status.ftlh", model);
    }

    /** Writes the page to {@code file} and the site stylesheet beside it. */
    public void write(TranslationStatus status, Path file) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Files.writeString(file, render(status, "status.css"), StandardCharsets.UTF_8);
            Files.copy(theme.file("assets/site.css"), directory.resolve("status.css"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
