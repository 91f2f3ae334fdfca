package org.privacysite.internal.xliff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.reader.Event;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.rules.XliffRules;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XLIFF 2 file from a translator, read as untrusted input. A first pass with a locked-down SAX
 * parser refuses any DOCTYPE (so no external entity is ever resolved and no entity can expand into a
 * billion laughs) and notes the line of each unit; only then does Okapi's reader parse and validate
 * the XLIFF itself.
 *
 * @param root           where the {@code <xliff>} element starts
 * @param sourceLanguage {@code srcLang}
 * @param targetLanguage {@code trgLang}, or null when the file has none
 * @param units          the units with a segment, in file order
 */
record XliffDocument(Location file, Location root, String sourceLanguage, String targetLanguage, List<UnitEntry> units) {

    static final String NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0";
    /** Larger than any policy's translation; a bigger file is refused before it is parsed. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** How to fix a damaged tag, in words. */
    static final String TAG_ADVICE = "Tags stand for facts, links and emphasis the site needs: "
            + "copy each tag of the source into the translation exactly once, unchanged";
    /** The inline code elements: a placeholder, a paired code, and the two halves of a split one. */
    private static final java.util.Set<String> CODES = java.util.Set.of("ph", "pc", "sc", "ec");
    private static final Pattern UNIT_IN_MESSAGE = Pattern.compile("<unit> id='([^']*)'");

    /** One unit: its id, where it is written, and its segments joined (this generator writes one per unit). */
    record UnitEntry(String id, Location location, Location targetLocation, Unit unit) {

        /** The unit's (only) segment. */
        Segment segment() {
            return unit.getSegment(0);
        }
    }

    /** Reads and validates {@code path}. */
    static XliffDocument read(Path path) {
        Location file = Location.of(path);
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw PrivacySiteException.at(file, XliffRules.NOT_XLIFF, "the file is larger than "
                        + MAX_BYTES / 1024 / 1024 + " MB; an XLIFF file of the site's policies is far smaller");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw PrivacySiteException.at(file, XliffRules.NOT_XLIFF, "cannot read the file: " + e.getMessage());
        }
        Outline outline = outline(file, bytes);
        List<Finding> tagErrors = outline.tagErrors(file);
        if (!tagErrors.isEmpty()) {
            throw new PrivacySiteException(tagErrors); // in words, before Okapi's reader refuses the same in its own
        }
        List<UnitEntry> units = new ArrayList<>();
        XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MINIMAL);
        try {
            reader.open(new ByteArrayInputStream(bytes));
            while (reader.hasNext()) {
                Event event = reader.next();
                if (event.isUnit()) {
                    Unit unit = event.getUnit();
                    if (unit.getSegmentCount() == 0) {
                        continue;
                    }
                    if (unit.getSegmentCount() > 1) {
                        unit.joinAll(true); // a CAT tool may split a paragraph into sentences
                    }
                    units.add(new UnitEntry(unit.getId(), outline.unitLine(file, unit.getId()),
                            outline.targetLine(file, unit.getId()), unit));
                }
            }
        } catch (net.sf.okapi.lib.xliff2.XLIFFException | IllegalArgumentException e) { // Okapi's reading and validation errors
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            Matcher unit = UNIT_IN_MESSAGE.matcher(message);
            Location where = unit.find() ? outline.unitLine(file, unit.group(1)) : outline.root;
            throw PrivacySiteException.at(where, XliffRules.INVALID, "this is not valid XLIFF 2: "
                    + firstSentence(message) + "; open the file in your CAT tool and save it again, or export again");
        } finally {
            reader.close();
        }
        return new XliffDocument(file, outline.root, outline.sourceLanguage, outline.targetLanguage, List.copyOf(units));
    }

    private static String firstSentence(String message) {
        String[] lines = message.strip().split("\\R");
        String last = lines[lines.length - 1].strip(); // Okapi: "Error in <file>…", "Last element read…", then the reason
        return last.endsWith(".") ? last.substring(0, last.length() - 1) : last;
    }

    /** What the first pass learns: the languages, and the line of each unit and of its target. */
    private static final class Outline extends DefaultHandler {
        private final Location fileLocation;
        private Locator locator;
        private Location root;
        private String sourceLanguage;
        private String targetLanguage;
        private String unit;
        private final Map<String, Integer> unitLines = new HashMap<>();
        private final Map<String, Integer> targetLines = new HashMap<>();
        /** Per unit, the inline codes of its source (id → what it shows) and of its target (ids, repeats kept). */
        private final Map<String, Map<String, String>> sourceCodes = new LinkedHashMap<>();
        private final Map<String, List<String>> targetCodes = new HashMap<>();
        private String inside; // "source", "target" or null
        private int depth;

        Outline(Location file) {
            this.fileLocation = file;
            this.root = file.at(1, 1);
        }

        Location unitLine(Location file, String id) {
            Integer line = unitLines.get(id);
            return line == null ? root : file.at(line, 1);
        }

        Location targetLine(Location file, String id) {
            Integer line = targetLines.get(id);
            return line == null ? unitLine(file, id) : file.at(line, 1);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            int line = locator == null ? 1 : locator.getLineNumber();
            if (depth++ == 0) {
                root = fileLocation.at(line, 1);
                if ("xliff".equals(localName) && uri.startsWith("urn:oasis:names:tc:xliff:document:1.")) {
                    throw new NotXliff("the file is XLIFF " + uri.substring(uri.lastIndexOf(':') + 1) + ", an older version than the XLIFF 2.0"
                            + " that export-translation writes; in the CAT tool, save the translation in the format of the file"
                            + " it was given (XLIFF 2.0), or export the language again and translate that file");
                }
                if (!NAMESPACE.equals(uri) || !"xliff".equals(localName)) {
                    throw new NotXliff("the file is XML but not XLIFF 2: its root element is <" + qName + ">"
                            + (uri.isEmpty() ? "" : " in the namespace " + uri) + ", not <xliff> in " + NAMESPACE);
                }
                sourceLanguage = attributes.getValue("srcLang");
                targetLanguage = attributes.getValue("trgLang");
                return;
            }
            if (!NAMESPACE.equals(uri)) {
                return; // a CAT tool's own elements
            }
            if (localName.equals("unit")) {
                unit = attributes.getValue("id");
                unitLines.putIfAbsent(unit, line);
            } else if (localName.equals("target") && unit != null) {
                targetLines.putIfAbsent(unit, line);
                inside = "target";
                targetCodes.putIfAbsent(unit, new ArrayList<>());
            } else if (localName.equals("source") && unit != null) {
                inside = "source";
                sourceCodes.putIfAbsent(unit, new LinkedHashMap<>());
            } else if (inside != null && CODES.contains(localName) && attributes.getValue("id") != null) {
                String id = attributes.getValue("id");
                if (inside.equals("source")) {
                    String shown = attributes.getValue(localName.equals("pc") ? "dispStart" : "disp");
                    sourceCodes.get(unit).put(id, shown == null ? (localName.equals("ph") ? "a placeholder" : "of a link or of emphasis") : shown);
                } else {
                    targetCodes.get(unit).add(id);
                }
            }
        }

        /** Tags missing from a target, added to it or used twice: the commonest damage to a translation. */
        List<Finding> tagErrors(Location file) {
            List<Finding> errors = new ArrayList<>();
            for (Map.Entry<String, List<String>> target : targetCodes.entrySet()) {
                Map<String, String> source = sourceCodes.getOrDefault(target.getKey(), Map.of());
                List<String> problems = new ArrayList<>();
                for (Map.Entry<String, String> code : source.entrySet()) {
                    int uses = java.util.Collections.frequency(target.getValue(), code.getKey());
                    if (uses == 0) {
                        problems.add("the tag " + code.getValue() + " is missing");
                    } else if (uses > 1) {
                        problems.add("the tag " + code.getValue() + " is used " + uses + " times");
                    }
                }
                target.getValue().stream().filter(id -> !source.containsKey(id)).distinct()
                        .forEach(id -> problems.add("it has a tag (id " + id + ") that the source does not have"));
                if (!problems.isEmpty()) {
                    errors.add(Finding.error(targetLine(file, target.getKey()), XliffRules.TAG, "the translation of unit '"
                            + target.getKey() + "' is not usable: " + String.join("; ", problems) + ". " + XliffDocument.TAG_ADVICE));
                }
            }
            errors.sort(java.util.Comparator.comparingInt(finding -> finding.location().line()));
            return errors;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            depth--;
            if (NAMESPACE.equals(uri) && localName.equals("unit")) {
                unit = null;
            } else if (NAMESPACE.equals(uri) && (localName.equals("source") || localName.equals("target"))) {
                inside = null;
            }
        }
    }

    /** The first pass's own refusal, carried out of the SAX callback. */
    private static final class NotXliff extends SAXException {
        NotXliff(String message) {
            super(message);
        }
    }

    private static Outline outline(Location file, byte[] bytes) {
        Outline outline = new Outline(file);
        try {
            parser().parse(new ByteArrayInputStream(bytes), outline);
        } catch (NotXliff e) {
            throw PrivacySiteException.at(outline.root, XliffRules.NOT_XLIFF, e.getMessage());
        } catch (SAXParseException e) {
            Location where = file.at(Math.max(e.getLineNumber(), 1), Math.max(e.getColumnNumber(), 1));
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw PrivacySiteException.at(where, XliffRules.DOCTYPE, "the file declares a DOCTYPE; XLIFF never needs one, "
                        + "and it is refused unread because its entities could read files on this computer or fill the memory; "
                        + "export the file again from your CAT tool without a DOCTYPE");
            }
            throw PrivacySiteException.at(where, XliffRules.NOT_XLIFF, "the file is not well-formed XML: " + message);
        } catch (SAXException | IOException e) {
            throw PrivacySiteException.at(file, XliffRules.NOT_XLIFF, "the file is not XML: " + e.getMessage());
        }
        return outline;
    }

    /** A SAX parser that refuses DOCTYPEs and never fetches anything. */
    private static SAXParser parser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }
}
