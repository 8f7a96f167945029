package cq.jianxi.evaluation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The district's order of bases and its top 5% (docs/notice.md, "Ranking"): total descending, then
 * retention rate (none last), arrivals, the earlier certification and the smaller base number, so every
 * base has a distinct rank.
 */
public final class Ranking {

    private Ranking() {
    }

    public static final Comparator<ScoreSheet> ORDER = Comparator
            .comparing(ScoreSheet::total, Comparator.reverseOrder())
            .thenComparing(s -> s.tieBreak().retentionRate(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(s -> s.tieBreak().arrivals(), Comparator.reverseOrder())
            .thenComparing(s -> s.tieBreak().certifiedAt(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ScoreSheet::baseId);

    /** A sheet with its place. */
    public record Ranked(ScoreSheet sheet, int rank, boolean proposed) {
    }

    /** How many of n evaluated bases the district proposes: max(1, ⌊n × 5 / 100⌋), none of none. */
    public static int proposedCount(int n) {
        if (n <= 0) {
            return 0;
        }
        return Math.max(1, n * 5 / 100);
    }

    /** The rounding in words, as the district's table shows it. */
    public static String rule(int n) {
        return "参评基地 " + n + " 家 × 5% = " + String.format("%.2f", n * 0.05) + "，向下取整且至少 1 家 → 前 "
                + proposedCount(n) + " 家";
    }

    public static List<Ranked> rank(List<ScoreSheet> sheets) {
        List<ScoreSheet> sorted = new ArrayList<>(sheets);
        sorted.sort(ORDER);
        int k = proposedCount(sorted.size());
        List<Ranked> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            out.add(new Ranked(sorted.get(i), i + 1, i < k));
        }
        return out;
    }
}
