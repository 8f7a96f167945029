package cq.jianxi.position.domain;

/** draft → submitted → published (or rejected, back to editing) → closed. */
public enum PositionStatus {
    DRAFT("草稿"), SUBMITTED("待审核"), PUBLISHED("已发布"), REJECTED("已驳回"), CLOSED("已关闭");

    private final String label;

    PositionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
