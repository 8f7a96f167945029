package cq.jianxi.subsidy.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;

/**
 * Subsidy payments brought from the previous system: the month's claim (approved on the day of the
 * first payment, since the old system's approval date is unknown) and its payments, never above the
 * approved amount, each after its month ended and not in the future. Marked as migrated.
 */
@ApplicationScoped
public class DisbursementHistory {

    @Inject
    AppClock clock;

    /** One historical payment. */
    public record MigratedPayment(long internshipId, long baseId, String regionCode, YearMonth month, BigDecimal approvedAmount,
                                  LocalDate paidOn, BigDecimal amount, String fundingLevel, String recordedBy) {
    }

    /** Records the payment (and the month's claim on its first payment); returns the disbursement id. */
    public Uni<Long> record(MigratedPayment p) {
        if (!p.paidOn().isAfter(p.month().atEndOfMonth())) {
            throw ApiProblem.invalidField("paidOn", "拨付日期须在所属月份 " + p.month() + " 结束之后");
        }
        if (p.paidOn().isAfter(clock.today())) {
            throw ApiProblem.invalidField("paidOn", "拨付日期不能晚于今天");
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select id, approved_amount, (select coalesce(sum(d.amount), 0) from disbursement d where d.claim_id = c.id)
                        from subsidy_claim c where internship_id = :internship and month = :month and status <> 'REJECTED'""",
                        Object[].class)
                .setParameter("internship", p.internshipId()).setParameter("month", p.month().atDay(1)).getSingleResultOrNull()
                .flatMap(claim -> {
                    Uni<Long> claimId = claim != null ? Uni.createFrom().item(((Number) claim[0]).longValue())
                            : s.createNativeQuery("""
                                    insert into subsidy_claim (internship_id, month, base_id, region_code, status, requested_amount,
                                                               approved_amount, submitted_at, decided_at, decided_by, origin)
                                    values (:internship, :month, :base, :region, 'APPROVED', :amount, :amount, :at, :at, :by, 'MIGRATED')
                                    returning id""", Long.class)
                            .setParameter("internship", p.internshipId()).setParameter("month", p.month().atDay(1))
                            .setParameter("base", p.baseId()).setParameter("region", p.regionCode())
                            .setParameter("amount", p.approvedAmount())
                            .setParameter("at", p.paidOn().atTime(LocalTime.of(9, 0)).atZone(AppClock.ZONE).toOffsetDateTime())
                            .setParameter("by", p.recordedBy()).getSingleResult();
                    BigDecimal approved = claim != null ? (BigDecimal) claim[1] : p.approvedAmount();
                    BigDecimal already = claim != null ? (BigDecimal) claim[2] : BigDecimal.ZERO;
                    BigDecimal total = already.add(p.amount());
                    if (approved.compareTo(p.approvedAmount()) != 0) {
                        throw ApiProblem.invalidField("approvedAmount", p.month() + " 的核定金额与已导入的 " + approved + " 元不一致");
                    }
                    if (total.compareTo(approved) > 0) {
                        throw ApiProblem.invalidField("amount", "拨付合计 " + total + " 元超过核定金额 " + approved + " 元");
                    }
                    return claimId.flatMap(id -> s.createNativeQuery("""
                                    insert into disbursement (claim_id, region_code, paid_on, amount, funding_level, recorded_by, recorded_at, origin)
                                    values (:claim, :region, :paidOn, :amount, :level, :by, :at, 'MIGRATED') returning id""", Long.class)
                            .setParameter("claim", id).setParameter("region", p.regionCode()).setParameter("paidOn", p.paidOn())
                            .setParameter("amount", p.amount()).setParameter("level", p.fundingLevel())
                            .setParameter("by", p.recordedBy()).setParameter("at", clock.now()).getSingleResult()
                            .call(x -> total.compareTo(approved) == 0
                                    ? s.createNativeQuery("update subsidy_claim set status = 'PAID' where id = :id")
                                            .setParameter("id", id).executeUpdate()
                                    : Uni.createFrom().voidItem()));
                }));
    }
}
