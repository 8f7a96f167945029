package cq.jianxi.report.service;

import cq.jianxi.calendar.service.WorkCalendar;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.region.service.Regions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Submission of a region's monthly report: the district submits (a correction of an accepted report
 * carries its reason), the city accepts or returns it; the city closes its month as a version of its
 * own. The figures are computed before the write's transaction opens, so a submission never holds
 * two connections at once.
 */
@ApplicationScoped
public class MonthlyReportWorkflow {

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    @Inject
    Regions regions;
    @Inject
    MonthlyReportService reports;
    @Inject
    ReportVersions versions;
    @Inject
    ReportWrites writes;
    @Inject
    WorkCalendar calendar;
    @Inject
    AppClock clock;
    @Inject
    Pool pool;

    /** The details of a submission. */
    public record Submission(String filledBy, String phone, LocalDate filledOn, String correctionReason) {
    }

    public Uni<MonthlyReportService.Report> view(Caller caller, String regionCode, YearMonth period, boolean live) {
        return MonthlyReportService.CITY.equals(regionCode) ? reports.city(caller, period, live)
                : reports.region(caller, regionCode, period, live);
    }

    public Uni<ReportVersions.Version> submit(Caller caller, String regionCode, YearMonth period, Submission s) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        if (MonthlyReportService.CITY.equals(regionCode)) {
            throw ApiProblem.invalidField("regionCode", "全市报表由各区县汇总，不单独提交；全市请使用“关账”");
        }
        caller.requireRegion(regionCode);
        new Checks().notBlank("filledBy", s.filledBy(), 50, "填报人")
                .check(s.phone() != null && PHONE.matcher(s.phone().trim()).matches(), "phone", "联系电话格式不正确")
                .check(s.filledOn() != null && !s.filledOn().isAfter(clock.today()), "filledOn", "请填写填报时间（不晚于今天）")
                .check(s.correctionReason() == null || s.correctionReason().length() <= 500, "correctionReason",
                        "更正原因不能超过 500 个字符")
                .throwIfAnyRuleBroken();
        if (!period.isBefore(clock.month())) {
            throw ApiProblem.conflict(period + " 尚未结束，月报在次月提交");
        }
        return reports.live(regionCode, period).flatMap(live -> {
            List<MonthlyReportService.Finding> findings = MonthlyReportService.check(live.tables().annex4());
            if (!findings.isEmpty()) {
                throw ApiProblem.unprocessable("报表未通过校验，不能提交", findings.stream()
                        .map(f -> new Violation("rule " + f.rule(), f.message(), null, null)).toList());
            }
            return versions.versions(regionCode, period).flatMap(list -> {
                ReportVersions.Version previous = ReportVersions.latest(list);
                if (previous != null && "SUBMITTED".equals(previous.status())) {
                    throw ApiProblem.conflict("该月报已提交，正在等待市人社局审核");
                }
                boolean correction = list.stream().anyMatch(v -> "ACCEPTED".equals(v.status()));
                if (correction && (s.correctionReason() == null || s.correctionReason().isBlank())) {
                    throw ApiProblem.invalidField("correctionReason", "该月报已审核通过，提交更正须填写更正原因");
                }
                int version = list.isEmpty() ? 1 : list.get(0).version() + 1;
                return writes.insertVersion(caller, regionCode, period, version, live.tables(), s, correction);
            });
        }).flatMap(x -> latest(regionCode, period));
    }

    public Uni<ReportVersions.Version> accept(Caller caller, String regionCode, YearMonth period) {
        caller.requireRole(Role.CITY_ADMIN);
        return pending(regionCode, period).flatMap(v -> writes.accept(caller, v)).flatMap(x -> latest(regionCode, period));
    }

    public Uni<ReportVersions.Version> returnReport(Caller caller, String regionCode, YearMonth period, String reason) {
        caller.requireRole(Role.CITY_ADMIN);
        new Checks().notBlank("reason", reason, 500, "退回原因").throwIfAny();
        return pending(regionCode, period).flatMap(v -> writes.returnVersion(caller, v, reason.trim()))
                .flatMap(x -> latest(regionCode, period));
    }

    /** The city closes its month: the composition of the regions' versions now becomes a version of its own. */
    public Uni<ReportVersions.CityVersion> closeCity(Caller caller, YearMonth period) {
        caller.requireRole(Role.CITY_ADMIN);
        if (!period.isBefore(clock.month())) {
            throw ApiProblem.conflict(period + " 尚未结束，不能关账");
        }
        return reports.composeCity(period).flatMap(c -> versions.cityVersions(period).flatMap(closed ->
                        writes.closeCity(caller, period, closed.isEmpty() ? 1 : closed.get(0).version() + 1, c)))
                .flatMap(x -> versions.cityVersions(period)).map(list -> list.get(0));
    }

    public Uni<List<ReportVersions.Version>> history(Caller caller, String regionCode, YearMonth period) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        caller.requireRegion(regionCode);
        return versions.versions(regionCode, period);
    }

    /** Where each region stands for a period: submitted, accepted, returned, or late after the due date. */
    public record Standing(String regionCode, String regionName, String status, Integer version, OffsetDateTime submittedAt,
                           LocalDate dueDate, boolean overdue, String returnReason) {
    }

    public Uni<List<Standing>> overview(Caller caller, YearMonth period) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        String only = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        return calendar.dueDate(period).flatMap(due -> regions.listInOrder().flatMap(all -> pool.preparedQuery("""
                        select distinct on (x.region_code) x.region_code, x.status, x.version, x.submitted_at, x.return_reason
                        from monthly_report x where x.period = $1 and x.status <> 'SUPERSEDED'
                        order by x.region_code, x.version desc""").execute(Tuple.of(period.atDay(1)))
                .map(rows -> {
                    Map<String, Row> latest = new HashMap<>();
                    rows.forEach(r -> latest.put(r.getString(0), r));
                    LocalDate today = clock.today();
                    List<Standing> list = new ArrayList<>();
                    all.stream().filter(region -> only == null || region.code.equals(only)).forEach(region -> {
                        Row r = latest.get(region.code);
                        String status = r == null ? "DRAFT" : r.getString(1);
                        boolean done = "SUBMITTED".equals(status) || "ACCEPTED".equals(status);
                        boolean overdue = !done && due.dueDate() != null && today.isAfter(due.dueDate());
                        list.add(new Standing(region.code, region.shortName, status, r == null ? null : r.getInteger(2),
                                r == null ? null : r.getOffsetDateTime(3), due.dueDate(), overdue,
                                r == null ? null : r.getString(4)));
                    });
                    return list;
                })));
    }

    private Uni<ReportVersions.Version> pending(String regionCode, YearMonth period) {
        return latest(regionCode, period).map(v -> {
            if (v == null || !"SUBMITTED".equals(v.status())) {
                throw ApiProblem.conflict("没有等待审核的月报");
            }
            return v;
        });
    }

    private Uni<ReportVersions.Version> latest(String regionCode, YearMonth period) {
        return versions.versions(regionCode, period).map(ReportVersions::latest);
    }
}
