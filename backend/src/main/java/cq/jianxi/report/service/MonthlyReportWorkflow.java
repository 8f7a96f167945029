package cq.jianxi.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import cq.jianxi.common.persistence.NativeValues;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Submission of a region's monthly report: the district submits a report that passes every rule
 * (填报人, phone, date), the city accepts it or returns it with a reason. Each submission is a version
 * holding a frozen snapshot, so later changes to the records never alter an accepted report; a
 * correction is a new version and the history is kept.
 */
@ApplicationScoped
public class MonthlyReportWorkflow {

    static final ZoneId CHONGQING = ZoneId.of("Asia/Shanghai");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MonthlyReportService reports;
    @Inject
    WorkCalendar calendar;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    AuditService audit;

    /** One submitted version. */
    public record Version(long id, String regionCode, YearMonth period, int version, String status,
                          List<MonthlyReportService.Cell> annex4, List<MonthlyReportService.Cell> annex5, String filledBy,
                          LocalDate filledOn, String submittedBy, OffsetDateTime submittedAt, String decidedBy,
                          OffsetDateTime decidedAt, String returnReason) {
    }

    /** The report a caller sees: frozen while submitted or accepted, live otherwise. */
    @WithSession
    public Uni<MonthlyReportService.Report> view(Caller caller, String regionCode, YearMonth period, boolean live) {
        return reports.compute(caller, regionCode, period).flatMap(computed -> latest(regionCode, period).map(v -> {
            if (v == null) {
                return computed;
            }
            boolean frozen = !live && ("SUBMITTED".equals(v.status()) || "ACCEPTED".equals(v.status()));
            return new MonthlyReportService.Report(computed.regionCode(), period, v.status(), computed.dueDate(),
                    computed.dueDateMessage(), frozen ? v.annex4() : computed.annex4(), frozen ? v.annex5() : computed.annex5(),
                    frozen ? List.of() : computed.violations(), v.submittedAt(), v.returnReason());
        }));
    }

    @WithTransaction
    public Uni<Version> submit(Caller caller, String regionCode, YearMonth period, String filledBy, String phone,
                               LocalDate filledOn) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        if (MonthlyReportService.CITY.equals(regionCode)) {
            throw ApiProblem.invalidField("regionCode", "全市报表由各区县汇总，不单独提交");
        }
        caller.requireRegion(regionCode);
        new Checks().notBlank("filledBy", filledBy, 50, "填报人")
                .check(phone != null && PHONE.matcher(phone.trim()).matches(), "phone", "联系电话格式不正确")
                .check(filledOn != null, "filledOn", "请填写填报时间").throwIfAny();
        if (!period.isBefore(YearMonth.now(CHONGQING))) {
            throw ApiProblem.conflict(period + " 尚未结束，月报在次月提交");
        }
        return reports.compute(caller, regionCode, period).flatMap(report -> {
            if (!report.violations().isEmpty()) {
                throw ApiProblem.unprocessable("报表未通过校验，不能提交", report.violations().stream()
                        .map(f -> new Violation("rule " + f.rule(), f.message(), null, null)).toList());
            }
            return latest(regionCode, period).flatMap(previous -> {
                if (previous != null && "SUBMITTED".equals(previous.status())) {
                    throw ApiProblem.conflict("该月报已提交，正在等待市人社局审核");
                }
                int version = previous == null ? 1 : previous.version() + 1;
                return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                                insert into monthly_report (region_code, period, version, status, annex4, annex5, filled_by,
                                                            filled_phone_enc, filled_on, submitted_by)
                                values (:region, :period, :version, 'SUBMITTED', cast(cast(:a4 as text) as jsonb), cast(cast(:a5 as text) as jsonb),
                                        :filledBy, :phone, :filledOn, :by)""")
                        .setParameter("region", regionCode).setParameter("period", period.atDay(1))
                        .setParameter("version", version).setParameter("a4", json(report.annex4()))
                        .setParameter("a5", json(report.annex5())).setParameter("filledBy", filledBy.trim())
                        .setParameter("phone", cipher.encrypt(phone.trim())).setParameter("filledOn", filledOn)
                        .setParameter("by", caller.username()).executeUpdate())
                        .call(x -> audit.record(caller, AuditAction.REPORT_SUBMITTED, "monthly_report",
                                regionCode + "/" + period, "第 " + version + " 版"));
            }).flatMap(x -> latest(regionCode, period));
        });
    }

    /** The city accepts the pending submission; an earlier accepted version is superseded. */
    @WithTransaction
    public Uni<Version> accept(Caller caller, String regionCode, YearMonth period) {
        caller.requireRole(Role.CITY_ADMIN);
        return pending(regionCode, period).flatMap(v -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update monthly_report set status = 'SUPERSEDED'
                        where region_code = :region and period = :period and status = 'ACCEPTED'""")
                .setParameter("region", regionCode).setParameter("period", period.atDay(1)).executeUpdate()
                .flatMap(x -> s.createNativeQuery("""
                                update monthly_report set status = 'ACCEPTED', decided_by = :by, decided_at = now()
                                where id = :id and status = 'SUBMITTED'""")
                        .setParameter("by", caller.username()).setParameter("id", v.id()).executeUpdate()))
                .call(x -> audit.record(caller, AuditAction.REPORT_ACCEPTED, "monthly_report", regionCode + "/" + period,
                        "第 " + v.version() + " 版")))
                .flatMap(x -> latest(regionCode, period));
    }

    @WithTransaction
    public Uni<Version> returnReport(Caller caller, String regionCode, YearMonth period, String reason) {
        caller.requireRole(Role.CITY_ADMIN);
        new Checks().notBlank("reason", reason, 500, "退回原因").throwIfAny();
        return pending(regionCode, period).flatMap(v -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update monthly_report set status = 'RETURNED', return_reason = :reason, decided_by = :by, decided_at = now()
                        where id = :id and status = 'SUBMITTED'""")
                .setParameter("reason", reason.trim()).setParameter("by", caller.username()).setParameter("id", v.id())
                .executeUpdate())
                .call(x -> audit.record(caller, AuditAction.REPORT_RETURNED, "monthly_report", regionCode + "/" + period,
                        reason.trim())))
                .flatMap(x -> latest(regionCode, period));
    }

    @WithSession
    public Uni<List<Version>> history(Caller caller, String regionCode, YearMonth period) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        caller.requireRegion(regionCode);
        return versions(regionCode, period);
    }

    /** Where each region stands for a period: submitted, accepted, returned, or late after the due date. */
    public record Standing(String regionCode, String regionName, String status, Integer version, OffsetDateTime submittedAt,
                           LocalDate dueDate, boolean overdue, String returnReason) {
    }

    @WithSession
    public Uni<List<Standing>> overview(Caller caller, YearMonth period) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        String only = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        return calendar.dueDate(period).flatMap(due -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select r.code, r.short_name, m.status, m.version, m.submitted_at, m.return_reason
                        from region r
                        left join lateral (select * from monthly_report x where x.region_code = r.code and x.period = :period
                                           and x.status <> 'SUPERSEDED' order by x.version desc limit 1) m on true
                        where cast(:only as varchar) is null or r.code = :only
                        order by r.seq""", Object[].class)
                .setParameter("period", period.atDay(1)).setParameter("only", only).getResultList())
                .map(rows -> {
                    LocalDate today = LocalDate.now(CHONGQING);
                    List<Standing> list = new ArrayList<>();
                    for (Object[] r : rows) {
                        String status = r[2] == null ? "DRAFT" : (String) r[2];
                        boolean done = "SUBMITTED".equals(status) || "ACCEPTED".equals(status);
                        boolean overdue = !done && due.dueDate() != null && today.isAfter(due.dueDate());
                        list.add(new Standing((String) r[0], (String) r[1], status,
                                r[3] == null ? null : ((Number) r[3]).intValue(), NativeValues.timestamp(r[4]), due.dueDate(), overdue,
                                (String) r[5]));
                    }
                    return list;
                }));
    }

    private Uni<Version> pending(String regionCode, YearMonth period) {
        return latest(regionCode, period).map(v -> {
            if (v == null || !"SUBMITTED".equals(v.status())) {
                throw ApiProblem.conflict("没有等待审核的月报");
            }
            return v;
        });
    }

    private Uni<Version> latest(String regionCode, YearMonth period) {
        return versions(regionCode, period).map(list -> list.stream().filter(v -> !"SUPERSEDED".equals(v.status()))
                .findFirst().orElse(null));
    }

    private Uni<List<Version>> versions(String regionCode, YearMonth period) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select id, version, status, annex4::text, annex5::text, filled_by, filled_on, submitted_by,
                               submitted_at, decided_by, decided_at, return_reason
                        from monthly_report where region_code = :region and period = :period order by version desc""",
                        Object[].class)
                .setParameter("region", regionCode).setParameter("period", period.atDay(1)).getResultList())
                .map(rows -> rows.stream().map(r -> new Version(((Number) r[0]).longValue(), regionCode, period,
                        ((Number) r[1]).intValue(), (String) r[2], cells((String) r[3]), cells((String) r[4]), (String) r[5],
                        NativeValues.date(r[6]), (String) r[7], NativeValues.timestamp(r[8]),
                        (String) r[9], NativeValues.timestamp(r[10]), (String) r[11])).toList());
    }

    private static String json(List<MonthlyReportService.Cell> cells) {
        try {
            return JSON.writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MonthlyReportService.Cell> cells(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<MonthlyReportService.Cell>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
