package org.privacysite.internal.messages;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Formats ICU messages for one locale. Formats are compiled once per pattern and reused, since
 * building a MessageFormat (plural rules, number and date formats) is the expensive part.
 * Dates are calendar dates and are formatted in UTC, so output never depends on the machine.
 */
public final class LocaleFormatter {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final ULocale locale;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    public LocaleFormatter(String languageTag) {
        this.locale = ULocale.forLanguageTag(languageTag);
    }

    public ULocale locale() {
        return locale;
    }

    /** Formats {@code message}; every argument it names must be in {@code values}. */
    public String format(IcuMessage message, Map<String, ?> values) {
        MessageFormat format = formats.computeIfAbsent(message.pattern(), this::compile);
        Map<String, Object> arguments = new HashMap<>();
        for (String name : message.argumentNames()) {
            arguments.put(name, icuValue(values.get(name)));
        }
        // A MessageFormat is not thread-safe; pages of one locale render on several threads.
        synchronized (format) {
            return format.format(arguments);
        }
    }

    private MessageFormat compile(String pattern) {
        return new MessageFormat(pattern, locale);
    }

    /**
     * A calendar date becomes a UTC calendar: ICU formats a Calendar in its own time zone, also in
     * arguments nested inside plural or select cases, so output never depends on the machine's zone.
     */
    private Object icuValue(Object value) {
        if (value instanceof LocalDate date) {
            Calendar calendar = Calendar.getInstance(UTC, locale);
            calendar.setTime(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
            return calendar;
        }
        return value;
    }
}
