package cq.jianxi.organization.domain;

/** An employer's ownership type (单位性质). */
public enum Ownership {
    STATE_OWNED("国有"), PRIVATE("民营"), FOREIGN("外资"), PUBLIC_INSTITUTION("事业单位"),
    SOCIAL_ORGANIZATION("社会组织"), OTHER("其他");

    private final String label;

    Ownership(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
