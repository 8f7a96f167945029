package cq.jianxi.evaluation.domain;

import cq.jianxi.report.readmodel.BaseYearFigures.BaseYear;

/** What a computed criterion measures: each reads one rate of {@link BaseYear} (docs/notice.md, 基地年度评估). */
public enum Metric {
    POSITIONS_VS_COMMITMENT("岗位提供率", "提供岗位", "承诺岗位"),
    INTAKE("吸纳率", "到岗人数", "提供岗位"),
    COMPLETION_RATE("完成率", "完成", "完成+非正常结束+逾期未结束"),
    RETENTION_RATE("留用率", "留用", "完成"),
    ABNORMAL_END_RATE("非正常结束率", "非正常结束", "年内在岗"),
    CONFIRMATIONS_ON_TIME("按月确认及时率", "按时确认", "应确认月份"),
    CLEAN_CLAIMS("补贴申领规范率", "规范申领", "补贴申领"),
    SATISFACTION("平均满意度", "评价人数", null);

    private final String label;
    private final String numeratorLabel;
    private final String denominatorLabel;

    Metric(String label, String numeratorLabel, String denominatorLabel) {
        this.label = label;
        this.numeratorLabel = numeratorLabel;
        this.denominatorLabel = denominatorLabel;
    }

    public String label() {
        return label;
    }

    public String numeratorLabel() {
        return numeratorLabel;
    }

    /** Null for the average rating, which has a count instead of a denominator. */
    public String denominatorLabel() {
        return denominatorLabel;
    }

    /** The measured figures: numerator, denominator (null for an average) and the input (null without records). */
    public Input measure(BaseYear b, Integer committedPositions) {
        return switch (this) {
            case POSITIONS_VS_COMMITMENT -> committedPositions == null
                    ? new Input(b.positionsOffered(), null, null)
                    : ratio(b.positionsOffered(), committedPositions);
            case INTAKE -> ratio(b.arrivals(), b.positionsOffered());
            case COMPLETION_RATE -> ratio(b.completed(), b.completed() + b.abnormal() + b.lapsedUnclosed());
            case RETENTION_RATE -> ratio(b.retained(), b.completed());
            case ABNORMAL_END_RATE -> ratio(b.abnormal(), b.onPostInYear());
            case CONFIRMATIONS_ON_TIME -> ratio(b.monthsOnTime(), b.monthsDue());
            case CLEAN_CLAIMS -> ratio(b.cleanClaims(), b.claims());
            case SATISFACTION -> new Input(b.ratings(), null, b.ratings() == 0 ? null : b.averageRating());
        };
    }

    private static Input ratio(long numerator, long denominator) {
        return new Input(numerator, denominator, denominator == 0 ? null : (double) numerator / denominator);
    }

    /** The figures behind a criterion's score. */
    public record Input(long numerator, Long denominator, Double value) {
    }
}
