package cq.jianxi.dashboard.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.math.BigDecimal;
import cq.jianxi.report.service.ReportWorkbook;
import java.util.List;
import cq.jianxi.report.readmodel.PlanProgress;
import cq.jianxi.report.readmodel.PlanFigures.Column;

/**
 * Recruitment progress against the year's plan, for the caller's scope: every Annex 2 column per region and
 * department quota from {@link PlanProgress} (achieved vs target vs this month's 倒排 milestone), with the
 * three recruitment figures the charts draw (positions, new bases and, of them, key enterprises).
 */
@ApplicationScoped
public class RecruitmentDashboardService {

    @jakarta.inject.Inject
    AppClock clock;

    @Inject
    PlanProgress plans;

    /** Target and achievement of one figure. */
    public record Progress(long target, long achieved) {
        public Progress plus(Progress other) {
            return new Progress(target + other.target, achieved + other.achieved);
        }

        static Progress of(PlanProgress.ColumnProgress c) {
            return new Progress(c.target(), c.achieved());
        }
    }

    /** One region's progress; behind when any column is below this month's milestone. */
    public record RegionProgress(String regionCode, String regionName, Progress positions, Progress bases,
                                 Progress keyEnterpriseBases, boolean behindSchedule) {
    }

    /** One department's quota progress. */
    public record DepartmentProgress(String departmentCode, String departmentName, String positionCategory,
                                     Progress positions) {
    }

    /** The dashboard for one caller and year. */
    public record Dashboard(int year, OffsetDateTime asOf, Progress positions, Progress bases,
                            Progress keyEnterpriseBases, List<RegionProgress> regions,
                            List<DepartmentProgress> departments, PlanProgress.Progress plan) {
    }

    public void requireAccess(Caller caller) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
    }

    public Uni<Dashboard> compute(Caller caller, int year) {
        requireAccess(caller);
        if (year < 2000 || year > 2100) {
            throw ApiProblem.invalidField("year", "年度须在 2000 到 2100 之间");
        }
        String only = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        return plans.year(year, only).map(plan -> {
            List<RegionProgress> regions = new ArrayList<>();
            for (PlanProgress.Scope r : plan.regions()) {
                regions.add(new RegionProgress(r.code(), r.name(), Progress.of(r.column(Column.POSITIONS)),
                        Progress.of(r.column(Column.NEW_BASES)), Progress.of(r.column(Column.NEW_KEY_ENTERPRISE_BASES)),
                        r.behind()));
            }
            List<DepartmentProgress> departments = new ArrayList<>();
            for (PlanProgress.Scope d : plan.departments()) {
                departments.add(new DepartmentProgress(d.code(), d.name(), d.category(),
                        Progress.of(d.column(Column.POSITIONS))));
            }
            return new Dashboard(year, clock.now(), Progress.of(total(plan, Column.POSITIONS)),
                    Progress.of(total(plan, Column.NEW_BASES)), Progress.of(total(plan, Column.NEW_KEY_ENTERPRISE_BASES)),
                    regions, departments, plan);
        });
    }

    /** The caller's regions (and, city-wide, the department quotas) as an xlsx comparison sheet. */
    public Uni<byte[]> workbook(Caller caller, int year) {
        return compute(caller, year).map(d -> {
            List<ReportWorkbook.Line> regions = new ArrayList<>();
            for (PlanProgress.Scope r : d.plan().regions()) {
                List<BigDecimal> values = new ArrayList<>();
                for (PlanProgress.ColumnProgress c : r.columns()) {
                    values.addAll(List.of(BigDecimal.valueOf(c.target()), BigDecimal.valueOf(c.achieved()),
                            BigDecimal.valueOf(c.milestone()), BigDecimal.valueOf(c.gap())));
                }
                values.add(BigDecimal.valueOf(r.columns().stream().filter(PlanProgress.ColumnProgress::behind).count()));
                regions.add(new ReportWorkbook.Line(r.name(), values));
            }
            List<ReportWorkbook.Line> departments = d.plan().departments().stream().map(x -> {
                PlanProgress.ColumnProgress c = x.column(Column.POSITIONS);
                return new ReportWorkbook.Line(x.name(), List.of(BigDecimal.valueOf(c.target()),
                        BigDecimal.valueOf(c.achieved()), BigDecimal.valueOf(c.milestone()), BigDecimal.valueOf(c.gap())));
            }).toList();
            return ReportWorkbook.progress(year, d.plan().month(), regions, departments);
        });
    }

    private static PlanProgress.ColumnProgress total(PlanProgress.Progress plan, Column c) {
        return plan.total().stream().filter(x -> x.column() == c).findFirst().orElseThrow();
    }
}
