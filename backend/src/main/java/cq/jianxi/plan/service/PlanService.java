package cq.jianxi.plan.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.tabular.TabularFile;
import cq.jianxi.plan.domain.Plan;
import cq.jianxi.plan.domain.PlanTarget;
import cq.jianxi.plan.domain.TargetColumn;
import cq.jianxi.plan.repository.PlanRepository;
import cq.jianxi.plan.repository.PlanTargetRepository;
import cq.jianxi.region.domain.Region;
import cq.jianxi.region.service.Regions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The yearly plans: targets per region with computed city totals, scoped reads, and whole-file loads. */
@ApplicationScoped
public class PlanService {

    @jakarta.inject.Inject
    AppClock clock;

    static final int MAX_PLAN_ROWS = 200;

    @Inject
    PlanRepository plans;

    @Inject
    PlanTargetRepository targets;

    @Inject
    Regions regions;

    @Inject
    AuditService audit;

    /** Targets of one region in one plan year. */
    public record RegionTargets(Region region, Map<TargetColumn, Integer> values) {
    }

    /** A plan year as the caller may see it: the city totals and the regions in the caller's scope. */
    public record Targets(int year, Map<TargetColumn, Integer> city, List<RegionTargets> regions) {
    }

    @WithSession
    public Uni<List<Plan>> listPlans(Caller caller) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        return plans.listNewestFirst();
    }

    /**
     * The year's targets. City totals are sums over all 41 regions; a district admin gets their own region
     * only and is refused another region's.
     */
    @WithSession
    public Uni<Targets> targets(Caller caller, int year, String regionFilter) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        if (regionFilter != null) {
            caller.requireRegion(regionFilter);
        }
        String only = regionFilter != null ? regionFilter : (caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null);
        return plans.findById(year).flatMap(plan -> {
            if (plan == null) {
                throw ApiProblem.notFound(year + " 年度计划尚未导入");
            }
            return regions.listInOrder()
                    .flatMap(all -> targets.listForYear(year).map(rows -> targetsOf(year, all, rows, only)));
        });
    }

    /**
     * One target column of every region in a year (empty without a plan), for the contexts that count against
     * it (e.g. the evaluation's national recommendation quota); callers check their own authorization.
     */
    @WithSession
    public Uni<Map<String, Integer>> column(int year, TargetColumn column) {
        return targets.listForYear(year).map(rows -> {
            Map<String, Integer> map = new LinkedHashMap<>();
            rows.forEach(t -> map.put(t.regionCode, t.get(column)));
            return map;
        });
    }

    /**
     * Replaces a year's targets with the uploaded table, all 41 rows or nothing; the caller must be the
     * city admin. Refusals list every bad row and column.
     */
    @WithTransaction
    public Uni<Targets> importTargets(Caller caller, int year, String fileName, byte[] content) {
        caller.requireRole(Role.CITY_ADMIN);
        if (year < 2000 || year > 2100) {
            throw ApiProblem.invalidField("year", "年度须在 2000 到 2100 之间");
        }
        TabularFile.Table table;
        try {
            table = TabularFile.read(content, MAX_PLAN_ROWS);
        } catch (TabularFile.TabularException e) {
            throw ApiProblem.unprocessable("文件无法读取：" + e.getMessage(), List.of(Violation.of("file", e.getMessage())));
        }
        return regions.listInOrder().flatMap(all -> {
            Map<String, String> names = new LinkedHashMap<>();
            all.forEach(r -> names.put(r.code, r.shortName));
            PlanImport.Result result = PlanImport.check(year, table, names);
            if (!result.valid()) {
                throw ApiProblem.unprocessable("文件有 " + result.violations().size() + " 处错误，未导入任何数据",
                        result.violations());
            }
            OffsetDateTime now = clock.now();
            return plans.findById(year)
                    .flatMap(existing -> {
                        Plan plan = existing != null ? existing : new Plan();
                        plan.year = year;
                        plan.source = fileName == null || fileName.isBlank() ? "上传文件" : truncate(fileName, 200);
                        plan.updatedAt = now;
                        plan.updatedBy = caller.username();
                        return existing != null ? Uni.createFrom().item(plan) : plans.persist(plan);
                    })
                    .call(() -> targets.deleteYear(year))
                    .call(() -> targets.persist(result.targets()))
                    .call(() -> audit.record(caller, AuditAction.PLAN_IMPORTED, "plan", String.valueOf(year),
                            "导入 " + result.targets().size() + " 个区县的年度目标，来源：" + fileName))
                    .replaceWith(() -> targetsOf(year, all, result.targets(), null));
        });
    }

    /** City totals over every row; region rows in Annex 2 order, restricted to {@code only} when given. */
    private static Targets targetsOf(int year, List<Region> all, List<PlanTarget> rows, String only) {
        Map<String, PlanTarget> byRegion = new LinkedHashMap<>();
        rows.forEach(t -> byRegion.put(t.regionCode, t));
        Map<TargetColumn, Integer> city = new EnumMap<>(TargetColumn.class);
        TargetColumn.ALL.forEach(c -> city.put(c, rows.stream().mapToInt(t -> t.get(c)).sum()));
        List<RegionTargets> visible = all.stream()
                .filter(r -> only == null || r.code.equals(only))
                .filter(r -> byRegion.containsKey(r.code))
                .map(r -> new RegionTargets(r, valuesOf(byRegion.get(r.code))))
                .toList();
        return new Targets(year, city, visible);
    }

    private static Map<TargetColumn, Integer> valuesOf(PlanTarget target) {
        Map<TargetColumn, Integer> values = new EnumMap<>(TargetColumn.class);
        TargetColumn.ALL.forEach(c -> values.put(c, target.get(c)));
        return values;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
