package org.privacysite.internal.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.privacysite.internal.messages.BidiIsolation;
import org.privacysite.internal.messages.LocaleFormatter;
import org.privacysite.internal.messages.MessageBundle;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;

import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

/**
 * UI strings of one locale, for Java code and for templates as {@code msg("toc.title")} or
 * {@code msg("meta.updated", "date", page.updated)}. A key missing in a translation falls back to
 * the source locale (the parity check reports it); the site's facts are always available as arguments.
 */
public final class UiMessages implements TemplateMethodModelEx {

    private final List<MessageBundle> bundles;
    private final LocaleFormatter formatter;
    private final Map<String, Object> facts;
    /** Messages without arguments of their own, formatted once: every page shows the same labels. */
    private final Map<String, String> plain = new java.util.concurrent.ConcurrentHashMap<>();
    /** The same for templates: text, or markup where a fact is direction-isolated. */
    private final Map<String, Object> plainForTemplates = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean rightToLeft;

    /** @param bundles the locale's bundles first, then fallbacks */
    public UiMessages(List<MessageBundle> bundles, LocaleFormatter formatter, Map<String, Object> facts) {
        this.bundles = bundles;
        this.formatter = formatter;
        this.facts = facts;
        this.rightToLeft = formatter.locale().isRightToLeft();
    }

    public LocaleFormatter formatter() {
        return formatter;
    }

    public boolean has(String key) {
        return bundles.stream().anyMatch(bundle -> bundle.has(key));
    }

    /** Formats message {@code key} with the facts and {@code arguments}. */
    public String format(String key, Map<String, ?> arguments) {
        return formatter.format(entry(key).message(), values(arguments));
    }

    private MessageBundle.Entry entry(String key) {
        for (MessageBundle bundle : bundles) {
            MessageBundle.Entry entry = bundle.entry(key);
            if (entry != null) {
                return entry;
            }
        }
        throw new IllegalArgumentException("no message '" + key + "' in " + bundles.get(0).file());
    }

    private Map<String, Object> values(Map<String, ?> arguments) {
        Map<String, Object> values = new HashMap<>(facts);
        values.putAll(arguments);
        return values;
    }

    /**
     * Message {@code key} for a template: plain text (the template escapes it), or, when a fact in it
     * needs direction isolation ({@link BidiIsolation}), escaped HTML with the fact in {@code <bdi>}.
     * The {@code <bdi>} has no attribute, so even in an attribute value the markup cannot end the attribute.
     */
    public Object forTemplate(String key, Map<String, ?> arguments) {
        return forTemplate(key, arguments, true);
    }

    /**
     * As {@link #forTemplate(String, Map)}; without {@code markup} (an XML feed, a text file) an isolated fact is
     * wrapped in the Unicode isolates FSI and PDI instead, which every text format can hold.
     */
    private Object forTemplate(String key, Map<String, ?> arguments, boolean markup) {
        StringBuilder text = new StringBuilder();
        StringBuilder isolatedText = new StringBuilder();
        StringBuilder html = new StringBuilder();
        boolean[] isolated = {false};
        HTMLOutputFormat escape = HTMLOutputFormat.INSTANCE;
        formatter.format(entry(key).message(), values(arguments), new LocaleFormatter.Pieces() {
            @Override
            public void text(String piece) {
                text.append(piece);
                isolatedText.append(piece);
                html.append(escape.escapePlainText(piece));
            }

            @Override
            public void value(String piece) {
                boolean isolate = BidiIsolation.needed(piece, rightToLeft);
                isolated[0] |= isolate;
                text.append(piece);
                isolatedText.append(isolate ? BidiIsolation.isolated(piece) : piece);
                html.append(isolate ? "<bdi>" : "").append(escape.escapePlainText(piece)).append(isolate ? "</bdi>" : "");
            }
        });
        if (!isolated[0]) {
            return text.toString();
        }
        if (!markup) {
            return isolatedText.toString();
        }
        try {
            return escape.fromMarkup(html.toString());
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e); // only thrown for formats that cannot hold markup
        }
    }

    /** Formats message {@code key} with the facts; the same text each time, so it is formatted once. */
    public String format(String key) {
        String text = plain.get(key);
        if (text == null) {
            text = format(key, Map.of());
            plain.put(key, text);
        }
        return text;
    }

    /**
     * The language's own name for the language switcher: CLDR's name of the language in itself ("Deutsch",
     * "中文（中国）"), capitalised as CLDR says for a menu ("polski"), unless the locale's own bundle gives a
     * {@code language.name} (the built-in ones do not); never the name a fallback bundle gives (neither the
     * source's nor a parent locale's: es-MX is "Español (México)", not es.yaml's "Español").
     */
    public String languageName() {
        if (bundles.get(0).isOwn() && bundles.get(0).has("language.name")) {
            return format("language.name");
        }
        return plain.computeIfAbsent("\u0000languageName", key -> {
            ULocale locale = ULocale.forLanguageTag(bundles.get(0).locale());
            return LocaleDisplayNames.getInstance(locale, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU)
                    .localeDisplayName(locale);
        });
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.isEmpty() || arguments.size() % 2 == 0) {
            throw new TemplateModelException("msg needs a key, then name/value pairs: msg(\"key\", \"name\", value)");
        }
        String key = String.valueOf(DeepUnwrap.unwrap((TemplateModel) arguments.get(0)));
        if (!has(key)) {
            throw new TemplateModelException("there is no UI message '" + key + "' in " + bundles.get(0).file().getFileName()
                    + "; add it to templates/messages/<locale>.yaml");
        }
        Environment environment = Environment.getCurrentEnvironment();
        boolean markup = environment == null || environment.getCurrentTemplate().getOutputFormat() instanceof HTMLOutputFormat;
        if (arguments.size() == 1 && markup) {
            return plainForTemplates.computeIfAbsent(key, k -> forTemplate(k, Map.of()));
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 1; i < arguments.size(); i += 2) {
            String name = String.valueOf(DeepUnwrap.unwrap((TemplateModel) arguments.get(i)));
            values.put(name, DeepUnwrap.unwrap((TemplateModel) arguments.get(i + 1)));
        }
        return forTemplate(key, values, markup);
    }
}
