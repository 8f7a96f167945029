package cq.jianxi.organization.domain;

/** Where a filing application stands. */
public enum BaseStatus {
    PENDING("待审核"), APPROVED("已备案"), REJECTED("未通过"), REVOKED("已撤销备案");

    private final String label;

    BaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
