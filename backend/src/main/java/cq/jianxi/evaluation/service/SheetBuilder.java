package cq.jianxi.evaluation.service;

import cq.jianxi.evaluation.domain.CriterionKind;
import cq.jianxi.evaluation.domain.Metric;
import cq.jianxi.evaluation.domain.Scheme;
import cq.jianxi.evaluation.domain.ScoreSheet;
import cq.jianxi.evaluation.domain.Scoring;
import cq.jianxi.evaluation.repository.EvaluationStore.ManualScore;
import cq.jianxi.report.readmodel.BaseYearFigures.BaseYear;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a base's score sheet from the scheme, its year's figures, its commitment and the manual scores. */
final class SheetBuilder {

    private SheetBuilder() {
    }

    static ScoreSheet build(Scheme scheme, BaseYear b, Integer committed, Map<String, ManualScore> manual, LocalDate today) {
        List<ScoreSheet.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        boolean complete = true;
        for (Scheme.Criterion c : scheme.criteria()) {
            ScoreSheet.Line line;
            if (c.kind() == CriterionKind.COMPUTED) {
                Metric.Input in = c.metric().measure(b, committed);
                BigDecimal points = Scoring.computed(c.weight(), c.fullAt(), c.zeroAt(), in.value());
                line = new ScoreSheet.Line(c.code(), c.name(), c.kind(), c.metric(), c.weight(), in.numerator(),
                        in.denominator(), in.value(), c.fullAt(), c.zeroAt(), null, null, null, points,
                        explainComputed(c, in, committed, points));
            } else {
                ManualScore m = manual.get(c.code());
                complete &= m != null;
                BigDecimal points = Scoring.manual(c.weight(), m == null ? null : m.percent());
                line = new ScoreSheet.Line(c.code(), c.name(), c.kind(), null, c.weight(), null, null, null, null, null,
                        m == null ? null : m.percent(), m == null ? null : m.note(), m == null ? null : m.scoredBy(),
                        points, m == null ? "区县尚未评分，暂计 0 分" : "区县评分 " + m.percent().stripTrailingZeros().toPlainString()
                        + "% × 权重 " + c.weight().stripTrailingZeros().toPlainString());
            }
            total = total.add(line.points());
            lines.add(line);
        }
        List<ScoreSheet.Check> checks = new ArrayList<>();
        for (Scheme.Threshold t : scheme.eligibility()) {
            checks.add(check(t, b, today));
        }
        boolean eligible = checks.stream().allMatch(ScoreSheet.Check::passed);
        return new ScoreSheet(b.baseId(), b.baseName(), b.regionCode(), scheme.year(), lines, total, checks, eligible,
                complete, new ScoreSheet.TieBreak(b.retentionRate(), b.arrivals(), b.certifiedAt()));
    }

    private static String explainComputed(Scheme.Criterion c, Metric.Input in, Integer committed, BigDecimal points) {
        if (in.value() == null) {
            return c.metric() == Metric.POSITIONS_VS_COMMITMENT && committed == null
                    ? "未填报本年承诺岗位数，计 0 分" : "本年无可计数记录，计 0 分";
        }
        String value = c.metric() == Metric.SATISFACTION ? String.format("%.2f 分", in.value())
                : String.format("%.1f%%", in.value() * 100);
        String full = c.metric() == Metric.SATISFACTION ? c.fullAt().stripTrailingZeros().toPlainString() + " 分"
                : c.fullAt().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
        String zero = c.metric() == Metric.SATISFACTION ? c.zeroAt().stripTrailingZeros().toPlainString() + " 分"
                : c.zeroAt().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
        return c.metric().label() + " " + value + "（" + full + " 满分，" + zero + " 零分）→ " + points.toPlainString() + " 分";
    }

    private static ScoreSheet.Check check(Scheme.Threshold t, BaseYear b, LocalDate today) {
        double threshold = t.threshold().doubleValue();
        String shown = t.threshold().stripTrailingZeros().toPlainString();
        return switch (t.rule()) {
            case OPERATING_YEARS_AT_LEAST -> {
                if (b.establishedOn() == null) {
                    yield new ScoreSheet.Check(t.rule(), t.threshold(), null, false, "成立日期未登记");
                }
                double years = Period.between(b.establishedOn(), today).toTotalMonths() / 12.0;
                yield new ScoreSheet.Check(t.rule(), t.threshold(), years, years >= threshold,
                        "成立于 " + b.establishedOn() + "，已满 " + String.format("%.1f", years) + " 年（要求 ≥ " + shown + " 年）");
            }
            case INTERNS_AT_LEAST -> new ScoreSheet.Check(t.rule(), t.threshold(), (double) b.arrivals(),
                    b.arrivals() >= threshold, "本年到岗 " + b.arrivals() + " 人（要求 ≥ " + shown + " 人）");
            case ABNORMAL_RATE_BELOW -> rate(t, b.abnormalRate(), false, "非正常结束率");
            case RETENTION_AT_LEAST -> rate(t, b.retentionRate(), true, "留用率");
        };
    }

    private static ScoreSheet.Check rate(Scheme.Threshold t, Double actual, boolean atLeast, String label) {
        String limit = t.threshold().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
        if (actual == null) {
            return new ScoreSheet.Check(t.rule(), t.threshold(), null, false, label + "无可计数记录");
        }
        double threshold = t.threshold().doubleValue();
        boolean passed = atLeast ? actual >= threshold : actual < threshold;
        return new ScoreSheet.Check(t.rule(), t.threshold(), actual, passed, label + " "
                + String.format("%.1f%%", actual * 100) + "（要求" + (atLeast ? " ≥ " : " < ") + limit + "）");
    }

}
