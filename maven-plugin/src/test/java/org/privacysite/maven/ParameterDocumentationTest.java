package org.privacysite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What {@code mvn privacy-site:help -Ddetail} prints comes from the plugin descriptor that
 * maven-plugin-plugin writes from the Mojos' Javadoc. The report repeats the shared parameters (it must
 * extend AbstractMavenReport), and its copies once drifted from the goals' (baseUrl "not supported" in one,
 * supported in the other): every goal must describe a shared parameter with the same words and the same
 * user property. What the words claim is checked against behaviour by the help-matches-behaviour IT.
 */
class ParameterDocumentationTest {

    private static final List<String> SHARED = List.of("contentDirectory", "templatesDirectory", "locales", "baseUrl",
            "threads");

    @Test
    void everyGoalDocumentsTheSharedParametersAlike() throws Exception {
        Map<String, Map<String, Element>> goals = descriptor();
        assertTrue(goals.containsKey("translation-status") && goals.containsKey("generate"), goals::toString);
        for (String name : SHARED) {
            Map<String, String> descriptions = new LinkedHashMap<>();
            Map<String, String> properties = new LinkedHashMap<>();
            for (var goal : goals.entrySet()) {
                if (goal.getKey().equals("help") || goal.getKey().equals("init")) {
                    continue; // init reads no site: its contentDirectory and locales say what it writes
                }
                Element parameter = goal.getValue().get(name);
                assertTrue(parameter != null, "goal " + goal.getKey() + " has no parameter " + name);
                descriptions.put(goal.getKey(), text(parameter, "description"));
                properties.put(goal.getKey(), userProperty(goal.getKey(), name));
            }
            assertEquals(1, descriptions.values().stream().distinct().count(),
                    name + " is documented differently per goal: " + descriptions);
            assertEquals(List.of("privacySite." + name), properties.values().stream().distinct().toList(), name + ": " + properties);
        }
    }

    @Test
    void theGoalsThatRenderTheSiteTakeTheDateAsTodayLikeTheCommandLine() throws Exception {
        Map<String, String> described = new LinkedHashMap<>();
        for (var goal : descriptor().entrySet()) {
            Element asOf = goal.getValue().get("asOf");
            if (asOf != null) {
                described.put(goal.getKey(), text(asOf, "description"));
                assertEquals("privacySite.asOf", userProperty(goal.getKey(), "asOf"), goal.getKey());
                assertEquals("java.lang.String", text(asOf, "type"), "parsed by the goal, with a message that shows the form");
            }
        }
        assertEquals(List.of("check", "generate", "serve"), described.keySet().stream().sorted().toList(),
                "the goals whose pages depend on the date, and only they");
        assertEquals(1, described.values().stream().distinct().count(), described::toString);
        String words = described.get("generate");
        assertTrue(words.contains("YYYY-MM-DD") && words.contains("--as-of") && words.contains("SOURCE_DATE_EPOCH"), words);
    }

    /**
     * {@code check} publishes into the directory {@code generate} writes and the report reuses: one user property
     * names it for all three, and the build cache's switches are {@code privacySite.} properties too.
     */
    @Test
    void theCheckThatPublishesNamesItsOutputAndCacheLikeTheOtherGoals() throws Exception {
        Map<String, Map<String, Element>> goals = descriptor();
        assertEquals("privacySite.outputDirectory", userProperty("check", "outputDirectory"));
        assertEquals("privacySite.outputDirectory", userProperty("generate", "outputDirectory"));
        assertEquals("privacySite.outputDirectory", userProperty("translation-status", "privacySiteDirectory"));
        assertEquals("privacySite.cacheDirectory", userProperty("check", "cacheDirectory"));
        assertEquals("privacySite.cache", userProperty("check", "useCache"));
        assertEquals("false", text(goals.get("check").get("outputDirectory"), "required"),
                "without an output directory the check publishes nothing, as before");
        for (String parameter : List.of("outputDirectory", "cacheDirectory", "useCache")) {
            String description = text(goals.get("check").get(parameter), "description");
            assertFalse(description.isEmpty(), "check's " + parameter + " is not documented");
        }
    }

    @Test
    void noParameterClaimsToBeUnsupported() throws Exception {
        List<String> claims = new ArrayList<>();
        for (var goal : descriptor().entrySet()) {
            for (var parameter : goal.getValue().entrySet()) {
                String description = text(parameter.getValue(), "description");
                if (description.contains("Not supported") || description.contains("not supported by this version")) {
                    claims.add(goal.getKey() + "/" + parameter.getKey() + ": " + description);
                }
            }
        }
        assertTrue(claims.isEmpty(), claims::toString);
        String reports = text(descriptor().get("check").get("reportDirectory"), "description");
        for (String file : List.of("TEST-privacy-site.xml", "privacy-site.sarif", "privacy-site.json", "translation-status.html")) {
            assertTrue(reports.contains(file), "reportDirectory's documentation does not name " + file + ": " + reports);
        }
        assertFalse(reports.contains("one report"), reports);
    }

    private static Document document;

    /** goal -> parameter name -> its {@code <parameter>} element, from META-INF/maven/plugin.xml. */
    private static Map<String, Map<String, Element>> descriptor() throws Exception {
        if (document == null) {
            try (InputStream in = ParameterDocumentationTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
                assertTrue(in != null, "no plugin descriptor on the class path (maven-plugin-plugin writes it in process-classes)");
                document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            }
        }
        Map<String, Map<String, Element>> goals = new LinkedHashMap<>();
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            Map<String, Element> parameters = new LinkedHashMap<>();
            Element list = child(mojo, "parameters");
            NodeList items = list == null ? null : list.getElementsByTagName("parameter");
            for (int j = 0; items != null && j < items.getLength(); j++) {
                Element parameter = (Element) items.item(j);
                parameters.put(text(parameter, "name"), parameter);
            }
            goals.put(text(mojo, "goal"), parameters);
        }
        return goals;
    }

    /** The user property of a goal's parameter: {@code ${privacySite.x}} in the mojo's {@code <configuration>}. */
    private static String userProperty(String goal, String parameter) {
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (text(mojo, "goal").equals(goal)) {
                Element value = child(child(mojo, "configuration"), parameter);
                return value == null ? "" : value.getTextContent().trim().replaceAll("^\\$\\{(.*)}$", "$1");
            }
        }
        return "";
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.getTextContent().trim();
    }
}
