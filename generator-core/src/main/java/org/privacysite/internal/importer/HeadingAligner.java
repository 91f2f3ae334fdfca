package org.privacysite.internal.importer;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aligns a translation's headings with the source's by structure, not by position: a sequence
 * alignment (as a diff does) over heading signatures, so that an extra or a missing section in the
 * translation leaves every other heading matched to its own source heading.
 *
 * <p>Evidence that two headings are the same clause: a shared id; the same level; the same written
 * section number; and what translation leaves alone in the section's text: numbers, e-mail and web
 * addresses, facts (links to other pages differ by language, so they do not count).
 */
final class HeadingAligner {

    /** A pair scoring below this is never matched: the heading is reported rather than guessed. */
    private static final double THRESHOLD = 1.0;
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
     * @return for each translation heading, the index of the source heading it translates, or -1
     */
    static int[] align(List<Signature> source, List<Signature> translation) {
        int n = source.size();
        int m = translation.size();
        double[][] best = new double[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                double match = score(source.get(i), translation.get(j), i, j, n, m);
                double take = match >= THRESHOLD ? match + best[i + 1][j + 1] : Double.NEGATIVE_INFINITY;
                best[i][j] = Math.max(take, Math.max(best[i + 1][j], best[i][j + 1]));
            }
        }
        int[] result = new int[m];
        Arrays.fill(result, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            double match = score(source.get(i), translation.get(j), i, j, n, m);
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
