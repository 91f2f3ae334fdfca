package org.privacysite.reliability;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;

/** Parallel rendering writes the same bytes as a single thread. */
class ParallelRenderingTest {

    @TempDir
    Path temp;

    private Snapshot build(int threads, Path content, Path templates) {
        Path out = temp.resolve("threads-" + threads + "-" + content.getFileName());
        PrivacySite.builder().contentDirectory(content).templatesDirectory(templates).threads(threads).build().build(out);
        return Snapshot.of(out);
    }

    @Test
    void sampleSiteBuiltWithOneAndEightThreadsIsByteIdentical() {
        Path templates = temp.resolve("templates");
        SampleSite.copyTemplates(templates); // a stable copy while others edit the real ones
        Path content = SampleSite.copyContent(temp.resolve("sample"));
        Snapshot single = build(1, content, templates);
        Snapshot parallel = build(8, content, templates);
        single.assertSameAs(parallel, "threads(1) and threads(8) wrote different sites");
    }

    @Test
    void manyPagesBuiltWithOneAndEightThreadsAreByteIdentical() {
        Path templates = temp.resolve("templates");
        SampleSite.copyTemplates(templates);
        Path content = SyntheticSite.write(temp.resolve("synthetic"), 12, 4, "PARALLEL");
        Snapshot single = build(1, content, templates);
        Snapshot parallel = build(8, content, templates);
        single.assertSameAs(parallel, "threads(1) and threads(8) wrote different sites");
    }
}
