package cq.jianxi.position.domain;

/** The minimum education a position asks for. */
public enum Education {
    ANY("不限"), SECONDARY("中专/高中"), JUNIOR_COLLEGE("大专"), BACHELOR("本科"), MASTER("硕士"), DOCTOR("博士");

    private final String label;

    Education(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
