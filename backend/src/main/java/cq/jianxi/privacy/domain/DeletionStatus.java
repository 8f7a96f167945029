package cq.jianxi.privacy.domain;

/** Where a deletion request stands. */
public enum DeletionStatus {
    PENDING("待办理"),
    COMPLETED("已删除"),
    REJECTED("已驳回");

    private final String label;

    DeletionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
