package cq.jianxi.evaluation.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.evaluation.domain.AwardStage;
import cq.jianxi.evaluation.repository.EvaluationStore;
import cq.jianxi.evaluation.repository.EvaluationStore.AwardRow;
import cq.jianxi.evaluation.repository.EvaluationStore.RegionProgress;
import cq.jianxi.plan.domain.TargetColumn;
import cq.jianxi.plan.service.PlanService;
import cq.jianxi.region.domain.Region;
import cq.jianxi.region.service.Regions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** Reads of the selection: the awards at each stage, every district's progress and quota, a base's level history. */
@ApplicationScoped
public class DemonstrationQueries {

    @Inject
    EvaluationStore store;
    @Inject
    PlanService plans;
    @Inject
    Regions regions;
    @Inject
    cq.jianxi.organization.service.BaseRegistry bases;

    /** A page of awards. */
    public record AwardPage(List<AwardRow> items, long total, int page, int size) {
    }

    /** One district's year in the selection. */
    public record Progress(Region region, RegionProgress progress, Integer nationalQuota) {
    }

    /** A page of districts. */
    public record ProgressPage(List<Progress> items, long total, int page, int size) {
    }

    public Uni<AwardPage> awards(Caller caller, int year, String regionCode, AwardStage stage, int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        new Checks().page(page, size, 200).throwIfAny();
        String region = regionCode;
        if (caller.is(Role.DISTRICT_ADMIN)) {
            if (region != null) {
                caller.requireRegion(region);
            }
            region = caller.regionCode();
        }
        String only = region;
        return store.awards(year, only, stage, null, size, (long) page * size)
                .flatMap(items -> store.countAwardRows(year, only, stage, null)
                        .map(total -> new AwardPage(items, total, page, size)));
    }

    /** Every district (a district admin: its own) with its round, counts per stage and national quota. */
    @WithSession
    public Uni<ProgressPage> progress(Caller caller, int year, int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        new Checks().page(page, size, 100).throwIfAny();
        return regions.listInOrder().flatMap(all -> store.progress(year).flatMap(progress ->
                plans.column(year, TargetColumn.NATIONAL_NOMINATIONS).map(quotas -> {
                    List<Region> visible = all.stream().filter(r -> !"CITY".equals(r.code))
                            .filter(r -> !caller.is(Role.DISTRICT_ADMIN) || r.code.equals(caller.regionCode())).toList();
                    int from = Math.min(page * size, visible.size());
                    int to = Math.min(from + size, visible.size());
                    List<Progress> items = visible.subList(from, to).stream().map(r -> new Progress(r,
                            progress.getOrDefault(r.code, new RegionProgress(r.code, false, 0, 0, Map.of())),
                            quotas.get(r.code))).toList();
                    return new ProgressPage(items, visible.size(), page, size);
                })));
    }

    /** A base's levels over the years (every stage it reached); the base itself or staff of its district. */
    public Uni<List<AwardRow>> history(Caller caller, long baseId) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.BASE);
        if (caller.is(Role.BASE) && !Long.valueOf(baseId).equals(caller.baseId())) {
            throw ApiProblem.forbidden("只能查看本基地的评选记录");
        }
        // The base's own scope decides, whether or not it was ever awarded.
        return bases.get(caller, baseId, false).chain(() -> store.awards(null, null, null, baseId, 100, 0));
    }
}
