package org.privacysite.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;

/**
 * Builds the sites the consent tests look at: the real sample site (content/) and the small fixture
 * site of this package, whose cookies.yaml gates scripts of a loopback "third party".
 */
final class SiteBuilds {

    private SiteBuilds() {
    }

    /** The real site, built once per test run (the browser tests serve the same build). */
    static Path realSite() {
        return SampleSite.built();
    }

    /** The fixture site with {@code revision}, gating scripts served from {@code thirdPartyOrigin}. */
    static Path fixtureSite(int revision, String thirdPartyOrigin, Path out) {
        Path content = out.resolveSibling(out.getFileName() + "-content");
        copyFixture(content);
        Path cookies = content.resolve("cookies.yaml");
        try {
            String yaml = Files.readString(cookies, StandardCharsets.UTF_8)
                    .replace("@REVISION@", Integer.toString(revision))
                    .replace("@THIRD_PARTY@", thirdPartyOrigin);
            Files.writeString(cookies, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build(content, out);
    }

    static Path fixtureSource() {
        try {
            return Path.of(SiteBuilds.class.getResource("fixture/site.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyFixture(Path target) {
        Path source = fixtureSource();
        try {
            org.privacysite.internal.output.OutputDirectory.delete(target);
            org.privacysite.internal.output.OutputDirectory.copyTree(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path build(Path content, Path out) {
        PrivacySite.builder().contentDirectory(content).templatesDirectory(TestPaths.templates()).threads(2).build().build(out);
        return out;
    }
}
