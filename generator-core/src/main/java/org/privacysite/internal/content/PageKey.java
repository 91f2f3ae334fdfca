package org.privacysite.internal.content;

/** Names one page of the site: a document in a locale. */
public record PageKey(String locale, String document) {

    /** The page's path below the site root, e.g. {@code fr/privacy/index.html}. */
    public String outputPath() {
        return locale + "/" + document + "/index.html";
    }
}
