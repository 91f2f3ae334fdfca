package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** The web team's FreeMarker templates. */
public final class TemplateRules {

    public static final Rule DIRECTORY = Rule.error("template.directory", "Templates cannot be read",
            "No page can be rendered.",
            "Check that the templates directory exists and can be read.",
            "templates: cannot read the templates: Permission denied");
    public static final Rule MISSING = Rule.error("template.missing", "Template not found",
            "A page type without its template cannot be rendered.",
            "Create the template the message names, or fix the name that includes it.",
            "templates/document.ftlh: template 'partials/footr.ftlh' not found");
    public static final Rule SYNTAX = Rule.error("template.syntax", "Template syntax error",
            "No page using the template can be rendered.",
            "Fix the FreeMarker syntax at the line the message points at.",
            "templates/layout.ftlh:12:5: Unclosed <#if>");
    public static final Rule ERROR = Rule.error("template.error", "Template failed while rendering",
            "The page would be published without the part that failed, or not at all.",
            "Fix the expression at the line the message points at; use ${x!} for a value that may be missing.",
            "templates/partials/footer.ftlh:3:9: the value 'privacyEmial' does not exist here");
    public static final Rule LINK = Rule.error("template.link", "Template links to a missing page",
            "Every page would carry a link (the footer's cookie policy, say) that leads readers to an error page.",
            "Add the document the template links to, or change the link in the template.",
            "templates/partials/footer.ftlh:5:22: the template links to 'cookies/#manage', but 'cookies' is not a document of this site");
    public static final Rule IO = Rule.error("template.io", "Template cannot be read",
            "No page using the template can be rendered.",
            "Check the template file's permissions.",
            "templates/document.ftlh: cannot render: Permission denied");

    private TemplateRules() {
    }

    public static List<Rule> all() {
        return List.of(DIRECTORY, MISSING, SYNTAX, ERROR, LINK, IO);
    }
}
