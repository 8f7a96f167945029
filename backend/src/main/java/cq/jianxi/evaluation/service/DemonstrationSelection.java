package cq.jianxi.evaluation.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.evaluation.domain.AwardStage;
import cq.jianxi.evaluation.domain.Ranking.Ranked;
import cq.jianxi.evaluation.repository.EvaluationStore;
import cq.jianxi.evaluation.repository.EvaluationStore.Award;
import cq.jianxi.evaluation.repository.EvaluationStore.Result;
import cq.jianxi.organization.domain.BaseLevel;
import cq.jianxi.organization.service.BaseLevels;
import cq.jianxi.plan.domain.TargetColumn;
import cq.jianxi.plan.service.PlanService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The three-level selection after a district closed its year: the district confirms its proposed top 5%
 * (or replaces one with a recorded reason) and nominates to the city; the city selects city demonstration
 * bases, recommends national candidates within each district's Annex 2 quota, and records the national result.
 */
@ApplicationScoped
public class DemonstrationSelection {

    @Inject
    EvaluationStore store;
    @Inject
    EvaluationSheets sheets;
    @Inject
    BaseLevels levels;
    @Inject
    PlanService plans;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    /** A district's replacement of one proposed base by another evaluated base. */
    public record Replacement(long baseId, long byBaseId, String reason) {
    }

    /** Confirms the district's demonstration bases for the year: the proposal, with any replacements. */
    public Uni<Void> confirmDistrict(Caller caller, int year, String regionCode, List<Replacement> replacements) {
        caller.requireRole(Role.DISTRICT_ADMIN);
        caller.requireRegion(regionCode);
        List<Replacement> changes = replacements == null ? List.of() : replacements;
        return Panache.withTransaction(() -> store.lock(year, regionCode)
                .chain(() -> store.round(year, regionCode))
                .flatMap(round -> {
                    if (round == null) {
                        throw ApiProblem.conflict("请先完成 " + year + " 年度评估，再确认区级示范基地");
                    }
                    return store.countAwards(year, regionCode, AwardStage.DISTRICT);
                })
                .flatMap(done -> {
                    if (done > 0) {
                        throw ApiProblem.conflict(year + " 年度区级示范基地已确认");
                    }
                    return store.results(year, regionCode, null);
                })
                .flatMap(results -> {
                    List<Award> awards = decide(caller, year, regionCode, results, changes);
                    Uni<Void> chain = levels.expireBefore(regionCode, year);
                    for (Award a : awards) {
                        chain = chain.chain(() -> store.insertAward(a)).chain(() -> levels.award(a.baseId(), BaseLevel.DISTRICT, year));
                    }
                    return chain.call(() -> audit.record(caller, AuditAction.DEMONSTRATION_DECIDED, "region", regionCode,
                            year + " 年度区级示范见习基地 " + awards.size() + " 家"
                                    + (changes.isEmpty() ? "" : "（调整 " + changes.size() + " 家）")));
                }));
    }

    private List<Award> decide(Caller caller, int year, String regionCode, List<Result> results, List<Replacement> changes) {
        Map<Long, Result> byBase = results.stream().collect(Collectors.toMap(Result::baseId, r -> r));
        Set<Long> chosen = new java.util.LinkedHashSet<>(results.stream().filter(Result::proposed).map(Result::baseId).toList());
        Map<Long, Replacement> byReplacement = new java.util.HashMap<>();
        Checks checks = new Checks();
        Set<Long> replaced = new HashSet<>();
        Set<Long> replacing = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            Replacement r = changes.get(i);
            String at = "replacements[" + i + "]";
            checks.check(chosen.contains(r.baseId()), at + ".baseId", "被替换的基地不在拟定名单中");
            Result by = byBase.get(r.byBaseId());
            checks.check(by != null, at + ".byBaseId", "替换的基地未参加本区县本年度评估");
            checks.check(by == null || !by.proposed(), at + ".byBaseId", "替换的基地已在拟定名单中");
            checks.check(replaced.add(r.baseId()) & replacing.add(r.byBaseId()), at, "同一基地只能替换一次");
            checks.notBlank(at + ".reason", r.reason(), 500, "替换理由");
        }
        checks.throwIfAny();
        for (Replacement r : changes) {
            chosen.remove(r.baseId());
            byReplacement.put(r.byBaseId(), r);
        }
        List<Award> awards = new ArrayList<>();
        var now = clock.now();
        for (Long id : chosen) {
            awards.add(new Award(year, id, regionCode, AwardStage.DISTRICT, null, null, caller.username(), now));
        }
        byReplacement.forEach((id, r) -> awards.add(new Award(year, id, regionCode, AwardStage.DISTRICT, r.baseId(),
                r.reason().trim(), caller.username(), now)));
        return awards;
    }

    /** Moves a base one step up: the district nominates to the city; the city selects, recommends and records. */
    public Uni<EvaluationSheets.Placed> advance(Caller caller, int year, long baseId, AwardStage stage) {
        if (stage == AwardStage.DISTRICT) {
            throw ApiProblem.invalidField("stage", "区级示范基地由区县确认拟定名单产生");
        }
        if (stage == AwardStage.CITY_NOMINATED) {
            caller.requireRole(Role.DISTRICT_ADMIN);
        } else {
            caller.requireRole(Role.CITY_ADMIN);
        }
        return sheets.sheet(caller, year, baseId).flatMap(placed -> {
            Ranked ranked = placed.ranked();
            String region = ranked.sheet().regionCode();
            return Panache.withTransaction(() -> store.lock(year, region)
                    .chain(() -> store.round(year, region))
                    .flatMap(round -> {
                        if (round == null) {
                            throw ApiProblem.conflict("该区县尚未完成 " + year + " 年度评估");
                        }
                        return store.hasAward(year, baseId, stage.requires());
                    })
                    .flatMap(ready -> {
                        if (!ready) {
                            throw ApiProblem.conflict("该基地须先成为“" + stage.requires().label() + "”");
                        }
                        return store.hasAward(year, baseId, stage);
                    })
                    .flatMap(already -> {
                        if (already) {
                            throw ApiProblem.conflict("该基地已是“" + stage.label() + "”");
                        }
                        return stage == AwardStage.NATIONAL_RECOMMENDED ? withinQuota(year, region, ranked) : Uni.createFrom().voidItem();
                    })
                    .chain(() -> store.insertAward(new Award(year, baseId, region, stage, null, null, caller.username(), clock.now())))
                    .chain(() -> switch (stage) {
                        case CITY -> levels.award(baseId, BaseLevel.CITY, year);
                        case NATIONAL -> levels.award(baseId, BaseLevel.NATIONAL, year);
                        default -> Uni.createFrom().voidItem();
                    })
                    .call(() -> audit.record(caller, AuditAction.DEMONSTRATION_DECIDED, "base", String.valueOf(baseId),
                            year + " 年度" + stage.label())))
                    .chain(() -> sheets.sheet(caller, year, baseId));
        });
    }

    /** National candidates must meet every eligibility rule and fit the district's Annex 2 quota (counted under the lock). */
    private Uni<Void> withinQuota(int year, String region, Ranked ranked) {
        if (!ranked.sheet().eligible()) {
            String failed = ranked.sheet().eligibility().stream().filter(c -> !c.passed())
                    .map(c -> c.explanation()).collect(Collectors.joining("；"));
            throw ApiProblem.conflict("不符合推荐参评国家级的条件：" + failed);
        }
        return plans.column(year, TargetColumn.NATIONAL_NOMINATIONS).flatMap(quotas -> {
            Integer quota = quotas.get(region);
            if (quota == null) {
                throw ApiProblem.conflict(year + " 年度计划尚未导入，没有推荐名额");
            }
            return store.countAwards(year, region, AwardStage.NATIONAL_RECOMMENDED).map(used -> {
                if (used >= quota) {
                    throw ApiProblem.conflict("该区县 " + year + " 年度推荐参评国家级名额为 " + quota + " 家，已推荐 " + used + " 家");
                }
                return null;
            });
        }).replaceWithVoid();
    }
}
