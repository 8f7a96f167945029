package cq.jianxi.dashboard.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Recruitment progress against the year's plan: positions (headcount first published in the year),
 * bases filed in the year and, of them, key enterprises — per region, per department quota and in
 * total, for the caller's scope. Aggregated in SQL so it stays fast at city scale.
 */
@ApplicationScoped
public class RecruitmentDashboardService {

    @jakarta.inject.Inject
    AppClock clock;

    static final ZoneId CHONGQING = AppClock.ZONE;

    @Inject
    Pool pool;

    /** Target and achievement of one figure. */
    public record Progress(long target, long achieved) {
        public Progress plus(Progress other) {
            return new Progress(target + other.target, achieved + other.achieved);
        }
    }

    /** One region's progress. */
    public record RegionProgress(String regionCode, String regionName, Progress positions, Progress bases,
                                 Progress keyEnterpriseBases, boolean behindSchedule) {
    }

    /** One department's quota progress. */
    public record DepartmentProgress(String departmentCode, String departmentName, String positionCategory,
                                     Progress positions) {
    }

    /** The dashboard for one caller and year. */
    public record Dashboard(int year, OffsetDateTime asOf, double elapsedShare, Progress positions, Progress bases,
                            Progress keyEnterpriseBases, List<RegionProgress> regions,
                            List<DepartmentProgress> departments) {
    }

    public void requireAccess(Caller caller) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
    }

    public Uni<Dashboard> compute(Caller caller, int year) {
        requireAccess(caller);
        if (year < 2000 || year > 2100) {
            throw ApiProblem.invalidField("year", "年度须在 2000 到 2100 之间");
        }
        String only = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        double elapsed = elapsedShare(year, clock.today());
        Uni<List<RegionProgress>> regions = pool.preparedQuery("""
                with t as (select region_code, positions, new_bases, new_key_enterprise_bases from plan_target where year = $1),
                     p as (select b.region_code, sum(p.headcount) as achieved
                           from position p join base b on b.id = p.base_id
                           where p.published_year = $1 group by b.region_code),
                     f as (select b.region_code, count(*) as bases,
                                  count(*) filter (where exists (select 1 from employer_key_category k where k.employer_id = b.employer_id)) as key_bases
                           from base b where b.status = 'APPROVED' and b.filed_year = $1 group by b.region_code)
                select r.code, r.short_name,
                       coalesce(t.positions, 0) as positions_target, coalesce(p.achieved, 0) as positions_achieved,
                       coalesce(t.new_bases, 0) as bases_target, coalesce(f.bases, 0) as bases_achieved,
                       coalesce(t.new_key_enterprise_bases, 0) as key_target, coalesce(f.key_bases, 0) as key_achieved
                from region r
                left join t on t.region_code = r.code
                left join p on p.region_code = r.code
                left join f on f.region_code = r.code
                where $2::varchar is null or r.code = $2
                order by r.seq
                """).execute(Tuple.of(year, only)).map(rows -> {
            List<RegionProgress> list = new ArrayList<>();
            for (Row row : rows) {
                Progress positions = new Progress(row.getLong("positions_target"), row.getLong("positions_achieved"));
                list.add(new RegionProgress(row.getString("code"), row.getString("short_name"), positions,
                        new Progress(row.getLong("bases_target"), row.getLong("bases_achieved")),
                        new Progress(row.getLong("key_target"), row.getLong("key_achieved")),
                        behind(positions, elapsed)));
            }
            return list;
        });
        Uni<List<DepartmentProgress>> departments = only != null ? Uni.createFrom().item(List.of())
                : pool.preparedQuery("""
                select d.code, d.name, d.position_category, d.position_quota,
                       coalesce((select sum(p.headcount) from position p
                                 where p.department_code = d.code and p.published_year = $1), 0) as achieved
                from department d where d.position_quota is not null order by d.seq
                """).execute(Tuple.of(year)).map(rows -> {
            List<DepartmentProgress> list = new ArrayList<>();
            for (Row row : rows) {
                list.add(new DepartmentProgress(row.getString("code"), row.getString("name"),
                        row.getString("position_category"),
                        new Progress(row.getInteger("position_quota"), row.getLong("achieved"))));
            }
            return list;
        });
        return Uni.combine().all().unis(regions, departments).asTuple().map(t -> {
            Progress positions = new Progress(0, 0);
            Progress bases = new Progress(0, 0);
            Progress keys = new Progress(0, 0);
            for (RegionProgress r : t.getItem1()) {
                positions = positions.plus(r.positions());
                bases = bases.plus(r.bases());
                keys = keys.plus(r.keyEnterpriseBases());
            }
            return new Dashboard(year, clock.now(), elapsed, positions, bases, keys,
                    t.getItem1(), t.getItem2());
        });
    }

    /** The share of the year gone by on {@code today}: 1 for past years, 0 for future ones. */
    static double elapsedShare(int year, LocalDate today) {
        if (year < today.getYear()) {
            return 1.0;
        }
        if (year > today.getYear()) {
            return 0.0;
        }
        return (double) today.getDayOfYear() / today.lengthOfYear();
    }

    /** Behind schedule: less achieved than the elapsed share of the year's target. */
    static boolean behind(Progress progress, double elapsed) {
        return progress.target() > 0 && progress.achieved() < Math.floor(progress.target() * elapsed);
    }
}
