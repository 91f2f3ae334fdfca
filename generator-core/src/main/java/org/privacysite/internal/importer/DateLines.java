package org.privacysite.internal.importer;

import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Recognises a line that dates the policy ("Effective March 10, 2022", "Last updated: 2024-05-01",
 * "Dernière mise à jour : 1 mars 2024", "最終更新日：2024年5月1日"), with the locale's own date formats
 * (ICU), so that the date can move into the front matter.
 */
final class DateLines {

    /** Which front-matter field a line sets. */
    enum Kind { EFFECTIVE, UPDATED }

    record DateLine(Kind kind, LocalDate date) {
    }

    /** Longer paragraphs are prose that mentions a date, not a date line. */
    private static final int MAX_LENGTH = 120;
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Map<Kind, List<String>> KEYWORDS = Map.of(
            Kind.EFFECTIVE, List.of("effective", "in effect", "valid from", "en vigueur", "date d'effet", "date d’effet",
                    "applicable à compter", "gültig ab", "in kraft", "wirksam ab", "vigente", "en vigor", "vigor",
                    "سريان", "نافذ", "ساري", "施行", "発効", "生效", "in vigore", "em vigor", "van kracht"),
            Kind.UPDATED, List.of("last updated", "updated", "last modified", "last revised", "revised", "mise à jour",
                    "mis à jour", "modifié", "révisé", "aktualisiert", "aktualisierung", "stand:", "geändert",
                    "actualiza", "تحديث", "تعديل", "更新", "改定", "改訂", "修订", "修訂", "aggiornat", "atualiza", "bijgewerkt"));
    private static final int[] STYLES = {DateFormat.LONG, DateFormat.MEDIUM, DateFormat.FULL, DateFormat.SHORT};

    private DateLines() {
    }

    /** The dates a short paragraph states, each with the field it sets; empty for any other text. */
    static List<DateLine> parse(String text, String locale) {
        List<DateLine> found = new ArrayList<>();
        if (text.length() > MAX_LENGTH) {
            return found;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<int[]> hits = new ArrayList<>(); // {position, end, kind}
        for (Kind kind : Kind.values()) {
            for (String keyword : KEYWORDS.get(kind)) {
                int at = lower.indexOf(keyword);
                if (at >= 0 && hits.stream().noneMatch(h -> h[0] <= at && at < h[1])) {
                    hits.add(new int[] {at, at + keyword.length(), kind.ordinal()});
                }
            }
        }
        hits.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int k = 0; k < hits.size(); k++) {
            int[] hit = hits.get(k);
            // The date is after the keyword ("Effective: March 10") or before it ("2024年5月1日施行").
            int next = k + 1 < hits.size() ? hits.get(k + 1)[0] : text.length();
            int previous = k > 0 ? hits.get(k - 1)[1] : 0;
            Optional<LocalDate> date = date(text.substring(hit[1], next), locale)
                    .or(() -> date(text.substring(previous, hit[0]), locale));
            Kind kind = Kind.values()[hit[2]];
            if (date.isPresent() && found.stream().noneMatch(d -> d.kind() == kind)) {
                found.add(new DateLine(kind, date.get()));
            }
        }
        return found;
    }

    /** The first date in {@code text}: ISO, else the locale's long, medium, full or short form, else English. */
    static Optional<LocalDate> date(String text, String locale) {
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        String cleaned = text.replaceAll("(\\d+)(?:er|st|nd|rd|th)\\b", "$1").replace('\u00a0', ' ').replace('\u202f', ' ');
        for (ULocale candidate : List.of(ULocale.forLanguageTag(locale), ULocale.US, ULocale.UK)) {
            for (int style : STYLES) {
                DateFormat format = DateFormat.getDateInstance(style, candidate);
                format.setTimeZone(TimeZone.GMT_ZONE);
                format.setLenient(false);
                for (int start = 0; start < cleaned.length(); start++) {
                    if (start > 0 && Character.isLetterOrDigit(cleaned.charAt(start - 1))) {
                        continue; // dates start at a word boundary
                    }
                    ParsePosition position = new ParsePosition(start);
                    java.util.Date parsed = format.parse(cleaned, position);
                    if (parsed != null && position.getIndex() > start + 5) {
                        LocalDate date = parsed.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
                        if (date.getYear() >= 1990 && date.getYear() <= 2100) {
                            return Optional.of(date);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
