package cq.jianxi.quality.domain;

/** A disqualification case: warned, rectifying until a date, or closed by revocation or dismissal. */
public enum CaseStatus {
    WARNED("已预警"), RECTIFYING("限期整改"), REVOKED("已取消资格"), DISMISSED("已销案");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Open cases block a second warning under the same rule (the database's partial unique index). */
    public boolean open() {
        return this == WARNED || this == RECTIFYING;
    }
}
