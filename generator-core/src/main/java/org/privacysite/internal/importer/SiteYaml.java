package org.privacysite.internal.importer;

import java.util.List;

/** Writes the {@code site.yaml} of an imported site. */
final class SiteYaml {

    private SiteYaml() {
    }

    static String write(String name, List<String> locales, List<String> documents, String privacyEmail, String sourceFolder) {
        StringBuilder out = new StringBuilder();
        out.append("# Written by privacy-site import from ").append(quoteComment(sourceFolder)).append(".\n");
        out.append("name: ").append(quote(name == null || name.isBlank() ? "Privacy Center" : name)).append('\n');
        out.append("# Where the site will be published: change it before you publish.\n");
        out.append("baseUrl: https://privacy.example.com/\n");
        out.append("# The first locale is the source language; every other locale is a translation of it.\n");
        out.append("locales: [").append(String.join(", ", locales)).append("]\n");
        out.append("documents: [").append(String.join(", ", documents)).append("]\n");
        out.append("facts:\n");
        if (privacyEmail != null) {
            out.append("  # The first e-mail address the source policy links to; the theme's footer shows it.\n");
            out.append("  privacyEmail: ").append(quote(privacyEmail)).append('\n');
        } else {
            out.append("  # The address for privacy questions, shown in every page's footer: the source had none; change it.\n");
            out.append("  privacyEmail: privacy@example.com\n");
        }
        return out.toString();
    }

    /** A YAML double-quoted scalar: safe for any text (colons, quotes, braces, '#'). */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String quoteComment(String text) {
        return text.replaceAll("[\\r\\n]", " ");
    }
}
