package cq.jianxi.quality.domain;

/** The district's decision on a warned base. */
public enum Decision {
    RECTIFY("限期整改"), REVOKE("取消资格"), DISMISS("销案");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
