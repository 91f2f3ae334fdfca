package org.privacysite.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A page key, with its hand-written equals and hashCode, finds its page from a key made of other strings, and from its path. */
class PageKeyTest {

    @Test
    void anEqualKeyOfOtherStringsFindsThePage() {
        Map<PageKey, String> pages = new HashMap<>();
        pages.put(new PageKey("fr", "privacy"), "fr/privacy.md");
        pages.put(new PageKey("privacy", "fr"), "swapped");
        PageKey asked = new PageKey(new String("fr"), new String("privacy"));

        assertEquals("fr/privacy.md", pages.get(asked));
        assertEquals(new PageKey("fr", "privacy").hashCode(), asked.hashCode());
        assertNotEquals(new PageKey("fr", "privacy"), new PageKey("fr", "cookies"));
        assertNotEquals(new PageKey("fr", "privacy"), new PageKey("de", "privacy"));
        assertNull(pages.get(new PageKey("fr", null)));
        assertEquals(new PageKey(null, null), new PageKey(null, null));
    }

    @Test
    void aPolicyPagesPathNamesItsLocaleAndDocument() {
        PageKey page = new PageKey("fr-CH", "cookies");
        assertEquals(page, PageKey.ofOutputPath(page.outputPath()));
    }

    @Test
    void otherFilesOfTheSiteNameNoPage() {
        for (String path : new String[] {"index.html", "sitemap.xml", "fr/privacy/2024-01-01/index.html", "fr//index.html",
                "/privacy/index.html", "fr/privacy/index.htm", "fr/privacy/index.html.gz", "assets/site.css", "fr/status/"}) {
            assertNull(PageKey.ofOutputPath(path), path);
        }
    }
}
