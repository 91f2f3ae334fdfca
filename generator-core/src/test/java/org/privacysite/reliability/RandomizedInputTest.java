package org.privacysite.reliability;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.Finding;
import org.privacysite.PrivacySite;
import org.privacysite.PrivacySiteException;
import org.privacysite.SampleSite;
import org.privacysite.internal.content.ReferenceChecker;
import org.privacysite.internal.content.Site;
import org.privacysite.internal.content.SiteLoader;

/**
 * Seeded random inputs (jqwik needs JUnit Platform 1.x; this build runs JUnit 6): Markdown with
 * headings, keys, braces, apostrophes and plural fragments; front matter; site.yaml; cookies.yaml;
 * message bundles; raw bytes. The only allowed outcomes of a build are a site, or a
 * {@link PrivacySiteException} (or its subclass {@code ConfigurationException}) whose findings all
 * have a location. Each case is reproducible from its seed, printed with any failure.
 */
class RandomizedInputTest {

    private static final long SEED = 0x5EED_2026L;
    /** Cases every property runs even on a slow machine; beyond them each property stops at its time budget. */
    private static final int MINIMUM_CASES = 30;
    /** {@code -Dprivacysite.randomized.scale=10} runs ten times the cases and time, to hunt for rarer failures. */
    private static final double SCALE = Double.parseDouble(System.getProperty("privacysite.randomized.scale", "1"));
    /** Findings about a whole file (it is missing or may not be used) have no line. */
    private static final Set<String> WHOLE_FILE_RULES = Set.of("content.source-missing", "parity.document-missing",
            "source.outside-content", "source.unreadable", "source.missing", "template.missing");

    private static final String[] ICU = {"{", "}", "{", "}", "'", "''", "#", ",", " ", " ", "plural", "select", "selectordinal",
            "one", "other", "few", "=0", "=1", "offset:1", "company", "retentionDays", "incorporated", "rate", "flag", "date",
            "time", "number", "long", "short", "spellout", "ordinal", "duration", "choice", "0#a|1#b", "x", "é", "日本", "\n",
            "\\", "<", ">", "&", "\"", "l'adresse", "d'{company}", "{company}", "{retentionDays, plural, one {# day} other {# days}}",
            "{incorporated, date, long}", "{nofact}", "{rate, number, percent}", "{company, select, other {x}}",
            "{retentionDays, plural, offset:1 =0 {none} other {# more}}", "{flag, select, true {yes} other {no}}",
            "{retentionDays, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}", "{incorporated, time}",
            "{retentionDays, spellout}", "{retentionDays, choice, 0#none|1#one|1<many}", "{company, plural, other {#}}",
            "{incorporated, number}", "{ company }", "{company,}", "{,}", "{}", "{{}}", "{0}", "{retentionDays, plural, one {# {company}} other {#}}"};
    private static final String[] MARKDOWN = {"\n", "\n\n", "\n\n", "## ", "### ", "#### ", "##### ", "# ", "###### ", "{#", "{#key}",
            "{#clause-1}", "{#clause-2}", "{#Key_1}", " {#a-b}", "{#}", "{# }", "{#1a}", "- ", "* ", "1. ", "  - ", "> ", ">> ", "```",
            "```\n", "```js\n", "~~~\n", "`", "``", "*", "_", "**", "__", "[", "]", "(", ")",
            "[](#clause-1)", "[](#nope)", "[](privacy.md#clause-1)", "[](other.md)", "[](privacy.md)", "[x](#clause-1)", "[x](",
            "](", "![", "![a](b.png)", "<", ">", "<b>", "</b>", "<!--", "-->", "<http://x.example>", "&amp;", "&#123;", "&lbrace;",
            "\\{", "\\}", "\\", "|", "| a | b |\n|---|---|\n| {company} | c |\n", "---", "***", "===", "\t", "    ", "é", "日本語",
            "\u202E", "\u200B", "\uFEFF", "[ref]: #clause-1\n", "[ref]", "[x][ref]", "mailto:", "javascript:alert(1)", "https://x.example/",
            "word", "words and more words", "Section", ". ", "? "};
    private static final String[] YAML_VALUES = {"plain text", "'single quoted'", "\"double \\\" quoted\"", "2026-01-01",
            "2026-02-30", "2026-13-01", "20260101", "1", "-7", "1.5", "1e309", "0x1F", "0o17", ".inf", ".nan", "true", "yes", "no",
            "null", "~", "", "[a, b]", "[]", "[en]", "[privacy]", "{a: 1}", "{}", "&x anchor", "*x", "!!binary aGVsbG8=", "!!str 12",
            "!!int x", "!!float abc", "!!timestamp 2026-01-01T00:00:00Z", "!java.io.File /etc", "!!set {a, b}",
            "|\n  block\n  text", ">\n  folded", "'unclosed", "\"unclosed", "a: b: c", "- item", "@reserved", "`reserved",
            "#comment", "\t tab", "\"\\x00\"", "[[[[[[[[]]]]]]]]", "{a: {b: {c: {d: 1}}}}", "https://x.example/",
            "http://", "en", "fr", "xx", "en-US", "zh-Hant-TW", "sr-Latn", "EN", "e", "privacy", "Privacy", "cookies", "../x"};

    @TempDir
    Path temp;

    private Path content;
    private Path templates;
    private Path out;
    private PrivacySite site;
    private static java.util.concurrent.ExecutorService executor;
    private String basePolicy;
    private String baseSiteYaml;
    private String baseUiBundle;

    private int cases;
    private int sites;
    private int userErrors;
    private final Map<String, String> failures = new LinkedHashMap<>();
    private volatile String current = "";

    @org.junit.jupiter.api.BeforeAll
    static void startWorker() {
        executor = java.util.concurrent.Executors.newSingleThreadExecutor();
    }

    @org.junit.jupiter.api.AfterAll
    static void stopWorker() {
        executor.shutdownNow();
    }

    @BeforeEach
    void writeTheSite() throws IOException {
        content = temp.resolve("content");
        SampleSite.copyTree(TestSite.resource("base-site/content"), content);
        baseSiteYaml = "name: Random Site\nbaseUrl: https://random.example.test/\nlocales: [en]\ndocuments: [privacy]\nfacts:\n"
                + "  company: Example Ltd\n  privacyEmail: privacy@example.test\n  retentionDays: 30\n  incorporated: 2019-03-14\n"
                + "  rate: 0.25\n  flag: true\n";
        Files.writeString(content.resolve("site.yaml"), baseSiteYaml);
        basePolicy = "---\ntitle: Privacy Policy\neffective: 2026-01-01\n---\n\nIntro of {company}.\n\n## Clause one {#clause-1}\n\nText.\n";
        Files.writeString(content.resolve("en/privacy.md"), basePolicy);
        templates = temp.resolve("templates");
        SampleSite.copyTemplates(templates);
        baseUiBundle = Files.readString(templates.resolve("messages/en.yaml"));
        out = temp.resolve("site");
        site = PrivacySite.builder().contentDirectory(content).templatesDirectory(templates).threads(1).build();
    }

    // --- Properties -------------------------------------------------------------------------------------

    @Test
    void randomMarkdownBodies() {
        property("markdown", 3000, Duration.ofSeconds(9), random -> {
            StringBuilder body = new StringBuilder();
            int pieces = random.nextInt(60);
            for (int i = 0; i < pieces; i++) {
                body.append(random.nextInt(4) == 0 ? pick(random, ICU) : pick(random, MARKDOWN));
            }
            write("content/en/privacy.md", basePolicy + body);
        });
    }

    @Test
    void randomFrontMatter() {
        property("front matter", 1000, Duration.ofSeconds(4), random -> write("content/en/privacy.md", frontMatter(random, false)));
    }

    @Test
    void randomFrontMatterUnrestricted() {
        property("front matter unrestricted", 1000, Duration.ofSeconds(4), random -> write("content/en/privacy.md", frontMatter(random, true)));
    }

    @Test
    void randomSiteYaml() {
        property("site.yaml", 800, Duration.ofSeconds(3), random -> write("content/site.yaml", siteYaml(random)));
    }

    @Test
    void randomCookiesYaml() {
        property("cookies.yaml", 600, Duration.ofSeconds(3), random -> writeRandomCookies(random, false));
    }

    @Test
    void randomCookiesYamlWithHugeDurationsAndUnknownTables() {
        property("cookies.yaml with huge durations and unknown tables", 600, Duration.ofSeconds(3), random -> writeRandomCookies(random, true));
    }

    /** cookies.yaml, texts for some of its categories and cookies, and cookie-table blocks in the policy. */
    private void writeRandomCookies(Random random, boolean knownBugs) {
        String cookies = cookiesYaml(random, knownBugs);
        write("content/cookies.yaml", cookies);
        StringBuilder texts = new StringBuilder();
        for (String key : List.of("cookies.category.necessary.name: \"Necessary\"", "cookies.category.necessary.purpose: \"Needed by {company}.\"",
                "cookies.category.analytics.name: \"Analytics\"", "cookies.category.analytics.purpose: \"Counting visits.\"",
                "cookies.category.functional.name: \"Functional\"", "cookies.category.functional.purpose: \"Remembering choices.\"",
                "cookie.a.purpose: \"A's purpose.\"", "cookie.b.purpose: \"B {retentionDays, plural, one {# day} other {# days}}.\"")) {
            if (!wild(random, 12)) {
                texts.append(key).append('\n');
            }
        }
        write("content/en/messages.yaml", texts.toString());
        StringBuilder tables = new StringBuilder();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?m)^  - id: ([a-z]+)$").matcher(cookies);
        while (id.find()) {
            if (random.nextBoolean()) {
                tables.append("\n```cookie-table ").append(id.group(1)).append("\n```\n");
            }
        }
        if (knownBugs && random.nextBoolean()) {
            tables.append("\n```cookie-table ").append(pick(random, "nope", "", "Necessary")).append("\n```\n");
        }
        write("content/en/privacy.md", basePolicy + tables);
    }

    @Test
    void randomMessageBundles() {
        property("message bundles", 600, Duration.ofSeconds(3), random -> writeRandomBundles(random, false));
    }

    @Test
    void randomMessageBundlesUsingFacts() {
        property("message bundles using facts", 600, Duration.ofSeconds(3), random -> writeRandomBundles(random, true));
    }

    /** Random entries in content/en/messages.yaml; one UI message replaced by random ICU (with facts and typed arguments when {@code facts}). */
    private void writeRandomBundles(Random random, boolean facts) {
        String[] uiKeys = {"toc.title", "meta.effective", "footer.rights", "xref.clause", "nav.skip", "language.name"};
        StringBuilder texts = new StringBuilder();
        int entries = random.nextInt(6);
        for (int i = 0; i < entries; i++) {
            texts.append(pick(random, "cookies.category.necessary.name", "x", "a.b", "'q'", "k" + i, "dup", "dup"))
                    .append(": ").append(random.nextBoolean() ? yamlString(icu(random)) : pick(random, YAML_VALUES)).append('\n');
        }
        write("content/en/messages.yaml", texts.toString());
        String key = pick(random, uiKeys);
        String value = random.nextInt(4) == 0 ? pick(random, YAML_VALUES) : yamlString(icu(random));
        if (!facts) {
            // Typed arguments ({x, number}) in UI messages are a known bug; keep names and syntax, drop the types.
            value = value.replaceAll("\\b(company|retentionDays|incorporated|rate|flag)\\b", "arg")
                    .replaceAll("\\b(number|date|time|plural|selectordinal|select|spellout|ordinal|duration|choice)\\b", "x");
        }
        // language.name is optional (CLDR names a language): the site's own bundle gives it here, to be replaced
        String base = key.equals("language.name") ? baseUiBundle + "language.name: \"English\"\n" : baseUiBundle;
        write("templates/messages/en.yaml", base.replaceFirst("(?m)^" + java.util.regex.Pattern.quote(key) + ": .*$",
                java.util.regex.Matcher.quoteReplacement(key + ": " + value)));
        write("content/en/privacy.md", basePolicy + "\nSee [](#clause-1).\n");
    }

    @Test
    void randomBytesWithoutControlCharacters() {
        property("bytes", 1000, Duration.ofSeconds(3), random -> writeRandomBytes(random, false));
    }

    @Test
    void randomBytesUnrestricted() {
        property("bytes with control characters", 1000, Duration.ofSeconds(3), random -> writeRandomBytes(random, true));
    }

    /** Random bytes, the base policy or site.yaml with bytes flipped, or either followed by random bytes. */
    private void writeRandomBytes(Random random, boolean controlCharacters) {
        boolean policy = random.nextBoolean();
        byte[] base = (policy ? basePolicy : baseSiteYaml).getBytes(StandardCharsets.UTF_8);
        byte[] bytes;
        switch (random.nextInt(3)) {
            case 0 -> {
                bytes = new byte[random.nextInt(400)];
                random.nextBytes(bytes);
            }
            case 1 -> {
                bytes = base.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            default -> {
                byte[] tail = new byte[random.nextInt(200)];
                random.nextBytes(tail);
                bytes = new byte[base.length + tail.length];
                System.arraycopy(base, 0, bytes, 0, base.length);
                System.arraycopy(tail, 0, bytes, base.length, tail.length);
            }
        }
        if (!controlCharacters) {
            for (int i = 0; i < bytes.length; i++) {
                if ((bytes[i] >= 0 && bytes[i] < 0x20 && bytes[i] != '\n' && bytes[i] != '\t') || bytes[i] == 0x7F) {
                    bytes[i] = ' '; // control characters in YAML are a known bug, see randomBytesUnrestricted
                }
            }
        }
        write(policy ? "content/en/privacy.md" : "content/site.yaml", bytes);
    }

    // --- Running cases ---------------------------------------------------------------------------------

    /** Runs up to {@code count} cases (fewer when {@code budget} runs out on a slow machine), each from its own seed. */
    private void property(String name, int plannedCount, Duration plannedBudget, Consumer<Random> writeInput) {
        int count = (int) (plannedCount * SCALE);
        Duration budget = Duration.ofMillis((long) (plannedBudget.toMillis() * SCALE));
        long deadline = System.nanoTime() + budget.toNanos();
        long wallStart = System.nanoTime();
        long cpuStart = processCpuNanos();
        assertTimeoutPreemptively(Duration.ofSeconds((long) (120 * Math.max(1, SCALE))), () -> {
            for (int i = 0; i < count && (i < MINIMUM_CASES || System.nanoTime() < deadline); i++) {
                long seed = SEED ^ ((long) name.hashCode() << 20) ^ i;
                resetSources();
                writeInput.accept(new Random(seed));
                current = name + " case " + i + " (seed " + seed + ")";
                attempt(current);
            }
        }, () -> "a case did not finish: " + current + "\n" + inputs());
        System.out.printf(java.util.Locale.ROOT, "[RandomizedInputTest] %s: %d cases (%.1f s, %.1f s of CPU), %d sites, %d located user errors, %d failures%n",
                name, cases, (System.nanoTime() - wallStart) / 1e9, (processCpuNanos() - cpuStart) / 1e9, sites, userErrors, failures.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " kinds of failure in " + cases + " " + name + " cases:\n" + String.join("\n\n", failures.values()));
        }
        assertTrue(cases >= MINIMUM_CASES, "too few cases ran: " + cases);
    }

    /**
     * Loads the sources as a build does first; only when they load without errors (so a build would
     * go on to render) runs the whole build. A build of sources with errors stops after this same load,
     * so the shortcut changes no outcome and makes thousands of cases affordable.
     */
    private void attempt(String label) {
        cases++;
        try {
            Site loaded = new SiteLoader(executor).load(content, templates);
            List<Finding> findings = new ArrayList<>(loaded.findings());
            findings.addAll(ReferenceChecker.check(loaded));
            checkLocated(label, findings);
            if (findings.stream().anyMatch(Finding::isError)) {
                userErrors++;
                return;
            }
            site.build(out);
            sites++;
        } catch (PrivacySiteException e) {
            userErrors++;
            checkLocated(label, e.findings());
        } catch (Throwable t) {
            StackTraceElement where = java.util.Arrays.stream(t.getStackTrace())
                    .filter(frame -> frame.getClassName().startsWith("org.privacysite")).findFirst().orElse(null);
            Throwable cause = t;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            failures.putIfAbsent(t.getClass().getName() + " " + cause.getClass().getName() + " " + where,
                    label + ": " + t + (cause != t ? " caused by " + cause : "") + " at " + where + "\n" + inputs());
        }
    }

    private void checkLocated(String label, List<Finding> findings) {
        for (Finding finding : findings) {
            boolean located = finding.location() != null && finding.location().file() != null
                    && (finding.location().line() > 0 || WHOLE_FILE_RULES.contains(finding.ruleId()));
            if (!located) {
                failures.putIfAbsent("unlocated " + finding.ruleId(), label + ": a finding without file:line: " + finding + "\n" + inputs());
            }
            if (finding.message() == null || finding.message().isBlank() || finding.message().contains("Exception")) {
                failures.putIfAbsent("message " + finding.ruleId(), label + ": a finding without plain words: " + finding + "\n" + inputs());
            }
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private void resetSources() {
        write("content/site.yaml", baseSiteYaml);
        write("content/en/privacy.md", basePolicy);
        write("templates/messages/en.yaml", baseUiBundle);
    }

    /** The files a case may have changed, for the failure message. */
    private String inputs() {
        StringBuilder text = new StringBuilder();
        try {
            List<String> base = List.of(baseUiBundle.split("\n"));
            for (String line : Files.readAllLines(templates.resolve("messages/en.yaml"), StandardCharsets.UTF_8)) {
                if (!base.contains(line)) {
                    text.append("--- templates/messages/en.yaml (changed line) ---\n").append(line).append('\n');
                }
            }
        } catch (IOException | RuntimeException e) {
            text.append("templates/messages/en.yaml: ").append(e).append('\n');
        }
        for (String file : List.of("content/site.yaml", "content/en/privacy.md", "content/cookies.yaml", "content/en/messages.yaml")) {
            Path path = temp.resolve(file);
            if (Files.isRegularFile(path)) {
                try {
                    String shown = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
                    text.append("--- ").append(file).append(" ---\n").append(shown.length() > 2000 ? shown.substring(0, 2000) + "..." : shown).append('\n');
                } catch (IOException e) {
                    text.append(file).append(": ").append(e).append('\n');
                }
            }
        }
        return text.toString();
    }

    private void write(String relative, String text) {
        write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String relative, byte[] bytes) {
        try {
            Path file = temp.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- Generators --------------------------------------------------------------------------------------

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String icu(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i >= 0; i--) {
            text.append(pick(random, ICU));
        }
        return text.toString();
    }

    private static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** A YAML value: mostly from the list of awkward values, sometimes random text without (or with) braces. */
    private static String yamlValue(Random random, boolean braces) {
        if (random.nextInt(3) == 0) {
            String text = icu(random);
            return yamlString(braces ? text : text.replace("{", "(").replace("}", ")"));
        }
        String value = pick(random, YAML_VALUES);
        return braces ? value : value.replace("{company}", "company").replace("Privacy {", "Privacy").replace("x}", "x");
    }

    /**
     * A valid front matter with up to four mutations: a wild value (ICU included), a lost or doubled
     * line, a stray line, broken fences; {@code unrestricted} adds YAML's {@code ? key} lines and
     * escapes of lone surrogates (known bugs).
     */
    private static String frontMatter(Random random, boolean unrestricted) {
        List<String> lines = new ArrayList<>(List.of("title: Privacy Policy", "description: How we use data.", "effective: 2026-01-01",
                "updated: 2026-02-01"));
        for (int mutation = random.nextInt(5); mutation > 0; mutation--) {
            int at = random.nextInt(lines.size() + 1);
            switch (random.nextInt(7)) {
                case 0, 1 -> {
                    if (at < lines.size()) {
                        String key = lines.get(at).contains(":") ? lines.get(at).substring(0, lines.get(at).indexOf(':')) : "x";
                        lines.set(at, key + ":" + (random.nextInt(15) == 0 ? "" : " ") + yamlValue(random, true));
                    }
                }
                case 2 -> {
                    if (at < lines.size()) {
                        lines.remove(at);
                    }
                }
                case 3 -> {
                    if (at < lines.size()) {
                        lines.add(at, lines.get(at));
                    }
                }
                case 4 -> lines.add(at, pick(random, "extra", "title", "effective", " indented", "- item", "x",
                        unrestricted ? "? complex" : "x") + ": " + yamlValue(random, true));
                case 5 -> lines.add(at, pick(random, "title", "description") + ": "
                        + (unrestricted && random.nextInt(4) == 0 ? "\"\\uD800\"" : yamlString(icu(random))));
                default -> lines.add(at, pick(random, "", "#comment", "  ", "\t", "---", "...", "%YAML 1.2", "&a b: c", "*a: b", ": x"));
            }
        }
        String opening = random.nextInt(15) == 0 ? pick(random, "", "--- \n", "----\n", "---\r\n") : "---\n";
        String closing = random.nextInt(15) == 0 ? pick(random, "", "--- \n", "...\n", "---") : "---\n";
        return opening + String.join("\n", lines) + "\n" + closing + "\nIntro of {company}.\n\n## Clause one {#clause-1}\n\nText.\n";
    }

    private static String siteYaml(Random random) {
        int chaos = chaos(random);
        StringBuilder text = new StringBuilder();
        List<String> keys = new ArrayList<>(List.of("name", "baseUrl", "locales", "documents", "facts", "fallback", "checks"));
        java.util.Collections.shuffle(keys, random);
        for (String key : keys) {
            if (wild(random, chaos * 2)) {
                continue;
            }
            boolean valid = !wild(random, chaos);
            text.append(key).append(": ");
            switch (key) {
                case "name" -> text.append(valid ? "Random Site" : yamlValue(random, true)).append('\n');
                case "baseUrl" -> text.append(valid ? pick(random, "https://random.example.test/", "http://x.example", "https://x.example/sub")
                        : yamlValue(random, true)).append('\n');
                case "locales" -> text.append(valid ? pick(random, "[en]", "[en]", "[en, fr]", "[en, ar, ja]", "[en, de-CH]", "[en, zh-Hant]",
                        "[en, pt-BR, pt]") : yamlValue(random, true)).append('\n');
                case "documents" -> text.append(valid ? pick(random, "[privacy]", "[privacy]", "[privacy, cookies]", "[privacy, privacy]")
                        : yamlValue(random, true)).append('\n');
                case "facts" -> {
                    text.append('\n');
                    for (String fact : List.of("company", "privacyEmail", "retentionDays", "incorporated", "rate", "flag")) {
                        if (!wild(random, chaos * 2)) {
                            text.append("  ").append(wild(random, chaos * 4) ? pick(random, "bad name", "1x", "a-b", "company") : fact).append(": ")
                                    .append(valid || !wild(random, 2) ? defaultFact(fact) : yamlValue(random, true)).append('\n');
                        }
                    }
                }
                case "fallback" -> text.append(valid ? pick(random, "{fr: [privacy]}", "{}") : yamlValue(random, true)).append('\n');
                case "checks" -> text.append(valid ? "{parity.plural-categories: warning, links.broken: off}" : "{x: " + yamlValue(random, true) + "}")
                        .append('\n');
                default -> throw new IllegalStateException(key);
            }
        }
        return text.toString();
    }

    /** How wild a case is: 2 breaks half of everything, 8 an eighth, a million nothing. */
    private static int chaos(Random random) {
        return new int[] {2, 8, 1_000_000}[random.nextInt(3)];
    }

    private static boolean wild(Random random, int chaos) {
        return random.nextInt(chaos) == 0;
    }

    private static String defaultFact(String fact) {
        return switch (fact) {
            case "company" -> "Example Ltd";
            case "privacyEmail" -> "privacy@example.test";
            case "retentionDays" -> "30";
            case "incorporated" -> "2019-03-14";
            case "rate" -> "0.25";
            default -> "true";
        };
    }

    /** cookies.yaml: mostly plausible, sometimes wild; {@code hugeDurations} adds durations over 2^31. */
    private static String cookiesYaml(Random random, boolean hugeDurations) {
        int chaos = chaos(random);
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            text.append("revision: ").append(!wild(random, chaos) ? "2" : yamlValue(random, true)).append('\n');
        }
        if (random.nextBoolean()) {
            text.append("expiryMonths: ").append(!wild(random, chaos) ? String.valueOf(1 + random.nextInt(24)) : pick(random, "0", "25", "-1",
                    yamlValue(random, true))).append('\n');
        }
        if (random.nextBoolean()) {
            text.append("storageName: ").append(!wild(random, chaos) ? "consent_x" : yamlValue(random, true)).append('\n');
        }
        if (random.nextInt(4) == 0) {
            text.append("googleConsentMode: ").append(!wild(random, chaos) ? "true" : yamlValue(random, true)).append('\n');
        }
        if (wild(random, chaos * 4)) {
            text.append("categories: ").append(yamlValue(random, true)).append('\n');
            return text.toString();
        }
        text.append("categories:\n");
        List<String> categories = new ArrayList<>(List.of("necessary", "analytics", "functional"));
        java.util.Collections.shuffle(categories, random);
        for (int c = 0; c < 1 + random.nextInt(3); c++) {
            String id = wild(random, chaos) ? pick(random, "marketing", "x", "Bad Id", yamlValue(random, true)) : categories.get(c);
            text.append("  - id: ").append(id).append('\n');
            if (id.equals("necessary") || random.nextInt(3) == 0) {
                text.append("    required: ").append(!wild(random, chaos) ? (id.equals("necessary") ? "true" : pick(random, "true", "false"))
                        : yamlValue(random, true)).append('\n');
            }
            if (random.nextInt(4) == 0) {
                text.append("    saleOrSharing: ").append(!wild(random, chaos) ? pick(random, "true", "false") : "maybe").append('\n');
            }
            if (random.nextInt(3) == 0) {
                text.append("    scripts:\n      - src: ").append(!wild(random, chaos) ? pick(random, "https://cdn.example/a.js", "/local.js")
                        : pick(random, "http://cdn.example/a.js", "javascript:alert(1)", "//cdn.example/x.js", "data:text/javascript,alert(1)",
                                "https://", "ftp://x/y.js")).append('\n');
            }
            if (random.nextInt(4) == 0) {
                text.append("    googleConsentSignals: ").append(!wild(random, chaos) ? "[analytics_storage]" : pick(random, "[nope]", "analytics_storage", "[]"))
                        .append('\n');
            }
            if (random.nextInt(4) == 0) {
                text.append("    vendors:\n      - name: ").append(!wild(random, chaos) ? "Vendor Ltd" : yamlValue(random, true))
                        .append("\n        privacyPolicy: ").append(pick(random, "https://v.example/p", "javascript:alert(1)", "")).append('\n');
            }
            if (!wild(random, 5)) {
                text.append("    cookies:\n");
                for (int k = random.nextInt(3); k >= 0; k--) {
                    text.append("      - name: ").append(!wild(random, chaos) ? pick(random, "a", "_ga", "\"_pk_id.*\"") : pick(random, "bad name", "x;y"))
                            .append('\n');
                    text.append("        provider: ").append(!wild(random, chaos) ? "Example Ltd" : yamlValue(random, true)).append('\n');
                    if (random.nextBoolean()) {
                        text.append("        party: ").append(!wild(random, chaos) ? pick(random, "first", "third") : "second").append('\n');
                    }
                    text.append("        duration: ").append(!wild(random, chaos) ? pick(random, "session", "13 months", "1 day", "2 years", "0 days")
                            : pick(random, "6", "forever", hugeDurations ? "99999999999 days" : "2147483647 days")).append('\n');
                    text.append("        purpose: ").append(!wild(random, chaos) ? pick(random, "cookie.a.purpose", "cookie.b.purpose")
                            : pick(random, "cookie.z.purpose", "nope", "")).append('\n');
                }
            }
        }
        return text.toString();
    }
}
