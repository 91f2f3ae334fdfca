import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a synthetic multilingual privacy site twice: in the privacy-site content format and as a
 * Hugo site with the same text, so that both tools render the same pages. Deterministic: the same
 * seed and parameters give byte-identical files.
 *
 * <pre>
 * java bench/src/SyntheticSite.java --out DIR [--seed 42] [--locales 10] [--documents 100]
 *      [--clauses 16] [--templates templates]
 * </pre>
 *
 * Writes DIR/ours/content, DIR/ours/templates (the built-in theme's files, as --templates gives them, plus a UI bundle per
 * locale: a copy of en.yaml with the language's own name) and DIR/hugo (config.toml, content/LOCALE,
 * layouts, static). Plain Java 17, no dependencies: run it with the single-file source launcher.
 */
public final class SyntheticSite {

    /**
     * Real BCP 47 language codes, the source language first. Two are written right to left (ar, he), and
     * one of them is among the first ten, so that the 1,000-page site (10 locales) has one too.
     */
    static final String[] LOCALES = {"en", "fr", "de", "ar", "es", "it", "nl", "pt", "pl", "sv",
            "da", "fi", "cs", "hu", "ro", "el", "he", "ja", "ko", "zh"};
    /**
     * Beyond the 20 languages (the 50k site has 100 locales, so that its pages are as large as the 10k site's):
     * each language again with these regions, e.g. fr-CH, written with the language's words and rules.
     */
    static final String[] REGIONS = {"CH", "BE", "CA", "AT"};

    /** The language of a locale: {@code fr} for {@code fr-CH}. */
    static String language(String locale) {
        int dash = locale.indexOf('-');
        return dash < 0 ? locale : locale.substring(0, dash);
    }

    /** The language's own name, with the region for a regional variant: "Français (CH)". */
    static String nativeName(String locale) {
        String name = NATIVE_NAMES.get(language(locale));
        return locale.equals(language(locale)) ? name : name + " (" + locale.substring(locale.indexOf('-') + 1) + ")";
    }

    /** The locales written right to left: Hugo gets {@code languageDirection = "rtl"} for them. */
    static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he");
    static final Map<String, String> NATIVE_NAMES = Map.ofEntries(
            Map.entry("en", "English"), Map.entry("fr", "Français"), Map.entry("de", "Deutsch"),
            Map.entry("es", "Español"), Map.entry("it", "Italiano"), Map.entry("nl", "Nederlands"),
            Map.entry("pt", "Português"), Map.entry("pl", "Polski"), Map.entry("sv", "Svenska"),
            Map.entry("da", "Dansk"), Map.entry("fi", "Suomi"), Map.entry("cs", "Čeština"),
            Map.entry("sk", "Slovenčina"), Map.entry("hu", "Magyar"), Map.entry("ro", "Română"),
            Map.entry("bg", "Български"), Map.entry("el", "Ελληνικά"), Map.entry("ja", "日本語"),
            Map.entry("ko", "한국어"), Map.entry("zh", "中文"), Map.entry("ar", "العربية"),
            Map.entry("he", "עברית"));

    /** Syllables of a pseudo-language per locale, in the locale's script and with its letters. */
    static final Map<String, String[]> SYLLABLES = Map.ofEntries(
            Map.entry("fr", "la,re,de,on,que,ment,tion,é,pro,con,ser,vé,ç,ai,eau,par,té,è".split(",")),
            Map.entry("de", "der,ung,ge,ver,ten,ä,sch,ei,ch,ö,ü,ß,lich,keit,an,be,nen".split(",")),
            Map.entry("es", "la,de,ción,es,ra,ñ,mos,to,ter,da,pro,á,í,men,te,ón".split(",")),
            Map.entry("it", "la,zio,ne,di,to,gi,re,che,men,ta,ù,à,pro,con,li".split(",")),
            Map.entry("nl", "de,ver,ge,ij,oe,en,aa,sch,heid,ing,lijk,van,ten,oo".split(",")),
            Map.entry("pt", "ção,de,ra,ões,do,ã,men,te,pro,es,lh,nh,ê,ti,da".split(",")),
            Map.entry("pl", "prze,wa,ni,ść,ż,ł,cz,sz,ą,ę,ow,ski,dzi,nie,ja,ró".split(",")),
            Map.entry("sv", "för,ing,en,ä,å,ö,het,lig,ska,de,ter,upp,gif,sk".split(",")),
            Map.entry("da", "for,ø,æ,å,ning,en,de,hed,lig,ske,ger,op,til,af".split(",")),
            Map.entry("fi", "tie,to,jen,ä,ö,kä,lle,ssa,sta,mi,nen,hen,ki,lö,tus".split(",")),
            Map.entry("cs", "ř,č,ní,pro,vá,ů,ě,ž,š,ost,ky,ta,ra,dě,vy".split(",")),
            Map.entry("sk", "ä,ô,ní,pra,vo,ľ,č,ž,ie,ť,osť,ky,da,na,ú".split(",")),
            Map.entry("hu", "ő,ű,sze,mé,lyes,ada,tok,ke,zé,gy,ás,és,ból,nak".split(",")),
            Map.entry("ro", "ț,ș,ă,î,â,re,lor,ea,ul,pri,vi,ne,te,ri".split(",")),
            Map.entry("bg", "да,ни,те,ва,про,лич,ни,ще,ът,ия,за,ко,ра,ст".split(",")),
            Map.entry("el", "δε,δο,μέ,να,προ,σω,πι,κά,τα,ση,ου,ει,λη,ψη".split(",")),
            Map.entry("ar", "ال,بي,نا,ت,خص,وص,ية,مع,لو,م,حق,وق,شر,كة,سا,ب".split(",")),
            Map.entry("he", "מי,דע,פר,טי,ות,של,נו,זכ,וי,ות,חב,רה,שי,רות,ים".split(",")),
            Map.entry("ja", "個人,情報,の,を,は,取扱,に,関,する,利用,目的,保存,期間,当社,提供".split(",")),
            Map.entry("ko", "개인,정보,를,의,처리,이용,목적,보관,기간,회사,제공,에,관한".split(",")),
            Map.entry("zh", "个人,信息,的,处理,使用,目的,保存,期限,公司,提供,我们,您,数据".split(",")));

    static final String[] ENGLISH = ("personal data, account, service, processing, purpose, legal basis, consent, "
            + "retention, controller, processor, recipient, transfer, request, right, access, erasure, rectification, "
            + "objection, portability, restriction, complaint, authority, security, encryption, backup, payment, "
            + "invoice, subscription, device, application, website, cookie, identifier, log, record, period, contract, "
            + "obligation, interest, safeguard, clause, provider, partner, affiliate, support, communication, "
            + "notification, breach, incident, audit, policy, update, customer, user, visitor, employee, supplier, "
            + "country, region, law, regulation, decision, profile, preference, setting, feature").split(",\\s*");
    static final String[] VERBS = ("collect, use, share, keep, delete, protect, process, transfer, disclose, "
            + "review, store, encrypt, anonymise, limit, notify, request, receive, provide, update, restrict")
            .split(",\\s*");
    static final String[] TOPICS = ("who-we-are, controller, scope, data-we-collect, account-data, payment-data, "
            + "usage-data, purposes, legal-bases, consent, legitimate-interests, sharing, processors, transfers, "
            + "retention, security, your-rights, access, erasure, portability, objection, complaints, children, "
            + "cookies, marketing, automated-decisions, changes, contact, definitions, breaches, requests, "
            + "business-accounts, analytics, support").split(",\\s*");
    static final String[] DOCUMENT_TOPICS = ("privacy, cookies, terms, retention, subprocessors, dpa, employees, "
            + "candidates, suppliers, california, children, marketing, security, transparency, law-enforcement")
            .split(",\\s*");

    /** A plural fact: its value and its unit per locale (English; the other locales get pseudo-words). */
    record PluralFact(String name, int value, String one, String other) {
    }

    static final List<PluralFact> PLURALS = List.of(
            new PluralFact("retentionDays", 30, "day", "days"),
            new PluralFact("billingRetentionYears", 7, "year", "years"),
            new PluralFact("supportRetentionMonths", 24, "month", "months"),
            new PluralFact("breachNotificationHours", 72, "hour", "hours"),
            new PluralFact("logRetentionDays", 90, "day", "days"),
            new PluralFact("noticeYears", 1, "year", "years"));
    static final Map<String, String> TEXT_FACTS = new LinkedHashMap<>();
    static {
        TEXT_FACTS.put("company", "Synthetic Networks Limited");
        TEXT_FACTS.put("product", "Synthetic VPN");
        TEXT_FACTS.put("privacyEmail", "privacy@synthetic.example");
        TEXT_FACTS.put("dpoEmail", "dpo@synthetic.example");
        TEXT_FACTS.put("website", "https://synthetic.example/");
    }
    static final LocalDate INCORPORATED = LocalDate.of(2019, 3, 14);

    // ---------------------------------------------------------------------------------------------
    // The structure shared by all locales: documents, their clauses, their blocks.

    record Clause(String key, int level, String number, List<Block> blocks) {
    }

    /** A block of a clause; the text is made per locale from the block's seed. */
    record Block(char kind, long seed, int size) {
    }

    record Document(String name, int index, List<Clause> clauses) {
        Clause clause(String key) {
            return clauses.stream().filter(c -> c.key.equals(key)).findFirst().orElseThrow();
        }
    }

    final long seed;
    final List<String> locales;
    final List<Document> documents = new ArrayList<>();

    SyntheticSite(long seed, int localeCount, int documentCount, int clauseCount) {
        this.seed = seed;
        if (localeCount < 1 || localeCount > LOCALES.length * (REGIONS.length + 1)) {
            throw new IllegalArgumentException("--locales must be 1.." + LOCALES.length * (REGIONS.length + 1));
        }
        List<String> all = new ArrayList<>(List.of(LOCALES));
        for (String region : REGIONS) {
            for (String language : LOCALES) {
                all.add(language + "-" + region);
            }
        }
        this.locales = all.subList(0, localeCount);
        for (int d = 0; d < documentCount; d++) {
            String topic = DOCUMENT_TOPICS[d % DOCUMENT_TOPICS.length];
            String name = d < DOCUMENT_TOPICS.length ? topic : topic + "-" + (d / DOCUMENT_TOPICS.length + 1);
            documents.add(new Document(name, d, clauses(new Random(seed * 1_000_003L + d), clauseCount)));
        }
    }

    private static List<Clause> clauses(Random random, int count) {
        List<Clause> clauses = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int[] counters = new int[5];
        int previous = 1;
        for (int i = 0; i < count; i++) {
            int level;
            double r = random.nextDouble();
            if (previous < 2 || r < 0.4) {
                level = 2;
            } else if (previous == 2 || r < 0.8) {
                level = 3;
            } else {
                level = 4; // previous is 3 or 4
            }
            counters[level]++;
            for (int deeper = level + 1; deeper < counters.length; deeper++) {
                counters[deeper] = 0;
            }
            StringBuilder number = new StringBuilder();
            for (int l = 2; l <= level; l++) {
                number.append(l > 2 ? "." : "").append(counters[l]);
            }
            String key = TOPICS[random.nextInt(TOPICS.length)];
            for (int n = 2; !keys.add(key); n++) {
                key = TOPICS[random.nextInt(TOPICS.length)] + "-" + n;
            }
            List<Block> blocks = new ArrayList<>();
            int paragraphs = 1 + random.nextInt(3);
            for (int p = 0; p < paragraphs; p++) {
                blocks.add(new Block('p', random.nextLong(), 2 + random.nextInt(4)));
            }
            if (random.nextDouble() < 0.35) {
                blocks.add(1, new Block(random.nextDouble() < 0.3 ? 'L' : 'l', random.nextLong(), 3 + random.nextInt(4)));
            }
            if (random.nextDouble() < 0.12) {
                blocks.add(new Block('t', random.nextLong(), 3 + random.nextInt(4)));
            }
            clauses.add(new Clause(key, level, number.toString(), blocks));
            previous = level;
        }
        return clauses;
    }

    // ---------------------------------------------------------------------------------------------
    // Text per locale. Every inline element is written twice: for privacy-site (ICU, [](#key)) and
    // for Hugo (formatted text, resolved links).

    /** Two renderings of the same text. */
    static final class Text {
        final StringBuilder ours = new StringBuilder();
        final StringBuilder hugo = new StringBuilder();

        Text both(String s) {
            ours.append(s);
            hugo.append(s);
            return this;
        }

        Text each(String forOurs, String forHugo) {
            ours.append(forOurs);
            hugo.append(forHugo);
            return this;
        }
    }

    /**
     * Writes the text of one block in one locale. What the text says (ICU arguments, links, list
     * items, table rows) comes from {@code structure}, seeded by the block alone, so every
     * translation has the same arguments, links and shape as the source (the parity check compares
     * them); only the words, from {@code words}, differ by locale.
     */
    final class Writer {
        final String locale;
        final Random structure;
        final Random words;
        final Document document;
        final boolean cjk;

        Writer(String locale, Document document, long blockSeed) {
            this.locale = locale;
            this.document = document;
            this.structure = new Random(blockSeed);
            this.words = new Random(blockSeed * 31 + locale.hashCode());
            this.cjk = language(locale).equals("ja") || language(locale).equals("zh") || language(locale).equals("ko");
        }

        String word() {
            if (language(locale).equals("en")) {
                return words.nextDouble() < 0.2 ? VERBS[words.nextInt(VERBS.length)] : ENGLISH[words.nextInt(ENGLISH.length)];
            }
            String[] syllables = SYLLABLES.get(language(locale));
            StringBuilder word = new StringBuilder();
            int n = 1 + words.nextInt(3);
            for (int i = 0; i < n; i++) {
                word.append(syllables[words.nextInt(syllables.length)]);
            }
            return word.toString();
        }

        String words(int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0 && !(cjk && !language(locale).equals("ko"))) {
                    s.append(' ');
                }
                s.append(word());
            }
            return s.toString();
        }

        /** About {@code n} words: translations are a little longer or shorter than the source. */
        String about(int n) {
            return words(Math.max(1, n - 1 + words.nextInt(3)));
        }

        String capitalized(int n) {
            String s = about(n);
            return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        }

        String stop() {
            return cjk && !language(locale).equals("ko") ? "。" : ". ";
        }

        /** One sentence with, by chance, ICU arguments, cross-references and links. */
        void sentence(Text text, boolean rich) {
            text.both(capitalized(4 + structure.nextInt(10)));
            if (rich) {
                double r = structure.nextDouble();
                if (r < 0.30) {
                    text.both(" ");
                    plural(text, PLURALS.get(structure.nextInt(PLURALS.size())));
                } else if (r < 0.40) {
                    text.both(" ").each("{effective, date, long}", longDate(effective(document)));
                } else if (r < 0.50) {
                    text.both(" ").each("{incorporated, date, long}", longDate(INCORPORATED));
                } else if (r < 0.65) {
                    String fact = structure.nextBoolean() ? "company" : "product";
                    text.both(" ").each("{" + fact + "}", TEXT_FACTS.get(fact));
                } else if (r < 0.80) {
                    Clause target = document.clauses.get(structure.nextInt(document.clauses.size()));
                    text.both(" (").each("[](#" + target.key + ")", "[" + xrefLabel(target) + "](#" + target.key + ")").both(")");
                } else if (r < 0.90 && documents.size() > 1) {
                    Document other = documents.get(structure.nextInt(documents.size()));
                    Clause target = other.clauses.get(structure.nextInt(other.clauses.size()));
                    if (other != document) {
                        text.both(" (").each("[](" + other.name + ".md#" + target.key + ")",
                                "[" + title(locale, other) + ", " + xrefLabel(target) + "](../" + other.name + "/#" + target.key + ")")
                                .both(")");
                    }
                } else if (r < 0.95) {
                    int n = structure.nextInt(1000);
                    text.both(" [" + about(2) + "](https://regulator.example/guidance/" + n + ")");
                } else {
                    text.both(" ").each("[{privacyEmail}](mailto:{privacyEmail})",
                            "[" + TEXT_FACTS.get("privacyEmail") + "](mailto:" + TEXT_FACTS.get("privacyEmail") + ")");
                }
                if (structure.nextDouble() < 0.3) {
                    text.both(" **" + about(2) + "**");
                }
                text.both(" " + about(2 + structure.nextInt(6)));
            }
            text.both(stop());
        }

        /** {fact, plural, ...} with every plural form of the locale; for Hugo, the form ICU picks. */
        void plural(Text text, PluralFact fact) {
            StringBuilder icu = new StringBuilder("{" + fact.name + ", plural,");
            for (String category : pluralCategories(locale)) {
                icu.append(' ').append(category).append(" {# ").append(unit(fact, category)).append('}');
            }
            text.each(icu.append('}').toString(), fact.value + " " + unit(fact, pluralCategory(locale, fact.value)));
        }

        String unit(PluralFact fact, String category) {
            if (language(locale).equals("en")) {
                return category.equals("one") ? fact.one : fact.other;
            }
            Random unitRandom = new Random(fact.name.hashCode() * 17L + locale.hashCode());
            String[] syllables = SYLLABLES.get(language(locale));
            String stem = syllables[unitRandom.nextInt(syllables.length)] + syllables[unitRandom.nextInt(syllables.length)];
            return switch (category) {
                case "one" -> stem;
                case "few" -> stem + syllables[0];
                case "many" -> stem + syllables[1];
                default -> cjk ? stem : stem + syllables[2];
            };
        }

        String longDate(LocalDate date) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(locale)).format(date);
        }

        void paragraph(Text text, int sentences) {
            for (int i = 0; i < sentences; i++) {
                sentence(text, structure.nextDouble() < 0.6);
            }
            trimEnd(text);
            text.both("\n\n");
        }

        void list(Text text, int items, boolean nested) {
            for (int i = 0; i < items; i++) {
                text.both("- ");
                if (structure.nextDouble() < 0.3) {
                    text.both("**" + capitalized(2) + ":** ");
                }
                sentence(text, structure.nextDouble() < 0.5);
                trimEnd(text);
                text.both("\n");
                if (nested && i == 0) {
                    int subItems = 2 + structure.nextInt(2);
                    for (int j = 0; j < subItems; j++) {
                        text.both("  - ");
                        sentence(text, false);
                        trimEnd(text);
                        text.both("\n");
                    }
                }
            }
            text.both("\n");
        }

        void table(Text text, int rows) {
            int columns = 3 + structure.nextInt(2);
            text.both("|");
            for (int c = 0; c < columns; c++) {
                text.both(" " + capitalized(2) + " |");
            }
            text.both("\n|");
            for (int c = 0; c < columns; c++) {
                text.both("---|");
            }
            text.both("\n");
            for (int r = 0; r < rows; r++) {
                text.both("|");
                for (int c = 0; c < columns; c++) {
                    text.both(" ");
                    if (c == columns - 1) {
                        plural(text, PLURALS.get(structure.nextInt(PLURALS.size())));
                    } else {
                        text.both(capitalized(2 + structure.nextInt(5)));
                    }
                    text.both(" |");
                }
                text.both("\n");
            }
            text.both("\n");
        }
    }

    /** The CLDR cardinal plural categories of the synthetic locales (as ICU 78's PluralRules.getKeywords). */
    static List<String> pluralCategories(String locale) {
        return switch (language(locale)) {
            case "ja", "ko", "zh" -> List.of("other");
            case "fr", "es", "it", "pt" -> List.of("one", "many", "other");
            case "pl", "cs", "sk" -> List.of("one", "few", "many", "other");
            case "ro" -> List.of("one", "few", "other");
            case "ar" -> List.of("zero", "one", "two", "few", "many", "other");
            case "he" -> List.of("one", "two", "other");
            default -> List.of("one", "other");
        };
    }

    /** The plural category ICU selects for the whole number {@code n} (n >= 1, below one million). */
    static String pluralCategory(String locale, int n) {
        switch (language(locale)) {
            case "ja", "ko", "zh":
                return "other";
            case "pl":
                if (n == 1) {
                    return "one";
                }
                return n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? "few" : "many";
            case "cs", "sk":
                return n == 1 ? "one" : n <= 4 ? "few" : "other";
            case "ro":
                return n == 1 ? "one" : n % 100 >= 1 && n % 100 <= 19 ? "few" : "other";
            case "ar":
                return n == 0 ? "zero" : n == 1 ? "one" : n == 2 ? "two" : n % 100 >= 3 && n % 100 <= 10 ? "few"
                        : n % 100 >= 11 ? "many" : "other";
            case "he":
                return n == 1 ? "one" : n == 2 ? "two" : "other";
            default:
                return n == 1 ? "one" : "other";
        }
    }

    static void trimEnd(Text text) {
        for (StringBuilder s : List.of(text.ours, text.hugo)) {
            while (s.length() > 0 && s.charAt(s.length() - 1) == ' ') {
                s.setLength(s.length() - 1);
            }
        }
    }

    /** "Section 2.1", as the UI bundle's xref.clause message (every synthetic bundle is a copy of en.yaml). */
    static String xrefLabel(Clause clause) {
        return "Section " + clause.number;
    }

    LocalDate effective(Document document) {
        return LocalDate.of(2026, 1, 1).plusDays(document.index % 300);
    }

    String title(String locale, Document document) {
        if (language(locale).equals("en")) {
            String topic = DOCUMENT_TOPICS[document.index % DOCUMENT_TOPICS.length];
            String title = topic.substring(0, 1).toUpperCase(Locale.ROOT) + topic.substring(1).replace('-', ' ') + " policy";
            return document.index < DOCUMENT_TOPICS.length ? title : title + " " + (document.index / DOCUMENT_TOPICS.length + 1);
        }
        Writer writer = new Writer(locale, document, document.index * 7L + 1);
        return writer.capitalized(3) + " " + (document.index + 1);
    }

    String heading(String locale, Document document, Clause clause) {
        Writer writer = new Writer(locale, document, clause.key.hashCode() * 13L + document.index);
        return writer.capitalized(2 + writer.words.nextInt(4));
    }

    /** The body of one document in one locale, for both tools. */
    Text body(String locale, Document document) {
        Text text = new Text();
        Writer intro = new Writer(locale, document, document.index * 11L + 3);
        intro.paragraph(text, 3);
        for (Clause clause : document.clauses) {
            String title = heading(locale, document, clause);
            String hashes = "#".repeat(clause.level);
            String number = clause.level == 2 ? clause.number + "." : clause.number;
            text.each(hashes + " " + title + " {#" + clause.key + "}\n\n", hashes + " " + number + " " + title + " {#" + clause.key + "}\n\n");
            for (Block block : clause.blocks) {
                Writer writer = new Writer(locale, document, block.seed);
                switch (block.kind) {
                    case 'p' -> writer.paragraph(text, block.size);
                    case 'l' -> writer.list(text, block.size, false);
                    case 'L' -> writer.list(text, block.size, true);
                    case 't' -> writer.table(text, block.size);
                    default -> throw new IllegalStateException();
                }
            }
        }
        return text;
    }

    // ---------------------------------------------------------------------------------------------
    // Files.

    void write(Path out, Path templates) throws IOException {
        Path ours = out.resolve("ours");
        Path hugo = out.resolve("hugo");
        Path content = ours.resolve("content");
        Files.createDirectories(content);

        StringBuilder site = new StringBuilder();
        site.append("# Synthetic benchmark site (bench/src/SyntheticSite.java, seed ").append(seed).append(")\n");
        site.append("name: Synthetic Privacy Center\n");
        site.append("baseUrl: https://privacy.synthetic.example/\n");
        site.append("locales: [").append(String.join(", ", locales)).append("]\n");
        site.append("documents:\n");
        for (Document document : documents) {
            site.append("  - ").append(document.name).append('\n');
        }
        site.append("facts:\n");
        TEXT_FACTS.forEach((k, v) -> site.append("  ").append(k).append(": ").append(v).append('\n'));
        for (PluralFact fact : PLURALS) {
            site.append("  ").append(fact.name).append(": ").append(fact.value).append('\n');
        }
        site.append("  incorporated: ").append(INCORPORATED).append('\n');
        write(content.resolve("site.yaml"), site.toString());

        StringBuilder config = new StringBuilder();
        config.append("# Synthetic benchmark site (bench/src/SyntheticSite.java, seed ").append(seed).append(")\n");
        config.append("baseURL = \"https://privacy.synthetic.example/\"\n");
        config.append("title = \"Synthetic Privacy Center\"\n");
        config.append("defaultContentLanguage = \"en\"\n");
        config.append("defaultContentLanguageInSubdir = true\n");
        config.append("disableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n");
        config.append("[params]\n");
        TEXT_FACTS.forEach((k, v) -> config.append("  ").append(k).append(" = \"").append(v).append("\"\n"));
        config.append("[markup.goldmark.parser]\n  autoHeadingID = true\n[markup.goldmark.parser.attribute]\n  title = true\n");
        config.append("[markup.tableOfContents]\n  startLevel = 2\n  endLevel = 4\n  ordered = true\n");
        config.append("[languages]\n");
        for (int i = 0; i < locales.size(); i++) {
            String locale = locales.get(i);
            config.append("  [languages.").append(locale).append("]\n");
            config.append("    languageName = \"").append(nativeName(locale)).append("\"\n");
            config.append("    languageCode = \"").append(locale).append("\"\n");
            if (RIGHT_TO_LEFT.contains(language(locale))) {
                config.append("    languageDirection = \"rtl\"\n");
            }
            config.append("    contentDir = \"content/").append(locale).append("\"\n");
            config.append("    weight = ").append(i + 1).append('\n');
        }
        Files.createDirectories(hugo);
        write(hugo.resolve("config.toml"), config.toString());

        for (String locale : locales) {
            Path ourDir = content.resolve(locale);
            Path hugoDir = hugo.resolve("content").resolve(locale);
            Files.createDirectories(ourDir);
            Files.createDirectories(hugoDir);
            for (Document document : documents) {
                String title = title(locale, document);
                Writer meta = new Writer(locale, document, document.index * 5L + 2);
                String description = meta.capitalized(12);
                LocalDate effective = effective(document);
                Text body = body(locale, document);
                String front = "title: " + title + "\ndescription: " + description + "\neffective: " + effective
                        + "\nupdated: " + effective + "\n";
                write(ourDir.resolve(document.name + ".md"), "---\n" + front + "---\n\n" + body.ours);
                write(hugoDir.resolve(document.name + ".md"), "---\n" + front + "date: " + effective
                        + "\neffectiveText: \"Effective " + meta.longDate(effective) + "\"\nweight: " + (document.index + 1)
                        + "\n---\n\n" + body.hugo);
            }
        }

        copyTemplates(templates, ours.resolve("templates"));
        writeHugoTheme(hugo, templates);
    }

    /** The repository's templates, with one UI bundle per locale: en.yaml with the language's own name. */
    void copyTemplates(Path from, Path to) throws IOException {
        copyTree(from, to);
        Path messages = to.resolve("messages");
        try (Stream<Path> files = Files.list(messages)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        List<String> english = Files.readAllLines(from.resolve("messages").resolve("en.yaml"), StandardCharsets.UTF_8);
        for (String locale : locales) {
            StringBuilder bundle = new StringBuilder();
            for (String line : english) {
                if (line.startsWith("language.name:")) {
                    line = "language.name: \"" + nativeName(locale) + "\"";
                } else if (line.contains(", plural,")) {
                    // Every plural form of the locale, so that the parity check has nothing to warn about.
                    for (String category : pluralCategories(locale)) {
                        if (!line.contains(" " + category + " {")) {
                            line = line.replaceFirst(" other \\{([^{}]*)\\}", " " + category + " {$1} other {$1}");
                        }
                    }
                }
                bundle.append(line).append('\n');
            }
            write(messages.resolve(locale + ".yaml"), bundle.toString());
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** A Hugo layout equivalent to templates/document.ftlh: menu, language switcher, hreflang, TOC. */
    void writeHugoTheme(Path hugo, Path templates) throws IOException {
        Path layouts = hugo.resolve("layouts").resolve("_default");
        Files.createDirectories(layouts);
        write(layouts.resolve("baseof.html"), """
                <!DOCTYPE html>
                <html lang="{{ .Language.Lang }}" dir="{{ or .Language.LanguageDirection "ltr" }}">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>{{ .Title }} · {{ .Site.Title }}</title>
                {{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
                <link rel="canonical" href="{{ .Permalink }}">
                {{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
                {{ end }}{{ range .AllTranslations }}{{ if eq .Language.Lang "en" }}<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
                {{ end }}{{ end }}<link rel="stylesheet" href="{{ "assets/site.css" | relURL }}">
                </head>
                <body>
                <a class="skip-link" href="#_main">Skip to main content</a>
                <header class="site-header">
                  <p class="site-name"><a href="{{ "index.html" | relURL }}">{{ .Site.Title }}</a></p>
                {{ if .IsPage }}
                {{ $menu := partialCached "menu.html" . .Language.Lang }}{{ $href := printf "href=%q>" .RelPermalink }}{{ replace $menu $href (printf `href=%q aria-current="page">` .RelPermalink) | safeHTML }}
                  <nav class="language-switcher" aria-label="Language">
                    <ul>
                {{ $lang := .Language.Lang }}{{ range .AllTranslations }}    <li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}"{{ if eq .Language.Lang $lang }} aria-current="page"{{ end }}>{{ .Language.LanguageName }}</a></li>
                {{ end }}    </ul>
                  </nav>
                {{ end }}
                </header>
                {{ block "main" . }}{{ end }}
                <footer class="site-footer">
                  <p>Questions about this policy? Write to {{ .Site.Params.privacyEmail }}.</p>
                  <p>© {{ .Site.Params.company }}</p>
                </footer>
                </body>
                </html>
                """);
        write(layouts.resolve("single.html"), """
                {{ define "main" }}
                <main id="_main" class="document">
                  <article>
                    <header class="document-header">
                      <h1>{{ .Title }}</h1>
                      <p class="document-dates"><span>{{ .Params.effectiveText }}</span></p>
                    </header>
                    <nav class="toc" aria-labelledby="_toc-title">
                      <h2 id="_toc-title">Contents</h2>
                      {{ .TableOfContents }}
                    </nav>
                    <div class="policy">
                {{ .Content }}
                    </div>
                  </article>
                  <p class="print-source">Printed from {{ .Permalink }}</p>
                </main>
                {{ end }}
                """);
        write(layouts.resolve("list.html"), """
                {{ define "main" }}
                <main id="_main" class="language-picker">
                  <h1>{{ .Site.Title }}</h1>
                  <p id="_choose">Choose your language</p>
                  <ul aria-labelledby="_choose">
                {{ range .AllTranslations }}    <li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>
                {{ end }}  </ul>
                </main>
                {{ end }}
                """);
        // The menu lists every document of the language: the same for every page of a language, so it
        // is rendered once per language (partialCached) and the current page is marked by a string
        // replace. This is the idiomatic fast way in Hugo and gives the same HTML as a loop per page.
        Path partials = hugo.resolve("layouts").resolve("partials");
        Files.createDirectories(partials);
        write(partials.resolve("menu.html"), """
                  <nav class="document-menu" aria-label="Legal documents">
                    <ul>
                {{ range .Site.RegularPages }}    <li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
                {{ end }}    </ul>
                  </nav>
                """);
        Path css = templates.resolve("assets").resolve("site.css");
        Path staticAssets = hugo.resolve("static").resolve("assets");
        Files.createDirectories(staticAssets);
        if (Files.isRegularFile(css)) {
            Files.copy(css, staticAssets.resolve("site.css"));
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--seed", "42", "--locales", "10", "--documents", "100",
                "--clauses", "16", "--templates", "generator-core/src/main/resources/org/privacysite/theme"));
        for (int i = 0; i < args.length; i++) {
            if (!options.containsKey(args[i]) && !args[i].equals("--out") || i + 1 >= args.length) {
                System.err.println("usage: java bench/src/SyntheticSite.java --out DIR [--seed 42] [--locales 10]"
                        + " [--documents 100] [--clauses 16] [--templates templates]");
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        if (!options.containsKey("--out")) {
            System.err.println("--out DIR is required");
            System.exit(2);
        }
        Path out = Path.of(options.get("--out"));
        SyntheticSite site = new SyntheticSite(Long.parseLong(options.get("--seed")), Integer.parseInt(options.get("--locales")),
                Integer.parseInt(options.get("--documents")), Integer.parseInt(options.get("--clauses")));
        deleteTree(out);
        site.write(out, Path.of(options.get("--templates")));
        System.out.println("Wrote " + site.locales.size() * site.documents.size() + " pages (" + site.locales.size()
                + " locales x " + site.documents.size() + " documents) into " + out.resolve("ours") + " and " + out.resolve("hugo"));
    }
}
