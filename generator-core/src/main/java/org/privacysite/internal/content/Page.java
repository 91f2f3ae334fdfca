package org.privacysite.internal.content;

import java.nio.file.Path;
import java.util.List;

import org.commonmark.node.Document;
import org.privacysite.Finding;

/**
 * One policy in one locale, parsed. {@link #body()} is the commonmark tree with clause keys removed
 * from the headings and ICU arguments gathered into {@link MessageText} nodes; later stages read it
 * and never change it.
 *
 * @param argumentUses   the ICU arguments of the body, for checks that need no tree
 * @param cookieTables   the cookie-table blocks of the body
 * @param parsedBody     the tree, held weakly (see {@link PageBody})
 * @param bodyLineOffset lines before the Markdown body (the front matter), to turn node positions into file lines
 * @param findings problems found while parsing (errors block the build)
 * @param setsRules      whether a clause heading sets a rule's level (known without reading the clauses,
 *                       which a page restored from the build cache reads only when asked for)
 */
public record Page(String locale, String document, Path file, FrontMatter frontMatter, List<Clause> clauses,
                   List<ClauseLink> links, List<ArgumentUse> argumentUses, List<CookieTableUse> cookieTables,
                   PageBody parsedBody, int bodyLineOffset, List<Finding> findings, boolean setsRules) {

    /** A page whose {@link #setsRules} is read from its clauses. */
    public Page(String locale, String document, Path file, FrontMatter frontMatter, List<Clause> clauses,
                List<ClauseLink> links, List<ArgumentUse> argumentUses, List<CookieTableUse> cookieTables,
                PageBody parsedBody, int bodyLineOffset, List<Finding> findings) {
        this(locale, document, file, frontMatter, clauses, links, argumentUses, cookieTables, parsedBody, bodyLineOffset,
                findings, clauses.stream().anyMatch(clause -> !clause.rules().isEmpty()));
    }

    /** The Markdown tree (parsed again if memory pressure dropped it). */
    public Document body() {
        return parsedBody.get();
    }

    /** The file line of a node of {@link #body()}, or 0 when it has no position. */
    public int lineOf(org.commonmark.node.Node node) {
        var spans = node.getSourceSpans();
        return spans == null || spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1 + bodyLineOffset;
    }

    /** Where a node of {@link #body()} was written in the file. */
    public org.privacysite.Location locationOf(org.commonmark.node.Node node) {
        var spans = node.getSourceSpans();
        int column = spans == null || spans.isEmpty() ? 0 : spans.get(0).getColumnIndex() + 1;
        return org.privacysite.Location.of(file).at(lineOf(node), column);
    }

    /** The clause with {@code key}, or null. */
    public Clause clause(String key) {
        int hash = key.hashCode(); // cached in each String: most keys differ by it, no character compared
        for (int i = 0; i < clauses.size(); i++) {
            String candidate = key(i);
            if (candidate.hashCode() == hash && candidate.equals(key)) {
                return clauses.get(i);
            }
        }
        return null;
    }

    /** The clause whose heading is on file line {@code line}, or null. */
    public Clause clauseAtLine(int line) {
        for (int i = 0; i < clauses.size(); i++) {
            if (headingLine(i) == line) {
                return clauses.get(i);
            }
        }
        return null;
    }

    /** The innermost clause that file line {@code line} belongs to: the last one whose heading is at or before it, or null. */
    public Clause clauseAround(int line) {
        int found = -1;
        for (int i = 0; i < clauses.size(); i++) {
            if (headingLine(i) <= line) {
                found = i;
            }
        }
        return found < 0 ? null : clauses.get(found);
    }

    /** The key of clause {@code index}, without making the clause where they are packed. */
    private String key(int index) {
        return clauses instanceof PackedClauses packed ? packed.key(index) : clauses.get(index).key();
    }

    /** The line of clause {@code index}'s heading, without making the clause where they are packed. */
    private int headingLine(int index) {
        return clauses instanceof PackedClauses packed ? packed.line(index) : clauses.get(index).line();
    }
}
