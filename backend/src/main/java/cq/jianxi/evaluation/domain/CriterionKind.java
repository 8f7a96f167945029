package cq.jianxi.evaluation.domain;

/** Whether a criterion is computed from the records or scored by district staff. */
public enum CriterionKind {
    COMPUTED("按记录计算"), MANUAL("人工评分");

    private final String label;

    CriterionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
