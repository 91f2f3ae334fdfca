package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** The policy history: every version archived, in order, in every language. */
public final class HistoryRules {

    public static final Rule SHALLOW = Rule.error("history.shallow", "Shallow git clone",
            "A clone without its full history would publish an archive with earlier versions missing, and regulators "
                    + "expect every earlier version to stay available.",
            "Fetch the full history: 'git fetch --unshallow', or 'fetch-depth: 0' on GitHub's actions/checkout "
                    + "(GitLab CI: GIT_DEPTH: 0); or set 'history: off' in site.yaml to publish without an archive.",
            "content/site.yaml: the content is in a shallow git clone (only the latest commits were fetched), so the "
                    + "earlier versions of the policies cannot be read");
    public static final Rule OFF = Rule.warning("history.off", "Policy history switched off",
            "Without the archive, readers cannot see which version was in force when, nor what changed.",
            "Remove 'history: off' from site.yaml once the build has the full git history.",
            "content/site.yaml:7:10: the policy history is switched off (history: off), so no earlier version, "
                    + "comparison or feed is published");
    public static final Rule SETTING = Rule.error("history.setting", "Unknown history setting",
            "A mistyped setting would silently publish, or not publish, the archive.",
            "Write 'history: on' or 'history: off' in site.yaml; SOURCE_DATE_EPOCH must be seconds since 1970.",
            "content/site.yaml:7:10: history must be on or off (off: publish no earlier versions)");
    public static final Rule DATE_ORDER = Rule.error("history.date-order", "Effective date goes back",
            "A new version dated before the one it replaces makes the archive say the wrong version was in force.",
            "Give the new version an effective date after the previous version's.",
            "content/en/privacy.md: the version of en/privacy.md in commit 1a2b3c4 takes effect on 2026-01-01, not "
                    + "after the version before it (2026-04-01)");
    public static final Rule DUPLICATE_DATE = Rule.error("history.duplicate-date", "Two versions on one date",
            "Two versions taking effect on the same day leave it open which one applied.",
            "Give each version its own effective date.",
            "content/en/privacy.md: two versions of en/privacy.md take effect on 2026-04-01 (the second in commit 1a2b3c4)");
    public static final Rule TRANSLATION_MISSING = Rule.warning("history.translation-missing",
            "Earlier version without its translation",
            "Readers of that language see the earlier version in the source language (with the fallback notice) instead "
                    + "of their own.",
            "Translate the version and keep it as content/archive/<date>/<locale>/<document>.md, or commit the "
                    + "translation with the same effective date.",
            "content/ar/privacy.md:3:12: the version of 2026-01-01 has no ar translation, so its ar page shows the en text "
                    + "with the fallback notice");
    public static final Rule UPCOMING_UNTRANSLATED = Rule.warning("history.upcoming-untranslated",
            "Upcoming version not translated yet",
            "Until it is translated, the upcoming version's page in that language shows the source text with the fallback "
                    + "notice; on its effective date the policy page itself will, and check then reports parity.version-missing.",
            "Translate the upcoming version before it takes effect: commit the translation with the same effective date.",
            "content/ar/privacy.md:3:12: the upcoming version of 2026-09-01 has no ar translation yet; its ar page shows the en "
                    + "text with the fallback notice, and from 2026-09-01 the ar policy page will too");
    public static final Rule UNMATCHED_VERSION = Rule.warning("history.unmatched-version", "Translation of no version",
            "A translation dated differently from every source version cannot be shown with the version it translates.",
            "Use the effective date of the source version the text translates.",
            "content/fr/privacy.md:3:12: the fr text has a version effective 2026-04-02, but the en source has no version "
                    + "of that date");
    public static final Rule ARCHIVE_FILE = Rule.error("history.archive-file", "Misplaced archived version",
            "An archived version in the wrong place, or with a date that disagrees with its folder, would be published "
                    + "under the wrong date or not at all.",
            "Keep archived versions as content/archive/<effective-date>/<locale>/<document>.md with that date in "
                    + "their front matter.",
            "content/archive/2026-03-01/en/privacy.md:1:1: the front matter says effective 2026-03-02 but the file "
                    + "is in the folder 2026-03-01");
    public static final Rule VERSION_BROKEN = Rule.error("history.version-broken", "Earlier version cannot be rendered",
            "An earlier version that no longer renders (a fact or clause it uses is gone) cannot be published.",
            "Write a corrected text of that version in content/archive/<date>/<locale>/<document>.md.",
            "content/en/privacy.md:12:5: the version of 2026-01-01 cannot be rendered with today's facts and "
                    + "templates: unknown fact 'supportEmail'");
    public static final Rule REPOSITORY = Rule.error("history.repository", "Git repository unreadable",
            "Without the repository, the earlier versions cannot be read.",
            "Repair the clone (e.g. clone it again), or set 'history: off' in site.yaml.",
            "content/site.yaml: the git repository of the content cannot be read (missing object 1a2b3c4)");

    private HistoryRules() {
    }

    public static List<Rule> all() {
        return List.of(SHALLOW, OFF, SETTING, DATE_ORDER, DUPLICATE_DATE, TRANSLATION_MISSING, UPCOMING_UNTRANSLATED,
                UNMATCHED_VERSION,
                ARCHIVE_FILE, VERSION_BROKEN, REPOSITORY);
    }
}
