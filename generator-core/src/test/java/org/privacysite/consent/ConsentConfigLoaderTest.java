package org.privacysite.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.consent.ConsentConfig;
import org.privacysite.internal.consent.ConsentConfigLoader;
import org.privacysite.internal.render.SecurityPolicy;

/** cookies.yaml: gated scripts and their origins, Google Consent Mode, and the mistakes reported at their line. */
class ConsentConfigLoaderTest {

    @TempDir
    Path dir;

    private ConsentConfig load(String yaml) throws IOException {
        Files.writeString(dir.resolve("cookies.yaml"), yaml, StandardCharsets.UTF_8);
        return ConsentConfigLoader.load(dir);
    }

    private static String config(String top, String analyticsExtra) {
        return top + "categories:\n"
                + "  - id: necessary\n"
                + "    required: true\n"
                + "  - id: analytics\n" + analyticsExtra
                + "  - id: marketing\n"
                + "    saleOrSharing: true\n"
                + "    scripts:\n"
                + "      - src: https://ads.example/tag.js\n";
    }

    private PrivacySiteException failure(String yaml) {
        return assertThrows(PrivacySiteException.class, () -> load(yaml));
    }

    @Test
    void theRealConfigurationStillLoadsAndGatesNothingByDefault() {
        ConsentConfig config = ConsentConfigLoader.load(TestPaths.repo().resolve("content"));
        assertEquals("kestrel_consent", config.storageName());
        assertEquals(List.of("necessary", "functional", "analytics", "marketing"),
                config.categories().stream().map(ConsentConfig.Category::id).toList());
        assertFalse(config.googleConsentMode());
        assertEquals("", config.consentModeMapping());
    }

    @Test
    void scriptOriginsAreCollectedOnceInOrder() throws IOException {
        ConsentConfig config = load(config("", "    scripts:\n"
                + "      - src: https://Stats.Example/js/a.js\n"
                + "      - src: /local/self-hosted.js\n"
                + "      - src: http://127.0.0.2:8123/b.js\n"
                + "      - src: https://stats.example/js/c.js\n"));
        assertEquals(List.of("https://stats.example", "http://127.0.0.2:8123", "https://ads.example"), config.scriptOrigins());
        assertEquals(4, config.category("analytics").scripts().size());
        assertEquals(7, config.category("analytics").scripts().get(1).location().line(), "each script knows its line");
    }

    @Test
    void theCspAllowsExactlyTheConfiguredOriginsAndNothingInline() throws IOException {
        ConsentConfig config = load(config("", ""));
        String csp = SecurityPolicy.of(config.scriptOrigins()).csp();
        assertTrue(csp.contains("script-src 'self' https://ads.example;"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("style-src 'self';"), csp);
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
                + " frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'", SecurityPolicy.of(List.of()).csp());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://stats.example/a.js", "javascript:alert(1)", "//cdn.example/a.js", "ftp://x.example/a.js",
            "stats.js", "data:text/javascript,1"})
    void unsafeOrUnclearScriptSourcesAreRejectedAtTheirLine(String src) {
        PrivacySiteException e = failure(config("", "    scripts:\n      - src: \"" + src + "\"\n"));
        assertEquals("consent.script-src", e.findings().get(0).ruleId());
        assertEquals(6, e.findings().get(0).location().line());
    }

    @Test
    void consentModeIsOffUnlessSwitchedOn() throws IOException {
        assertEquals("", load(config("", "")).consentModeMapping());
        assertEquals("", load(config("googleConsentMode: false\n", "")).consentModeMapping());
    }

    @Test
    void consentModeMapsAnalyticsAndMarketingByDefault() throws IOException {
        ConsentConfig config = load(config("googleConsentMode: true\n", ""));
        assertTrue(config.googleConsentMode());
        assertEquals("analytics_storage:analytics ad_storage:marketing ad_user_data:marketing ad_personalization:marketing",
                config.consentModeMapping());
    }

    @Test
    void consentModeSignalsCanBeChosenAndUnmappedV2SignalsStayDenied() throws IOException {
        ConsentConfig config = load(config("googleConsentMode: true\n",
                "    googleConsentSignals: [analytics_storage, ad_storage]\n").replace("    saleOrSharing: true\n",
                "    saleOrSharing: true\n    googleConsentSignals: []\n"));
        assertEquals("analytics_storage:analytics ad_storage:analytics ad_user_data: ad_personalization:",
                config.consentModeMapping());
    }

    @Test
    void anUnknownConsentModeSignalIsReported() {
        PrivacySiteException e = failure(config("googleConsentMode: true\n", "    googleConsentSignals: [analytics_storage, ads]\n"));
        assertEquals("consent.consent-mode-signal", e.findings().get(0).ruleId());
        assertTrue(e.findings().get(0).message().contains("'ads'"), e.findings().get(0).message());
        assertEquals(6, e.findings().get(0).location().line());
    }

    @ParameterizedTest
    @ValueSource(strings = {"my consent", "consent;x", "\"\""})
    void theStorageNameMustBeACookieName(String name) {
        PrivacySiteException e = failure(config("storageName: " + (name.startsWith("\"") ? name : "\"" + name + "\"") + "\n", ""));
        assertEquals("consent.storage-name", e.findings().get(0).ruleId());
    }

    private static String cookie(String name, String extra) {
        return "    cookies:\n"
                + "      - name: \"" + name + "\"\n"
                + "        provider: Fixture Ltd\n"
                + "        duration: 13 months\n"
                + "        purpose: cookie.x.purpose\n" + extra;
    }

    @Test
    void cookieNamesMayBePatternsThatMatchWholeNames() throws IOException {
        ConsentConfig.Cookie ga = load(config("", cookie("_ga_*", ""))).category("analytics").cookies().get(0);
        assertTrue(ga.isPattern());
        assertTrue(ga.matches("_ga_"));
        assertTrue(ga.matches("_ga_K2X9"));
        assertFalse(ga.matches("x_ga_K2X9"), "a pattern matches the whole name");
        assertFalse(ga.matches("_gat"));
        ConsentConfig.Cookie dotted = load(config("", cookie("_pk_id.*.1", ""))).category("analytics").cookies().get(0);
        assertTrue(dotted.matches("_pk_id.7f.1"));
        assertFalse(dotted.matches("_pk_idX7f.1"), "a dot is a dot, not 'any character'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_ga_[0-9]+", "_ga (all)", "*", "**", "é_cookie"})
    void aNameThatIsNoCookieNameOrPatternIsReportedAtItsLine(String name) {
        PrivacySiteException e = failure(config("", cookie(name, "")));
        assertEquals("consent.cookie-name", e.findings().get(0).ruleId());
        assertEquals(6, e.findings().get(0).location().line());
        assertTrue(e.findings().get(0).message().contains("* for any characters (like _ga_*)"), e.findings().get(0).message());
    }

    @Test
    void storageKeysAreDeclaredWithTheirTypeAndAreNotDeletedAsCookies() throws IOException {
        ConsentConfig config = load(config("", cookie("cart:id", "        type: localStorage\n")));
        assertEquals("localStorage", config.category("analytics").cookies().get(0).type());
        assertFalse(config.category("analytics").cookies().get(0).isCookie());
        PrivacySiteException e = failure(config("", cookie("cart", "        type: indexedDB\n")));
        assertEquals("consent.cookie-type", e.findings().get(0).ruleId());
    }

    @Test
    void categoriesNameTheirHostsAndTheirScriptsHosts() throws IOException {
        ConsentConfig config = load(config("", "    hosts: [stats.example, cdn.example:8443]\n"
                + "    scripts:\n      - src: http://127.0.0.2:8123/b.js\n"));
        assertEquals(List.of("stats.example", "cdn.example:8443", "127.0.0.2:8123"), config.category("analytics").namedHosts());
        assertEquals(List.of("ads.example"), config.category("marketing").namedHosts());
        PrivacySiteException e = failure(config("", "    hosts: [\"https://stats.example/\"]\n"));
        assertEquals("consent.host", e.findings().get(0).ruleId());
    }
}
