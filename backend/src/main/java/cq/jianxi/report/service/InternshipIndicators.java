package cq.jianxi.report.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Indicators 6–14 of the Annex 4 summary table for one region (or the city) and one month, counted
 * from internship and payment records with the notice's definitions: "本期" is the month itself;
 * indicator 13 is on post at the month's end; indicator 14 is the year's cumulative payments in 万元.
 */
@ApplicationScoped
public class InternshipIndicators {

    @Inject
    Pool pool;

    public Uni<Map<Integer, BigDecimal>> compute(Caller caller, String regionCode, YearMonth month) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        String region = regionCode == null || regionCode.isBlank() || "CITY".equals(regionCode) ? null : regionCode.trim();
        if (caller.is(Role.DISTRICT_ADMIN)) {
            if (region == null) {
                throw ApiProblem.forbidden("区县管理员只能查看本区县的指标");
            }
            caller.requireRegion(region);
        }
        return compute(region, month);
    }

    /** Unscoped: for services that already checked the caller. */
    public Uni<Map<Integer, BigDecimal>> compute(String region, YearMonth month) {
        return pool.preparedQuery("""
                        select
                          count(*) filter (where state <> 'PENDING' and start_date between $2 and $3) as i6,
                          count(*) filter (where state <> 'PENDING' and start_date between $2 and $3 and unemployed_graduate) as i7,
                          count(*) filter (where state in ('COMPLETED', 'RETAINED_EARLY') and actual_end between $2 and $3) as i8,
                          count(*) filter (where state in ('COMPLETED', 'RETAINED_EARLY') and actual_end between $2 and $3
                                            and (state = 'RETAINED_EARLY' or outcome = 'RETAINED')) as i9,
                          count(*) filter (where state in ('COMPLETED', 'RETAINED_EARLY') and actual_end between $2 and $3
                                            and (state = 'RETAINED_EARLY' or outcome = 'RETAINED') and unemployed_graduate) as i10,
                          count(*) filter (where state = 'COMPLETED' and actual_end between $2 and $3
                                            and outcome = 'EMPLOYED_ELSEWHERE') as i11,
                          count(*) filter (where state = 'ABNORMAL' and actual_end between $2 and $3) as i12,
                          count(*) filter (where state <> 'PENDING' and start_date <= $3 and (actual_end is null or actual_end > $3)) as i13,
                          (select coalesce(sum(amount), 0) from disbursement
                            where ($1::varchar is null or region_code = $1) and paid_on between $4 and $3) as i14
                        from internship where $1::varchar is null or region_code = $1""")
                .execute(Tuple.of(region, month.atDay(1), month.atEndOfMonth(), month.withMonth(1).atDay(1)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    Map<Integer, BigDecimal> values = new LinkedHashMap<>();
                    for (int no = 6; no <= 13; no++) {
                        values.put(no, BigDecimal.valueOf(r.getLong("i" + no)));
                    }
                    values.put(14, r.getBigDecimal("i14").divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP));
                    return values;
                });
    }
}
