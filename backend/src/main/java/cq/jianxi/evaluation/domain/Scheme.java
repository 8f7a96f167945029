package cq.jianxi.evaluation.domain;

import java.math.BigDecimal;
import java.util.List;

/** A year's evaluation scheme: weighted criteria (weights sum to 100) and the national eligibility thresholds. */
public record Scheme(int year, List<Criterion> criteria, List<Threshold> eligibility) {

    /** One criterion; fullAt/zeroAt scale a computed criterion and are null for a manual one. */
    public record Criterion(String code, String name, CriterionKind kind, Metric metric, BigDecimal weight,
                            BigDecimal fullAt, BigDecimal zeroAt) {
    }

    /** One eligibility rule with its threshold. */
    public record Threshold(EligibilityRule rule, BigDecimal threshold) {
    }
}
