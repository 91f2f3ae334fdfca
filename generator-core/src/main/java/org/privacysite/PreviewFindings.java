package org.privacysite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.history.SiteHistory;

/**
 * What the preview's panel shows for one good build: every finding of {@code check} but the link
 * check, with the site's rule settings. Computed when a page first asks for it, on the preview's check
 * thread, so that a rebuild (and the page it serves) never waits for a site-wide check. After an edit
 * of policy pages only the parity of the edited documents and the references of the pages that can
 * point into them are checked again; the rest is taken from the last build whose findings were computed.
 * Thread-safe.
 */
final class PreviewFindings {

    /** The findings by page (references) and by document (parity), and all of them configured. */
    private record Checked(Map<PageKey, List<Finding>> references, Map<String, List<Finding>> parity, List<Finding> findings) {
    }

    private final SitePipeline pipeline;
    private final Site site;
    private final SiteHistory history;
    /** The documents edited since {@link #base}. */
    private final Set<String> edited;
    /** A build whose findings were computed and which differs from this one by edits of policies; null: check everything. */
    private volatile PreviewFindings base;
    private volatile Checked checked;

    private PreviewFindings(SitePipeline pipeline, Site site, SiteHistory history, PreviewFindings base, Set<String> edited) {
        this.pipeline = pipeline;
        this.site = site;
        this.history = history;
        this.base = base;
        this.edited = Set.copyOf(edited);
    }

    /** The findings of a full build, to be checked in full. */
    static PreviewFindings of(SitePipeline pipeline, Site site, SiteHistory history) {
        return new PreviewFindings(pipeline, site, history, null, Set.of());
    }

    /**
     * The findings of {@code edited}, this build's site with {@code pages} parsed anew. Never waits: the build
     * thread calls it while this build's findings may be being computed.
     */
    PreviewFindings afterEdit(Site edited, Collection<Page> pages) {
        Set<String> documents = new LinkedHashSet<>();
        pages.forEach(page -> documents.add(page.document()));
        PreviewFindings earlier = base; // read before checked: computing sets checked, then clears base
        if (checked != null) {
            return new PreviewFindings(pipeline, edited, history, this, documents);
        }
        if (earlier == null) {
            return of(pipeline, edited, history); // nothing computed yet to start from
        }
        documents.addAll(this.edited); // this build's findings were never asked for: start from its base
        return new PreviewFindings(pipeline, edited, history, earlier, documents);
    }

    /** The findings located in {@code file}. */
    List<Finding> in(Path file) {
        return all().stream().filter(finding -> file.equals(finding.location().file())).toList();
    }

    /** The site these findings are about. */
    Site site() {
        return site;
    }

    private synchronized List<Finding> all() {
        Checked done = checked;
        if (done == null) {
            PreviewFindings from = base;
            done = from == null ? check(site.pages(), site.config().documents(), Map.of(), Map.of())
                    : check(pagesToRecheck(), edited, from.checked.references(), from.checked.parity());
            checked = done;
            base = null; // the earlier site can go
        }
        return done.findings();
    }

    /** The pages of the edited documents, and every page with a link into one: a removed clause breaks the link. */
    private List<Page> pagesToRecheck() {
        List<Page> pages = new ArrayList<>();
        for (Page page : site.pages()) {
            if (edited.contains(page.document())
                    || page.links().stream().anyMatch(link -> edited.contains(link.targetDocument(page.document())))) {
                pages.add(page);
            }
        }
        return pages;
    }

    private Checked check(List<Page> pages, Collection<String> documents, Map<PageKey, List<Finding>> references,
                          Map<String, List<Finding>> parity) {
        Map<PageKey, List<Finding>> byPage = new LinkedHashMap<>(references);
        byPage.putAll(pipeline.references(site, pages));
        Map<String, List<Finding>> checkedParity = pipeline.parity(site, history, documents);
        Map<String, List<Finding>> byDocument = new LinkedHashMap<>();
        for (String document : site.config().documents()) { // in the order a full check reports them
            List<Finding> findings = checkedParity.containsKey(document) ? checkedParity.get(document) : parity.get(document);
            byDocument.put(document, findings == null ? List.of() : findings);
        }
        List<Finding> all = new ArrayList<>(pipeline.sourceFindings(new SitePipeline.Loaded(site, history, null), byPage));
        all.addAll(SitePipeline.paritySiteWide(site, byDocument));
        return new Checked(byPage, byDocument, List.copyOf(SitePipeline.configured(site, all).findings()));
    }
}
