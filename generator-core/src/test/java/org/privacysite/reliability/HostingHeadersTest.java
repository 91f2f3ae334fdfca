package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.PrivacySite;
import org.privacysite.SampleSite;

/**
 * What the built sample site tells browsers and hosts: a strict Content-Security-Policy and a referrer
 * policy on every page, the full header set in {@code _headers} and {@code nginx-headers.conf}, and
 * Subresource Integrity on every script.
 */
class HostingHeadersTest {

    @TempDir
    static Path temp;

    static Path site;
    static List<Document> pages;

    @BeforeAll
    static void buildTheSampleSite() {
        Path templates = temp.resolve("templates");
        SampleSite.copyTemplates(templates);
        Path content = SampleSite.copyContent(temp.resolve("content"));
        site = temp.resolve("site");
        PrivacySite.builder().contentDirectory(content).templatesDirectory(templates).build().build(site);
        pages = SafeHtmlTest.pages(site);
    }

    @Test
    void everyPageHasAStrictContentSecurityPolicyAndAReferrerPolicy() {
        for (Document page : pages) {
            List<Element> csp = page.head().select("meta[http-equiv=Content-Security-Policy]");
            assertEquals(1, csp.size(), page.location() + ": one CSP meta tag in <head>");
            String policy = csp.get(0).attr("content");
            assertFalse(policy.contains("unsafe-inline"), page.location() + ": " + policy);
            assertFalse(policy.contains("unsafe-eval"), page.location() + ": " + policy);
            for (String directive : List.of("default-src 'self'", "script-src ", "object-src 'none'", "base-uri ")) {
                assertTrue(policy.contains(directive), page.location() + ": the CSP lacks " + directive + ": " + policy);
            }
            assertFalse(policy.matches(".*script-src[^;]*(\\*|https?:)(\\s|;|$).*"), page.location() + ": scripts from anywhere: " + policy);
            String referrer = page.head().select("meta[name=referrer]").attr("content");
            assertTrue(List.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin").contains(referrer),
                    page.location() + ": referrer policy '" + referrer + "'");
        }
    }

    @Test
    void pagesNeedNothingTheStrictPolicyBlocks() {
        for (Document page : pages) {
            for (Element script : page.select("script:not([src])")) {
                assertTrue(script.attr("type").equals("text/plain") && script.data().isBlank(),
                        page.location() + ": an inline script the CSP would block: " + script);
            }
            assertTrue(page.select("style").isEmpty(), page.location() + ": an inline <style> the CSP would block");
            assertTrue(page.select("[style]").isEmpty(), page.location() + ": a style attribute the CSP would block: " + page.select("[style]"));
        }
    }

    @Test
    void hostingHeaderFilesHaveTheFullSet() throws IOException {
        String metaPolicy = pages.get(0).head().select("meta[http-equiv=Content-Security-Policy]").attr("content");
        for (String name : List.of("_headers", "nginx-headers.conf")) {
            Path file = site.resolve(name);
            assertTrue(Files.isRegularFile(file), name + " is written to the output root");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String csp = headerValue(text, "Content-Security-Policy");
            assertTrue(csp.contains("frame-ancestors 'none'") || csp.contains("frame-ancestors 'self'"), name + ": " + csp);
            assertTrue(csp.startsWith(metaPolicy), name + ": the header CSP should be the pages' policy plus frame-ancestors: " + csp);
            assertFalse(csp.contains("unsafe-inline"), name + ": " + csp);
            assertTrue(headerValue(text, "Strict-Transport-Security").matches("max-age=(\\d+).*")
                    && Long.parseLong(headerValue(text, "Strict-Transport-Security").replaceAll("max-age=(\\d+).*", "$1")) >= 31_536_000,
                    name + ": HSTS of at least a year");
            assertEquals("nosniff", headerValue(text, "X-Content-Type-Options"), name);
            assertFalse(headerValue(text, "Referrer-Policy").isEmpty(), name);
        }
        assertTrue(Files.readString(site.resolve("_headers")).contains("/*"), "_headers applies to every path");
    }

    /** The value of {@code name} in a {@code _headers} ("  Name: value") or nginx ("add_header Name \"value\" always;") file. */
    private static String headerValue(String text, String name) {
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(name + ":")) {
                return trimmed.substring(name.length() + 1).strip();
            }
            if (trimmed.startsWith("add_header " + name + " ")) {
                String value = trimmed.substring(("add_header " + name + " ").length());
                return value.replaceAll("^\"(.*)\"\\s+always;$", "$1").replace("\\\"", "\"");
            }
        }
        throw new AssertionError("no " + name + " header in:\n" + text);
    }

    @Test
    void pagesLoadScriptsOnlyFromTheSite() {
        for (Document page : pages) {
            for (Element script : page.select("script[src]")) {
                URI src = URI.create(script.attr("src"));
                assertTrue(src.getScheme() == null && src.getHost() == null, page.location() + ": third-party script " + script);
            }
        }
    }

    @Test
    void everyScriptCarriesAMatchingSubresourceIntegrityHash() throws Exception {
        int scripts = 0;
        for (Document page : pages) {
            Path file = Path.of(URI.create(page.location()));
            for (Element script : page.select("script[src]")) {
                scripts++;
                String integrity = script.attr("integrity");
                assertTrue(integrity.startsWith("sha384-"), page.location() + ": no sha384 integrity on " + script);
                Path target = file.getParent().resolve(script.attr("src")).normalize();
                assertTrue(target.startsWith(site) && Files.isRegularFile(target), page.location() + ": " + script + " points at no file");
                assertEquals("sha384-" + base64Sha384(Files.readAllBytes(target)), integrity,
                        page.location() + ": the integrity of " + script.attr("src") + " does not match the file's bytes");
                if (!script.attr("crossorigin").isEmpty()) {
                    assertEquals("anonymous", script.attr("crossorigin").toLowerCase(Locale.ROOT));
                }
            }
        }
        assertTrue(scripts > 0, "the sample site (with cookies.yaml) loads consent.js on every page");
    }

    private static String base64Sha384(byte[] bytes) throws NoSuchAlgorithmException {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(bytes));
    }
}
