package cq.jianxi.organization.domain;

/** How a filing started: the employer applied, the district filed it, or a department recommended it. */
public enum FilingSource {
    SELF("单位自主申请"), DISTRICT("区县直接备案"), DEPARTMENT("市级部门推荐");

    private final String label;

    FilingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
