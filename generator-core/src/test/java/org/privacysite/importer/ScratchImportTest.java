package org.privacysite.importer;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.privacysite.CheckResult;
import org.privacysite.ImportResult;
import org.privacysite.PolicyImport;
import org.privacysite.PrivacySite;

class ScratchImportTest {
    @Test
    void scratch() throws Exception {
        Path dir = Path.of("/tmp/imp/run");
        org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile());
        ImportCorpus.writeMarkdown(dir.resolve("src"));
        ImportResult r = PolicyImport.builder().source(dir.resolve("src")).out(dir.resolve("content")).build().run();
        System.out.println(r);
        for (String l : r.locales()) {
            System.out.println("=== " + l + "\n" + Files.readString(dir.resolve("content/" + l + "/privacy.md")));
        }
        System.out.println(Files.readString(dir.resolve("content/site.yaml")));
        CheckResult c = PrivacySite.builder().contentDirectory(dir.resolve("content"))
                .templatesDirectory(Path.of(System.getProperty("privacysite.repo"), "templates")).build().check();
        c.findings().forEach(System.out::println);
    }
}
