package cq.jianxi.position.domain;

/** The position categories of the notice (岗位类别). */
public enum PositionCategory {
    RESEARCH("科研类"), TECHNICAL("技术技能类"), SOCIAL_SERVICE("社会服务类"), MANAGEMENT("管理类"), OTHER("其他");

    private final String label;

    PositionCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The category a department's quota names in Annex 1 (e.g. 科研类), or null. */
    public static PositionCategory fromLabel(String label) {
        for (PositionCategory c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        return null;
    }
}
