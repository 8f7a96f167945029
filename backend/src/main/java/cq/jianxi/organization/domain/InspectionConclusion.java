package cq.jianxi.organization.domain;

/** The conclusion of an on-site inspection (现场核查); only a passed one lets a filing be approved. */
public enum InspectionConclusion {
    PASSED("通过"), FAILED("不通过");

    private final String label;

    InspectionConclusion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
