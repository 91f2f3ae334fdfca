package org.privacysite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.history.SiteHistory;

/**
 * What the preview's panel shows for one good build: every finding of {@code check} but the link
 * check, with the site's rule settings. Checked in a thread of its own, so that a rebuild (and the page it
 * serves) never waits for a site-wide check: a full build starts its check at once ({@link #start}), an edit's
 * findings are checked when a page first asks for them. Every request for one build's findings waits for the
 * same check. After an edit of policy pages only the parity of the edited documents and the references of the
 * pages that can point into them are checked again; the rest is taken from the last build whose findings were
 * checked (waiting for that check when it is still running). Thread-safe.
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
    /** A build whose findings are checked (or being checked) and which differs from this one by edits of policies; null: check everything. */
    private volatile PreviewFindings base;
    /** The check of this build's findings; null until started. Guarded by this. */
    private CompletableFuture<Checked> checked;

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
     * thread calls it while this build's findings may be being checked.
     */
    PreviewFindings afterEdit(Site edited, Collection<Page> pages) {
        Set<String> documents = new LinkedHashSet<>();
        pages.forEach(page -> documents.add(page.document()));
        synchronized (this) {
            if (checked != null) {
                return new PreviewFindings(pipeline, edited, history, this, documents);
            }
            PreviewFindings earlier = base; // not cleared: that happens once this build's check is done
            if (earlier == null) {
                return of(pipeline, edited, history); // nothing checked yet to start from
            }
            documents.addAll(this.edited); // this build's findings were never asked for: start from its base
            return new PreviewFindings(pipeline, edited, history, earlier, documents);
        }
    }

    /** Starts checking this build's findings, unless started. */
    void start() {
        check();
    }

    /** The findings located in {@code file}, once this build's check is done (started now if it was not). */
    CompletableFuture<List<Finding>> in(Path file) {
        return check().thenApply(done -> done.findings().stream().filter(finding -> file.equals(finding.location().file())).toList());
    }

    /** The site these findings are about. */
    Site site() {
        return site;
    }

    /**
     * This build's check, started in a thread of its own on the first call. It fails when a policy changed on disk
     * during it (parity reads the files again): the next build's findings are then the ones to ask for.
     */
    private synchronized CompletableFuture<Checked> check() {
        if (checked == null) {
            PreviewFindings from = base;
            checked = CompletableFuture.supplyAsync(() -> {
                Checked earlier = from == null ? null : from.check().exceptionally(failed -> null).join();
                Checked done = earlier == null ? check(site.pages(), site.config().documents(), Map.of(), Map.of())
                        : check(pagesToRecheck(), edited, earlier.references(), earlier.parity());
                base = null; // the earlier site can go
                return done;
            }, SitePipeline::startAlongside);
        }
        return checked;
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
