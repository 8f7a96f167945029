package cq.jianxi.matching.domain;

/** The kinds of service recorded for a young person. */
public enum ServiceKind {
    POSITION_PUSH("岗位推送"), CAREER_GUIDANCE("职业指导"), TRAINING_REFERRAL("培训推荐"), PHONE_FOLLOW_UP("电话回访");

    private final String label;

    ServiceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
