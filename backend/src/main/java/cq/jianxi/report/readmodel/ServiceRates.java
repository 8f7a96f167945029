package cq.jianxi.report.readmodel;

import cq.jianxi.common.persistence.NativeValues;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.youth.domain.Eligibility;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;

/**
 * The service rate (服务率): unemployed graduates with internship intention who were served, of all of
 * them, by region of residence, against the 100% target; and the unserved of one region.
 */
@ApplicationScoped
public class ServiceRates {

    /**
     * Who is served: someone with a service record, or with an internship that is signed, on post or
     * has begun (an intern on post was served, whether or not staff logged a service first).
     */
    static final String SERVED = """
            (exists (select 1 from service_record s where s.youth_id = y.id)
             or exists (select 1 from internship i where i.youth_id = y.id
                        and (i.state in ('SIGNED', 'ON_POST') or i.arrived_on is not null)))""";

    @Inject
    AppClock clock;

    /** Service figures of one region (or the city); the rate is null when there is nobody to serve. */
    public record RegionRate(String regionCode, String regionName, long eligible, long served) {
        public Double rate() {
            return ServiceRates.rate(eligible, served);
        }
    }

    /** A young person not yet served. */
    public record Unserved(long youthId, String name, String school, String major, LocalDate graduationDate) {
    }

    /** Service rates by region in the caller's scope, plus the unserved of one region when asked. */
    public record ServiceRate(long eligible, long served, List<RegionRate> regions, List<Unserved> unserved) {
        public Double rate() {
            return ServiceRates.rate(eligible, served);
        }
    }

    static Double rate(long eligible, long served) {
        // Nobody to serve is not 100% served: the rate is undefined, and the terminals show "—".
        return eligible == 0 ? null : (double) served / eligible;
    }

    /** Unemployed graduates with internship intention, served ÷ all of them, by region. */
    @WithSession
    public Uni<ServiceRate> serviceRate(Caller caller, String regionCode) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        String only = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        if (caller.is(Role.DISTRICT_ADMIN)) {
            if (only != null) {
                caller.requireRegion(only);
            }
            only = caller.regionCode();
        }
        String region = only;
        Eligibility.Condition graduate = Eligibility.sql(Eligibility.Category.UNEMPLOYED_GRADUATE, "y", clock.today());
        String eligible = "with e as (select y.id, y.name, y.school, y.major, y.graduation_date, y.region_code, "
                + SERVED + " as served from youth y where y.internship_intention and " + graduate.sql() + ") ";
        return Panache.getSession().flatMap(s -> {
            var rates = s.createNativeQuery(eligible + """
                    select r.code, r.short_name, count(e.id), count(e.id) filter (where e.served)
                    from region r left join e on e.region_code = r.code
                    where cast(:region as varchar) is null or r.code = :region
                    group by r.code, r.short_name, r.seq order by r.seq""", Object[].class).setParameter("region", region);
            graduate.params().forEach(rates::setParameter);
            return rates.getResultList().flatMap(rows -> {
                List<RegionRate> list = rows.stream().map(r -> new RegionRate((String) r[0], (String) r[1],
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
                long e = list.stream().mapToLong(RegionRate::eligible).sum();
                long served = list.stream().mapToLong(RegionRate::served).sum();
                if (region == null) {
                    return Uni.createFrom().item(new ServiceRate(e, served, list, List.of()));
                }
                var unserved = s.createNativeQuery(eligible + """
                        select e.id, e.name, e.school, e.major, e.graduation_date from e
                        where e.region_code = :region and not e.served
                        order by e.graduation_date desc, e.id limit 500""", Object[].class).setParameter("region", region);
                graduate.params().forEach(unserved::setParameter);
                return unserved.getResultList().map(found -> new ServiceRate(e, served, list, found.stream()
                        .map(u -> new Unserved(((Number) u[0]).longValue(), (String) u[1], (String) u[2], (String) u[3],
                                NativeValues.date(u[4]))).toList()));
            });
        });
    }
}
