package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** The Markdown of a policy: headings with clause keys, links, what may be written. */
public final class ContentRules {

    public static final Rule EMPTY = Rule.error("content.empty", "Empty file",
            "An empty policy would publish a blank page.",
            "Write the front matter (title, effective) and the policy text.",
            "content/fr/cookies.md:1:1: the file is empty; it needs front matter (title, effective) and the policy text");
    public static final Rule SOURCE_MISSING = Rule.error("content.source-missing", "Source document missing",
            "Every translation is checked against the source language; without it nothing can be.",
            "Create the document in the source language, or remove it from 'documents' in site.yaml.",
            "content/en/terms.md: the source document 'terms' listed in site.yaml does not exist; create en/terms.md");
    public static final Rule FRONT_MATTER_MISSING = Rule.error("front-matter.missing", "No front matter",
            "The title and the effective date of a policy come from its front matter; a policy without a date is not a legal text.",
            "Start the file with a '---' line, 'title: ...', 'effective: YYYY-MM-DD', and a closing '---' line.",
            "content/en/privacy.md:1:1: the file must start with front matter: a '---' line, 'title: ...', ...");
    public static final Rule FRONT_MATTER_UNCLOSED = Rule.error("front-matter.unclosed", "Front matter not closed",
            "Without its closing line the whole policy would be read as front matter.",
            "Close the front matter with a '---' line.",
            "content/en/privacy.md:1:1: the front matter opened on line 1 is never closed with a '---' line");
    public static final Rule FRONT_MATTER_TITLE = Rule.error("front-matter.title", "Empty title",
            "The page, the menu and search results would have no title.",
            "Write the document's title after 'title:'.",
            "content/en/privacy.md:2:8: the title is empty");
    public static final Rule FRONT_MATTER_EFFECTIVE = Rule.error("front-matter.effective", "No effective date",
            "Readers and regulators need to know from when a version of the policy applies.",
            "Add 'effective: YYYY-MM-DD' to the front matter.",
            "content/en/privacy.md:1:1: 'effective' is required: the date this version takes effect, as YYYY-MM-DD");
    public static final Rule HEADING_LEVEL = Rule.error("content.heading-level", "Top-level heading in the text",
            "The page title comes from the front matter; a second title confuses readers and screen readers.",
            "Start clauses at '##'; put the title in 'title' in the front matter.",
            "content/en/privacy.md:8:1: a '#' heading is not allowed: the page title comes from 'title' in the front matter");
    public static final Rule HEADING_KEY = Rule.error("content.heading-key", "Heading without a clause key",
            "Clause keys are what ties a clause to its translations and gives it a link that never changes.",
            "End the heading with a key, like '## How long we keep data {#retention}'.",
            "content/en/privacy.md:30:1: heading 'Retention' has no clause key; end it with a key such as {#retention}");
    public static final Rule KEY_SYNTAX = Rule.error("content.key-syntax", "Clause key not usable",
            "Keys become link anchors in every language; other characters break links.",
            "Use lower-case letters a-z, digits and hyphens, starting with a letter.",
            "content/en/privacy.md:30:1: clause key 'Retention_1' may only use lower-case letters a-z, digits and hyphens");
    public static final Rule HEADING_SKIP = Rule.error("content.heading-skip", "Heading level skipped",
            "Skipped levels break the clause numbering and the outline screen-reader users navigate by.",
            "Use the next level down, e.g. '###' under '##'.",
            "content/en/privacy.md:41:1: heading level jumps from ## to ####; use ###");
    public static final Rule TOO_DEEP = Rule.error("content.too-deep", "Text nested too deeply",
            "Deep nesting is unreadable and, from a hostile file, a way to exhaust the build.",
            "Simplify the nesting of lists, quotes and emphasis.",
            "content/en/privacy.md:12:5: the text is nested more than 64 levels deep; simplify it");
    public static final Rule UNSAFE_URL = Rule.error("content.unsafe-url", "Link address not allowed",
            "A javascript: or data: address in a policy could run code in a reader's browser.",
            "Use http(s), mailto: or tel: addresses, or a link to another page of the site.",
            "content/en/privacy.md:55:12: the link address 'javascript:alert(1)' is not allowed");
    public static final Rule XREF_SYNTAX = Rule.error("content.xref-syntax", "Link without text that is not a cross-reference",
            "A link without text is how a clause is referred to by number; pointing elsewhere leaves an empty link.",
            "Point it at a clause, like [](#retention) or [](cookies.md#manage), or give the link a text.",
            "content/en/privacy.md:60:8: a link without text must point at a clause, like [](#retention)");
    public static final Rule RAW_HTML = Rule.error("content.raw-html", "Raw HTML in a policy",
            "HTML written into a policy bypasses the escaping and the accessibility of the theme, and can carry scripts.",
            "Write it in Markdown; the HTML is shown as text until then.",
            "content/en/privacy.md:70:1: raw HTML is not allowed in policies; write it in Markdown (it is shown as text)");

    private ContentRules() {
    }

    public static final Rule PLACEHOLDER = Rule.warning("content.placeholder", "Placeholder not yet replaced",
            "A skeleton written by init is a starting point, not a policy: publishing 'TODO(legal)' text tells readers nothing true.",
            "Replace the marker and its note with your own text (what you really do), in every language.",
            "content/en/privacy.md:13:1: placeholder 'TODO(legal): give your full legal name and postal address...' is not yet replaced;"
                    + " write what you really do instead, and delete the marker");

    public static List<Rule> all() {
        return List.of(EMPTY, FRONT_MATTER_MISSING, FRONT_MATTER_UNCLOSED, FRONT_MATTER_TITLE, FRONT_MATTER_EFFECTIVE,
                SOURCE_MISSING, HEADING_LEVEL, HEADING_KEY, KEY_SYNTAX, HEADING_SKIP, TOO_DEEP, UNSAFE_URL,
                XREF_SYNTAX, RAW_HTML, PLACEHOLDER);
    }
}
