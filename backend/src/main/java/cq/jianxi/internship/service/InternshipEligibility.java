package cq.jianxi.internship.service;

import cq.jianxi.common.problem.ApiProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an internship needs from the registry and the subsidy rates: whether the person belongs to the
 * programme on a given day (and is an unemployed graduate within two years), and the year's
 * allowance floor.
 */
@ApplicationScoped
public class InternshipEligibility {

    /** Refuses a person outside the programme; answers whether they are an unemployed graduate within two years. */
    public Uni<Boolean> requireEligible(long youthId, LocalDate day) {
        return unemployedGraduateOn(youthId, day);
    }

    /** Whether the person is an unemployed graduate within two years on the day (fixed on the internship at arrival). */
    public Uni<Boolean> unemployedGraduateOn(long youthId, LocalDate day) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select count(*) from youth where id = :id and education in ('JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR')
                          and current_status = 'UNEMPLOYED'
                          and graduation_date <= :day and graduation_date > :twoYearsBefore""", Long.class)
                .setParameter("id", youthId).setParameter("day", day).setParameter("twoYearsBefore", day.minusYears(2))
                .getSingleResult()).map(n -> n > 0);
    }

    public Uni<BigDecimal> allowanceFloor(int year) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select allowance_floor from subsidy_rate where year = :year", BigDecimal.class)
                .setParameter("year", year).getSingleResultOrNull()).map(floor -> {
            if (floor == null) {
                throw ApiProblem.conflict(year + " 年的见习补贴标准和生活费下限尚未设置，请联系市人社局");
            }
            return floor;
        });
    }
}
