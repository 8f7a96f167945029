package cq.jianxi.organization.domain;

/** A base's demonstration level (示范见习基地), set by the yearly evaluation. */
public enum BaseLevel {
    ORDINARY("普通"), DISTRICT("区级示范"), CITY("市级示范"), NATIONAL("国家级示范");

    private final String label;

    BaseLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
