package org.privacysite.internal.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Subresource Integrity values ({@code sha384-...}) of the assets, by path below {@code assets/}. */
final class AssetIntegrity {

    private AssetIntegrity() {
    }

    static Map<String, String> of(Path assets) {
        Map<String, String> integrity = new TreeMap<>();
        if (!Files.isDirectory(assets)) {
            return integrity;
        }
        try (Stream<Path> files = Files.walk(assets)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                byte[] digest = MessageDigest.getInstance("SHA-384").digest(Files.readAllBytes(file));
                integrity.put(assets.relativize(file).toString().replace('\\', '/'), "sha384-" + Base64.getEncoder().encodeToString(digest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the assets in " + assets, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-384 is part of every Java runtime", e);
        }
        return integrity;
    }
}
