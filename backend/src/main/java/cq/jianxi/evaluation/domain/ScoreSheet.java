package cq.jianxi.evaluation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A base's score sheet for a year: every criterion's inputs, points and weight, the total, its rank in the
 * district and the national eligibility checks — the base sees why it ranked where it did.
 */
public record ScoreSheet(long baseId, String baseName, String regionCode, int year, List<Line> lines,
                         BigDecimal total, List<Check> eligibility, boolean eligible, boolean manualComplete,
                         TieBreak tieBreak) {

    /**
     * One criterion's line; numerator/denominator/input for a computed one, percent and note for a manual one.
     * {@code explanation} says in words how the points came about.
     */
    public record Line(String code, String name, CriterionKind kind, Metric metric, BigDecimal weight,
                       Long numerator, Long denominator, Double input, BigDecimal fullAt, BigDecimal zeroAt,
                       BigDecimal percent, String note, String scoredBy, BigDecimal points, String explanation) {
    }

    /** One eligibility rule as applied to the base. */
    public record Check(EligibilityRule rule, BigDecimal threshold, Double actual, boolean passed, String explanation) {
    }

    /** The figures that break ties, in order (see docs/notice.md). */
    public record TieBreak(Double retentionRate, long arrivals, java.time.OffsetDateTime certifiedAt) {
    }
}
