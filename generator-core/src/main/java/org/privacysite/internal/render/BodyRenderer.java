package org.privacysite.internal.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
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
import org.privacysite.internal.messages.IcuMessage;
import org.privacysite.internal.messages.LocaleFormatter;

/**
 * Renders a page's Markdown body to HTML: ICU arguments formatted for the locale, clause headings
 * with their id and number, cross-references as localized labels, cookie tables from the consent
 * configuration. Raw HTML is escaped and unsafe URLs are neutralised.
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
                .extensions(java.util.List.of(TablesExtension.create()))
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new SafeUrls())
                .nodeRendererFactory(html -> new PolicyNodeRenderer(html, context))
                .attributeProviderFactory(factory -> (node, tag, attributes) -> {
                    if (context.sourcePositions() && node instanceof org.commonmark.node.Image) {
                        attributes.put("data-source-line", Integer.toString(context.page().lineOf(node)));
                    }
                })
                .build();
        return renderer.render(context.page().body());
    }

    /** Formats text that may hold ICU arguments. */
    static String format(Context context, String text) {
        if (!IcuMessage.hasArguments(text)) {
            return IcuMessage.asText(text);
        }
        return context.formatter().format(IcuMessage.parse(text), context.arguments());
    }

    private static final class PolicyNodeRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext html;
        private final HtmlWriter out;
        private final Context context;

        PolicyNodeRenderer(HtmlNodeRendererContext html, Context context) {
            this.html = html;
            this.out = html.getWriter();
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MessageText.class, Heading.class, Link.class, FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof MessageText text) {
                out.text(context.formatter().format(text.message(), context.arguments()));
            } else if (node instanceof Heading heading) {
                heading(heading);
            } else if (node instanceof Link link) {
                link(link);
            } else if (node instanceof FencedCodeBlock block) {
                codeBlock(block);
            }
        }

        private void heading(Heading heading) {
            String tag = "h" + heading.getLevel();
            Clause clause = clauseAt(heading);
            Map<String, String> attributes = new LinkedHashMap<>();
            if (clause != null) {
                attributes.put("id", clause.key());
                sourceLine(attributes, clause.location().line());
            }
            out.line();
            out.tag(tag, html.extendAttributes(heading, tag, attributes));
            if (clause != null) {
                out.tag("span", Map.of("class", "clause-number"));
                out.text(clause.level() == 2 ? clause.number() + "." : clause.number());
                out.tag("/span");
                out.text(" ");
            }
            renderChildren(heading);
            out.tag("/" + tag);
            out.line();
        }

        private Clause clauseAt(Heading heading) {
            int line = context.page().lineOf(heading);
            for (Clause clause : context.page().clauses()) {
                if (clause.location().line() == line) {
                    return clause;
                }
            }
            return null;
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

        private void codeBlock(FencedCodeBlock block) {
            String info = block.getInfo() == null ? "" : block.getInfo().trim();
            if (info.startsWith("cookie-table")) {
                out.line();
                out.raw(context.cookieTable().apply(info.substring("cookie-table".length()).trim()));
                out.line();
                return;
            }
            out.line();
            out.tag("pre");
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
