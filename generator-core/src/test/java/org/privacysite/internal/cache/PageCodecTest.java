package org.privacysite.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacysite.RuleCatalogue;
import org.privacysite.SampleSite;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageParser;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.content.SiteLoader;

/** A page restored from the cache is the page the parser made: every stage sees the same summary. */
class PageCodecTest {

    @Test
    void everyPageOfTheSampleComesBackAsItWasParsed() throws Exception {
        Site site = new SiteLoader(java.util.concurrent.Executors.newFixedThreadPool(2)).load(SampleSite.content(), SampleSite.templates());
        PageCodec codec = new PageCodec(RuleCatalogue::find);
        PageParser parser = new PageParser();
        StringTable written = StringTable.empty();
        java.util.Map<Page, byte[]> records = new java.util.LinkedHashMap<>();
        for (Page page : site.pages()) {
            CacheOutput out = new CacheOutput(written);
            codec.write(out, page);
            records.put(page, out.toByteArray());
        }
        CacheOutput table = new CacheOutput();
        written.write(table);
        byte[] tableBytes = table.toByteArray();
        StringTable strings = StringTable.read(new CacheInput(tableBytes, 0, tableBytes.length)); // as the next build reads it
        for (Page page : site.pages()) {
            byte[] bytes = records.get(page);
            byte[] hash = Digests.sha256(java.nio.file.Files.readAllBytes(page.file()));
            Page restored = codec.read(CacheInput.of(bytes, strings), page.locale(), page.document(), page.file(),
                    parser.unparsedBody(page.file(), hash));

            assertEquals(List.of(page.locale(), page.document(), page.file(), page.frontMatter(), page.clauses(), page.links(),
                            page.argumentUses(), page.cookieTables(), page.bodyLineOffset(), page.findings(), page.setsRules()),
                    List.of(restored.locale(), restored.document(), restored.file(), restored.frontMatter(), restored.clauses(),
                            restored.links(), restored.argumentUses(), restored.cookieTables(), restored.bodyLineOffset(), restored.findings(),
                            restored.setsRules()));
            assertTrue(restored.parsedBody().isRestored());
            assertFalse(page.parsedBody().isRestored());
            assertEquals(org.commonmark.renderer.html.HtmlRenderer.builder().build().render(page.body()),
                    org.commonmark.renderer.html.HtmlRenderer.builder().build().render(restored.body()), "the tree parsed on demand");
            assertTrue(java.util.Arrays.equals(PageCodec.structure(page), PageCodec.structure(restored)));
        }
        assertEquals(10, site.pages().size());
    }
}
