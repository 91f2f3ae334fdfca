package org.privacysite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacysite.SampleSite;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The facts of site.yaml (URL, e-mail addresses, phone numbers, the address, the company number) as a
 * reader sees them on the Arabic pages: every character of every occurrence is laid out on screen in
 * its logical order, measured per character with Range.getClientRects. Without direction isolation
 * the phone number shows as "0142 555 1 353+" and this test fails.
 */
class BidiOrderBrowserTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.onSampleSite();

    private final Browser browser = session.browser();

    /** The text facts of the sample's site.yaml that are not Arabic words. */
    @SuppressWarnings("unchecked")
    static List<String> textFacts() throws IOException {
        Map<String, Object> yaml = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(SampleSite.content().resolve("site.yaml")));
        List<String> facts = new ArrayList<>();
        ((Map<String, Object>) yaml.get("facts")).values().forEach(value -> {
            if (value instanceof String text) {
                facts.add(text);
            }
        });
        return facts;
    }

    /** For each occurrence of each value in the page's text: [value, inversions on one line, characters measured]. */
    @SuppressWarnings("unchecked")
    private List<List<Object>> layout(List<String> values) {
        return (List<List<Object>>) browser.js("""
                var values = arguments[0], found = [];
                var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (var node; (node = walker.nextNode());) {
                  values.forEach(function (value) {
                    for (var at = node.data.indexOf(value); at >= 0; at = node.data.indexOf(value, at + 1)) {
                      var boxes = [];
                      for (var i = 0; i < value.length; i++) {
                        if (value[i] === ' ') continue;
                        var range = document.createRange();
                        range.setStart(node, at + i);
                        range.setEnd(node, at + i + 1);
                        var box = range.getBoundingClientRect();
                        if (box.width > 0) boxes.push(box);
                      }
                      var inversions = 0;
                      for (var k = 1; k < boxes.length; k++) {
                        if (Math.abs(boxes[k].top - boxes[k - 1].top) < 2 && boxes[k].left < boxes[k - 1].left) inversions++;
                      }
                      if (boxes.length) found.push([value, inversions, boxes.length]);
                    }
                  });
                }
                return found;
                """, values);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar/privacy/", "ar/cookies/"})
    void factsShowInTheirLogicalOrderOnArabicPages(String page) throws IOException {
        session.open(page);
        assertEquals("rtl", browser.js("return getComputedStyle(document.body).direction;"));
        List<String> values = new ArrayList<>(textFacts());
        values.addAll(List.of("www.dataprotection.ie", "_pk_id"));
        List<List<Object>> occurrences = layout(values);
        if (page.contains("privacy")) {
            for (String fact : List.of("+353 1 555 0142", "+1 415 555 0188", "https://kestrelvpn.example/",
                    "dpo@kestrelvpn.example", "14 Harcourt Street, Dublin 2, D02 K7X4, Ireland", "IE 748213")) {
                assertTrue(occurrences.stream().anyMatch(o -> o.get(0).equals(fact)), fact + " is on the page: " + occurrences);
            }
        }
        assertTrue(occurrences.size() >= 3, "occurrences measured: " + occurrences);
        for (List<Object> occurrence : occurrences) {
            assertEquals(0L, occurrence.get(1), "'" + occurrence.get(0) + "' is shown out of order on " + page);
        }
    }
}
