package cq.jianxi.plan;

import cq.jianxi.report.readmodel.MilestoneProposal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default 倒排 schedule: ended months as achieved, the rest by last year's pattern or evenly. */
class MilestoneProposalTest {

    private static final long[] NOTHING = new long[12];

    @Test
    void spreadsAFutureYearEvenlyAndReachesTheTargetInDecember() {
        int[] p = MilestoneProposal.propose(2027, LocalDate.of(2026, 11, 18), 120, new long[12], NOTHING);
        assertArrayEquals(new int[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120}, p);
    }

    @Test
    void keepsEndedMonthsAsAchievedAndSpreadsTheRestOverTheRemainingMonths() {
        long[] achieved = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 12}; // cumulative; November is still running
        int[] p = MilestoneProposal.propose(2026, LocalDate.of(2026, 11, 18), 30, achieved, NOTHING);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30}, p);
    }

    @Test
    void followsLastYearsMonthlyPattern() {
        long[] lastYear = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        lastYear[2] = 1;  // March
        lastYear[8] = 3;  // September
        int[] p = MilestoneProposal.propose(2027, LocalDate.of(2026, 11, 18), 40, new long[12], lastYear);
        assertEquals(0, p[1]);
        assertEquals(10, p[2]);
        assertEquals(10, p[7]);
        assertEquals(40, p[8]);
        assertEquals(40, p[11]);
    }

    @Test
    void neverDecreasesAndNeverFallsBelowWhatIsAchieved() {
        long[] achieved = {50, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60};
        int[] p = MilestoneProposal.propose(2026, LocalDate.of(2026, 3, 2), 40, achieved, NOTHING);
        for (int m = 1; m < 12; m++) {
            assertTrue(p[m] >= p[m - 1]);
        }
        assertEquals(60, p[11]);
    }

    @Test
    void theDueMonthIsThisMonthNoneBeforeTheYearAndDecemberAfterIt() {
        LocalDate today = LocalDate.of(2026, 11, 18);
        assertEquals(11, MilestoneProposal.dueMonth(2026, today));
        assertEquals(12, MilestoneProposal.dueMonth(2025, today));
        assertEquals(0, MilestoneProposal.dueMonth(2027, today));
    }
}
