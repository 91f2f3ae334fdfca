package org.privacysite.internal.rules;

import java.util.List;

import org.privacysite.Rule;

/** The PDF edition of the documents ({@code build --pdf}). */
public final class PdfRules {

    public static final Rule FONT_MISSING = Rule.error("pdf.font-missing", "No font for a language's script",
            "A PDF without a font for its script would show empty boxes instead of the policy text.",
            "Install the font the message names (on Debian: fonts-noto-core; fonts-ipafont-gothic for Japanese), "
                    + "or point --pdf-fonts at a directory that holds it.",
            "site.yaml: no font for the Arabic script of 'ar' in /usr/share/fonts: install fonts-noto-core (NotoSansArabic-Regular.ttf)");
    public static final Rule RENDER = Rule.error("pdf.render", "A PDF could not be written",
            "The PDF edition of a document would be missing or incomplete.",
            "Check the font files the message names; report the message if it persists.",
            "en/privacy: cannot write the PDF: the font file NotoSans-Regular.ttf is damaged");

    private PdfRules() {
    }

    public static List<Rule> all() {
        return List.of(FONT_MISSING, RENDER);
    }
}
