package cq.jianxi.report.readmodel;

import cq.jianxi.common.time.AppClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of a base's figures for a year (docs/notice.md, "基地年度评估"), read across the
 * contexts' records like {@link MonthlyFigures}: the yearly evaluation and the disqualification rules use
 * these and nothing else. Completions, retentions and abnormal ends are Annex 4's rows 8, 9 and 12
 * counted for one base over the calendar year.
 */
@ApplicationScoped
public class BaseYearFigures {

    /** Days after a month's end by which the base confirms it on time (the 10th of the next month). */
    public static final int CONFIRMATION_DAYS = 10;

    @Inject
    Pool pool;
    @Inject
    AppClock clock;

    /** One base's counts for the year; rates are null where their denominator is zero. */
    public record BaseYear(long baseId, String baseName, String regionCode, OffsetDateTime certifiedAt,
                           LocalDate establishedOn, String operatingStatus, long positionsOffered, long arrivals,
                           long completed, long retained, long abnormal, long lapsedUnclosed, long onPostInYear,
                           long monthsDue, long monthsOnTime, long claims, long cleanClaims, long ratings,
                           Double averageRating) {

        /** Completed or retained early, over those that ended or passed their planned end unrecorded. */
        public Double completionRate() {
            return rate(completed, completed + abnormal + lapsedUnclosed);
        }

        /** Annex 4 row 9 over row 8 for the base and year. */
        public Double retentionRate() {
            return rate(retained, completed);
        }

        /** Abnormal ends over the internships on post at any time in the year. */
        public Double abnormalRate() {
            return rate(abnormal, onPostInYear);
        }

        public Double intakeRate() {
            return rate(arrivals, positionsOffered);
        }

        public Double confirmationRate() {
            return rate(monthsOnTime, monthsDue);
        }

        public Double cleanClaimRate() {
            return rate(cleanClaims, claims);
        }

        private static Double rate(long numerator, long denominator) {
            return denominator == 0 ? null : (double) numerator / denominator;
        }
    }

    /** The approved bases of a region certified by the year's end (baseId null) or one base, by id. */
    public Uni<Map<Long, BaseYear>> compute(String regionCode, Long baseId, int year) {
        LocalDate s = LocalDate.of(year, 1, 1);
        LocalDate e = LocalDate.of(year, 12, 31);
        LocalDate today = clock.today();
        // Records only count up to today: a month is due for confirmation once its deadline has passed.
        LocalDate lastDay = today.isBefore(e) ? today : e;
        return pool.preparedQuery(SQL).execute(Tuple.from(List.of(
                        regionCode == null ? "" : regionCode, baseId == null ? -1L : baseId, s, e, lastDay, today,
                        CONFIRMATION_DAYS)))
                .map(rows -> {
                    Map<Long, BaseYear> result = new LinkedHashMap<>();
                    for (Row r : rows) {
                        BaseYear b = new BaseYear(r.getLong("id"), r.getString("name"), r.getString("region_code"),
                                r.getOffsetDateTime("decided_at"), r.getLocalDate("established_on"),
                                r.getString("operating_status"), r.getLong("positions"), r.getLong("arrivals"),
                                r.getLong("completed"), r.getLong("retained"), r.getLong("abnormal"),
                                r.getLong("lapsed"), r.getLong("on_post"), r.getLong("months_due"),
                                r.getLong("months_on_time"), r.getLong("claims"), r.getLong("clean_claims"),
                                r.getLong("ratings"), r.getDouble("avg_rating"));
                        result.put(b.baseId(), b);
                    }
                    return result;
                });
    }

    /**
     * $1 region ('' for any), $2 base (-1 for any), $3/$4 the year's first/last day, $5 the last day counted
     * (today within the current year), $6 today, $7 the confirmation allowance in days.
     */
    static final String SQL = """
            with b as (
              select b.id, b.name, b.region_code, b.decided_at, e.established_on, e.operating_status
              from base b join employer e on e.id = b.employer_id
              where b.status = 'APPROVED' and b.filed_year <= extract(year from $4::date)
                and ($1 = '' or b.region_code = $1) and ($2 = -1 or b.id = $2)
            ), i as (
              select i.* from internship i join b on b.id = i.base_id
              where i.arrived_on is not null and i.arrived_on <= $4
            ), months as (
              select i.id, i.base_id, m::date as month
              from i cross join lateral generate_series(
                    date_trunc('month', greatest(i.arrived_on, $3)),
                    date_trunc('month', least(coalesce(i.actual_end, i.planned_end), $4)), interval '1 month') m
            ), due as (
              select mo.base_id, mo.id, mo.month,
                     (im.base_confirmed_at is not null and im.base_confirmed_at
                        < ((mo.month + interval '1 month' + make_interval(days => $7)) at time zone 'Asia/Shanghai')) as on_time
              from months mo left join internship_month im on im.internship_id = mo.id and im.month = mo.month
              where (mo.month + interval '1 month' + make_interval(days => $7))::date <= $6
            )
            select b.id, b.name, b.region_code, b.decided_at, b.established_on, b.operating_status,
              (select coalesce(sum(p.headcount), 0) from position p where p.base_id = b.id
                 and p.published_year = extract(year from $4::date)) as positions,
              (select count(*) from i where i.base_id = b.id and i.arrived_on between $3 and $4) as arrivals,
              (select count(*) from i where i.base_id = b.id and i.state in ('COMPLETED', 'RETAINED_EARLY')
                 and i.actual_end between $3 and $4) as completed,
              (select count(*) from i where i.base_id = b.id and i.state in ('COMPLETED', 'RETAINED_EARLY')
                 and i.actual_end between $3 and $4 and (i.state = 'RETAINED_EARLY' or i.outcome = 'RETAINED')) as retained,
              (select count(*) from i where i.base_id = b.id and i.state = 'ABNORMAL' and i.actual_end between $3 and $4) as abnormal,
              (select count(*) from i where i.base_id = b.id and i.actual_end is null
                 and i.planned_end between $3 and $5 and i.planned_end < $6) as lapsed,
              (select count(*) from i where i.base_id = b.id and coalesce(i.actual_end, i.planned_end) >= $3) as on_post,
              (select count(*) from due d where d.base_id = b.id) as months_due,
              (select count(*) from due d where d.base_id = b.id and d.on_time) as months_on_time,
              (select count(*) from subsidy_claim c where c.base_id = b.id and c.month between $3 and $4) as claims,
              (select count(*) from subsidy_claim c where c.base_id = b.id and c.month between $3 and $4
                 and c.status <> 'REJECTED' and not exists (select 1 from internship_month im
                   where im.internship_id = c.internship_id and im.month = c.month and im.youth_flagged_at is not null))
                 as clean_claims,
              (select count(*) from internship_rating r join i on i.id = r.internship_id
                 where i.base_id = b.id and i.actual_end between $3 and $4) as ratings,
              (select avg(r.score)::float8 from internship_rating r join i on i.id = r.internship_id
                 where i.base_id = b.id and i.actual_end between $3 and $4) as avg_rating
            from b order by b.id""";
}
