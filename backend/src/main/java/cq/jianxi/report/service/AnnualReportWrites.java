package cq.jianxi.report.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The writes of the annual report workflow, each one transaction with its audit record. */
@ApplicationScoped
public class AnnualReportWrites {

    private static final String TARGET = "annual_report";

    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    @WithTransaction
    public Uni<Void> insert(Caller caller, int year, String regionCode, int version, AnnualReportService.RegionYear figures,
                            AnnualSubmissions.Narrative n) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into annual_report (year, region_code, version, status, figures, work_done, problems, next_year_plan,
                                                   submitted_by, submitted_at)
                        values (:year, :region, :version, 'SUBMITTED', cast(cast(:figures as text) as jsonb), :work, :problems,
                                :next, :by, :at)""")
                        .setParameter("year", year).setParameter("region", regionCode).setParameter("version", version)
                        .setParameter("figures", AnnualSubmissions.json(figures)).setParameter("work", n.workDone())
                        .setParameter("problems", n.problems()).setParameter("next", n.nextYearPlan())
                        .setParameter("by", caller.username()).setParameter("at", clock.now())
                        .executeUpdate())
                .call(x -> audit.record(caller, AuditAction.ANNUAL_REPORT_SUBMITTED, TARGET, regionCode + "/" + year,
                        "第 " + version + " 版"))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> accept(Caller caller, AnnualSubmissions.Version v) {
        return decide(caller, v, "ACCEPTED", null)
                .call(x -> audit.record(caller, AuditAction.ANNUAL_REPORT_ACCEPTED, TARGET, v.regionCode() + "/" + v.year(),
                        "第 " + v.version() + " 版"))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> returnVersion(Caller caller, AnnualSubmissions.Version v, String reason) {
        return decide(caller, v, "RETURNED", reason)
                .call(x -> audit.record(caller, AuditAction.ANNUAL_REPORT_RETURNED, TARGET, v.regionCode() + "/" + v.year(),
                        "第 " + v.version() + " 版：" + reason))
                .replaceWithVoid();
    }

    /** Decides the waiting version; a version decided meanwhile by someone else is a conflict, not a second decision. */
    private Uni<Integer> decide(Caller caller, AnnualSubmissions.Version v, String status, String reason) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update annual_report set status = :status, return_reason = :reason, reviewed_by = :by, reviewed_at = :at
                        where id = :id and status = 'SUBMITTED'""")
                .setParameter("status", status).setParameter("reason", reason).setParameter("by", caller.username())
                .setParameter("at", clock.now()).setParameter("id", v.id()).executeUpdate())
                .invoke(n -> {
                    if (n == 0) {
                        throw ApiProblem.conflict("该年度报告已被审核，请刷新后查看");
                    }
                });
    }
}
