package org.privacysite.internal.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.privacysite.ConfigurationException;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.rules.PdfRules;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;

/**
 * The system fonts a locale's PDF needs, found by file name below a font directory (Debian's packages:
 * fonts-noto-core; fonts-ipafont-gothic for Japanese): Noto Sans for Latin, Greek and Cyrillic text and for the
 * Latin facts inside any text, plus the font of the locale's own script. A script without a font is a
 * configuration error that names the package to install: the PDF would otherwise show empty boxes.
 */
public final class PdfFonts {

    /** One font face: a file, the face's PostScript name inside a collection (.ttc) or null, and its CSS family. */
    public record Face(Path file, String collectionName, String family, int weight) {
    }

    /** Debian's font directory. */
    public static final Path SYSTEM = Path.of("/usr/share/fonts");

    private static final String LATIN = "Noto Sans";
    /**
     * Chinese, Japanese and Korean fonts by language. Noto Sans CJK (fonts-noto-cjk) has PostScript (CFF)
     * outlines, which PDFBox cannot embed, so these are Debian's TrueType-outline fonts.
     */
    private record CjkFont(String file, String collectionName, String family, String debianPackage) {
    }

    private static final Map<String, CjkFont> CJK = Map.of(
            "ja", new CjkFont("ipag.ttf", null, "IPAGothic", "fonts-ipafont-gothic"),
            "ko", new CjkFont("NanumGothic.ttf", null, "NanumGothic", "fonts-nanum"),
            "zh", new CjkFont("wqy-microhei.ttc", "WenQuanYiMicroHei", "WenQuanYi Micro Hei", "fonts-wqy-microhei"));

    private final Path directory;
    private final Map<String, Path> files;

    private PdfFonts(Path directory, Map<String, Path> files) {
        this.directory = directory;
        this.files = files;
    }

    /** Indexes the font files below {@code directory} by file name. */
    public static PdfFonts in(Path directory) {
        Map<String, Path> files = new TreeMap<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.filter(Files::isRegularFile).sorted()
                        .forEach(file -> files.putIfAbsent(file.getFileName().toString(), file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the fonts in " + directory, e);
            }
        }
        return new PdfFonts(directory, files);
    }

    /**
     * The faces for {@code locale}, its own script's first: the CSS font-family list is their families in
     * this order. {@code where} is the file a missing font is reported at (site.yaml, which names the locales).
     */
    public List<Face> forLocale(String locale, Path where) {
        List<Face> faces = new ArrayList<>();
        for (int script : scripts(locale)) {
            faces.addAll(scriptFaces(locale, script, where));
        }
        faces.addAll(latin(locale, where));
        return List.copyOf(new LinkedHashSet<>(faces));
    }

    /** The CSS font-family value for {@code faces}: families in order, quoted (their names are letters and spaces). */
    public static String cssFamilies(List<Face> faces) {
        Set<String> families = new LinkedHashSet<>();
        faces.forEach(face -> families.add("'" + face.family() + "'"));
        return String.join(", ", families);
    }

    private static int[] scripts(String locale) {
        int[] codes = UScript.getCode(ULocale.forLanguageTag(locale));
        return codes == null || codes.length == 0 ? new int[] {UScript.LATIN} : codes;
    }

    private List<Face> scriptFaces(String locale, int script, Path where) {
        switch (script) {
            case UScript.LATIN, UScript.GREEK, UScript.CYRILLIC, UScript.COMMON, UScript.INHERITED:
                return List.of();
            case UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.HANGUL, UScript.KATAKANA_OR_HIRAGANA,
                    UScript.SIMPLIFIED_HAN, UScript.TRADITIONAL_HAN, UScript.JAPANESE, UScript.KOREAN:
                return cjk(locale, where);
            default:
                String name = "NotoSans" + UScript.getName(script).replace("_", "");
                String family = "Noto Sans " + UScript.getName(script).replace("_", " ");
                Face regular = face(name + "-Regular.ttf", null, family, 400, locale, script, where, "fonts-noto-core");
                return List.of(regular, optional(name + "-Bold.ttf", family, 700).orElse(new Face(regular.file(), null, family, 700)));
        }
    }

    private List<Face> cjk(String locale, Path where) {
        ULocale parsed = ULocale.forLanguageTag(locale);
        CjkFont font = CJK.getOrDefault(parsed.getLanguage(), CJK.get("zh"));
        Face regular = face(font.file(), font.collectionName(), font.family(), 400, locale, UScript.HAN, where, font.debianPackage());
        return List.of(regular, new Face(regular.file(), regular.collectionName(), font.family(), 700));
    }

    private List<Face> latin(String locale, Path where) {
        List<Face> faces = new ArrayList<>();
        faces.add(face("NotoSans-Regular.ttf", null, LATIN, 400, locale, UScript.LATIN, where, "fonts-noto-core"));
        faces.add(optional("NotoSans-Bold.ttf", LATIN, 700).orElse(new Face(faces.get(0).file(), null, LATIN, 700)));
        return faces;
    }

    private Optional<Face> optional(String file, String family, int weight) {
        return Optional.ofNullable(files.get(file)).map(path -> new Face(path, null, family, weight));
    }

    private Face face(String file, String collectionName, String family, int weight, String locale, int script, Path where,
                      String packageName) {
        Path path = files.get(file);
        if (path == null) {
            String name = UScript.getName(script).replace('_', ' ');
            throw new ConfigurationException(Finding.error(Location.of(where), PdfRules.FONT_MISSING,
                    "no font for the " + name + " script of '" + locale + "' in " + directory + ": install Debian's "
                            + packageName + " (it has " + file + "), or give a font directory that holds it"));
        }
        return new Face(path, collectionName, family, weight);
    }
}
