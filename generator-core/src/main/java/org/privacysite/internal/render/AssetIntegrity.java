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

/** Subresource Integrity values ({@code sha384-...}) of the assets, by path below {@code assets/}. */
final class AssetIntegrity {

    private AssetIntegrity() {
    }

    /** @param assets the theme's assets by path below {@code assets/} (the site's own over the built-in ones) */
    static Map<String, String> of(Map<String, Path> assets) {
        Map<String, String> integrity = new TreeMap<>();
        try {
            for (Map.Entry<String, Path> file : assets.entrySet()) {
                byte[] digest = MessageDigest.getInstance("SHA-384").digest(Files.readAllBytes(file.getValue()));
                integrity.put(file.getKey(), "sha384-" + Base64.getEncoder().encodeToString(digest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the assets", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-384 is part of every Java runtime", e);
        }
        return integrity;
    }
}
