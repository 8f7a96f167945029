package cq.jianxi.subsidy.service;

import cq.jianxi.subsidy.domain.SubsidyRate;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Optional;

/** The yearly rates as other contexts read them (positions check the living-allowance floor here). */
@ApplicationScoped
public class SubsidyRates implements cq.jianxi.internship.service.AllowanceFloors {

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
