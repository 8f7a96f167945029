package cq.jianxi.application.domain;

import java.util.EnumSet;
import java.util.Set;

/** submitted → screening → interview → offered → accepted; rejected by the base or withdrawn by the applicant. */
public enum ApplicationStatus {
    SUBMITTED("已投递"), SCREENING("筛选中"), INTERVIEW("待面试"), OFFERED("已录用待确认"), ACCEPTED("已接受"),
    REJECTED("未通过"), WITHDRAWN("已撤回");

    public static final Set<ApplicationStatus> ACTIVE = EnumSet.of(SUBMITTED, SCREENING, INTERVIEW, OFFERED, ACCEPTED);

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The states each state may move to, and who moves it there is checked by the service. */
    public Set<ApplicationStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(SCREENING, INTERVIEW, REJECTED, WITHDRAWN);
            case SCREENING -> EnumSet.of(INTERVIEW, OFFERED, REJECTED, WITHDRAWN);
            case INTERVIEW -> EnumSet.of(OFFERED, REJECTED, WITHDRAWN);
            case OFFERED -> EnumSet.of(ACCEPTED, REJECTED, WITHDRAWN);
            case ACCEPTED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    /** Moves the applicant makes; the base makes the others. */
    public boolean byApplicant() {
        return this == ACCEPTED || this == WITHDRAWN;
    }
}
