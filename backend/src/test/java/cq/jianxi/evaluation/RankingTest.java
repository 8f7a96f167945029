package cq.jianxi.evaluation;

import cq.jianxi.evaluation.domain.Ranking;
import cq.jianxi.evaluation.domain.ScoreSheet;
import cq.jianxi.evaluation.domain.Scoring;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingTest {

    private static ScoreSheet sheet(long id, String total, Double retention, long arrivals, String certified) {
        return new ScoreSheet(id, "基地" + id, "500104", 2025, List.of(), new BigDecimal(total), List.of(), false, true,
                new ScoreSheet.TieBreak(retention, arrivals, certified == null ? null : OffsetDateTime.parse(certified)));
    }

    @ParameterizedTest(name = "{0} bases → top {1}")
    @CsvSource({"1,1", "19,1", "20,1", "21,1", "39,1", "40,2", "59,2", "60,3", "0,0"})
    void proposesFivePercentRoundedDownButAlwaysOne(int bases, int proposed) {
        assertEquals(proposed, Ranking.proposedCount(bases));
        List<ScoreSheet> sheets = new ArrayList<>();
        for (int i = 0; i < bases; i++) {
            sheets.add(sheet(i + 1, String.valueOf(50 + i % 7), 0.5, i, "2024-01-01T00:00:00Z"));
        }
        var ranked = Ranking.rank(sheets);
        assertEquals(proposed, ranked.stream().filter(Ranking.Ranked::proposed).count());
        for (int i = 0; i < ranked.size(); i++) {
            assertEquals(i + 1, ranked.get(i).rank());
            assertEquals(i < proposed, ranked.get(i).proposed());
        }
    }

    @Test
    void breaksTiesByRetentionThenArrivalsThenEarlierCertificationThenNumber() {
        var ranked = Ranking.rank(List.of(
                sheet(1, "80.00", 0.50, 10, "2024-03-01T00:00:00Z"),
                sheet(2, "80.00", 0.60, 1, "2024-05-01T00:00:00Z"),
                sheet(3, "80.00", 0.50, 12, "2024-06-01T00:00:00Z"),
                sheet(4, "80.00", null, 99, "2020-01-01T00:00:00Z"),
                sheet(5, "80.00", 0.50, 10, "2024-02-01T00:00:00Z"),
                sheet(6, "80.00", 0.50, 10, "2024-02-01T00:00:00Z"),
                sheet(7, "90.00", 0.10, 0, "2025-01-01T00:00:00Z")));
        assertEquals(List.of(7L, 2L, 3L, 5L, 6L, 1L, 4L), ranked.stream().map(r -> r.sheet().baseId()).toList());
    }

    @Test
    void scalesComputedCriteriaInEitherDirectionAndClamps() {
        BigDecimal w = new BigDecimal("10");
        assertEquals(new BigDecimal("10.00"), Scoring.computed(w, new BigDecimal("0.5"), BigDecimal.ZERO, 0.8));
        assertEquals(new BigDecimal("5.00"), Scoring.computed(w, new BigDecimal("0.5"), BigDecimal.ZERO, 0.25));
        // Lower is better: full at ≤ 20%, zero at ≥ 60%.
        assertEquals(new BigDecimal("10.00"), Scoring.computed(w, new BigDecimal("0.2"), new BigDecimal("0.6"), 0.1));
        assertEquals(new BigDecimal("8.75"), Scoring.computed(w, new BigDecimal("0.2"), new BigDecimal("0.6"), 0.25));
        assertEquals(new BigDecimal("0.00"), Scoring.computed(w, new BigDecimal("0.2"), new BigDecimal("0.6"), 0.9));
        assertEquals(new BigDecimal("0.00"), Scoring.computed(w, new BigDecimal("0.2"), new BigDecimal("0.6"), null));
        assertEquals(new BigDecimal("3.20"), Scoring.manual(new BigDecimal("4"), new BigDecimal("80")));
        assertEquals(new BigDecimal("0.00"), Scoring.manual(new BigDecimal("4"), null));
    }
}
