package cq.jianxi.subsidy.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;

/**
 * The subsidy funds of a year as 市财政局 and 市人社局 follow them (read-only): paid by funding level
 * (central, city, district; payments by payment date), approved but not yet paid and requested (claims by
 * the month they claim), per region and for the city.
 */
@ApplicationScoped
public class SubsidyFunds {

    /** The finance bureau and the HR bureau's department account; the city admin as well. */
    static final List<String> DEPARTMENTS = List.of("CZJ", "RSJ");

    public record RegionFunds(String regionCode, String regionName, BigDecimal paidCentral, BigDecimal paidCity,
                              BigDecimal paidDistrict, BigDecimal paidTotal, BigDecimal approvedUnpaid,
                              long claims, BigDecimal requested) {
    }

    public record Funds(int year, List<RegionFunds> regions, RegionFunds city) {
    }

    @WithSession
    public Uni<Funds> year(Caller caller, int year) {
        caller.requireRole(Role.CITY_ADMIN, Role.DEPARTMENT);
        if (caller.is(Role.DEPARTMENT) && !DEPARTMENTS.contains(caller.departmentCode())) {
            throw ApiProblem.forbidden("补贴资金情况仅市财政局和市人社局可查看");
        }
        if (year < 2000 || year > 2100) {
            throw ApiProblem.invalidField("year", "年度须在 2000 到 2100 之间");
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        with paid as (
                          select d.region_code,
                                 sum(d.amount) filter (where d.funding_level = 'CENTRAL') as central,
                                 sum(d.amount) filter (where d.funding_level = 'CITY') as city,
                                 sum(d.amount) filter (where d.funding_level = 'DISTRICT') as district
                          from disbursement d where extract(year from d.paid_on) = :year group by d.region_code),
                        claims as (
                          select c.region_code, count(*) as claims, sum(c.requested_amount) as requested,
                                 sum(case when c.status = 'APPROVED' then c.approved_amount
                                          - coalesce((select sum(d.amount) from disbursement d where d.claim_id = c.id), 0)
                                          else 0 end) as unpaid
                          from subsidy_claim c where c.status <> 'REJECTED' and extract(year from c.month) = :year
                          group by c.region_code)
                        select r.code, r.short_name, coalesce(p.central, 0), coalesce(p.city, 0), coalesce(p.district, 0),
                               coalesce(c.unpaid, 0), coalesce(c.claims, 0), coalesce(c.requested, 0)
                        from region r left join paid p on p.region_code = r.code left join claims c on c.region_code = r.code
                        order by r.seq""", Object[].class)
                .setParameter("year", year).getResultList())
                .map(rows -> {
                    List<RegionFunds> regions = rows.stream().map(r -> funds((String) r[0], (String) r[1], (BigDecimal) r[2],
                            (BigDecimal) r[3], (BigDecimal) r[4], (BigDecimal) r[5], ((Number) r[6]).longValue(), (BigDecimal) r[7])).toList();
                    RegionFunds city = funds("CITY", "全市", sum(regions, RegionFunds::paidCentral), sum(regions, RegionFunds::paidCity),
                            sum(regions, RegionFunds::paidDistrict), sum(regions, RegionFunds::approvedUnpaid),
                            regions.stream().mapToLong(RegionFunds::claims).sum(), sum(regions, RegionFunds::requested));
                    return new Funds(year, regions, city);
                });
    }

    private static RegionFunds funds(String code, String name, BigDecimal central, BigDecimal city, BigDecimal district,
                                     BigDecimal unpaid, long claims, BigDecimal requested) {
        return new RegionFunds(code, name, central, city, district, central.add(city).add(district), unpaid, claims, requested);
    }

    private static BigDecimal sum(List<RegionFunds> regions, java.util.function.Function<RegionFunds, BigDecimal> f) {
        return regions.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
