package org.privacysite.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacysite.CheckResult;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.internal.rules.ParityRules;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class JunitXmlReportTest {

    @TempDir
    Path base;

    @Test
    void oneSuitePerFileWithCountsThatAddUp() throws Exception {
        Element root = parse(Reports.render(ReportFixtures.result(base), ReportFormat.JUNIT, ReportFixtures.options(base)));

        assertEquals("testsuites", root.getTagName());
        List<Element> suites = children(root, "testsuite");
        assertEquals(List.of("content/de/cookies.md", "content/en/privacy.md", "content/fr/privacy.md",
                        "content/ja/プライバシー policy.md", "templates/page.ftlh"),
                suites.stream().map(suite -> suite.getAttribute("name")).toList());
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Element suite : suites) {
            List<Element> cases = children(suite, "testcase");
            assertEquals(cases.size(), Integer.parseInt(suite.getAttribute("tests")), suite.getAttribute("name"));
            long suiteFailures = cases.stream().filter(c -> !children(c, "failure").isEmpty()).count();
            long suiteSkipped = cases.stream().filter(c -> !children(c, "skipped").isEmpty()).count();
            assertEquals(suiteFailures, Long.parseLong(suite.getAttribute("failures")));
            assertEquals(suiteSkipped, Long.parseLong(suite.getAttribute("skipped")));
            assertEquals("0", suite.getAttribute("errors"));
            cases.forEach(c -> assertEquals(suite.getAttribute("name"), c.getAttribute("classname")));
            tests += cases.size();
            failures += (int) suiteFailures;
            skipped += (int) suiteSkipped;
        }
        assertEquals(7, tests); // 6 findings and the clean English file
        assertEquals(3, failures);
        assertEquals(3, skipped);
        assertEquals(String.valueOf(tests), root.getAttribute("tests"));
        assertEquals(String.valueOf(failures), root.getAttribute("failures"));
        assertEquals(String.valueOf(skipped), root.getAttribute("skipped"));

        Element clean = suites.get(1);
        List<Element> cleanCases = children(clean, "testcase");
        assertEquals(1, cleanCases.size());
        assertEquals(JunitXmlReport.CLEAN_CASE, cleanCases.get(0).getAttribute("name"));
        assertFalse(cleanCases.get(0).hasChildNodes());
    }

    @Test
    void failuresCarryMessageRuleAndPlaceEscapedCorrectly() throws Exception {
        Element root = parse(Reports.render(ReportFixtures.result(base), ReportFormat.JUNIT, ReportFixtures.options(base)));
        Element french = children(root, "testsuite").get(2);
        List<Element> cases = children(french, "testcase");
        assertEquals(List.of("icu.syntax (42:5)", "parity.clause-missing (42:5)", "parity.stale (10)"),
                cases.stream().map(c -> c.getAttribute("name")).sorted().toList());

        Element missing = cases.stream().filter(c -> c.getAttribute("name").startsWith("parity.clause-missing")).findFirst().orElseThrow();
        Element failure = children(missing, "failure").get(0);
        assertEquals(ReportFixtures.TRICKY, failure.getAttribute("message"));
        assertEquals("parity.clause-missing", failure.getAttribute("type"));
        assertEquals("content/fr/privacy.md:42:5: error: " + ReportFixtures.TRICKY + " [parity.clause-missing]", failure.getTextContent());

        Element stale = cases.stream().filter(c -> c.getAttribute("name").startsWith("parity.stale")).findFirst().orElseThrow();
        assertTrue(children(stale, "failure").isEmpty(), "warnings do not fail unless strict");
        assertEquals("content/fr/privacy.md:10: warning: clause 'contact' was translated from an older source [parity.stale]",
                children(stale, "skipped").get(0).getTextContent());
    }

    @Test
    void strictTurnsWarningsIntoFailures() throws Exception {
        Element root = parse(Reports.render(ReportFixtures.result(base), ReportFormat.JUNIT, ReportFixtures.options(base).withStrict(true)));
        assertEquals("6", root.getAttribute("failures"));
        assertEquals("0", root.getAttribute("skipped"));
        assertEquals(0, root.getElementsByTagName("skipped").getLength());
        Element stale = (Element) root.getElementsByTagName("failure").item(0);
        assertFalse(stale.getAttribute("type").isEmpty());
    }

    @Test
    void aCleanRunStillShowsOnePassingTest() throws Exception {
        Element root = parse(Reports.render(new CheckResult(List.of(), 12), ReportFormat.JUNIT, ReportOptions.defaults().withBaseDirectory(base)));
        List<Element> suites = children(root, "testsuite");
        assertEquals(1, suites.size());
        assertEquals("1", root.getAttribute("tests"));
        assertEquals("0", root.getAttribute("failures"));
        assertEquals(1, children(suites.get(0), "testcase").size());
    }

    @Test
    void controlCharactersAndLineBreaksDoNotBreakTheXml() throws Exception {
        String message = "bad\u0001char, line\nbreak, tab\tand a lone \ud800 surrogate, emoji 🙂";
        CheckResult result = new CheckResult(List.of(Finding.error(Location.of(base.resolve("a.md")).at(1, 1), ParityRules.CLAUSE_MISSING, message)), 1);
        Element root = parse(Reports.render(result, ReportFormat.JUNIT, ReportOptions.defaults().withBaseDirectory(base)));
        String parsed = ((Element) root.getElementsByTagName("failure").item(0)).getAttribute("message");
        assertEquals("bad\uFFFDchar, line break, tab\tand a lone \uFFFD surrogate, emoji 🙂", parsed);
    }

    @Test
    void sameFindingsGiveTheSameBytesWithoutMachinePaths() {
        String first = Reports.render(ReportFixtures.result(base), ReportFormat.JUNIT, ReportFixtures.options(base));
        String second = Reports.render(ReportFixtures.shuffled(base), ReportFormat.JUNIT, ReportFixtures.options(base));
        assertEquals(first, second);
        assertFalse(first.contains(base.toString()), "no absolute paths");
        assertFalse(first.contains("timestamp"), "no timestamps");
    }

    static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }
}
