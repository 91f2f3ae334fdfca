package org.privacysite.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void prettyPrintsNestedValuesForReportFiles() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("empty", Map.of());
        value.put("list", List.of(1, 2L, true, "x"));
        value.put("none", null);
        value.put("nothing", List.of());
        assertEquals("{\n  \"empty\": {},\n  \"list\": [\n    1,\n    2,\n    true,\n    \"x\"\n  ],\n  \"none\": null,\n  \"nothing\": []\n}\n",
                Json.write(value));
    }

    @Test
    void compactIsOneLineAndSafeInsideHtml() {
        assertEquals("{\"a\":[1,true,null,\"x\\\"\\n\\u003c/script\\u003e\"]}",
                Json.writeCompact(Map.of("a", Arrays.asList(1, true, null, "x\"\n</script>"))));
    }
}
