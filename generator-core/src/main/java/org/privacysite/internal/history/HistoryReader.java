package org.privacysite.internal.history;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.privacysite.Finding;
import org.privacysite.internal.rules.HistoryRules;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.config.SiteConfig;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageParser;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.source.SourceFiles;
import org.privacysite.internal.yaml.YamlMap;
import org.privacysite.internal.yaml.YamlReader;

/**
 * The history stage, between parsing and rendering: reads every version of every policy (from the
 * content's git history and from content/archive/), decides which one is in force today, and checks
 * the history. Nothing here reads the wall clock: today is {@code --as-of}, else
 * {@code SOURCE_DATE_EPOCH}, else the date of the last commit.
 */
public final class HistoryReader {

    private HistoryReader() {
    }

    /**
     * @param asOf            the date given with {@code --as-of}, or null
     * @param sourceDateEpoch the {@code SOURCE_DATE_EPOCH} environment variable, or null
     */
    public static SiteHistory read(Site site, LocalDate asOf, String sourceDateEpoch) {
        SiteConfig config = site.config();
        List<Finding> findings = new ArrayList<>();
        Location off = switchedOff(config);
        if (off != null) {
            findings.add(Finding.warning(off, HistoryRules.OFF, "the policy history is switched off (history: off), so no "
                    + "earlier version, comparison or feed is published; remove the setting to publish them"));
            return SiteHistory.none(findings);
        }
        PageParser parser = new PageParser(config.sourceLocale());
        GitHistory git;
        try {
            git = GitHistory.read(site.contentDirectory(), config.locales(), config.documents(), config.sourceLocale());
        } catch (GitHistory.ShallowClone e) {
            findings.add(Finding.error(config.location(), HistoryRules.SHALLOW, "the content is in a shallow git clone "
                    + "(only the latest commits were fetched), so the earlier versions of the policies cannot be read. "
                    + "Fetch the full history: run 'git fetch --unshallow', or in GitHub Actions give actions/checkout "
                    + "'fetch-depth: 0' (GitLab CI: GIT_DEPTH: 0). To publish without an archive, set 'history: off' in site.yaml"));
            return SiteHistory.none(findings);
        } catch (IOException | RuntimeException e) {
            findings.add(Finding.error(config.location(), HistoryRules.REPOSITORY, "the git repository of the content "
                    + "cannot be read (" + e.getMessage() + "); repair the clone, or set 'history: off' in site.yaml"));
            return SiteHistory.none(findings);
        }
        List<RecordedVersion> recorded = new ArrayList<>(git.versions());
        findings.addAll(checkOrder(recorded));
        ArchiveFiles.Archive archive = ArchiveFiles.read(site.contentDirectory(), config.locales(), config.documents(), parser);
        recorded.addAll(archive.versions());
        findings.addAll(archive.findings());

        Map<String, DocumentHistory> documents = new LinkedHashMap<>();
        LocalDate today = today(asOf, sourceDateEpoch, git.lastCommit(), config);
        for (String document : config.documents()) {
            NavigableMap<LocalDate, Page> source = versions(site, config.sourceLocale(), document, recorded, parser);
            if (source.size() < 2) {
                continue; // a single version: nothing to archive or compare (nor the translations' versions to read)
            }
            Map<String, NavigableMap<LocalDate, Page>> pages = new LinkedHashMap<>();
            for (String locale : config.locales()) {
                pages.put(locale, locale.equals(config.sourceLocale()) ? source : versions(site, locale, document, recorded, parser));
            }
            List<LocalDate> dates = List.copyOf(source.keySet());
            LocalDate inForce = today == null ? source.lastKey()
                    : source.floorKey(today) != null ? source.floorKey(today) : source.firstKey();
            documents.put(document, new DocumentHistory(document, dates, inForce, pages));
            findings.addAll(checkTranslations(site, documents.get(document)));
        }
        List<String> cookieLists = new ArrayList<>(git.cookieLists());
        java.nio.file.Path cookies = site.contentDirectory().resolve("cookies.yaml");
        if (Files.isRegularFile(cookies)) {
            cookieLists.add(SourceFiles.read(cookies, Location.of(cookies)));
        }
        return new SiteHistory(today, Map.copyOf(documents), CookieList.changes(cookieLists), List.copyOf(findings));
    }

    /**
     * What besides the source files decides the history's output: the date given, SOURCE_DATE_EPOCH
     * and the commit checked out (its date is today's by default). Part of the inputs' fingerprint.
     */
    public static String stamp(java.nio.file.Path contentDirectory, LocalDate asOf, String sourceDateEpoch) {
        return asOf + "\u0000" + sourceDateEpoch + "\u0000" + GitHistory.head(contentDirectory);
    }

    /** Where site.yaml says {@code history: off}, or null when the history is on (the default). */
    private static Location switchedOff(SiteConfig config) {
        Location where = config.location();
        YamlMap yaml = YamlReader.readMap(where, SourceFiles.read(config.file(), where), 0);
        if (!yaml.has("history")) {
            return null;
        }
        Object value = yaml.scalar("history");
        if (Boolean.FALSE.equals(value) || "off".equals(value) || "false".equals(value)) {
            return yaml.locationOf("history");
        }
        if (Boolean.TRUE.equals(value) || "on".equals(value) || "true".equals(value)) {
            return null;
        }
        throw PrivacySiteException.at(yaml.locationOf("history"), HistoryRules.SETTING,
                "history must be on or off (off: publish no earlier versions)");
    }

    /** Each locale's versions of a document by date: git, then archive files, then the working copy win. */
    private static NavigableMap<LocalDate, Page> versions(Site site, String locale, String document,
                                                          List<RecordedVersion> recorded, PageParser parser) {
        NavigableMap<LocalDate, Page> versions = new TreeMap<>();
        for (RecordedVersion version : recorded) {
            if (version.locale().equals(locale) && version.document().equals(document)) {
                versions.put(version.effective(), parser.parse(locale, document, version.file(), version.text()));
            }
        }
        Page current = site.page(locale, document);
        if (current != null) {
            versions.put(current.frontMatter().effective(), current);
        }
        return versions;
    }

    /** Effective dates strictly increase along the history of each file, and no date is used twice. */
    private static List<Finding> checkOrder(List<RecordedVersion> recorded) {
        List<Finding> findings = new ArrayList<>();
        Map<String, RecordedVersion> last = new HashMap<>();
        Map<String, Set<LocalDate>> seen = new HashMap<>();
        for (RecordedVersion version : recorded) {
            String file = version.locale() + "/" + version.document();
            RecordedVersion before = last.put(file, version);
            Location where = Location.of(version.file());
            if (!seen.computeIfAbsent(file, key -> new HashSet<>()).add(version.effective())) {
                findings.add(Finding.error(where, HistoryRules.DUPLICATE_DATE, "two versions of " + file + ".md take effect on "
                        + version.effective() + " (the second in " + version.origin() + "); give each version its own effective date"));
            } else if (before != null && !version.effective().isAfter(before.effective())) {
                findings.add(Finding.error(where, HistoryRules.DATE_ORDER, "the version of " + file + ".md in " + version.origin()
                        + " takes effect on " + version.effective() + ", not after the version before it (" + before.effective()
                        + "); a new version needs a later effective date"));
            }
        }
        return findings;
    }

    /** Every version of the source has its translations (or they may fall back), and no translation has a date of its own. */
    private static List<Finding> checkTranslations(Site site, DocumentHistory history) {
        List<Finding> findings = new ArrayList<>();
        SiteConfig config = site.config();
        Set<LocalDate> dates = new TreeSet<>(history.dates());
        for (String locale : config.targetLocales()) {
            if (site.page(locale, history.document()) == null) {
                continue; // no translation at all: the fallback or the missing document is reported already
            }
            // At the translation's effective date: the date that says which version it is.
            Location where = site.page(locale, history.document()).frontMatter().locationOf("effective");
            for (LocalDate date : history.pages().get(locale).keySet()) {
                if (!dates.contains(date)) {
                    findings.add(Finding.warning(where, HistoryRules.UNMATCHED_VERSION, "the " + locale + " text has a version "
                            + "effective " + date + ", but the " + config.sourceLocale() + " source has no version of that date; "
                            + "use the effective date of the source version it translates"));
                }
            }
            for (LocalDate date : history.dates()) {
                if (history.page(locale, date) != null || config.mayFallBack(locale, history.document())) {
                    continue;
                }
                if (history.isUpcoming(date)) {
                    findings.add(Finding.warning(where, HistoryRules.UPCOMING_UNTRANSLATED, "the upcoming version of " + date
                            + " has no " + locale + " translation yet; its " + locale + " page shows the " + config.sourceLocale()
                            + " text with the fallback notice, and from " + date + " the " + locale + " policy page will too; "
                            + "commit the translation with 'effective: " + date + "' before then"));
                } else if (date.isBefore(history.inForce())) {
                    findings.add(Finding.warning(where, HistoryRules.TRANSLATION_MISSING, "the version of " + date + " has no "
                            + locale + " translation, so its " + locale + " page shows the " + config.sourceLocale()
                            + " text with the fallback notice; add content/archive/" + date + "/" + locale + "/"
                            + history.document() + ".md to publish the translation"));
                }
                // The version in force without its translation is parity's (parity.version-missing): the policy page falls back.
            }
        }
        return findings;
    }

    private static LocalDate today(LocalDate asOf, String sourceDateEpoch, LocalDate lastCommit, SiteConfig config) {
        if (asOf != null) {
            return asOf;
        }
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            try {
                return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip())), ZoneOffset.UTC);
            } catch (NumberFormatException e) {
                throw PrivacySiteException.at(config.location(), HistoryRules.SETTING, "SOURCE_DATE_EPOCH is '"
                        + sourceDateEpoch + "'; it must be a number of seconds since 1970-01-01 UTC");
            }
        }
        return lastCommit;
    }
}
