package cq.jianxi.internship.domain;

/** An internship's state; the report indicators count these by their dates. */
public enum InternshipState {
    PENDING("协议待签订"), SIGNED("已签协议待到岗"), ON_POST("在岗"), COMPLETED("完成见习"), RETAINED_EARLY("提前留用"),
    ABNORMAL("非正常结束"), NO_SHOW("未到岗");

    private final String label;

    InternshipState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The intern has arrived (到岗): on post now or ended after being on post. */
    public boolean arrived() {
        return this == ON_POST || ended();
    }

    public boolean ended() {
        return this == COMPLETED || this == RETAINED_EARLY || this == ABNORMAL;
    }
}
