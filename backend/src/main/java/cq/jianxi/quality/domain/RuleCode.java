package cq.jianxi.quality.domain;

/** The disqualification rules (取消见习基地资格的情形); each rule's parameters live in its row. */
public enum RuleCode {
    NO_INTERN_WITHIN_MONTHS("备案后长期无人见习"), LOW_RETENTION_YEARS("连续多年留用率偏低"),
    MARKET_DEREGISTERED("单位被吊销或注销"), SERIOUS_COMPLAINT_UPHELD("严重投诉查实");

    private final String label;

    RuleCode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
