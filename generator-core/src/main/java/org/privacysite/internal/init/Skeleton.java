package org.privacysite.internal.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.privacysite.Location;
import org.privacysite.internal.content.Placeholders;
import org.privacysite.internal.messages.LocaleFallback;
import org.privacysite.internal.yaml.YamlMap;
import org.privacysite.internal.yaml.YamlReader;

import com.ibm.icu.util.ULocale;

/**
 * The files of a new site, as {@code init} writes them into the content directory: site.yaml, and
 * for the cookie policy cookies.yaml with the consent cookie alone and its texts per locale, and a
 * skeleton privacy and cookie policy per locale. The privacy policy has one clause per piece of
 * information GDPR Articles 13 and 14 require; each clause says, after a {@code TODO(legal)}
 * marker, what to write there. Every locale has the same clauses, arguments and paragraphs, so the
 * skeleton passes the parity check as written.
 */
public final class Skeleton {

    /** The documents {@code init} can write, in menu order. */
    public static final List<String> DOCUMENTS = List.of("privacy", "cookies");

    /** The cookie in which the consent banner stores the visitor's choice (cookies.yaml's {@code storageName}). */
    static final String CONSENT_COOKIE = "consent";

    /** A clause of the privacy policy: its key, and the prefix of its texts in the resources. */
    private record Clause(String key, String texts) {
    }

    /** The privacy policy's clauses: what Articles 13 and 14 GDPR require, in the order readers look for it. */
    private static final List<Clause> PRIVACY_CLAUSES = List.of(new Clause("controller", "controller"),
            new Clause("purposes", "purposes"), new Clause("recipients", "recipients"), new Clause("transfers", "transfers"),
            new Clause("retention", "retention"), new Clause("rights", "rights"), new Clause("complaint", "complaint"),
            new Clause("automated-decisions", "automated"));

    private static final String RESOURCES = "/org/privacysite/init/";
    private static final String FALLBACK = "en";

    private Skeleton() {
    }

    /** Whether {@code init} has its own text for {@code locale} (else the English text, marked to be translated). */
    public static boolean hasTexts(String locale) {
        return textLocale(locale) != null;
    }

    /** The files by path relative to the content directory, in the order they are written. */
    public static Map<String, String> files(String name, List<String> locales, List<String> documents, LocalDate effective) {
        Map<String, String> files = new LinkedHashMap<>();
        boolean cookies = documents.contains("cookies");
        files.put("site.yaml", siteYaml(name, locales, documents));
        if (cookies) {
            files.put("cookies.yaml", cookiesYaml(name));
        }
        for (String locale : locales) {
            Texts texts = Texts.of(locale);
            if (cookies) {
                files.put(locale + "/messages.yaml", messagesYaml(locale, texts));
            }
            if (documents.contains("privacy")) {
                files.put(locale + "/privacy.md", privacy(texts, effective));
            }
            if (cookies) {
                files.put(locale + "/cookies.md", cookies(texts, effective));
            }
        }
        return files;
    }

    private static String siteYaml(String name, List<String> locales, List<String> documents) {
        return "# Site-wide settings and shared facts, written by `privacy-site init`. Facts are used in the\n"
                + "# policies as ICU arguments, e.g. {company}.\n"
                + "name: " + quoted(name) + "\n"
                + "# Replace with the address the site is published under (canonical links, hreflang, sitemap).\n"
                + "baseUrl: https://privacy.example.com/\n"
                + "# The first locale is the source language; every other locale is a translation of it.\n"
                + "locales: [" + String.join(", ", locales) + "]\n"
                + "# Documents in menu order; each is <locale>/<document>.md\n"
                + "documents: [" + String.join(", ", documents) + "]\n"
                + "facts:\n"
                + "  company: " + quoted(name) + "\n"
                + "  # Replace with the address people write to about their data.\n"
                + "  privacyEmail: privacy@example.com\n";
    }

    private static String cookiesYaml(String name) {
        return "# Consent configuration, written by `privacy-site init`: one source for the cookie banner, the\n"
                + "# preferences dialog and the cookie tables. Texts live in <locale>/messages.yaml.\n"
                + "# Only the cookie the banner itself sets is listed: add every other cookie you use.\n"
                + "revision: 1            # bump to ask every visitor again\n"
                + "expiryMonths: 6        # a stored choice expires after this many months\n"
                + "storageName: " + CONSENT_COOKIE + "   # the first-party cookie that stores the visitor's choice\n"
                + "categories:\n"
                + "  - id: necessary\n"
                + "    required: true     # always on, not switchable\n"
                + "    cookies:\n"
                + "      - name: " + CONSENT_COOKIE + "\n"
                + "        provider: " + quoted(name) + "\n"
                + "        party: first\n"
                + "        duration: 6 months\n"
                + "        purpose: cookie." + CONSENT_COOKIE + ".purpose\n";
    }

    private static String messagesYaml(String locale, Texts texts) {
        return "# Texts (" + locale + ") for the cookie categories and cookies of cookies.yaml, as ICU MessageFormat patterns.\n"
                + "cookies.category.necessary.name: " + quoted(texts.get("category.name")) + "\n"
                + "cookies.category.necessary.purpose: " + quoted(texts.get("category.purpose")) + "\n"
                + "cookie." + CONSENT_COOKIE + ".purpose: " + quoted(texts.get("cookie.purpose")) + "\n";
    }

    private static String privacy(Texts texts, LocalDate effective) {
        StringBuilder page = frontMatter(texts, "privacy", effective);
        page.append(texts.intro("privacy.intro")).append("\n");
        for (Clause clause : PRIVACY_CLAUSES) {
            heading(page, texts.get(clause.texts() + ".title"), clause.key());
            if (clause.key().equals("controller")) {
                page.append(texts.get("controller.text")).append("\n\n");
            }
            todo(page, texts.get(clause.texts() + ".todo"));
        }
        return page.toString();
    }

    private static String cookies(Texts texts, LocalDate effective) {
        StringBuilder page = frontMatter(texts, "cookies", effective);
        page.append(texts.intro("cookies.intro")).append("\n");
        heading(page, texts.get("whatare.title"), "what-are-cookies");
        page.append(texts.get("whatare.text")).append("\n");
        heading(page, texts.get("necessary.title"), "necessary");
        page.append(texts.get("necessary.text")).append("\n\n");
        page.append("```cookie-table necessary\n```\n");
        heading(page, texts.get("manage.title"), "manage");
        page.append(texts.get("manage.text")).append("\n\n");
        todo(page, texts.get("manage.todo"));
        return page.toString();
    }

    private static StringBuilder frontMatter(Texts texts, String document, LocalDate effective) {
        return new StringBuilder("---\n")
                .append("title: ").append(quoted(texts.get(document + ".title"))).append("\n")
                .append("description: ").append(quoted(texts.get(document + ".description"))).append("\n")
                .append("effective: ").append(effective).append("\n")
                .append("---\n\n");
    }

    private static void heading(StringBuilder page, String title, String key) {
        page.append("\n## ").append(title).append(" {#").append(key).append("}\n\n");
    }

    private static void todo(StringBuilder page, String note) {
        page.append(Placeholders.MARKER).append(": ").append(note).append("\n");
    }

    /** A YAML double-quoted scalar. */
    static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** The resource with {@code locale}'s texts: the nearest in its CLDR fallback chain (pt-BR: pt), or null. */
    private static String textLocale(String locale) {
        // The texts are named by language; zh.yaml is in simplified characters, which CLDR's chain of zh-TW never reaches.
        for (String candidate : LocaleFallback.chain(locale)) {
            if (Skeleton.class.getResource(RESOURCES + candidate + ".yaml") != null) {
                return candidate;
            }
        }
        return null;
    }

    /** The skeleton's texts in one locale; English, marked to be translated, when init has none in it. */
    private record Texts(String locale, YamlMap strings, boolean translated) {

        static Texts of(String locale) {
            String resource = textLocale(locale);
            return new Texts(locale, read(resource == null ? FALLBACK : resource), resource != null);
        }

        String get(String key) {
            return strings.requireString(key);
        }

        /** The introduction; for a locale without texts of its own, a placeholder asking for a translation first. */
        String intro(String key) {
            if (translated) {
                return get(key);
            }
            String language = ULocale.forLanguageTag(locale).getDisplayName(ULocale.ENGLISH);
            return Placeholders.MARKER + ": translate this page into " + language + " (" + locale + "). " + get(key);
        }

        private static YamlMap read(String language) {
            String name = RESOURCES + language + ".yaml";
            try (InputStream in = Skeleton.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the generator lacks its resource " + name);
                }
                return YamlReader.readMap(Location.of(Path.of(name.substring(1))), new String(in.readAllBytes(), StandardCharsets.UTF_8), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
    }
}
