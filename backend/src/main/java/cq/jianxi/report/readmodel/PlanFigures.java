package cq.jianxi.report.readmodel;

import cq.jianxi.common.time.AppClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of what the records achieved against the eight Annex 2 targets (docs/notice.md,
 * "附件2 年度目标进度"), counted month by month so the same numbers serve the milestones, the dashboard,
 * the governance home and the annual report. Read across the contexts' records like {@link MonthlyFigures}.
 */
@ApplicationScoped
public class PlanFigures {

    /** The eight Annex 2 columns in the notice's order (mirrors the plan context's target columns). */
    public enum Column {
        NEW_BASES, NEW_KEY_ENTERPRISE_BASES, POSITIONS, PARTICIPANTS, POLICY_SESSIONS, MATCHING_EVENTS,
        TYPICAL_PERSONS, NATIONAL_NOMINATIONS;

        public static final List<Column> ALL = List.of(values());
    }

    /** What a region's (or a department's) records achieved in each month of a year: increments, not sums. */
    public record Monthly(Map<Column, long[]> increments) {

        static Monthly empty() {
            Map<Column, long[]> map = new EnumMap<>(Column.class);
            Column.ALL.forEach(c -> map.put(c, new long[12]));
            return new Monthly(map);
        }

        /** Achieved by the end of {@code month} (1–12); 0 for month 0. */
        public long through(Column column, int month) {
            long sum = 0;
            long[] values = increments.get(column);
            for (int m = 0; m < Math.min(month, 12); m++) {
                sum += values[m];
            }
            return sum;
        }

        public long year(Column column) {
            return through(column, 12);
        }

        /** Cumulative achievement at the end of each month. */
        public long[] cumulative(Column column) {
            return running(increments.get(column));
        }
    }

    /** Running sums of twelve monthly increments: the cumulative figure at the end of each month. */
    public static long[] running(long[] increments) {
        long[] out = new long[12];
        long sum = 0;
        for (int m = 0; m < 12; m++) {
            sum += increments[m];
            out[m] = sum;
        }
        return out;
    }

    /** A year's achievements per region (every region, zeros included) and per department quota (positions). */
    public record Year(int year, LocalDate asOf, Map<String, Monthly> regions, Map<String, long[]> departments) {

        public Monthly region(String code) {
            Monthly m = regions.get(code);
            return m != null ? m : Monthly.empty();
        }

        public long[] department(String code) {
            long[] d = departments.get(code);
            return d != null ? d : new long[12];
        }
    }

    @Inject
    Pool pool;
    @Inject
    AppClock clock;

    /** The year as the records stand today (a past year in full, the current year up to today). */
    public Uni<Year> year(int year) {
        return year(year, clock.today());
    }

    /**
     * Everything counted for {@code year} up to {@code asOf}: each figure is dated by the event that makes
     * it count (approval, first publication, first arrival in the year, the activity's day, the city's
     * approval or recommendation). The year's typical persons and national nominations count whenever the
     * city decides them, usually after the year has ended.
     */
    public Uni<Year> year(int year, LocalDate asOf) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate until = asOf.isBefore(last) ? asOf : last;
        Map<String, Monthly> regions = new LinkedHashMap<>();
        Map<String, long[]> departments = new LinkedHashMap<>();
        if (until.isBefore(first)) {
            return Uni.createFrom().item(new Year(year, asOf, regions, departments));
        }
        // $2/$3: the window's first and last day; instants compare against Chongqing's day boundaries.
        String month = "extract(month from (%s at time zone 'Asia/Shanghai'))::int";
        String sql = """
                with bases as (
                  select b.region_code, %1$s as m,
                         exists (select 1 from employer_key_category k where k.employer_id = b.employer_id) as key_enterprise
                  from base b
                  where b.status in ('APPROVED', 'REVOKED') and b.filed_year = $1
                    and b.decided_at < ($3::date + 1)::timestamp at time zone 'Asia/Shanghai'
                    and (b.revoked_at is null or b.revoked_at >= ($3::date + 1)::timestamp at time zone 'Asia/Shanghai')
                ), arrivals as (
                  select region_code, extract(month from min(arrived_on))::int as m
                  from internship where arrived_on between $2 and $3
                  group by region_code, youth_id
                )
                select region_code as scope, 'NEW_BASES' as col, m, count(*)::bigint as n from bases group by 1, 3
                union all
                select region_code, 'NEW_KEY_ENTERPRISE_BASES', m, count(*) from bases where key_enterprise group by 1, 3
                union all
                select b.region_code, 'POSITIONS', %2$s, sum(p.headcount)::bigint
                  from position p join base b on b.id = p.base_id
                  where p.published_year = $1
                    and p.first_published_at < ($3::date + 1)::timestamp at time zone 'Asia/Shanghai'
                  group by 1, 3
                union all
                select p.department_code, 'DEPARTMENT_POSITIONS', %2$s, sum(p.headcount)::bigint
                  from position p
                  where p.published_year = $1 and p.department_code is not null
                    and p.first_published_at < ($3::date + 1)::timestamp at time zone 'Asia/Shanghai'
                  group by 1, 3
                union all
                select region_code, 'PARTICIPANTS', m, count(*) from arrivals group by 1, 3
                union all
                select a.region_code, case when a.kind = 'POLICY_SESSION' then 'POLICY_SESSIONS' else 'MATCHING_EVENTS' end,
                       extract(month from a.held_on)::int, count(*)
                  from activity a where a.held_on between $2 and $3
                  group by 1, 2, 3
                union all
                select t.region_code, 'TYPICAL_PERSONS', %3$s, count(*)
                  from typical_person t
                  where t.status = 'APPROVED' and t.year = $1
                  group by 1, 3
                union all
                select d.region_code, 'NATIONAL_NOMINATIONS', %4$s, count(*)
                  from demonstration_award d
                  where d.stage = 'NATIONAL_RECOMMENDED' and d.year = $1
                  group by 1, 3
                """.formatted(month.formatted("b.decided_at"), month.formatted("p.first_published_at"),
                inYear("t.decided_at"), inYear("d.decided_at"));
        return pool.preparedQuery(sql).execute(Tuple.of(year, first, until)).map(rows -> {
            for (Row row : rows) {
                String scope = row.getString("scope");
                String col = row.getString("col");
                int m = row.getInteger("m");
                long n = row.getLong("n");
                if ("DEPARTMENT_POSITIONS".equals(col)) {
                    departments.computeIfAbsent(scope, k -> new long[12])[m - 1] += n;
                } else {
                    regions.computeIfAbsent(scope, k -> Monthly.empty()).increments().get(Column.valueOf(col))[m - 1] += n;
                }
            }
            return new Year(year, asOf, regions, departments);
        });
    }

    /**
     * The month a decision counts in: its own month when taken within the year, December when the city
     * decided the year's candidates after the year ended (typical persons and nominations are often decided
     * in the following January).
     */
    private static String inYear(String column) {
        return ("case when extract(year from (%1$s at time zone 'Asia/Shanghai')) = $1 "
                + "then extract(month from (%1$s at time zone 'Asia/Shanghai'))::int else 12 end").formatted(column);
    }
}
