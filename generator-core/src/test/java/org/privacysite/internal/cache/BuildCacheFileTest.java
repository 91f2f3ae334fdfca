package org.privacysite.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.RuleCatalogue;

/** A cache file from another generator version, or cut short, is never used, and a warning says why. */
class BuildCacheFileTest {

    @TempDir
    Path temp;

    private final List<String> warnings = new ArrayList<>();

    private BuildCache cache(String generator) {
        return BuildCache.open(temp.resolve("cache"), temp.resolve("site"), generator, RuleCatalogue::find, warnings::add);
    }

    private void writeEmpty(String generator) {
        writeAside(generator).putInPlace();
    }

    private BuildCache.SavedCache writeAside(String generator) {
        return cache(generator).writeAside(new CacheFile.Contents(generator, CacheKey.of(List.of(), "salt").inputs(),
                temp.resolve("site").toString(), StringTable.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of()));
    }

    @Test
    void aCacheWrittenAsideIsTheCacheOnlyOnceThePublishedSitePutsItInPlace() throws Exception {
        writeEmpty("privacy-site 1.0");
        Path file = cache("privacy-site 1.0").file();
        byte[] before = Files.readAllBytes(file);

        BuildCache.SavedCache unpublished = writeAside("privacy-site 1.1");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the site it describes is not published yet");
        unpublished.discard();
        assertFalse(Files.exists(unpublished.aside()));
        assertFalse(cache("privacy-site 1.1").start(List.of(), "salt").incremental());
        assertTrue(warnings.get(0).contains("(privacy-site 1.0)"), warnings.toString());

        writeAside("privacy-site 1.1").putInPlace();
        warnings.clear();
        cache("privacy-site 1.1").start(List.of(), "salt");
        assertEquals(List.of(), warnings, "the cache is now the one written aside");
    }

    @Test
    void aCacheOfAnotherVersionIsOutOfDate() {
        writeEmpty("privacy-site 1.0");
        CachedBuild build = cache("privacy-site 1.1").start(List.of(), "salt");
        assertFalse(build.incremental());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("another version of the generator (privacy-site 1.0)"), warnings.get(0));
    }

    @Test
    void aCacheCutShortIsDamaged() throws Exception {
        writeEmpty("privacy-site 1.0");
        Path file = cache("privacy-site 1.0").file();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        CachedBuild build = cache("privacy-site 1.0").start(List.of(), "salt");
        assertFalse(build.incremental());
        assertTrue(warnings.get(0).contains("is damaged"), warnings.toString());
    }

    @Test
    void aCacheOfTheFormatBeforeTheStringTableIsOutOfDate() throws Exception {
        writeEmpty("privacy-site 1.0");
        Path file = cache("privacy-site 1.0").file();
        byte[] bytes = Files.readAllBytes(file);
        int format = "privacy-site build cache\n".length();
        assertEquals(CacheFile.FORMAT, bytes[format + 3], "the format follows the file's first line");
        bytes[format + 3] = 2; // format 2 wrote every string in full, where format 3 records name them by number
        Files.write(file, bytes);
        CachedBuild build = cache("privacy-site 1.0").start(List.of(), "salt");
        assertFalse(build.incremental());
        assertTrue(warnings.get(0).contains("another version of the generator (cache format 2)"), warnings.toString());
    }

    @Test
    void aWriteKilledHalfwayLeavesTheCacheBeforeItWhole() throws Exception {
        writeEmpty("privacy-site 1.0");
        Path file = cache("privacy-site 1.0").file();
        byte[] whole = Files.readAllBytes(file);
        // A check killed while writing leaves the new cache half-written beside the old one, never in its place.
        Path unfinished = file.resolveSibling(file.getFileName() + ".new");
        Files.write(unfinished, java.util.Arrays.copyOf(whole, whole.length / 2));
        CachedBuild build = cache("privacy-site 1.0").start(List.of(), "salt");
        assertEquals(List.of(), warnings, "the cache is read as the last finished write left it");
        assertEquals("the previous output is not as the last build left it", build.fullBecause());
        writeEmpty("privacy-site 1.0"); // the next write replaces the half-written file
        assertEquals(whole.length, Files.size(file));
        assertFalse(Files.exists(unfinished));
    }

    @Test
    void theSameVersionReadsItsOwnCache() {
        writeEmpty("privacy-site 1.0");
        CachedBuild build = cache("privacy-site 1.0").start(List.of(), "salt");
        assertEquals(List.of(), warnings);
        assertEquals("the previous output is not as the last build left it", build.fullBecause(), "an empty output is never reused");
    }
}
