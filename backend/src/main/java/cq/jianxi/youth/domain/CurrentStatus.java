package cq.jianxi.youth.domain;

/** Whether a young person is looking for work. */
public enum CurrentStatus {
    UNEMPLOYED("未就业"), EMPLOYED("已就业"), STUDYING("在读");

    private final String label;

    CurrentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
