package cq.jianxi.report.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The annual implementation report as a submission: from 1 December of the year a district submits its own
 * region's report — the figures {@link AnnualReportService} computes from the records, frozen as they are at
 * that moment, and its narrative; the city accepts it (final) or returns it with a reason, and the district
 * then submits a new version. The city's compiled report takes each region's accepted or waiting version and
 * today's records for the others. Figures are computed before a write's transaction opens.
 */
@ApplicationScoped
public class AnnualReportWorkflow {

    public static final int WORK_DONE_MAX = 5000;
    public static final int PROBLEMS_MAX = 3000;
    public static final int NEXT_YEAR_MAX = 3000;
    public static final int REASON_MAX = 500;

    @Inject
    AnnualReportService annual;
    @Inject
    AnnualSubmissions submissions;
    @Inject
    AnnualReportWrites writes;
    @Inject
    AppClock clock;

    /** A region's year: today's figures, the newest version (if any) and every version. */
    public record RegionReport(int year, String regionCode, String regionName, String status, LocalDate opensOn,
                               boolean submissionOpen, AnnualReportService.RegionYear live, AnnualSubmissions.Version current,
                               List<AnnualSubmissions.Version> versions, List<AnnualFigures.Drift> drift) {
    }

    /** The submissions of a year across the regions the caller sees. */
    public record Overview(int year, LocalDate opensOn, boolean submissionOpen, List<AnnualSubmissions.Standing> regions,
                           long submitted, long returned, long accepted, long draft) {
    }

    /** One row of the city's compiled report: the figures shown and where they come from. */
    public record CompiledRow(AnnualReportService.RegionYear figures, String status, Integer version, boolean frozen) {
    }

    /** The city's report compiled from the regions: rows, their total, and the departments' quotas (live). */
    public record Compiled(int year, List<CompiledRow> regions, AnnualReportService.RegionYear total,
                           List<AnnualReportService.DepartmentYear> departments) {
    }

    /** Submission opens on 1 December of the report's year and stays open after the year ends. */
    public static LocalDate opensOn(int year) {
        return LocalDate.of(year, 12, 1);
    }

    public Uni<RegionReport> region(Caller caller, int year, String regionCode) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        caller.requireRegion(regionCode);
        return live(caller, year, regionCode).flatMap(live -> submissions.versions(year, regionCode).map(versions -> {
            AnnualSubmissions.Version current = AnnualSubmissions.latest(versions);
            boolean frozen = current != null && !AnnualSubmissions.RETURNED.equals(current.status());
            return new RegionReport(year, regionCode, live.regionName(), current == null ? AnnualSubmissions.DRAFT : current.status(),
                    opensOn(year), open(year), live, current, versions,
                    frozen ? AnnualFigures.drift(current.figures(), live) : List.of());
        }));
    }

    public Uni<AnnualSubmissions.Version> submit(Caller caller, int year, String regionCode, AnnualSubmissions.Narrative n) {
        // The district reports on its own work; the city reviews and does not submit in a district's name.
        caller.requireRole(Role.DISTRICT_ADMIN);
        caller.requireRegion(regionCode);
        new Checks().notBlank("workDone", n.workDone(), WORK_DONE_MAX, "年度工作开展情况")
                .notBlank("problems", n.problems(), PROBLEMS_MAX, "存在的问题")
                .notBlank("nextYearPlan", n.nextYearPlan(), NEXT_YEAR_MAX, "下一年度工作计划")
                .throwIfAny();
        if (!open(year)) {
            throw ApiProblem.conflict(year + " 年度报告自 " + opensOn(year) + " 起提交");
        }
        AnnualSubmissions.Narrative trimmed = new AnnualSubmissions.Narrative(n.workDone().trim(), n.problems().trim(),
                n.nextYearPlan().trim());
        return submissions.versions(year, regionCode).flatMap(versions -> {
            AnnualSubmissions.Version latest = AnnualSubmissions.latest(versions);
            if (latest != null && AnnualSubmissions.SUBMITTED.equals(latest.status())) {
                throw ApiProblem.conflict("该年度报告已提交，正在等待市人社局审核");
            }
            if (latest != null && AnnualSubmissions.ACCEPTED.equals(latest.status())) {
                throw ApiProblem.conflict("该年度报告已审核通过，不能再次提交");
            }
            int version = latest == null ? 1 : latest.version() + 1;
            return live(caller, year, regionCode)
                    .flatMap(figures -> writes.insert(caller, year, regionCode, version, figures, trimmed));
        }).flatMap(x -> latest(year, regionCode));
    }

    public Uni<AnnualSubmissions.Version> accept(Caller caller, int year, String regionCode) {
        caller.requireRole(Role.CITY_ADMIN);
        return pending(year, regionCode).flatMap(v -> writes.accept(caller, v)).flatMap(x -> latest(year, regionCode));
    }

    public Uni<AnnualSubmissions.Version> returnReport(Caller caller, int year, String regionCode, String reason) {
        caller.requireRole(Role.CITY_ADMIN);
        new Checks().notBlank("reason", reason, REASON_MAX, "退回原因").throwIfAny();
        return pending(year, regionCode).flatMap(v -> writes.returnVersion(caller, v, reason.trim()))
                .flatMap(x -> latest(year, regionCode));
    }

    public Uni<Overview> overview(Caller caller, int year) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        String only = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        return submissions.standings(year, only).map(list -> new Overview(year, opensOn(year), open(year), list,
                count(list, AnnualSubmissions.SUBMITTED), count(list, AnnualSubmissions.RETURNED),
                count(list, AnnualSubmissions.ACCEPTED), count(list, AnnualSubmissions.DRAFT)));
    }

    /** The city's report: frozen figures of the accepted and waiting versions, today's records for the other regions. */
    public Uni<Compiled> compiled(Caller caller, int year) {
        caller.requireRole(Role.CITY_ADMIN, Role.DEPARTMENT);
        return annual.compute(caller, year).flatMap(a -> submissions.currentPerRegion(year)
                .flatMap(current -> submissions.standings(year, null).map(standings -> {
                    Map<String, String> status = new java.util.HashMap<>();
                    standings.forEach(s -> status.put(s.regionCode(), s.status()));
                    List<CompiledRow> rows = new ArrayList<>();
                    for (AnnualReportService.RegionYear live : a.regions()) {
                        AnnualSubmissions.Version v = current.get(live.regionCode());
                        rows.add(v == null
                                ? new CompiledRow(live, status.getOrDefault(live.regionCode(), AnnualSubmissions.DRAFT), null, false)
                                : new CompiledRow(v.figures(), v.status(), v.version(), true));
                    }
                    return new Compiled(year, rows, AnnualFigures.total("CITY", "合计",
                            rows.stream().map(CompiledRow::figures).toList()), a.departments());
                })));
    }

    private Uni<AnnualReportService.RegionYear> live(Caller caller, int year, String regionCode) {
        return annual.compute(caller, year, regionCode).map(a -> a.regions().stream().filter(r -> r.regionCode().equals(regionCode))
                .findFirst().orElseThrow(() -> ApiProblem.notFound("区县 " + regionCode + " 没有 " + year + " 年度计划目标")));
    }

    private boolean open(int year) {
        return !clock.today().isBefore(opensOn(year));
    }

    private static long count(List<AnnualSubmissions.Standing> list, String status) {
        return list.stream().filter(s -> status.equals(s.status())).count();
    }

    private Uni<AnnualSubmissions.Version> pending(int year, String regionCode) {
        return latest(year, regionCode).map(v -> {
            if (v == null || !AnnualSubmissions.SUBMITTED.equals(v.status())) {
                throw ApiProblem.conflict("没有等待审核的年度报告");
            }
            return v;
        });
    }

    private Uni<AnnualSubmissions.Version> latest(int year, String regionCode) {
        return submissions.versions(year, regionCode).map(AnnualSubmissions::latest);
    }
}
