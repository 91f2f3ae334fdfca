package org.privacysite.internal.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.TemplateRules;
import org.privacysite.internal.theme.Theme;

import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

/**
 * The FreeMarker templates of a {@link Theme}: a site's own templates directory first, then the
 * built-in theme, name by name. {@code .ftlh} files are HTML-escaped automatically, {@code .ftlx} files XML-escaped. Templates cannot reach Java classes. One engine is shared by all
 * rendering threads (FreeMarker's configuration and template cache are thread-safe).
 */
public final class TemplateEngine {

    private final Theme theme;
    private final Configuration configuration;

    public TemplateEngine(Theme theme) {
        this.theme = theme;
        this.configuration = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (theme.overrideDirectory() != null) {
            try {
                loaders.add(new FileTemplateLoader(theme.overrideDirectory().toFile()));
            } catch (IOException e) {
                throw PrivacySiteException.at(Location.of(theme.overrideDirectory()), TemplateRules.DIRECTORY,
                        "cannot read the templates: " + e.getMessage());
            }
        }
        loaders.add(new ClassTemplateLoader(Theme.class.getClassLoader(), Theme.RESOURCES));
        MultiTemplateLoader loader = new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0]));
        loader.setSticky(false); // a template added to the site's directory while a preview runs is found
        configuration.setTemplateLoader(loader);
        // Records are read as properties (page.title), not as methods (page.title()).
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        configuration.setObjectWrapper(wrapper.build());
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setLocale(Locale.ROOT);
        configuration.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        configuration.setBooleanFormat("c");
    }

    /** Renders {@code name} with {@code model} into {@code out}; template mistakes become findings. */
    public void render(String name, Map<String, Object> model, Writer out) {
        try {
            Template template = configuration.getTemplate(name);
            template.process(model, out);
        } catch (TemplateNotFoundException e) {
            throw PrivacySiteException.at(Location.of(theme.file(name)), TemplateRules.MISSING,
                    "template '" + name + "' not found in " + (theme.overrideDirectory() == null ? "the built-in theme"
                            : theme.overrideDirectory() + " nor in the built-in theme"));
        } catch (ParseException e) {
            throw PrivacySiteException.at(templateLocation(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber()),
                    TemplateRules.SYNTAX, describe(e.getEditorMessage()));
        } catch (TemplateException e) {
            // An #import or #include of a broken template: report the broken one, not the importer.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ParseException parse) {
                    throw PrivacySiteException.at(templateLocation(parse.getTemplateName(), parse.getLineNumber(), parse.getColumnNumber()),
                            TemplateRules.SYNTAX, describe(parse.getEditorMessage()));
                }
            }
            throw PrivacySiteException.at(templateLocation(e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber()),
                    TemplateRules.ERROR, describe(e.getMessageWithoutStackTop()));
        } catch (IOException e) {
            // FreeMarker caches a failed load and rethrows it later wrapped in an IOException.
            if (e.getCause() instanceof ParseException parse) {
                throw PrivacySiteException.at(templateLocation(parse.getTemplateName(), parse.getLineNumber(), parse.getColumnNumber()),
                        TemplateRules.SYNTAX, describe(parse.getEditorMessage()));
            }
            throw PrivacySiteException.at(Location.of(theme.file(name)), TemplateRules.IO, "cannot render: " + e.getMessage());
        }
    }

    /** Whether the templates have {@code name} (a partial that older template sets may lack). */
    public boolean has(String name) {
        try {
            return configuration.getTemplate(name, null, null, null, true, true) != null;
        } catch (IOException e) {
            return true; // it exists but does not parse: rendering it reports where
        }
    }

    public String render(String name, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        render(name, model, out);
        return out.toString();
    }

    private Location templateLocation(String sourceName, Integer line, Integer column) {
        Location file = Location.of(theme.file(sourceName == null ? "" : sourceName));
        return file.at(line == null ? 0 : line, column == null ? 0 : column);
    }

    /** FreeMarker's message without its tips and stack: the lines before the first "----" or "Tip". */
    private static String describe(String message) {
        if (message == null) {
            return "template error";
        }
        StringBuilder text = new StringBuilder();
        for (String line : message.strip().split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("----") || trimmed.startsWith("Tip:") || trimmed.startsWith("FTL stack")) {
                break;
            }
            if (!trimmed.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(trimmed);
            }
        }
        return text.toString().replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+\\]", "");
    }
}
