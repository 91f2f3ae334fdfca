package org.privacysite.internal.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aligns a translation's headings with the source's by structure, not by position: a sequence
 * alignment (as a diff does) over heading signatures, so that an extra or a missing section in the
 * translation leaves every other heading matched to its own source heading.
 *
 * <p>Evidence that two headings are the same clause: a shared id; the same level; the same written
 * section number; links from sections already matched; and what translation leaves alone in the section's text: numbers, e-mail and web
 * addresses, facts (links to other pages differ by language, so they do not count).
 */
final class HeadingAligner {

    /** A pair scoring below this is never matched: the heading is reported rather than guessed. */
    private static final double THRESHOLD = 1.0;
    /** What a link from aligned sections adds: as much as a shared section number and shape together. */
    private static final double LINK_EVIDENCE = 3.0;
    private static final Pattern ANCHOR_LINK = Pattern.compile("\\]\\(#([^()\\s]+)\\)");
    private static final Pattern INVARIANT = Pattern.compile(
            "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|https?://[^\\s)\\]]+|\\{[A-Za-z]\\w*|\\p{Nd}+(?:[.,]\\p{Nd}+)*");

    /** What is compared of one section. */
    record Signature(int level, String number, Set<String> ids, Set<String> invariants, String shape, String text) {

        static Signature of(ParsedFile.Section section) {
            StringBuilder all = new StringBuilder(section.heading().text()).append('\n');
            StringBuilder shape = new StringBuilder();
            for (ParsedFile.Block block : section.blocks()) {
                all.append(block.markdown()).append('\n');
                String md = block.markdown();
                shape.append(md.startsWith("|") ? 't' : md.startsWith("- ") || md.matches("(?s)\\d+\\. .*") ? 'l' : 'p');
            }
            Set<String> invariants = new HashSet<>();
            Matcher matcher = INVARIANT.matcher(all);
            while (matcher.find()) {
                invariants.add(normalizeDigits(matcher.group()));
            }
            Set<String> ids = new HashSet<>();
            for (String id : section.heading().ids()) {
                ids.add(id.toLowerCase(java.util.Locale.ROOT));
            }
            return new Signature(section.heading().level(), section.heading().number(), ids, invariants, shape.toString(),
                    section.heading().text().strip().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private HeadingAligner() {
    }

    /**
     * Aligns two files: first by their sections' signatures, then again with the links between sections
     * as further evidence (a heading that the aligned sections of both files link to is the same clause).
     *
     * @return for each translation section, the index of the source section it translates, or -1
     */
    static int[] align(ParsedFile source, ParsedFile translation) {
        List<Signature> s = source.sections().stream().map(Signature::of).toList();
        List<Signature> t = translation.sections().stream().map(Signature::of).toList();
        List<Set<Integer>> sourceLinkers = linkers(source);
        List<Set<Integer>> translationLinkers = linkers(translation);
        int[] match = align(s, t, (i, j) -> 0.0);
        // Each round trusts the links of the sections the previous round matched; a few rounds settle it.
        for (int round = 0; round < 4; round++) {
            int[] previous = match;
            int[] next = align(s, t, (i, j) -> {
                for (int q : translationLinkers.get(j)) {
                    int p = q < 0 ? -1 : previous[q];
                    if ((q < 0 || p >= 0) && sourceLinkers.get(i).contains(p)) {
                        return LINK_EVIDENCE;
                    }
                }
                return 0.0;
            });
            if (Arrays.equals(next, match)) {
                break;
            }
            match = next;
        }
        return match;
    }

    /** For each section, the sections whose text links to its heading (-1: the text before the first heading). */
    static List<Set<Integer>> linkers(ParsedFile file) {
        Map<String, Integer> anchors = new HashMap<>();
        List<ParsedFile.Section> sections = file.sections();
        for (int i = 0; i < sections.size(); i++) {
            for (String id : sections.get(i).heading().ids()) {
                anchors.putIfAbsent(id, i);
            }
            for (String alias : sections.get(i).heading().aliases()) {
                anchors.putIfAbsent(alias, i);
            }
        }
        List<Set<Integer>> linkers = new ArrayList<>();
        sections.forEach(section -> linkers.add(new HashSet<>()));
        for (int i = -1; i < sections.size(); i++) {
            for (ParsedFile.Block block : i < 0 ? file.preamble() : sections.get(i).blocks()) {
                Matcher matcher = ANCHOR_LINK.matcher(block.markdown());
                while (matcher.find()) {
                    Integer target = anchors.get(java.net.URLDecoder.decode(matcher.group(1).replace("+", "%2B"),
                            java.nio.charset.StandardCharsets.UTF_8));
                    if (target != null) {
                        linkers.get(target).add(i);
                    }
                }
            }
        }
        return linkers;
    }

    static int[] align(List<Signature> source, List<Signature> translation) {
        return align(source, translation, (i, j) -> 0.0);
    }

    private static int[] align(List<Signature> source, List<Signature> translation, BiFunction<Integer, Integer, Double> evidence) {
        int n = source.size();
        int m = translation.size();
        double[][] best = new double[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                double match = score(source.get(i), translation.get(j), i, j, n, m) + evidence.apply(i, j);
                double take = match >= THRESHOLD ? match + best[i + 1][j + 1] : Double.NEGATIVE_INFINITY;
                best[i][j] = Math.max(take, Math.max(best[i + 1][j], best[i][j + 1]));
            }
        }
        int[] result = new int[m];
        Arrays.fill(result, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            double match = score(source.get(i), translation.get(j), i, j, n, m) + evidence.apply(i, j);
            if (match >= THRESHOLD && best[i][j] == match + best[i + 1][j + 1]) {
                result[j] = i;
                i++;
                j++;
            } else if (best[i][j] == best[i + 1][j]) {
                i++;
            } else {
                j++;
            }
        }
        return result;
    }

    static double score(Signature s, Signature t, int i, int j, int n, int m) {
        if (!s.ids().isEmpty() && s.ids().stream().anyMatch(t.ids()::contains)) {
            return 100;
        }
        double score = s.level() == t.level() ? 2 : -3;
        if (s.number() != null && s.number().equals(t.number())) {
            score += 1.5;
        }
        if (!s.text().isEmpty() && s.text().equals(t.text())) {
            score += 3;
        }
        if (!s.invariants().isEmpty() || !t.invariants().isEmpty()) {
            Set<String> common = new HashSet<>(s.invariants());
            common.retainAll(t.invariants());
            Set<String> union = new HashSet<>(s.invariants());
            union.addAll(t.invariants());
            score += 8.0 * common.size() / union.size() - 2;
        }
        if (!s.shape().isEmpty() && s.shape().equals(t.shape())) {
            score += 1;
        }
        // Between equally good alignments, the one closest to the diagonal.
        score -= Math.abs((double) i / Math.max(1, n) - (double) j / Math.max(1, m));
        return score;
    }

    private static String normalizeDigits(String token) {
        StringBuilder out = new StringBuilder(token.length());
        token.codePoints().forEach(c -> out.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : Character.toString(c)));
        return out.toString();
    }
}
