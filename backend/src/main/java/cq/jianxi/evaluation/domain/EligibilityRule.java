package cq.jianxi.evaluation.domain;

/** The rules a city demonstration base must meet to be recommended to the national selection. */
public enum EligibilityRule {
    OPERATING_YEARS_AT_LEAST("成立满（年）"),
    INTERNS_AT_LEAST("本年到岗见习人数不少于"),
    ABNORMAL_RATE_BELOW("非正常结束率低于"),
    RETENTION_AT_LEAST("留用率不低于");

    private final String label;

    EligibilityRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
