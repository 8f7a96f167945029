package cq.jianxi.subsidy.repository;

import cq.jianxi.common.persistence.NativeValues;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Payments of claims; the database stamps when each was recorded. Callers provide the session. */
@ApplicationScoped
public class DisbursementRepository {

    /** One payment as listed under its claim. */
    public record Payment(LocalDate paidOn, BigDecimal amount, String fundingLevel) {
    }

    public Uni<Void> insert(long claimId, String regionCode, LocalDate paidOn, BigDecimal amount, String fundingLevel,
                            String recordedBy) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into disbursement (claim_id, region_code, paid_on, amount, funding_level, recorded_by)
                        values (:claim, :region, :paidOn, :amount, :level, :by)""")
                .setParameter("claim", claimId).setParameter("region", regionCode).setParameter("paidOn", paidOn)
                .setParameter("amount", amount).setParameter("level", fundingLevel)
                .setParameter("by", recordedBy).executeUpdate()).replaceWithVoid();
    }

    /** What has been paid on the claim so far. */
    public Uni<BigDecimal> paid(long claimId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select coalesce(sum(amount), 0) from disbursement where claim_id = :id", BigDecimal.class)
                .setParameter("id", claimId).getSingleResult());
    }

    /** The claim's payments, oldest first. */
    public Uni<List<Payment>> of(long claimId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select paid_on, amount, funding_level from disbursement where claim_id = :id order by paid_on, id",
                        Object[].class)
                .setParameter("id", claimId).getResultList())
                .map(list -> list.stream().map(r -> new Payment(NativeValues.date(r[0]), (BigDecimal) r[1], (String) r[2]))
                        .toList());
    }
}
