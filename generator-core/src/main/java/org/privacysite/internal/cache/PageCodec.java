package org.privacysite.internal.cache;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.privacysite.Finding;
import org.privacysite.Location;
import org.privacysite.Rule;
import org.privacysite.Severity;
import org.privacysite.internal.content.ArgumentUse;
import org.privacysite.internal.content.Clause;
import org.privacysite.internal.content.ClauseLink;
import org.privacysite.internal.content.CookieTableUse;
import org.privacysite.internal.content.FrontMatter;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageBody;
import org.privacysite.internal.messages.IcuMessage;

/**
 * Writes a parsed page without its Markdown tree (front matter, clauses, links, arguments, findings)
 * and reads it back as the same {@link Page}, whose tree is parsed from the file only if a stage asks
 * for it. Locations in the page's own file are written without the file's name.
 */
final class PageCodec {

    private final Function<String, Optional<Rule>> rules;

    /** @param rules the rule of an id ({@code RuleCatalogue::find}); an unknown id means the cache is from another generator */
    PageCodec(Function<String, Optional<Rule>> rules) {
        this.rules = rules;
    }

    void write(CacheOutput out, Page page) {
        Path home = page.file();
        FrontMatter front = page.frontMatter();
        out.writeText(front.title());
        out.writeText(front.description());
        writeDate(out, front.effective());
        writeDate(out, front.updated());
        out.writeVar(front.values().size());
        front.values().forEach((key, value) -> {
            out.writeText(key);
            writeValue(out, value);
        });
        writeLocation(out, home, front.location());
        out.writeVar(front.locations().size());
        front.locations().forEach((key, location) -> {
            out.writeText(key);
            writeLocation(out, home, location);
        });
        out.writeBoolean(page.setsRules());
        writeLazyPart(out, part -> writeClauses(part, home, page));
        writeLazyPart(out, part -> writeUses(part, home, page));
        out.writeVar(page.bodyLineOffset());
        writeFindings(out, home, page.findings());
    }

    /** A part of the record read only when asked for (LazyList), after its length: most restored pages never are. */
    private static void writeLazyPart(CacheOutput out, java.util.function.Consumer<CacheOutput> writer) {
        CacheOutput part = out.another();
        writer.accept(part);
        out.writeVar(part.size());
        part.appendTo(out);
    }

    private static void writeClauses(CacheOutput out, Path home, Page page) {
        out.writeVar(page.clauses().size());
        for (Clause clause : page.clauses()) {
            out.writeText(clause.key());
            out.writeVar(clause.level());
            out.writeText(clause.number());
            out.writeText(clause.title());
            out.writeText(clause.parentKey());
            out.writeBoolean(clause.local());
            out.writeVar(clause.rules().size());
            clause.rules().forEach((rule, level) -> {
                out.writeText(rule);
                out.writeText(level);
            });
            writeLocation(out, home, clause.location());
            out.writeString(clause.textHash()); // one per clause: not worth a number
        }
    }

    private static void writeUses(CacheOutput out, Path home, Page page) {
        out.writeVar(page.links().size());
        for (ClauseLink link : page.links()) {
            out.writeText(link.document());
            out.writeText(link.key());
            out.writeBoolean(link.crossReference());
            writeLocation(out, home, link.location());
        }
        out.writeVar(page.argumentUses().size());
        for (ArgumentUse use : page.argumentUses()) {
            IcuMessage.Argument argument = use.argument();
            out.writeText(argument.name());
            out.writeText(argument.type());
            out.writeVar(argument.keywords().size());
            argument.keywords().stream().sorted().forEach(out::writeText);
            out.writeVar(argument.index());
            writeLocation(out, home, use.location());
            out.writeBoolean(use.inLinkAddress());
        }
        out.writeVar(page.cookieTables().size());
        for (CookieTableUse table : page.cookieTables()) {
            out.writeText(table.category());
            writeLocation(out, home, table.location());
        }
    }

    /** {@code locale}'s {@code document}, read from {@code file}, its tree parsed on demand by {@code body}. */
    Page read(CacheInput in, String locale, String document, Path file, PageBody body) {
        String title = in.readText();
        String description = in.readText();
        LocalDate effective = readDate(in);
        LocalDate updated = readDate(in);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = in.readVar(); i > 0; i--) {
            values.put(in.readText(), readValue(in));
        }
        Location frontLocation = readLocation(in, file);
        Map<String, Location> locations = new LinkedHashMap<>();
        for (int i = in.readVar(); i > 0; i--) {
            locations.put(in.readText(), readLocation(in, file));
        }
        FrontMatter front = new FrontMatter(title, description, effective, updated, Map.copyOf(values), frontLocation,
                Map.copyOf(locations));
        boolean setsRules = in.readBoolean();
        CacheInput clausesInput = in.slice(in.readVar());
        List<Clause> clauses = new LazyList<>(() -> readClauses(clausesInput, file));
        CacheInput usesInput = in.slice(in.readVar());
        LazyList<Object> uses = new LazyList<>(() -> readUses(usesInput, file));
        int bodyLineOffset = in.readVar();
        List<Finding> findings = readFindings(in, file);
        return new Page(locale, document, file, front, clauses, part(uses, 0, ClauseLink.class),
                part(uses, 1, ArgumentUse.class), part(uses, 2, CookieTableUse.class), body, bodyLineOffset, findings, setsRules);
    }

    private static List<Clause> readClauses(CacheInput in, Path file) {
        List<Clause> clauses = new ArrayList<>();
        for (int i = in.readVar(); i > 0; i--) {
            String key = in.readText();
            int level = in.readVar();
            String number = in.readText();
            String clauseTitle = in.readText();
            String parent = in.readText();
            boolean local = in.readBoolean();
            int ruleCount = in.readVar();
            Map<String, String> clauseRules = ruleCount == 0 ? Map.of() : new LinkedHashMap<>(); // almost every clause has none
            for (int r = ruleCount; r > 0; r--) {
                clauseRules.put(in.readText(), in.readText());
            }
            Location location = readLocation(in, file);
            clauses.add(new Clause(key, level, number, clauseTitle, parent, location, in.readString(), local, Map.copyOf(clauseRules)));
        }
        return clauses;
    }

    /** The {@code index}-th of the lists {@link #readUses} reads, read with them when first used. */
    private static <T> List<T> part(LazyList<Object> uses, int index, Class<T> type) {
        return new LazyList<>(() -> ((List<?>) uses.get(index)).stream().map(type::cast).toList());
    }

    /** The links, ICU argument uses and cookie tables of a page, as three lists. */
    private static List<Object> readUses(CacheInput in, Path file) {
        List<ClauseLink> links = new ArrayList<>();
        for (int i = in.readVar(); i > 0; i--) {
            String target = in.readText();
            String key = in.readText();
            boolean reference = in.readBoolean();
            links.add(new ClauseLink(target, key, reference, readLocation(in, file)));
        }
        List<ArgumentUse> uses = new ArrayList<>();
        for (int i = in.readVar(); i > 0; i--) {
            String name = in.readText();
            String type = in.readText();
            List<String> keywords = new ArrayList<>();
            for (int k = in.readVar(); k > 0; k--) {
                keywords.add(in.readText());
            }
            int index = in.readVar();
            Location location = readLocation(in, file);
            uses.add(new ArgumentUse(new IcuMessage.Argument(name, type, java.util.Set.copyOf(keywords), index), location, in.readBoolean()));
        }
        List<CookieTableUse> tables = new ArrayList<>();
        for (int i = in.readVar(); i > 0; i--) {
            tables.add(new CookieTableUse(in.readText(), readLocation(in, file)));
        }
        return List.of(List.copyOf(links), List.copyOf(uses), List.copyOf(tables));
    }

    /**
     * What other pages take from a page (menus, cross-reference labels, the sitemap, rule settings in
     * headings): its front matter and its clauses' keys, levels, numbers and titles. While it stays the same,
     * an edit of the page changes no other page.
     */
    static byte[] structure(Page page) {
        CacheOutput out = new CacheOutput();
        FrontMatter front = page.frontMatter();
        out.writeString(front.title());
        out.writeString(front.description());
        writeDate(out, front.effective());
        writeDate(out, front.updated());
        new java.util.TreeMap<>(front.values()).forEach((key, value) -> {
            out.writeString(key);
            writeValue(out, value);
        });
        out.writeInt(page.clauses().size());
        page.clauses().forEach(clause -> writeStructure(out, clause));
        return Digests.sha256(out.toByteArray());
    }

    private static void writeStructure(CacheOutput out, Clause clause) {
        out.writeString(clause.key());
        out.writeInt(clause.level());
        out.writeString(clause.number());
        out.writeString(clause.title());
        out.writeString(clause.parentKey());
        out.writeBoolean(clause.local());
        out.writeInt(clause.rules().size());
        new java.util.TreeMap<>(clause.rules()).forEach((rule, level) -> {
            out.writeString(rule);
            out.writeString(level);
        });
    }

    void writeFindings(CacheOutput out, Path home, List<Finding> findings) {
        out.writeVar(findings.size());
        for (Finding finding : findings) {
            writeLocation(out, home, finding.location());
            out.writeText(finding.ruleId());
            out.writeByte(finding.severity().ordinal());
            out.writeText(finding.message());
            out.writeText(finding.clause()); // the clause a rule setting may target
        }
    }

    List<Finding> readFindings(CacheInput in, Path home) {
        int count = in.readVar();
        if (count <= 0) {
            return List.of(); // most pages: read for every page of an incremental build
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = count; i > 0; i--) {
            Location location = readLocation(in, home);
            String id = in.readText();
            Rule rule = rules.apply(id).orElseThrow(() -> new DamagedCache("the rule " + id + " is unknown to this generator"));
            int severity = in.readByte();
            if (severity >= Severity.values().length) {
                throw new DamagedCache("a finding has no severity");
            }
            String message = in.readText();
            String clause = in.readText();
            findings.add(new Finding(location, rule, Severity.values()[severity], message, clause));
        }
        return List.copyOf(findings);
    }

    private static final int NO_LOCATION = 0;
    private static final int HOME = 1;
    private static final int ELSEWHERE = 2;

    static void writeLocation(CacheOutput out, Path home, Location location) {
        if (location == null) {
            out.writeByte(NO_LOCATION);
            return;
        }
        if (home != null && home.equals(location.file())) {
            out.writeByte(HOME);
        } else {
            out.writeByte(ELSEWHERE);
            out.writeText(location.file() == null ? null : location.file().toString());
        }
        out.writeVar(location.line());
        out.writeVar(location.column());
    }

    static Location readLocation(CacheInput in, Path home) {
        int kind = in.readByte();
        if (kind == NO_LOCATION) {
            return null;
        }
        Path file;
        if (kind == HOME) {
            file = home;
        } else if (kind == ELSEWHERE) {
            String name = in.readText();
            file = name == null ? null : Path.of(name);
        } else {
            throw new DamagedCache("a location of unknown kind");
        }
        return new Location(file, in.readVar(), in.readVar());
    }

    private static void writeDate(CacheOutput out, LocalDate date) {
        out.writeBoolean(date != null);
        if (date != null) {
            out.writeLong(date.toEpochDay());
        }
    }

    private static LocalDate readDate(CacheInput in) {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null; // parsing text was a tenth of restoring a page
    }

    /** Front-matter values are scalars: text, whole and decimal numbers, yes/no, dates. */
    private static void writeValue(CacheOutput out, Object value) {
        if (value instanceof String text) {
            out.writeByte('s');
            out.writeString(text);
        } else if (value instanceof Long number) {
            out.writeByte('l');
            out.writeLong(number);
        } else if (value instanceof Double number) {
            out.writeByte('d');
            out.writeLong(Double.doubleToRawLongBits(number));
        } else if (value instanceof Boolean flag) {
            out.writeByte('b');
            out.writeBoolean(flag);
        } else if (value instanceof LocalDate date) {
            out.writeByte('t');
            writeDate(out, date);
        } else {
            throw new NotCacheable("a front-matter value of type " + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private static Object readValue(CacheInput in) {
        return switch (in.readByte()) {
            case 's' -> in.readString();
            case 'l' -> in.readLong();
            case 'd' -> Double.longBitsToDouble(in.readLong());
            case 'b' -> in.readBoolean();
            case 't' -> readDate(in);
            default -> throw new DamagedCache("a front-matter value of unknown type");
        };
    }

    /** A page this codec cannot write faithfully: the run keeps no cache rather than a wrong one. */
    static final class NotCacheable extends RuntimeException {
        NotCacheable(String what) {
            super(what, null, false, false);
        }
    }
}
