package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.SampleSite;

/**
 * Two builds of the same sources are byte-identical although everything around them differs: the
 * directories, the time of day (a second apart at least), the time zone ({@code TZ} and
 * {@code user.timezone}), the default locale (with other digits and another calendar) and the
 * platform encoding. Dates on pages come from the content, never from the clock.
 */
class ReproducibleBuildTest {

    @TempDir
    Path temp;

    private record Build(Path out, long startedAtMillis) {
    }

    private Build build(String name, List<String> jvmOptions, Map<String, String> environment) throws Exception {
        Path root = temp.resolve(name);
        Path content = root.resolve("sources/content");
        Path templates = root.resolve("sources/templates");
        SampleSite.copyTree(sources.resolve("content"), content);
        SampleSite.copyTree(sources.resolve("templates"), templates);
        Path out = root.resolve("public-" + name);
        Path logs = root.resolve("logs");
        long started = System.currentTimeMillis();
        Process process = ChildJvm.build(content, templates, out, logs, jvmOptions, environment).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), name + " did not finish");
        assertEquals(0, process.exitValue(), name + " failed: " + ChildJvm.log(logs));
        return new Build(out, started);
    }

    /** One version of the sample sources for both builds, while others may edit the real ones. */
    private Path sources;

    @Test
    void buildsInOtherDirectoriesTimeZonesLocalesAndTimesAreByteIdentical() throws Exception {
        sources = temp.resolve("snapshot");
        SampleSite.copyTree(SampleSite.content(), sources.resolve("content"));
        SampleSite.copyTemplates(sources.resolve("templates"));

        Build first = build("first",
                List.of("-Duser.timezone=Pacific/Kiritimati", "-Duser.language=tr", "-Duser.country=TR"),
                Map.of("TZ", "Pacific/Kiritimati", "LANG", "tr_TR.UTF-8", "LC_ALL", "tr_TR.UTF-8"));
        long wait = first.startedAtMillis() + 1_100 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        Build second = build("second",
                List.of("-Duser.timezone=America/Los_Angeles", "-Duser.language=th", "-Duser.country=TH", "-Duser.variant=TH",
                        "-Dfile.encoding=ISO-8859-1"),
                Map.of("TZ", "America/Los_Angeles", "LANG", "C", "LC_ALL", "C"));
        assertNotEquals(first.startedAtMillis() / 1000, second.startedAtMillis() / 1000, "the builds started in the same second");

        Snapshot one = Snapshot.of(first.out());
        Snapshot two = Snapshot.of(second.out());
        assertTrue(one.files().size() > 10, "the sample site has pages: " + one.files().keySet());
        one.assertSameAs(two, "the same sources built twice gave different bytes");
    }
}
