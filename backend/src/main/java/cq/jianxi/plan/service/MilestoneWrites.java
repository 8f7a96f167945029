package cq.jianxi.plan.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.plan.domain.ScheduleScope;
import cq.jianxi.plan.domain.TargetColumn;
import cq.jianxi.plan.repository.MilestoneRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** The schedule writes, each under the plan year's row lock so a save and the city's lock never interleave. */
@ApplicationScoped
public class MilestoneWrites {

    @Inject
    MilestoneRepository milestones;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    @WithTransaction
    public Uni<Void> replace(Caller caller, int year, ScheduleScope kind, String code,
                             Map<TargetColumn, List<Integer>> columns, String scopeName) {
        return milestones.lockYear(year).flatMap(lock -> {
            if (lock == null) {
                throw ApiProblem.notFound(year + " 年度计划尚未导入");
            }
            if (lock) {
                throw ApiProblem.conflict(year + " 年度倒排进度已由市人社局锁定，不能再修改");
            }
            return milestones.replace(year, kind, code, columns, clock.now(), caller.username())
                    .call(() -> audit.record(caller, AuditAction.MILESTONES_SAVED, "plan_schedule",
                            year + "/" + kind + "/" + code, "保存" + scopeName + " " + year + " 年倒排进度"));
        });
    }

    @WithTransaction
    public Uni<Void> setLocked(Caller caller, int year, boolean locked) {
        return milestones.lockYear(year).flatMap(lock -> {
            if (lock == null) {
                throw ApiProblem.notFound(year + " 年度计划尚未导入");
            }
            if (lock == locked) {
                return Uni.createFrom().voidItem();
            }
            return milestones.setLock(year, locked ? clock.now() : null, locked ? caller.username() : null)
                    .call(() -> audit.record(caller, locked ? AuditAction.MILESTONES_LOCKED : AuditAction.MILESTONES_UNLOCKED,
                            "plan", String.valueOf(year), (locked ? "锁定 " : "解锁 ") + year + " 年度倒排进度"));
        });
    }
}
