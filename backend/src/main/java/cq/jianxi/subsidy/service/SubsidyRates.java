package cq.jianxi.subsidy.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.subsidy.domain.SubsidyRate;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The yearly rates the city keeps, and as other contexts read them (positions and agreements check the
 * living-allowance floor here, through the internship context's {@code AllowanceFloors} port).
 */
@ApplicationScoped
public class SubsidyRates implements cq.jianxi.internship.service.AllowanceFloors {

    @Inject
    AppClock clock;
    @Inject
    AuditService audit;

    @WithSession
    public Uni<List<SubsidyRate>> rates() {
        return SubsidyRate.list("order by year desc");
    }

    @WithTransaction
    public Uni<SubsidyRate> setRate(Caller caller, int year, BigDecimal standard, BigDecimal high, BigDecimal threshold,
                                   BigDecimal insurance, BigDecimal floor) {
        caller.requireRole(Role.CITY_ADMIN);
        Checks c = new Checks();
        c.check(year >= 2000 && year <= 2100, "year", "年度须在 2000 到 2100 之间");
        c.check(money(standard) && standard.signum() > 0, "standardMonthly", "月补贴标准须为大于 0 的金额（两位小数）");
        c.check(money(high) && standard != null && high.compareTo(standard) >= 0, "highRetentionMonthly", "高留用率标准须不低于普通标准");
        c.check(threshold != null && threshold.signum() > 0 && threshold.compareTo(BigDecimal.ONE) <= 0, "retentionThreshold", "留用率门槛须在 0 到 1 之间");
        c.check(money(insurance), "insurancePerPerson", "意外伤害保险补贴须为不小于 0 的金额");
        c.check(money(floor), "allowanceFloor", "生活费下限须为不小于 0 的金额");
        c.throwIfAnyRuleBroken();
        return SubsidyRate.<SubsidyRate>findById(year, LockModeType.PESSIMISTIC_WRITE).flatMap(existing -> {
            SubsidyRate r = existing != null ? existing : new SubsidyRate();
            r.year = year;
            r.standardMonthly = standard;
            r.highRetentionMonthly = high;
            r.retentionThreshold = threshold;
            r.insurancePerPerson = insurance;
            r.allowanceFloor = floor;
            r.updatedAt = clock.now();
            r.updatedBy = caller.username();
            Uni<SubsidyRate> saved = existing != null ? Uni.createFrom().item(r) : r.persist();
            return saved.call(x -> audit.record(caller, AuditAction.SUBSIDY_RATE_CHANGED, "subsidy_rate",
                    String.valueOf(year), standard + "/" + high + "/" + insurance + "/" + floor));
        });
    }

    /** An amount in yuan: not negative, at most two decimals, at most ten million (the columns hold no more). */
    static boolean money(BigDecimal v) {
        return v != null && v.signum() >= 0 && v.scale() <= 2 && v.compareTo(BigDecimal.valueOf(10_000_000)) <= 0;
    }


    /**
     * The living-allowance floor (基本生活费下限) in force in {@code year}: that year's, or while the city
     * has not yet set it (rates are often set weeks into January) the latest earlier year's; empty
     * when no year has rates at all.
     */
    @Override
    @WithSession
    public Uni<Optional<BigDecimal>> allowanceFloor(int year) {
        return SubsidyRate.<SubsidyRate>find("year <= ?1 order by year desc", year).firstResult()
                .map(rate -> Optional.ofNullable(rate).map(r -> r.allowanceFloor));
    }
}
