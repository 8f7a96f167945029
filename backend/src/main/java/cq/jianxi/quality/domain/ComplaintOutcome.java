package cq.jianxi.quality.domain;

/** What the district found on a complaint against a base. */
public enum ComplaintOutcome {
    PENDING("待核实"), UPHELD("查实"), DISMISSED("不成立");

    private final String label;

    ComplaintOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
