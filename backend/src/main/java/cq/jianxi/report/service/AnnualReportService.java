package cq.jianxi.report.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.matching.service.ServiceRates;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The yearly report on the plan's implementation (年度计划实施情况): per region and department, the
 * eight Annex 2 targets against what the records achieved, with the service rate. Typical persons are the
 * city-approved ones the region submitted in the year; national nominations are the region's bases the
 * yearly evaluation recommended to the national selection.
 */
@ApplicationScoped
public class AnnualReportService {

    @Inject
    Pool pool;
    @Inject
    ServiceRates matching;

    /** Target and achievement; achieved is null where the platform keeps no record. */
    public record Figure(long target, Long achieved) {
    }

    /** One region's year. */
    public record RegionYear(String regionCode, String regionName, Figure newBases, Figure newKeyEnterpriseBases,
                             Figure positions, Figure participants, Figure policySessions, Figure matchingEvents,
                             Figure typicalPersons, Figure nationalNominations, Double serviceRate) {
    }

    /** One department's quota. */
    public record DepartmentYear(String code, String name, Figure positions) {
    }

    /** The whole report. */
    public record Annual(int year, List<RegionYear> regions, List<DepartmentYear> departments) {
    }

    public Uni<Annual> compute(Caller caller, int year) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        String only = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        Uni<List<Row>> regions = pool.preparedQuery("""
                        select r.code, r.short_name, t.new_bases, t.new_key_enterprise_bases, t.positions, t.participants,
                               t.policy_sessions, t.matching_events, t.typical_persons, t.national_nominations,
                               (select count(*) from base b where b.region_code = r.code and b.status = 'APPROVED' and b.filed_year = $1) as a_bases,
                               (select count(*) from base b where b.region_code = r.code and b.status = 'APPROVED' and b.filed_year = $1
                                  and exists (select 1 from employer_key_category k where k.employer_id = b.employer_id)) as a_keys,
                               (select coalesce(sum(p.headcount), 0) from position p join base b on b.id = p.base_id
                                  where b.region_code = r.code and p.published_year = $1) as a_positions,
                               (select count(distinct i.youth_id) from internship i where i.region_code = r.code
                                  and i.arrived_on between make_date($1, 1, 1) and make_date($1, 12, 31)) as a_participants,
                               (select count(*) from activity a where a.region_code = r.code and a.kind = 'POLICY_SESSION'
                                  and extract(year from a.held_on) = $1) as a_sessions,
                               (select count(*) from activity a where a.region_code = r.code and a.kind <> 'POLICY_SESSION'
                                  and extract(year from a.held_on) = $1) as a_events,
                               (select count(*) from typical_person tp where tp.region_code = r.code and tp.status = 'APPROVED'
                                  and tp.year = $1) as a_typical,
                               (select count(*) from demonstration_award d where d.stage = 'NATIONAL_RECOMMENDED'
                                  and d.year = $1 and d.region_code = r.code) as a_national
                        from region r join plan_target t on t.region_code = r.code and t.year = $1
                        where $2::varchar is null or r.code = $2
                        order by r.seq""").execute(Tuple.of(year, only)).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return list;
        });
        Uni<List<DepartmentYear>> departments = only != null ? Uni.createFrom().item(List.of())
                : pool.preparedQuery("""
                        select d.code, d.name, d.position_quota,
                               (select coalesce(sum(p.headcount), 0) from position p where p.department_code = d.code
                                  and p.published_year = $1) as achieved
                        from department d where d.position_quota is not null order by d.seq""").execute(Tuple.of(year))
                .map(rows -> {
                    List<DepartmentYear> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new DepartmentYear(r.getString(0), r.getString(1),
                                new Figure(r.getInteger(2), r.getLong(3))));
                    }
                    return list;
                });
        // One after another: parallel statements of one request could each wait for a connection others hold.
        return regions.flatMap(r -> departments.flatMap(d -> matching.serviceRate(caller, only)
                .map(rate -> io.smallrye.mutiny.tuples.Tuple3.of(r, d, rate)))).map(t -> {
            if (t.getItem1().isEmpty()) {
                throw ApiProblem.notFound(year + " 年度计划尚未导入");
            }
            Map<String, Double> rates = t.getItem3().regions().stream()
                    .filter(x -> x.rate() != null)
                    .collect(Collectors.toMap(ServiceRates.RegionRate::regionCode, ServiceRates.RegionRate::rate));
            Function<Row, RegionYear> map = r -> new RegionYear(r.getString("code"), r.getString("short_name"),
                    new Figure(r.getInteger("new_bases"), r.getLong("a_bases")),
                    new Figure(r.getInteger("new_key_enterprise_bases"), r.getLong("a_keys")),
                    new Figure(r.getInteger("positions"), r.getLong("a_positions")),
                    new Figure(r.getInteger("participants"), r.getLong("a_participants")),
                    new Figure(r.getInteger("policy_sessions"), r.getLong("a_sessions")),
                    new Figure(r.getInteger("matching_events"), r.getLong("a_events")),
                    new Figure(r.getInteger("typical_persons"), r.getLong("a_typical")),
                    new Figure(r.getInteger("national_nominations"), r.getLong("a_national")),
                    rates.get(r.getString("code")));
            return new Annual(year, t.getItem1().stream().map(map).toList(), t.getItem2());
        });
    }
}
