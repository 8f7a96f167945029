package cq.jianxi.internship.service;

import io.smallrye.mutiny.Uni;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The living-allowance floor an agreement must meet, as the subsidy context keeps it. Declared here
 * and implemented there, because subsidies depend on internships and not the other way round.
 */
public interface AllowanceFloors {

    /** The floor in force in the year, empty when no rates have been set. */
    Uni<Optional<BigDecimal>> allowanceFloor(int year);
}
