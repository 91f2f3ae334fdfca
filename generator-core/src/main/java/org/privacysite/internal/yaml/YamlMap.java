package org.privacysite.internal.yaml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.YamlRules;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping that remembers where each value was written, so that a wrong type is reported at
 * its own {@code file:line:col}. Values are read with the type the caller expects.
 */
public final class YamlMap {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Location location;
    private final Map<String, Node> entries = new LinkedHashMap<>();
    private final Map<String, Location> keyLocations = new LinkedHashMap<>();
    private final int lineOffset;

    YamlMap(Location file, MappingNode node, int lineOffset) {
        this.lineOffset = lineOffset;
        this.location = locate(file, node, lineOffset);
        for (NodeTuple tuple : node.getValue()) {
            Location keyLocation = locate(file, tuple.getKeyNode(), lineOffset);
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw PrivacySiteException.at(keyLocation, YamlRules.SYNTAX, "a key must be plain text");
            }
            String key = keyNode.getValue();
            if (entries.containsKey(key)) {
                throw PrivacySiteException.at(keyLocation, YamlRules.DUPLICATE_KEY, "'" + key + "' is written twice");
            }
            entries.put(key, tuple.getValueNode());
            keyLocations.put(key, keyLocation);
        }
    }

    static Location locate(Location file, Node node, int lineOffset) {
        return node.getStartMark()
                .map(mark -> file.at(mark.getLine() + 1 + lineOffset, mark.getColumn() + 1))
                .orElse(file);
    }

    /**
     * The column of the {@code index}-th character of the value of {@code key}, on its first line:
     * after the opening quote, counting YAML's escapes ({@code ''} in single quotes, {@code \x} in double).
     */
    public Location locationInValue(String key, int index) {
        Location start = locationOf(key);
        if (!(entries.get(key) instanceof ScalarNode scalar)) {
            return start;
        }
        String value = scalar.getValue();
        int extra = 0;
        switch (scalar.getScalarStyle()) {
            case SINGLE_QUOTED -> {
                extra = 1;
                for (int i = 0; i < index && i < value.length(); i++) {
                    extra += value.charAt(i) == '\'' ? 1 : 0;
                }
            }
            case DOUBLE_QUOTED -> {
                extra = 1;
                for (int i = 0; i < index && i < value.length(); i++) {
                    extra += value.charAt(i) == '"' || value.charAt(i) == '\\' ? 1 : 0;
                }
            }
            default -> extra = 0;
        }
        return start.at(start.line(), start.column() + extra + index);
    }

    /** Where this mapping starts. */
    public Location location() {
        return location;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key) && !isNull(entries.get(key));
    }

    /** Where the value of {@code key} is written, or the map itself when the key is absent. */
    public Location locationOf(String key) {
        Node node = entries.get(key);
        return node == null ? location : locate(location, node, lineOffset);
    }

    /** Where the key itself is written. */
    public Location keyLocation(String key) {
        return keyLocations.getOrDefault(key, location);
    }

    public String requireString(String key) {
        require(key);
        return string(key, null);
    }

    public String string(String key, String fallback) {
        Node node = entries.get(key);
        if (node == null || isNull(node)) {
            return fallback;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw wrongType(key, "text");
        }
        return checkedText(scalar.getValue(), locationOf(key));
    }

    public int integer(String key, int fallback) {
        Object value = scalar(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Long number) || number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw wrongType(key, "a whole number");
        }
        return number.intValue();
    }

    public boolean bool(String key, boolean fallback) {
        Object value = scalar(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw wrongType(key, "true or false");
        }
        return b;
    }

    public LocalDate date(String key) {
        Object value = scalar(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof LocalDate date)) {
            throw wrongType(key, "a date written as YYYY-MM-DD");
        }
        return date;
    }

    /**
     * A scalar with its natural type: String, Long, Double, Boolean, LocalDate (for YYYY-MM-DD) or null.
     */
    public Object scalar(String key) {
        Node node = entries.get(key);
        if (node == null || isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw wrongType(key, "a single value");
        }
        return typed(scalar, locationOf(key));
    }

    public List<String> requireStringList(String key) {
        require(key);
        Node node = entries.get(key);
        if (!(node instanceof SequenceNode sequence)) {
            throw wrongType(key, "a list");
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                throw PrivacySiteException.at(locate(location, item, lineOffset), YamlRules.TYPE,
                        "each entry of '" + key + "' must be a single value");
            }
            values.add(scalar.getValue());
        }
        return values;
    }

    /** The location of the {@code index}-th entry of a list value. */
    public Location locationOf(String key, int index) {
        Node node = entries.get(key);
        if (node instanceof SequenceNode sequence && index < sequence.getValue().size()) {
            return locate(location, sequence.getValue().get(index), lineOffset);
        }
        return locationOf(key);
    }

    /** Whether the value of {@code key} is a map (as opposed to a single value or a list). */
    public boolean isMap(String key) {
        return entries.get(key) instanceof MappingNode;
    }

    public YamlMap map(String key) {
        Node node = entries.get(key);
        if (node == null || isNull(node)) {
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw wrongType(key, "a map of 'name: value' lines");
        }
        return new YamlMap(location, mapping, lineOffset);
    }

    public List<YamlMap> mapList(String key) {
        Node node = entries.get(key);
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw wrongType(key, "a list");
        }
        List<YamlMap> maps = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                throw PrivacySiteException.at(locate(location, item, lineOffset), YamlRules.TYPE,
                        "each entry of '" + key + "' must be a map of 'name: value' lines");
            }
            maps.add(new YamlMap(location, mapping, lineOffset));
        }
        return maps;
    }

    private void require(String key) {
        if (!has(key)) {
            throw PrivacySiteException.at(location, YamlRules.MISSING_KEY, "'" + key + "' is required here");
        }
    }

    private PrivacySiteException wrongType(String key, String expected) {
        return PrivacySiteException.at(locationOf(key), YamlRules.TYPE, "'" + key + "' must be " + expected);
    }

    /** A "\\uD800" escape yields a lone surrogate, which no page can encode: refuse it where it is written. */
    private static String checkedText(String text, Location where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw PrivacySiteException.at(where, YamlRules.CHARACTER, "the text contains an invalid character (a lone \\u"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " escape); remove it");
            }
        }
        return text;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    private static Object typed(ScalarNode scalar, Location where) {
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        try {
            if (Tag.INT.equals(tag)) {
                return Long.parseLong(text.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            throw PrivacySiteException.at(where, YamlRules.TYPE, "'" + text + "' is not a number this tool can read");
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(text);
        }
        if (ISO_DATE.matcher(text).matches() && Tag.STR.equals(tag)) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw PrivacySiteException.at(where, YamlRules.TYPE, "'" + text + "' is not a valid date");
            }
        }
        return checkedText(text, where);
    }
}
