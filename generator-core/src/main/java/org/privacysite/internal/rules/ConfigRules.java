package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** site.yaml's settings, the directories and the options a build is given. */
public final class ConfigRules {

    public static final Rule BASE_URL = Rule.error("config.base-url", "Base URL not usable",
            "Canonical links, hreflang alternates and the sitemap are built from the base URL; a wrong one sends search engines elsewhere.",
            "Write an absolute http(s) URL ending in '/', like https://privacy.example.com/.",
            "content/site.yaml:2:10: baseUrl must be an absolute http(s) URL, like https://privacy.example.com/");
    public static final Rule LOCALES = Rule.error("config.locales", "No locale listed",
            "A site needs at least its source language.",
            "List the locales under 'locales', the source language first.",
            "content/site.yaml:3:10: list at least one locale");
    public static final Rule LOCALE = Rule.error("config.locale", "Not a locale code",
            "Pages are published under their locale code and declared to browsers with it; an unknown code is a wrong language.",
            "Use a BCP 47 code such as en, fr, pt-BR or zh-Hant, and only locales site.yaml lists.",
            "content/site.yaml:3:18: 'english' is not a locale code (use BCP 47, like en, fr, pt-BR, zh-Hant)");
    public static final Rule DOCUMENTS = Rule.error("config.documents", "No document listed",
            "A site needs at least one document.",
            "List the documents under 'documents', in menu order.",
            "content/site.yaml:4:12: list at least one document");
    public static final Rule DOCUMENT_NAME = Rule.error("config.document-name", "Document name not usable",
            "Document names become file names and addresses.",
            "Use lower-case letters, digits and hyphens, like privacy or cookie-policy.",
            "content/site.yaml:4:13: document name 'Privacy Policy' may only use lower-case letters, digits and hyphens");
    public static final Rule DOCUMENT = Rule.error("config.document", "Unknown document",
            "A command was asked about a document the site does not have.",
            "Use one of the documents site.yaml lists.",
            "content/site.yaml: 'terms' is not a document of this site (documents: privacy, cookies)");
    public static final Rule DUPLICATE = Rule.error("config.duplicate", "Listed twice",
            "A locale or document listed twice would be built twice.",
            "Remove the second entry.",
            "content/site.yaml:3:22: 'fr' is listed twice in 'locales'");
    public static final Rule FACT_NAME = Rule.error("config.fact-name", "Fact name not usable",
            "Facts are used in the text as {name}; other characters cannot be written there.",
            "Use letters, digits and _ only, like privacyEmail.",
            "content/site.yaml:9:3: fact name 'privacy-email' may only use letters, digits and _ (it is used as {privacy-email})");
    public static final Rule FACT_VALUE = Rule.error("config.fact-value", "Fact without a value",
            "Every page that uses the fact would show nothing in its place.",
            "Give the fact a value.",
            "content/site.yaml:10:3: fact 'dpoEmail' has no value");
    public static final Rule FALLBACK = Rule.error("config.fallback", "Fallback for an unknown locale",
            "A fallback only makes sense for a locale the site publishes.",
            "Name a locale listed under 'locales', or remove the entry.",
            "content/site.yaml:14:3: fallback names locale 'es', which is not in 'locales'");
    public static final Rule RULES = Rule.error("config.rules", "Rule setting not usable",
            "A rule setting for a rule or a target that does not exist would switch nothing off, silently.",
            "Use a rule id that `privacy-site rules` lists, a level (error, warning or off), and targets of the form "
                    + "locale, document, locale/document or locale/document#clause.",
            "content/site.yaml:20:3: there is no rule 'parity.clause-extras'; did you mean 'parity.clause-extra'?");
    public static final Rule CONTENT_DIRECTORY = Rule.error("config.content-directory", "Content directory not found",
            "Nothing can be built without the sources.",
            "Point the build at the folder that holds site.yaml (--content, or <contentDirectory> in the pom).",
            "content: content directory not found");
    public static final Rule TEMPLATES_DIRECTORY = Rule.error("config.templates-directory", "Templates directory not found",
            "A templates directory that was named but does not exist is a typo, not a request for the built-in theme.",
            "Fix the path, or leave the option out.",
            "templates: templates directory not found");
    public static final Rule OUTPUT = Rule.error("config.output", "Output directory not usable",
            "The build replaces its output directory; replacing a folder it did not write would delete someone's files.",
            "Choose a new or empty directory, or the directory of a previous build.",
            "docs: the output directory holds files that this tool did not build; it is not replaced");

    private ConfigRules() {
    }

    public static List<Rule> all() {
        return List.of(BASE_URL, LOCALES, LOCALE, DOCUMENTS, DOCUMENT_NAME, DOCUMENT, DUPLICATE, FACT_NAME, FACT_VALUE,
                FALLBACK, RULES, CONTENT_DIRECTORY, TEMPLATES_DIRECTORY, OUTPUT);
    }
}
