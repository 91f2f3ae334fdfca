package org.privacysite.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The template-link check reads a page's links by hand; it finds exactly what the pattern it replaced found. */
class TemplateLinksTest {

    /** The pattern the check used before: the definition of a link it looks at. */
    private static final Pattern LINK = Pattern.compile("\\s(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    @Test
    void findsQuotedHrefAndSrcAfterWhiteSpaceOnly() {
        String html = "<a href=\"../fr/cookies/\">x</a><img\nsrc = 'logo.svg'><a data-src=\"no\" xhref=\"no\" href=bare"
                + " href=\"a?b=c&amp;d\"><link\thref=\"\">";
        assertEquals(List.of("../fr/cookies/", "logo.svg", "a?b=c&amp;d", ""), TemplateLinks.addresses(html, 0, html.length()));
        assertEquals(byPattern(html, 0, html.length()), TemplateLinks.addresses(html, 0, html.length()));
    }

    @Test
    void looksOnlyBetweenItsBounds() {
        String html = "<a href=\"before\"><main><a href=\"inside\"></main><a href=\"after\">";
        int from = html.indexOf("<main>");
        int to = html.indexOf("</main>");
        assertEquals(List.of("inside"), TemplateLinks.addresses(html, from, to));
        assertEquals(List.of("inside"), TemplateLinks.addresses(html, html.indexOf(" href=\"before\"") + 1, to),
                "the white space before the first name is outside");
        assertEquals(List.of(), TemplateLinks.addresses(html, 0, html.indexOf("before\"") + 6), "the closing quote is outside");
    }

    @Test
    void findsWhatThePatternFindsInRandomMarkup() {
        String[] pieces = {" ", "\n", "\t", "href", "src", "=", "\"", "'", "a", "/", "#x", "<a", ">", "data-", "x", "&amp;", "é"};
        Random random = new Random(21);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder html = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = html.toString();
            int from = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            assertEquals(byPattern(text, from, to), TemplateLinks.addresses(text, from, to), () -> "[" + from + ", " + to + ") of " + text);
        }
    }

    private static List<String> byPattern(String html, int from, int to) {
        List<String> found = new ArrayList<>();
        Matcher link = LINK.matcher(html.substring(from, to));
        while (link.find()) {
            found.add(link.group(1) != null ? link.group(1) : link.group(2));
        }
        return found;
    }
}
