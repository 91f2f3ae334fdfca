package org.privacysite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.privacysite.internal.rules.RuleDocumentation;

/**
 * The catalogue is complete both ways: every rule a class declares is in it, and every rule in it is
 * raised and asserted by some test. Its documents (docs/rules.md, the README's table) are generated from it.
 */
class RuleCatalogueTest {

    /** Set to rewrite docs/rules.md and the README's rule table instead of failing when they are out of date. */
    private static final boolean UPDATE = Boolean.getBoolean("privacy-site.update-docs");

    /**
     * Rules no test can raise on this machine, each with the reason. Keep this list short: a rule here is
     * documented but unproven.
     */
    private static final Map<String, String> NOT_RAISED_BY_TESTS = Map.of(
            "template.directory", "needs a templates directory the build cannot list; tests run as root, who can list any",
            "template.io", "needs a template that disappears or becomes unreadable between listing and rendering",
            "source.changed", "needs a file that changes between two reads of one parse; a race no test can time");

    @Test
    void everyDeclaredRuleIsInTheCatalogue() throws IOException, URISyntaxException, IllegalAccessException {
        Path classes = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> missing = new ArrayList<>();
        int declared = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Rules.class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name);
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
                for (Field field : type.getDeclaredFields()) {
                    if (field.getType() == Rule.class && Modifier.isStatic(field.getModifiers())) {
                        declared++;
                        Rule rule = (Rule) field.get(null);
                        if (RuleCatalogue.find(rule.id()).orElse(null) != rule) {
                            missing.add(name + "." + field.getName() + " (" + rule.id() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "declared but not listed in RuleCatalogue");
        assertEquals(RuleCatalogue.all().size(), declared, "the catalogue lists a rule no *Rules class declares");
    }

    @Test
    void everyRuleInTheCatalogueIsRaisedAndAssertedBySomeTest() throws IOException {
        // A test asserts a rule by its id ("parity.clause-missing", or "[parity.clause-missing]" in CLI output)
        // or by its constant (ParityRules.CLAUSE_MISSING); report fixtures that merely format a finding do not count.
        StringBuilder tests = new StringBuilder();
        Path root = Path.of("src/test/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("RuleCatalogueTest.java") && !name.equals("ReportFixtures.java")) {
                    tests.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        Set<String> constants = constantsById();
        List<String> unasserted = new ArrayList<>();
        for (Rule rule : RuleCatalogue.all()) {
            boolean asserted = tests.indexOf("\"" + rule.id() + "\"") >= 0 || tests.indexOf("[" + rule.id() + "]") >= 0
                    || constants.stream().anyMatch(c -> c.startsWith(rule.id() + "=") && tests.indexOf(c.substring(c.indexOf('=') + 1)) >= 0);
            if (!asserted && !NOT_RAISED_BY_TESTS.containsKey(rule.id())) {
                unasserted.add(rule.id());
            }
        }
        assertEquals(List.of(), unasserted, "rules that no test raises and asserts: add a test with a small fixture");
        for (String id : NOT_RAISED_BY_TESTS.keySet()) {
            assertTrue(RuleCatalogue.find(id).isPresent(), id + " is excused but is not in the catalogue any more");
        }
    }

    /** "id=XxxRules.NAME" for every rule constant of the catalogue's classes, read from their sources. */
    private static Set<String> constantsById() throws IOException {
        Set<String> constants = new HashSet<>();
        Pattern declaration = Pattern.compile("public static final Rule (\\w+) = Rule\\.\\w+\\(\"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Rules.java")).toList()) {
                String type = file.getFileName().toString().replace(".java", "");
                Matcher matcher = declaration.matcher(Files.readString(file));
                while (matcher.find()) {
                    constants.add(matcher.group(2) + "=" + type + "." + matcher.group(1));
                }
            }
        }
        return constants;
    }

    @Test
    void idsAreUniqueAndEveryRuleIsDocumented() {
        Set<String> ids = new HashSet<>();
        for (Rule rule : RuleCatalogue.all()) {
            assertTrue(ids.add(rule.id()), rule.id());
            assertTrue(rule.title().length() < 60, "a title is a short phrase: " + rule.id());
            assertTrue(rule.protects().endsWith(".") && rule.fix().endsWith("."), "whole sentences: " + rule.id());
        }
    }

    @Test
    void docsRulesMdAndTheReadmeTableAreGeneratedFromTheCatalogue() throws IOException {
        Path docs = Path.of("../docs/rules.md");
        String pages = RuleDocumentation.markdownPages(RuleCatalogue.all());
        Path readme = Path.of("../README.md");
        String text = Files.readString(readme);
        String begin = "<!-- rules:begin (generated by RuleCatalogueTest) -->\n";
        String end = "<!-- rules:end -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, "README.md needs the markers " + begin.trim() + " and " + end);
        String updated = text.substring(0, from + begin.length()) + RuleDocumentation.markdownTable(RuleCatalogue.all())
                + text.substring(to);
        if (UPDATE) {
            Files.writeString(docs, pages);
            Files.writeString(readme, updated);
            text = updated;
        }
        String hint = "; run: mvn -pl generator-core test -Dtest=RuleCatalogueTest -Dprivacy-site.update-docs=true";
        assertEquals(pages, Files.exists(docs) ? Files.readString(docs) : "", "docs/rules.md is out of date" + hint);
        assertEquals(updated, text, "README.md's rule table is out of date" + hint);
    }
}
