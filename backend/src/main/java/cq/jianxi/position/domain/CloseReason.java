package cq.jianxi.position.domain;

/** Why a position stopped recruiting. */
public enum CloseReason {
    FILLED("已招满"), EXPIRED("已过截止日期"), WITHDRAWN("基地撤回"), BASE_REVOKED("基地备案已撤销");

    private final String label;

    CloseReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
