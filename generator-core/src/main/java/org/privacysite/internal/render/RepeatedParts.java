package org.privacysite.internal.render;

import java.util.List;

/**
 * Markup that a page contains verbatim, made of parts that other pages repeat: the document
 * menu, whose entries are the same on every page of a locale. A reader that checks every page
 * (the link check) can then look at each distinct part once instead of once per page.
 *
 * @param markup the parts, back to back, as they appear in the page
 * @param parts  the same String instances on every page that repeats them
 * @param pool   every part that the pages sharing this pool draw their parts from (the same List
 *               instance for all of them), so that a reader can look at the whole pool once
 */
public record RepeatedParts(String markup, List<String> parts, List<String> pool) {
}
