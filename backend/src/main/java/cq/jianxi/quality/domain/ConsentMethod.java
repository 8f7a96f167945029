package cq.jianxi.quality.domain;

/** How the person's consent to be publicised was obtained. */
public enum ConsentMethod {
    WRITTEN("书面同意"), ONLINE("线上同意");

    private final String label;

    ConsentMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
