package cq.jianxi.organization.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.organization.domain.Ownership;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Bases brought from the previous system at go-live: the employer (found by its credit code, or
 * created) and a filing approved on its historical date, revoked if it was, marked as migrated. Runs
 * inside the import's transaction.
 */
@ApplicationScoped
public class BaseHistory {

    @Inject
    AppClock clock;

    /** A base as the previous system knew it. */
    public record MigratedBase(String creditCode, String name, String regionCode, String industry, Ownership ownership,
                               String contactName, LocalDate approvedOn, LocalDate revokedOn, String revokeReason) {
    }

    /** Records the base; returns its id. Refuses an employer that already has a live filing on the platform. */
    public Uni<Long> record(Caller caller, MigratedBase b) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select e.id, (select count(*) from base x where x.employer_id = e.id and x.status in ('PENDING', 'APPROVED'))
                        from employer e where e.credit_code = :code""", Object[].class)
                .setParameter("code", b.creditCode()).getSingleResultOrNull()
                .flatMap(found -> {
                    if (found != null && ((Number) found[1]).longValue() > 0) {
                        throw ApiProblem.conflict("统一社会信用代码 " + b.creditCode() + " 的单位在平台上已有备案，不能再导入");
                    }
                    Uni<Long> employer = found != null ? Uni.createFrom().item(((Number) found[0]).longValue())
                            : s.createNativeQuery("""
                                    insert into employer (credit_code, name, region_code, industry, ownership, created_at)
                                    values (:code, :name, :region, :industry, :ownership, :at) returning id""", Long.class)
                            .setParameter("code", b.creditCode()).setParameter("name", b.name()).setParameter("region", b.regionCode())
                            .setParameter("industry", b.industry()).setParameter("ownership", b.ownership().name())
                            .setParameter("at", clock.now()).getSingleResult();
                    OffsetDateTime approved = at(b.approvedOn());
                    return employer.flatMap(id -> s.createNativeQuery("""
                                    insert into base (name, region_code, employer_id, status, level, source, contact_name, applied_at,
                                                      decided_at, decided_by, filed_year, revoked_at, revoke_reason, origin, created_at)
                                    values (:name, :region, :employer, :status, 'ORDINARY', 'DISTRICT', :contact, :approved, :approved,
                                            :by, :year, :revoked, :reason, 'MIGRATED', :now) returning id""", Long.class)
                            .setParameter("name", b.name()).setParameter("region", b.regionCode()).setParameter("employer", id)
                            .setParameter("status", b.revokedOn() == null ? "APPROVED" : "REVOKED")
                            .setParameter("contact", b.contactName() == null ? "" : b.contactName())
                            .setParameter("approved", approved).setParameter("by", caller.username())
                            .setParameter("year", b.approvedOn().getYear())
                            .setParameter("revoked", b.revokedOn() == null ? null : at(b.revokedOn()))
                            .setParameter("reason", b.revokedOn() == null ? null : b.revokeReason())
                            .setParameter("now", clock.now()).getSingleResult());
                }));
    }

    /** A historical day as a timestamp in the middle of Chongqing's working day. */
    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(AppClock.ZONE).toOffsetDateTime();
    }
}
