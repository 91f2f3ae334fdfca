package org.privacysite.internal.yaml;

import java.util.Optional;

import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.YamlRules;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads YAML text into a {@link YamlMap}, turning syntax errors into {@code file:line:col} findings. */
public final class YamlReader {

    private YamlReader() {
    }

    /**
     * @param file       where the text comes from, for messages
     * @param text       the YAML text
     * @param lineOffset lines before the text in its file (front matter starts at line 2)
     */
    public static YamlMap readMap(Location file, String text, int lineOffset) {
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(file.displayPath())
                    .setAllowDuplicateKeys(false)
                    .setAllowNonScalarKeys(true) // so YamlMap reports such a key at its own line
                    .setMaxAliasesForCollections(10)
                    .setCodePointLimit(5 * 1024 * 1024)
                    .build();
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Location where = e.getProblemMark().map(mark -> position(file, mark, lineOffset)).orElse(file);
            throw PrivacySiteException.at(where, YamlRules.SYNTAX, "YAML syntax error: " + e.getProblem());
        } catch (YamlEngineException e) {
            // No position from the parser: point at the character it refused, else the first line.
            throw PrivacySiteException.at(firstSpecialCharacter(file, text, lineOffset), YamlRules.SYNTAX, "YAML error: " + e.getMessage());
        }
        if (root.isEmpty()) {
            // An empty document has no position of its own: point at its first line.
            return new YamlMap(file.at(Math.max(1, lineOffset), 1), new MappingNode(org.snakeyaml.engine.v2.nodes.Tag.MAP,
                    java.util.List.of(), org.snakeyaml.engine.v2.common.FlowStyle.AUTO), lineOffset);
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            throw PrivacySiteException.at(YamlMap.locate(file, root.get(), lineOffset), YamlRules.TYPE,
                    "expected 'name: value' lines here");
        }
        return new YamlMap(file, mapping, lineOffset);
    }

    /** The first character YAML does not allow in a document (control characters), or the first line. */
    private static Location firstSpecialCharacter(Location file, String text, int lineOffset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if ((c < 0x20 && c != '\t' && c != '\r') || (c >= 0x7f && c <= 0x9f && c != 0x85) || c == 0xfffe || c == 0xffff) {
                return file.at(line + lineOffset, column);
            }
            column++;
        }
        return file.at(Math.max(1, lineOffset), 1);
    }

    private static Location position(Location file, Mark mark, int lineOffset) {
        return file.at(mark.getLine() + 1 + lineOffset, mark.getColumn() + 1);
    }
}
