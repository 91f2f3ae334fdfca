package org.privacysite.internal.theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates, assets and UI message bundles a site is rendered with: the built-in theme shipped
 * in the generator jar, under a site's own templates directory (optional) whose files replace the
 * built-in files of the same name one at a time, as Hugo's theme lookup does. Names are relative and
 * use '/', e.g. {@code partials/footer.ftlh}, {@code assets/site.css}, {@code messages/fr.yaml}.
 */
public final class Theme {

    /** Where the built-in theme is on the class path. */
    public static final String RESOURCES = "org/privacysite/theme";

    private final Path overrides;
    private final Path builtIn;

    private Theme(Path overrides, Path builtIn) {
        this.overrides = overrides;
        this.builtIn = builtIn;
    }

    /** The built-in theme under {@code overrides} (a site's templates directory), or alone when it is null. */
    public static Theme of(Path overrides) {
        return new Theme(overrides == null ? null : overrides.toAbsolutePath().normalize(), BuiltIn.ROOT);
    }

    /** The built-in theme alone. */
    public static Theme builtIn() {
        return of(null);
    }

    /** The site's own templates directory, or null when the built-in theme serves alone. */
    public Path overrideDirectory() {
        return overrides;
    }

    /** The built-in theme's root (a directory of the class path, or a folder inside the generator jar). */
    public static Path builtInDirectory() {
        return BuiltIn.ROOT;
    }

    /**
     * The file that serves {@code name}: the site's own when it has one, else the built-in one. When
     * neither has it, the place a site would add it (its templates directory, else the built-in theme).
     */
    public Path file(String name) {
        if (overrides != null) {
            Path own = overrides.resolve(name);
            if (Files.isRegularFile(own) || !Files.exists(builtIn.resolve(name))) {
                return own;
            }
        }
        return builtIn.resolve(name);
    }

    /** Every file below {@code folder} (e.g. {@code assets}) by its name below it, the site's own over the built-in one. */
    public SortedMap<String, Path> files(String folder) {
        SortedMap<String, Path> files = new TreeMap<>();
        list(builtIn.resolve(folder), files);
        if (overrides != null) {
            list(overrides.resolve(folder), files);
        }
        return files;
    }

    /** The site's files that replace a built-in file, in name order. */
    public List<Path> overridden() {
        List<Path> replaced = new ArrayList<>();
        if (overrides == null) {
            return replaced;
        }
        SortedMap<String, Path> own = new TreeMap<>();
        list(overrides, own);
        for (Map.Entry<String, Path> file : own.entrySet()) {
            if (Files.isRegularFile(builtIn.resolve(file.getKey()))) {
                replaced.add(file.getValue());
            }
        }
        return replaced;
    }

    /**
     * What identifies the built-in theme's content: a hash of its files, read once per class loader (a
     * build stamp must change when a new generator ships other templates, snapshot or not).
     */
    public static String builtInIdentity() {
        return BuiltInIdentity.VALUE;
    }

    private static void list(Path root, SortedMap<String, Path> files) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString().replace('\\', '/'), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the theme files in " + root, e);
        }
    }

    /** The built-in theme, found once: a folder of the class path, or a file system over the generator jar. */
    private static final class BuiltIn {
        static final Path ROOT = locate();

        private static Path locate() {
            URL marker = Theme.class.getResource("/" + RESOURCES + "/layout.ftlh");
            if (marker == null) {
                throw new IllegalStateException("the built-in theme is missing from the generator's class path");
            }
            try {
                URI uri = marker.toURI();
                if ("jar".equals(uri.getScheme())) {
                    String spec = uri.getRawSchemeSpecificPart();
                    Path jar = Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
                    // A file system of our own (not the registered one of the jar URI): nobody else closes it.
                    return FileSystems.newFileSystem(jar).getPath("/" + RESOURCES);
                }
                return Path.of(uri).getParent();
            } catch (URISyntaxException | IOException e) {
                throw new IllegalStateException("cannot open the built-in theme at " + marker, e);
            }
        }
    }

    /** The built-in theme's hash, computed when a build stamp first needs it (a plain check or a preview never does). */
    private static final class BuiltInIdentity {
        static final String VALUE = identity(BuiltIn.ROOT);
    }

    /** The hash of the theme files below {@code root}, a folder or a folder of a jar's file system. */
    static String identity(Path root) {
        SortedMap<String, Path> files = new TreeMap<>();
        list(root, files);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // In a jar, each file's CRC-32 and size from the jar's directory stand for its bytes: reading and
            // hashing all of them (270 KB) took 20-40 ms of every build or check --out's start, in code C1 compiles.
            boolean zipped = root.getFileSystem().supportedFileAttributeViews().contains("zip");
            for (Map.Entry<String, Path> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                if (zipped) {
                    Map<String, Object> entry = Files.readAttributes(file.getValue(), "zip:crc,size");
                    digest.update((entry.get("crc") + ":" + entry.get("size")).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } else {
                    digest.update(Files.readAllBytes(file.getValue()));
                }
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in theme", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
