package cq.jianxi.quality.domain;

/** A typical person's review by the city. */
public enum TypicalPersonStatus {
    SUBMITTED("待审核"), APPROVED("已通过"), RETURNED("已退回");

    private final String label;

    TypicalPersonStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
