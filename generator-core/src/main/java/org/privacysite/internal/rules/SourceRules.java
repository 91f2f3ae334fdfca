package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** Source files as files: present, readable, UTF-8, inside the content directory. */
public final class SourceRules {

    public static final Rule MISSING = Rule.error("source.missing", "File not found",
            "A file the site needs is not there.",
            "Create the file, or fix the name that points at it.",
            "content/en/messages.yaml: file not found");
    public static final Rule UNREADABLE = Rule.error("source.unreadable", "File cannot be read",
            "A file the build cannot read would be left out of the site.",
            "Check the file's permissions, and that it is a file, not a folder.",
            "content/fr/privacy.md: cannot read the file: Permission denied");
    public static final Rule ENCODING = Rule.error("source.encoding", "Not UTF-8",
            "Text in another encoding would show as garbled characters on the page.",
            "Save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding').",
            "content/de/privacy.md:12:40: the file is not valid UTF-8; save it as UTF-8");
    public static final Rule OUTSIDE_CONTENT = Rule.error("source.outside-content", "Link to a file outside the content",
            "A symbolic link could publish a file that was never meant to be part of the site.",
            "Copy the file into the content directory instead of linking to it.",
            "content/en/privacy.md: this file is a link to /etc/passwd, outside the content directory; copy the file instead");
    public static final Rule CHANGED = Rule.error("source.changed", "File changed during the build",
            "A page built from half an edit would publish text nobody wrote.",
            "Build again once the file is saved.",
            "content/en/privacy.md: the file changed while the site was being built; build again");

    private SourceRules() {
    }

    public static List<Rule> all() {
        return List.of(MISSING, UNREADABLE, ENCODING, OUTSIDE_CONTENT, CHANGED);
    }
}
