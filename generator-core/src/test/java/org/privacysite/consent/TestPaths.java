package org.privacysite.consent;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the module's build directory are, as surefire sets them. */
final class TestPaths {

    private TestPaths() {
    }

    /** The repository root: {@code privacysite.repo} (set by surefire), else found from the working directory. */
    static Path repo() {
        String property = System.getProperty("privacysite.repo");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("content/site.yaml")) && Files.isDirectory(dir.resolve("generator-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root; set -Dprivacysite.repo");
    }

    /** The sample's templates directory: its overrides of the built-in theme. */
    static Path templates() {
        return repo().resolve("templates");
    }

    /** The built-in theme's sources. */
    static Path theme() {
        return repo().resolve("generator-core/src/main/resources/org/privacysite/theme");
    }

    /** {@code generator-core/target}. */
    static Path target() {
        return repo().resolve("generator-core").resolve("target");
    }
}
