package org.privacysite.internal.messages;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Formats ICU messages for one locale. A message is formatted argument by argument: the same
 * argument ({@code {retentionDays, plural, ...}}, {@code {effective, date, long}}) recurs on every
 * page with the same values, so each argument pattern is compiled once and each (pattern, values)
 * result is remembered. Both caches are bounded, so memory does not grow with the site.
 * Dates are calendar dates and are formatted in UTC, so output never depends on the machine.
 */
public final class LocaleFormatter {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    /** Arguments whose formatted text is words of the locale (plural and select cases are translated in the message). */
    private static final java.util.regex.Pattern DATE_LIKE = java.util.regex.Pattern.compile(
            "\\{\\s*[^,}]+,\\s*(date|time|spellout|ordinal|duration)\\b");
    /** Far more than the distinct arguments of a real site; a site beyond it just formats more often. */
    static final int CACHE_LIMIT = 4096;

    private final ULocale locale;
    /**
     * The locale whose CLDR data formats dates and numbers: the locale itself; for a pseudo-locale, English,
     * whose dates are then pseudo-translated like the text ("Šéþţéṁƀéŕ 1, 2026"), as CLDR's own en-XA has them.
     */
    private final ULocale formatLocale;
    private final PseudoLocale pseudo;
    /** Cloned for each date, never changed itself: safe to clone from any thread. */
    private final Calendar utcCalendar;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
    /** Formatted arguments by their pattern and values: [pattern, value, value...]. */
    private final Map<List<Object>, String> results = new ConcurrentHashMap<>();

    public LocaleFormatter(String languageTag) {
        this.locale = ULocale.forLanguageTag(languageTag);
        this.pseudo = PseudoLocale.of(languageTag);
        this.formatLocale = pseudo == null ? locale : ULocale.ENGLISH;
        this.utcCalendar = Calendar.getInstance(UTC, formatLocale);
    }

    public ULocale locale() {
        return locale;
    }

    /** Formats {@code message}; every argument it names must be in {@code values}. */
    public String format(IcuMessage message, Map<String, ?> values) {
        List<IcuMessage.Segment> segments = message.segments();
        if (segments.size() == 1) {
            return text(segments.get(0), values);
        }
        StringBuilder out = new StringBuilder(message.pattern().length() + 16);
        for (IcuMessage.Segment segment : segments) {
            out.append(text(segment, values));
        }
        return out.toString();
    }

    /** Receives a formatted message piece by piece: literal and formatted text, and inserted values. */
    public interface Pieces {
        /** Text of the message, or an argument formatted for the locale (a number, a date, a plural). */
        void text(String text);

        /** The text value of a bare {@code {name}} argument, inserted as it is: a fact such as a URL. */
        void value(String text);
    }

    /**
     * Formats {@code message} into {@code out}, telling the values inserted as they are apart from the
     * rest, so that a renderer can isolate their direction ({@link BidiIsolation}).
     */
    public void format(IcuMessage message, Map<String, ?> values, Pieces out) {
        for (IcuMessage.Segment segment : message.segments()) {
            String text = text(segment, values);
            if (segment.isPlainArgument() && values.get(segment.names().get(0)) instanceof CharSequence) {
                out.value(text);
            } else {
                out.text(text);
            }
        }
    }

    private String text(IcuMessage.Segment segment, Map<String, ?> values) {
        if (segment.isLiteral()) {
            return segment.text();
        }
        List<String> names = segment.names();
        if (segment.isPlainArgument() && values.get(names.get(0)) instanceof String text) {
            return text; // what ICU inserts for a text in {name}: a page's title or address, not worth remembering
        }
        Object[] key = new Object[names.size() + 1];
        key[0] = segment.argumentPattern();
        for (int i = 0; i < names.size(); i++) {
            key[i + 1] = values.get(names.get(i)); // 1 (a number) and "1" (a text) are not equal: they format differently
        }
        List<Object> cacheKey = java.util.Arrays.asList(key); // compared by value, cheaper than a key string
        String cached = results.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        String formatted = formatArgument(segment, values);
        bounded(results).put(cacheKey, formatted);
        return formatted;
    }

    private String formatArgument(IcuMessage.Segment segment, Map<String, ?> values) {
        MessageFormat format = formats.get(segment.argumentPattern());
        if (format == null) {
            format = new MessageFormat(segment.argumentPattern(), formatLocale);
            bounded(formats).put(segment.argumentPattern(), format);
        }
        Map<String, Object> arguments = new HashMap<>();
        for (String name : segment.names()) {
            arguments.put(name, icuValue(values.get(name)));
        }
        String formatted;
        // A MessageFormat is not thread-safe; pages of one locale render on several threads.
        synchronized (format) {
            formatted = format.format(arguments);
        }
        if (pseudo != null && DATE_LIKE.matcher(segment.argumentPattern()).lookingAt()) {
            StringBuilder translated = new StringBuilder();
            pseudo.translate(formatted, 0, formatted.length(), translated);
            return translated.toString();
        }
        return formatted;
    }

    /**
     * Lets go of the remembered results, once the pages of this locale are written: a site in 100 locales
     * held about 27 MB of them to the end of a run.
     */
    public void forgetResults() {
        results.clear();
    }

    private static <K, V> Map<K, V> bounded(Map<K, V> cache) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        return cache;
    }

    /**
     * A calendar date becomes a UTC calendar: ICU formats a Calendar in its own time zone, also in
     * arguments nested inside plural or select cases, so output never depends on the machine's zone.
     */
    private Object icuValue(Object value) {
        if (value instanceof LocalDate date) {
            Calendar calendar = (Calendar) utcCalendar.clone(); // far cheaper than a new instance for the locale
            calendar.setTime(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
            return calendar;
        }
        return value;
    }
}
