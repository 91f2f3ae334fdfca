package org.privacysite.internal.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.MessageText;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.SafeUrls;
import org.privacysite.internal.messages.BidiIsolation;
import org.privacysite.internal.messages.IcuMessage;
import org.privacysite.internal.messages.LocaleFormatter;

/**
 * Renders a page's Markdown body to HTML: ICU arguments formatted for the locale, clause headings
 * with their id and number, cross-references as localized labels, cookie tables from the consent
 * configuration. Raw HTML is escaped and unsafe URLs are neutralised. Facts, code and link texts
 * that the text's direction could reorder are direction-isolated ({@code <bdi>}, {@code dir="ltr"}).
 */
public final class BodyRenderer {

    private static final Pattern DOCUMENT_LINK = Pattern.compile("(?:([a-z0-9][a-z0-9-]*)\\.md)?(?:#(.+))?");

    /** What the renderer needs to know about the page being rendered. */
    public record Context(Page page, LocaleFormatter formatter, Map<String, ?> arguments, ClauseReferences references,
                          Function<String, String> cookieTable, boolean sourcePositions) {
    }

    private BodyRenderer() {
    }

    public static String render(Context context) {
        HtmlRenderer renderer = HtmlRenderer.builder()
                .nodeRendererFactory(html -> new PolicyNodeRenderer(html, context)) // first: it wraps the tables extension's tables
                .extensions(java.util.List.of(TablesExtension.create()))
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new SafeUrls())
                .attributeProviderFactory(factory -> (node, tag, attributes) -> {
                    if (context.sourcePositions() && node instanceof org.commonmark.node.Image) {
                        attributes.put("data-source-line", Integer.toString(context.page().lineOf(node)));
                    }
                    if (node instanceof org.commonmark.node.BulletList && inSummary(context, node)) {
                        attributes.put("class", "notice-cards");
                    } else if (node instanceof org.commonmark.node.ListItem && node.getParent() instanceof org.commonmark.node.BulletList
                            && inSummary(context, node.getParent())) {
                        attributes.put("class", "notice-card");
                    }
                })
                .build();
        return renderer.render(context.page().body());
    }

    /** Whether a top-level block belongs to the summary: the last clause heading before it is the summary's. */
    private static boolean inSummary(Context context, Node block) {
        if (!(block.getParent() instanceof org.commonmark.node.Document)) {
            return false;
        }
        for (Node before = block.getPrevious(); before != null; before = before.getPrevious()) {
            if (before instanceof Heading heading) {
                Clause clause = context.page().clauseAtLine(context.page().lineOf(heading));
                return clause != null && clause.isSummary();
            }
        }
        return false;
    }

    /** Formats text that may hold ICU arguments. */
    static String format(Context context, String text) {
        if (!IcuMessage.hasArguments(text)) {
            return IcuMessage.asText(text);
        }
        return context.formatter().format(IcuMessage.parse(text), context.arguments());
    }

    /**
     * Formats a title, description or heading that pages show as plain text (the page's title, its h1, the
     * contents). In right-to-left text a fact such as a URL is wrapped in the Unicode isolates FSI and PDI,
     * which plain text can hold, as the policy text wraps it in {@code <bdi>}.
     */
    static String formatPlainText(Context context, String text) {
        if (!IcuMessage.hasArguments(text) || !com.ibm.icu.util.ULocale.forLanguageTag(context.page().locale()).isRightToLeft()) {
            return format(context, text);
        }
        StringBuilder formatted = new StringBuilder();
        context.formatter().format(IcuMessage.parse(text), context.arguments(), new LocaleFormatter.Pieces() {
            @Override
            public void text(String piece) {
                formatted.append(piece);
            }

            @Override
            public void value(String piece) {
                formatted.append(BidiIsolation.inPlainText(piece, true));
            }
        });
        return formatted.toString();
    }

    private static final class PolicyNodeRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext html;
        private final HtmlWriter out;
        private final Context context;
        /** The direction of the policy text (its own locale's, also on a fallback page). */
        private final boolean rightToLeft;
        private final LocaleFormatter.Pieces pieces;
        /** Tables seen so far per clause: a second table of a clause gets a numbered label. */
        private final Map<String, Integer> tables = new java.util.HashMap<>();

        PolicyNodeRenderer(HtmlNodeRendererContext html, Context context) {
            this.html = html;
            this.out = html.getWriter();
            this.context = context;
            this.rightToLeft = com.ibm.icu.util.ULocale.forLanguageTag(context.page().locale()).isRightToLeft();
            this.pieces = new LocaleFormatter.Pieces() {
                @Override
                public void text(String text) {
                    out.text(text);
                }

                @Override
                public void value(String text) {
                    if (BidiIsolation.needed(text, rightToLeft)) {
                        out.raw("<bdi>"); // no dir: the first strong letter decides, and a phone number (none) is ltr
                        out.text(text);
                        out.raw("</bdi>");
                    } else {
                        out.text(text);
                    }
                }
            };
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MessageText.class, Heading.class, Link.class, FencedCodeBlock.class, Code.class, TableBlock.class,
                    org.commonmark.node.Document.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof MessageText text) {
                context.formatter().format(text.message(), context.arguments(), pieces);
            } else if (node instanceof Code code) {
                code(code);
            } else if (node instanceof TableBlock table) {
                table(table);
            } else if (node instanceof org.commonmark.node.Document document) {
                renderChildren(document);
                closeSummary();
            } else if (node instanceof Heading heading) {
                heading(heading);
            } else if (node instanceof Link link) {
                link(link);
            } else if (node instanceof FencedCodeBlock block) {
                codeBlock(block);
            }
        }

        /** Whether the summary's section is open: it ends at the next clause heading. */
        private boolean summaryOpen;

        private void closeSummary() {
            if (summaryOpen) {
                out.line();
                out.raw("</section>");
                out.line();
                summaryOpen = false;
            }
        }

        private void heading(Heading heading) {
            String tag = "h" + heading.getLevel();
            Clause clause = context.page().clauseAtLine(context.page().lineOf(heading));
            if (clause != null && clause.level() == 2) {
                closeSummary();
            }
            if (clause != null && clause.isSummary()) {
                // The layered notice's first layer: a labelled section whose list items show as cards.
                out.line();
                out.raw("<section class=\"notice-summary\" aria-labelledby=\"" + clause.key() + "\">");
                summaryOpen = true;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            if (clause != null) {
                attributes.put("id", clause.key());
                sourceLine(attributes, clause.location().line());
            }
            out.line();
            out.tag(tag, html.extendAttributes(heading, tag, attributes));
            if (clause != null && !clause.number().isEmpty()) {
                out.tag("span", Map.of("class", "clause-number"));
                out.text(clause.level() == 2 ? clause.number() + "." : clause.number());
                out.tag("/span");
                out.text(" ");
            }
            renderChildren(heading);
            out.tag("/" + tag);
            out.line();
        }

        private void link(Link link) {
            String destination = format(context, link.getDestination());
            Matcher matcher = DOCUMENT_LINK.matcher(destination);
            boolean internal = matcher.matches() && (matcher.group(1) != null || matcher.group(2) != null);
            String href;
            if (internal) {
                href = context.references().href(matcher.group(1), matcher.group(2));
            } else {
                href = html.shouldSanitizeUrls() ? html.urlSanitizer().sanitizeLinkUrl(destination) : destination;
                href = html.encodeUrl(href);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("href", href);
            if (link.getTitle() != null) {
                attributes.put("title", format(context, link.getTitle()));
            }
            if (internal && link.getFirstChild() == null) {
                attributes.put("class", "xref");
            } else if (!internal && shownAsText(destination, link)) {
                attributes.put("class", "bare"); // the text is the address: print stylesheets need not print it twice
            }
            if (!internal && rightToLeft && BidiIsolation.leftToRightOnly(literalText(link))) {
                attributes.put("dir", "ltr"); // a URL or an address written as the link text
            }
            sourceLine(attributes, context.page().lineOf(link));
            out.tag("a", html.extendAttributes(link, "a", attributes));
            if (internal && link.getFirstChild() == null) {
                out.text(context.references().label(matcher.group(1), matcher.group(2)));
            } else {
                renderChildren(link);
            }
            out.tag("/a");
        }

        /**
         * A table scrolls sideways in its own box on a narrow screen instead of widening the page: the
         * box is a labelled region (its clause's title) that the keyboard can focus and scroll.
         */
        private void table(TableBlock table) {
            Clause clause = context.page().clauseAround(context.page().lineOf(table)); // the innermost
            String label = clause == null ? context.page().frontMatter().title() : clause.title();
            int count = tables.merge(clause == null ? "" : clause.key(), 1, Integer::sum);
            label = format(context, label) + (count > 1 ? " (" + count + ")" : "");
            Map<String, String> region = new LinkedHashMap<>();
            region.put("class", "table-scroll");
            region.put("role", "region");
            region.put("tabindex", "0");
            region.put("aria-label", label);
            out.line();
            out.tag("div", region);
            out.tag("table", html.extendAttributes(table, "table", Map.of()));
            renderChildren(table);
            out.tag("/table");
            out.tag("/div");
            out.line();
        }

        /** Whether the link's text is its destination ({@code [{website}]({website})}, an e-mail address). */
        private boolean shownAsText(String destination, Link link) {
            StringBuilder text = new StringBuilder();
            for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof org.commonmark.node.Text literal) {
                    text.append(literal.getLiteral());
                } else if (child instanceof MessageText message) {
                    text.append(context.formatter().format(message.message(), context.arguments()));
                } else {
                    return false;
                }
            }
            String shown = text.toString();
            return destination.equals(shown) || destination.equals("mailto:" + shown) || destination.equals("tel:" + shown);
        }

        /** The link's text as written (facts left out: they are isolated on their own). */
        private static String literalText(Node parent) {
            StringBuilder text = new StringBuilder();
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof org.commonmark.node.Text literal) {
                    text.append(literal.getLiteral());
                } else if (!(child instanceof MessageText)) {
                    text.append(literalText(child));
                }
            }
            return text.toString();
        }

        /** Inline code is left-to-right whatever the text around it: cookie names, file names. */
        private void code(Code code) {
            Map<String, String> attributes = new LinkedHashMap<>();
            if (rightToLeft) {
                attributes.put("dir", "ltr");
            }
            out.tag("code", html.extendAttributes(code, "code", attributes));
            out.text(code.getLiteral());
            out.tag("/code");
        }

        private void codeBlock(FencedCodeBlock block) {
            String info = block.getInfo() == null ? "" : block.getInfo().trim();
            if (info.startsWith("cookie-table")) {
                out.line();
                out.raw(context.cookieTable().apply(info.substring("cookie-table".length()).trim()));
                out.line();
                return;
            }
            out.line();
            out.tag("pre", rightToLeft ? Map.of("dir", "ltr") : Map.of());
            Map<String, String> attributes = new LinkedHashMap<>();
            if (!info.isEmpty()) {
                attributes.put("class", "language-" + info.split("\\s+")[0]);
            }
            out.tag("code", attributes);
            out.text(block.getLiteral());
            out.tag("/code");
            out.tag("/pre");
            out.line();
        }

        private void sourceLine(Map<String, String> attributes, int line) {
            if (context.sourcePositions()) {
                attributes.put("data-source-line", Integer.toString(line));
            }
        }

        private void renderChildren(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                html.render(child);
                child = next;
            }
        }
    }
}
