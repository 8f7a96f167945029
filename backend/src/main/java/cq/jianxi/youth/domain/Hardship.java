package cq.jianxi.youth.domain;

/** Hardship flags of 困难毕业生, set by district staff. */
public enum Hardship {
    LOW_INCOME("低保家庭"), POVERTY_ALLEVIATED("脱贫家庭"), DISABLED("残疾"), ZERO_EMPLOYMENT("零就业家庭"), OTHER("其他");

    private final String label;

    Hardship(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
