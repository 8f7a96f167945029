package cq.jianxi.evaluation.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.evaluation.domain.Ranking;
import cq.jianxi.evaluation.repository.EvaluationStore;
import cq.jianxi.evaluation.repository.EvaluationStore.Result;
import cq.jianxi.evaluation.repository.EvaluationStore.Round;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A district closes its year's evaluation: every manual criterion must be scored; the sheets, totals and
 * ranks are frozen as they are, and later records no longer change them.
 */
@ApplicationScoped
public class EvaluationClosing {

    @Inject
    EvaluationStore store;
    @Inject
    EvaluationSheets sheets;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    public Uni<EvaluationSheets.RegionYear> close(Caller caller, int year, String regionCode) {
        caller.requireRole(Role.DISTRICT_ADMIN);
        caller.requireRegion(regionCode);
        return Panache.withTransaction(() -> store.lock(year, regionCode)
                        .chain(() -> store.round(year, regionCode))
                        .flatMap(existing -> {
                            if (existing != null) {
                                throw ApiProblem.conflict(year + " 年度评估已于 " + existing.closedAt() + " 完成");
                            }
                            return sheets.live(year, regionCode);
                        })
                        .flatMap(ranked -> {
                            if (ranked.isEmpty()) {
                                throw ApiProblem.conflict("本区县 " + year + " 年度没有参评基地");
                            }
                            long unscored = ranked.stream().filter(r -> !r.sheet().manualComplete()).count();
                            if (unscored > 0) {
                                throw ApiProblem.conflict("还有 " + unscored + " 家基地的人工评分指标未评分，不能完成评估");
                            }
                            Round round = new Round(year, regionCode, clock.now(), caller.username(), ranked.size(),
                                    Ranking.proposedCount(ranked.size()));
                            Uni<Void> chain = store.insertRound(round);
                            for (Ranking.Ranked r : ranked) {
                                chain = chain.chain(() -> store.insertResult(year, new Result(r.sheet().baseId(), regionCode,
                                        r.sheet().total(), r.rank(), r.proposed(), sheets.write(r.sheet()))));
                            }
                            return chain.call(() -> audit.record(caller, AuditAction.EVALUATION_CLOSED, "region", regionCode,
                                    year + " 年度评估完成：参评 " + round.bases() + " 家，拟定区级示范 " + round.proposed() + " 家"));
                        }))
                .chain(() -> sheets.regionYear(year, regionCode));
    }
}
