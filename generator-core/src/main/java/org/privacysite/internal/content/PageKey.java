package org.privacysite.internal.content;

/** Names one page of the site: a document in a locale. */
public record PageKey(String locale, String document) {

    // equals and hashCode written out: a record's own go through method handles, which C1 (the only
    // compiler of a small site's build and of an incremental check) runs several times slower. Same hash.
    @Override
    public boolean equals(Object other) {
        return other instanceof PageKey that && java.util.Objects.equals(locale, that.locale)
                && java.util.Objects.equals(document, that.document);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(locale) + java.util.Objects.hashCode(document);
    }

    /** The page at {@code path} below the site root ({@link #outputPath}), or null when it names no policy page. */
    public static PageKey ofOutputPath(String path) {
        int first = path.indexOf('/');
        int second = first < 0 ? -1 : path.indexOf('/', first + 1);
        if (first <= 0 || second <= first + 1 || !path.startsWith("index.html", second + 1)
                || path.length() != second + 1 + "index.html".length()) {
            return null;
        }
        return new PageKey(path.substring(0, first), path.substring(first + 1, second));
    }

    /** The page's path below the site root, e.g. {@code fr/privacy/index.html}. */
    public String outputPath() {
        return locale + "/" + document + "/index.html";
    }
}
