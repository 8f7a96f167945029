package cq.jianxi.report.readmodel;

import java.time.LocalDate;

/**
 * The default 倒排 schedule of one target: months already ended keep what was achieved in them, and what
 * is still to do is spread over the remaining months by last year's monthly pattern, or evenly when last
 * year recorded nothing. December always reaches the target (or what was already achieved, if more).
 */
public final class MilestoneProposal {

    private MilestoneProposal() {
    }

    /**
     * @param achieved      cumulative achievement at the end of each month of the year (as counted so far)
     * @param lastYear      last year's monthly increments of the same figure, the pattern to follow
     */
    public static int[] propose(int year, LocalDate today, long target, long[] achieved, long[] lastYear) {
        int start = firstOpenMonth(year, today);
        int[] out = new int[12];
        long base = start > 1 ? achieved[start - 2] : 0;
        for (int m = 1; m < start; m++) {
            out[m - 1] = (int) Math.min(achieved[m - 1], Integer.MAX_VALUE);
        }
        long remaining = Math.max(0, target - base);
        long[] weights = new long[12];
        long total = 0;
        for (int m = start; m <= 12; m++) {
            weights[m - 1] = Math.max(0, lastYear[m - 1]);
            total += weights[m - 1];
        }
        if (total == 0) {
            for (int m = start; m <= 12; m++) {
                weights[m - 1] = 1;
            }
            total = 13 - start;
        }
        long cumulativeWeight = 0;
        for (int m = start; m <= 12; m++) {
            cumulativeWeight += weights[m - 1];
            // Floors keep the schedule non-decreasing; the last month takes the remainder exactly.
            long share = m == 12 ? remaining : Math.floorDiv(remaining * cumulativeWeight, total);
            out[m - 1] = (int) (base + share);
        }
        return out;
    }

    /**
     * The first month whose milestone is still ahead: this month in the current year; January for a future
     * year, and for a past year too (a go-live scheduling last year backwards gets a whole-year proposal).
     */
    static int firstOpenMonth(int year, LocalDate today) {
        return year == today.getYear() ? today.getMonthValue() : 1;
    }

    /** The month whose milestone is due on {@code today}: 0 before the year, 12 after it. */
    public static int dueMonth(int year, LocalDate today) {
        if (year < today.getYear()) {
            return 12;
        }
        if (year > today.getYear()) {
            return 0;
        }
        return today.getMonthValue();
    }
}
