package org.privacysite.internal.render;

import java.util.List;

/**
 * Markup that a page contains verbatim, made of parts that other pages repeat: the document menu
 * (its entries are the same on every page of a locale), the language switcher (the same on a
 * document's page in every language), the hreflang links (one part per document). A reader that checks every page
 * (the link check) can then look at each distinct part once instead of once per page, and a
 * writer can copy each part's bytes instead of encoding them again.
 *
 * @param parts the parts, in page order: the same String instances on every page that repeats them
 * @param utf8  each part's UTF-8 encoding, by index (the same arrays on every page)
 * @param pool  every part that the pages sharing this pool draw their parts from (the same List
 *              instance for all of them), so that a reader can look at the whole pool once
 */
public record RepeatedParts(List<String> parts, List<byte[]> utf8, List<String> pool) {

    /** The parts back to back, as the page shows them. */
    public String markup() {
        return String.join("", parts);
    }
}
