package cq.jianxi.youth.domain;

/** A young person's highest education; JUNIOR_COLLEGE and above make a college graduate (高校毕业生). */
public enum EducationLevel {
    SECONDARY("中专/高中"), JUNIOR_COLLEGE("大专"), BACHELOR("本科"), MASTER("硕士"), DOCTOR("博士");

    private final String label;

    EducationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean college() {
        return this != SECONDARY;
    }
}
