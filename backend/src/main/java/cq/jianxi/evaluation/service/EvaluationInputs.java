package cq.jianxi.evaluation.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.evaluation.domain.CriterionKind;
import cq.jianxi.evaluation.repository.EvaluationStore;
import cq.jianxi.evaluation.repository.EvaluationStore.ManualScore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;

/** What people enter into an open year: district staff's manual scores and the base's committed positions. */
@ApplicationScoped
public class EvaluationInputs {

    @Inject
    EvaluationStore store;
    @Inject
    EvaluationSheets sheets;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    /** Scores a manual criterion (0–100% of its weight) with a note; the district's own bases, open years only. */
    public Uni<EvaluationSheets.Placed> score(Caller caller, int year, long baseId, String criterionCode, BigDecimal percent, String note) {
        caller.requireRole(Role.DISTRICT_ADMIN);
        // The sheet is read back after the commit: it is computed over the pool, outside this transaction.
        return Panache.withTransaction(() -> openRegionOf(caller, year, baseId).flatMap(region -> sheets.scheme(year).flatMap(scheme -> {
            var criterion = scheme.criteria().stream().filter(c -> c.code().equals(criterionCode)).findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("评估方案中没有指标 " + criterionCode));
            if (criterion.kind() != CriterionKind.MANUAL) {
                throw ApiProblem.invalidField("criterionCode", "“" + criterion.name() + "”按记录计算，不能人工评分");
            }
            return store.upsertManualScore(year, new ManualScore(baseId, criterionCode, percent, note.trim(),
                            caller.username()), clock.now())
                    .call(() -> audit.record(caller, AuditAction.EVALUATION_SCORED, "base", String.valueOf(baseId),
                            year + " " + criterion.name() + " " + percent.stripTrailingZeros().toPlainString() + "%"));
        }))).chain(() -> sheets.sheet(caller, year, baseId));
    }

    /** Records the positions the base commits to offer in the year (the base itself or its district). */
    public Uni<EvaluationSheets.Placed> commit(Caller caller, int year, long baseId, int positions) {
        caller.requireRole(Role.BASE, Role.DISTRICT_ADMIN);
        if (caller.is(Role.BASE) && !Long.valueOf(baseId).equals(caller.baseId())) {
            throw ApiProblem.forbidden("只能填报本基地的承诺岗位数");
        }
        return Panache.withTransaction(() -> openRegionOf(caller, year, baseId).flatMap(region -> store.upsertCommitment(year, baseId, positions,
                        caller.username(), clock.now())
                .call(() -> audit.record(caller, AuditAction.EVALUATION_COMMITMENT_SET, "base", String.valueOf(baseId),
                        year + " 年承诺岗位 " + positions))))
                .chain(() -> sheets.sheet(caller, year, baseId));
    }

    /** The base's district, once the caller may act there and the year is still open (under the district's lock). */
    private Uni<String> openRegionOf(Caller caller, int year, long baseId) {
        return sheets.regionOf(year, baseId).flatMap(region -> {
            if (region == null) {
                throw ApiProblem.notFound("该基地未参加 " + year + " 年度评估");
            }
            if (caller.is(Role.DISTRICT_ADMIN)) {
                caller.requireRegion(region);
            }
            return store.lock(year, region).chain(() -> store.round(year, region)).map(round -> {
                if (round != null) {
                    throw ApiProblem.conflict(year + " 年度评估已完成，评分表已冻结");
                }
                return region;
            });
        });
    }
}
