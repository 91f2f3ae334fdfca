package org.privacysite.internal.history;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What in cookies.yaml a visitor consents to: the categories and their cookies, vendors and scripts.
 * Texts are message keys ({@code purpose}), so rewording the policy changes none of it.
 */
final class CookieList {

    private CookieList() {
    }

    /** How many times the cookie list changes along {@code versions} (cookies.yaml texts, oldest first). */
    static int changes(List<String> versions) {
        int changes = 0;
        String previous = null;
        for (String text : versions) {
            String list = of(text);
            if (list == null) {
                continue; // a text that does not parse says nothing about the list
            }
            if (previous != null && !previous.equals(list)) {
                changes++;
            }
            previous = list;
        }
        return changes;
    }

    /** The categories of a cookies.yaml text without their message keys, as a canonical string; null if unreadable. */
    static String of(String text) {
        try {
            Object yaml = new Load(LoadSettings.builder().build()).loadFromString(text);
            return yaml instanceof Map<?, ?> map ? Objects.toString(canonical(map.get("categories"))) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> {
                if (!"purpose".equals(key)) {
                    sorted.put(String.valueOf(key), canonical(item));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CookieList::canonical).toList();
        }
        return value;
    }
}
