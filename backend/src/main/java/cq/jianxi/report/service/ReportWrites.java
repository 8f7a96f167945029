package cq.jianxi.report.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import cq.jianxi.region.service.Regions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.YearMonth;

/** The writes of the report workflow, each one transaction with its audit record. */
@ApplicationScoped
public class ReportWrites {

    @Inject
    Regions regions;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;
    @Inject
    NotificationService notifications;

    @WithTransaction
    public Uni<Void> insertVersion(Caller caller, String regionCode, YearMonth period, int version,
                                   MonthlyReportService.Tables tables, MonthlyReportWorkflow.Submission s, boolean correction) {
        String reason = s.correctionReason() == null || s.correctionReason().isBlank() ? null : s.correctionReason().trim();
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into monthly_report (region_code, period, version, status, annex4, annex5, filled_by,
                                                    filled_phone_enc, filled_on, submitted_by, submitted_at, correction_reason)
                        values (:region, :period, :version, 'SUBMITTED', cast(cast(:a4 as text) as jsonb), cast(cast(:a5 as text) as jsonb),
                                :filledBy, :phone, :filledOn, :by, :at, :reason)""")
                        .setParameter("region", regionCode).setParameter("period", period.atDay(1))
                        .setParameter("version", version).setParameter("a4", ReportVersions.json(tables.annex4()))
                        .setParameter("a5", ReportVersions.json(tables.annex5())).setParameter("filledBy", s.filledBy().trim())
                        .setParameter("phone", cipher.encrypt(s.phone().trim())).setParameter("filledOn", s.filledOn())
                        .setParameter("by", caller.username()).setParameter("at", clock.now()).setParameter("reason", reason)
                        .executeUpdate())
                .call(x -> audit.record(caller, AuditAction.REPORT_SUBMITTED, "monthly_report", regionCode + "/" + period,
                        "第 " + version + " 版" + (correction ? "（更正：" + reason + "）" : "")))
                .call(x -> regions.findById(regionCode).map(region -> region.shortName)
                        .flatMap(name -> notifications.toCity(NotificationKind.REPORT_WAITING, "区县月报待审核",
                                name + "（" + regionCode + "）提交了 " + period + " 月报第 " + version + " 版"
                                        + (correction ? "（更正）" : "") + "，请审核。", "/admin/reports/overview")))
                .replaceWithVoid();
    }

    /** Accepts the pending version; an earlier accepted one is superseded by it. */
    @WithTransaction
    public Uni<Void> accept(Caller caller, ReportVersions.Version v) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update monthly_report set status = 'SUPERSEDED'
                        where region_code = :region and period = :period and status = 'ACCEPTED'""")
                .setParameter("region", v.regionCode()).setParameter("period", v.period().atDay(1)).executeUpdate()
                .flatMap(x -> s.createNativeQuery("""
                                update monthly_report set status = 'ACCEPTED', decided_by = :by, decided_at = :at
                                where id = :id and status = 'SUBMITTED'""")
                        .setParameter("by", caller.username()).setParameter("at", clock.now()).setParameter("id", v.id())
                        .executeUpdate()))
                .call(x -> audit.record(caller, AuditAction.REPORT_ACCEPTED, "monthly_report", v.regionCode() + "/" + v.period(),
                        "第 " + v.version() + " 版"))
                .call(x -> notifications.toRegion(v.regionCode(), NotificationKind.REPORT_ACCEPTED, "月报已审核通过",
                        v.period() + " 月报第 " + v.version() + " 版已通过市人社局审核。", "/admin/reports/monthly"))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> returnVersion(Caller caller, ReportVersions.Version v, String reason) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update monthly_report set status = 'RETURNED', return_reason = :reason, decided_by = :by, decided_at = :at
                        where id = :id and status = 'SUBMITTED'""")
                .setParameter("reason", reason).setParameter("by", caller.username()).setParameter("at", clock.now())
                .setParameter("id", v.id()).executeUpdate())
                .call(x -> audit.record(caller, AuditAction.REPORT_RETURNED, "monthly_report", v.regionCode() + "/" + v.period(),
                        reason))
                .call(x -> notifications.toRegion(v.regionCode(), NotificationKind.REPORT_RETURNED, "月报被退回",
                        v.period() + " 月报第 " + v.version() + " 版被市人社局退回：" + reason + "。请修改后重新提交。",
                        "/admin/reports/monthly"))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> closeCity(Caller caller, YearMonth period, int version, MonthlyReportService.CityComposition c) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into city_monthly_report (period, version, annex4, annex5, composition, closed_by, closed_at)
                        values (:period, :version, cast(cast(:a4 as text) as jsonb), cast(cast(:a5 as text) as jsonb),
                                cast(cast(:composition as text) as jsonb), :by, :at)""")
                .setParameter("period", period.atDay(1)).setParameter("version", version)
                .setParameter("a4", ReportVersions.json(c.city().annex4())).setParameter("a5", ReportVersions.json(c.city().annex5()))
                .setParameter("composition", ReportVersions.json(c)).setParameter("by", caller.username())
                .setParameter("at", clock.now()).executeUpdate())
                .call(x -> audit.record(caller, AuditAction.REPORT_CITY_CLOSED, "city_monthly_report", period.toString(),
                        "第 " + version + " 版"))
                .replaceWithVoid();
    }
}
