package org.privacysite.internal.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.privacysite.internal.content.PageKey;
import org.privacysite.internal.output.InputFingerprint;

/**
 * What the cache compares with the last build: {@code inputs}, a hash of every input but the
 * policies' text (site.yaml, bundles, templates, assets, translation records, archives, the list of
 * all file names, the generator and its settings), and each policy's own hash. Policies are the files
 * {@code <locale>/<document>.md} of the content directory.
 */
record CacheKey(String inputs, Map<PageKey, byte[]> policies) {

    static CacheKey of(List<InputFingerprint.HashedFiles> files, String salt) {
        MessageDigest digest = Digests.digest();
        digest.update(("format " + CacheFile.FORMAT + "\u0000" + salt).getBytes(StandardCharsets.UTF_8));
        Map<PageKey, byte[]> policies = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            InputFingerprint.HashedFiles directory = files.get(i);
            digest.update(("\u0001" + directory.directory()).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : directory.hashes().entrySet()) {
                String path = file.getKey();
                digest.update(("\u0000" + path + "\u0000").getBytes(StandardCharsets.UTF_8));
                PageKey policy = i == 0 ? policy(path) : null; // the first directory is the content directory
                if (policy == null) {
                    digest.update(file.getValue());
                } else {
                    policies.put(policy, file.getValue());
                }
            }
        }
        return new CacheKey(HexFormat.of().formatHex(digest.digest()), Map.copyOf(policies));
    }

    /** The page a content file is, if it is one: {@code fr/privacy.md}. */
    private static PageKey policy(String path) {
        int slash = path.indexOf('/');
        if (slash <= 0 || path.indexOf('/', slash + 1) >= 0 || !path.endsWith(".md") || path.length() - slash - 1 <= 3) {
            return null;
        }
        return new PageKey(path.substring(0, slash), path.substring(slash + 1, path.length() - 3));
    }
}
