package cq.jianxi.plan.domain;

/** Whose 倒排 schedule: a district's eight targets, or a municipal department's position quota. */
public enum ScheduleScope {
    REGION, DEPARTMENT
}
