package cq.jianxi.report.readmodel;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.youth.domain.Eligibility;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one definition of every Annex 4 and Annex 5 figure (docs/notice.md, "指标口径"), counted from
 * the records of all contexts for a month, per region. Each figure of a "其中" row is a filter of its
 * parent's set, so 1≥2, 3≥4, 5≥6≥7, 8≥9+11 and 9≥10 hold by construction. A computation uses a single
 * connection and runs its statements one after another, so concurrent reports can never hold
 * connections while waiting for more (the pool-starvation stall of the first version).
 */
@ApplicationScoped
public class MonthlyFigures {

    @Inject
    Pool pool;
    @Inject
    AppClock clock;

    /** The counted figures of one region, with the reconciliation of interns on post (人次). */
    public record Figures(String regionCode, Map<Integer, Long> annex4, BigDecimal paidYuan, Map<Integer, Long> annex5,
                          long previousOnPost, long arrivals, long lapsed, long toBeClosed) {
    }

    /** Every region's figures (region null) or one region's, keyed by region code in the regions' order. */
    public Uni<Map<String, Figures>> compute(String region, YearMonth period) {
        return pool.withConnection(conn -> compute(conn, region, period));
    }

    private Uni<Map<String, Figures>> compute(SqlConnection conn, String region, YearMonth period) {
        LocalDate s = period.atDay(1);
        LocalDate e = period.atEndOfMonth();
        // Timestamps are compared as instants of Chongqing's month boundaries, which an index can serve.
        OffsetDateTime from = instant(s);
        OffsetDateTime until = instant(e.plusDays(1));
        LocalDate today = clock.today();
        Map<String, long[]> a4 = new LinkedHashMap<>();
        Map<String, long[]> a5 = new LinkedHashMap<>();
        Map<String, long[]> rec = new LinkedHashMap<>();
        Map<String, BigDecimal> paid = new LinkedHashMap<>();
        return conn.preparedQuery("select code from region where $1::varchar is null or code = $1 order by seq")
                .execute(Tuple.of(region)).invoke(rows -> rows.forEach(r -> {
                    String code = r.getString(0);
                    a4.put(code, new long[15]);
                    a5.put(code, new long[11]);
                    rec.put(code, new long[4]);
                    paid.put(code, BigDecimal.ZERO);
                }))
                .chain(x -> conn.preparedQuery(BASES_AND_POSITIONS).execute(Tuple.of(region, from, until)).invoke(rows -> {
                    for (Row r : rows) {
                        long[] v = a4.get(r.getString("region_code"));
                        v[1] = r.getLong("i1");
                        v[2] = r.getLong("i2");
                        v[3] = r.getLong("i3");
                        v[4] = r.getLong("i4");
                    }
                }))
                .chain(x -> conn.preparedQuery(INTERNSHIPS).execute(Tuple.of(region, s, e)).invoke(rows -> {
                    for (Row r : rows) {
                        long[] v = a4.get(r.getString("region_code"));
                        for (int no = 5; no <= 13; no++) {
                            v[no] = r.getLong("i" + no);
                        }
                        long[] c = rec.get(r.getString("region_code"));
                        c[0] = r.getLong("previous_on_post");
                        c[1] = r.getLong("arrivals");
                        c[2] = r.getLong("lapsed");
                        c[3] = r.getLong("to_be_closed");
                    }
                }))
                .chain(x -> conn.preparedQuery(PAID).execute(Tuple.of(region, LocalDate.of(period.getYear(), 1, 1), e))
                        .invoke(rows -> rows.forEach(r -> paid.put(r.getString("region_code"), r.getBigDecimal("paid")))))
                .chain(x -> conn.preparedQuery(ANNEX5).execute(Tuple.of(region, s, e, today.isBefore(e) ? today : e))
                        .invoke(rows -> {
                            for (Row r : rows) {
                                long[] v = a5.get(r.getString("region_code"));
                                for (int no = 1; no <= 10; no++) {
                                    v[no] = r.getLong("c" + no);
                                }
                            }
                        }))
                .map(x -> {
                    Map<String, Figures> result = new LinkedHashMap<>();
                    a4.forEach((code, v) -> {
                        Map<Integer, Long> m4 = new LinkedHashMap<>();
                        for (int no = 1; no <= 13; no++) {
                            m4.put(no, v[no]);
                        }
                        Map<Integer, Long> m5 = new LinkedHashMap<>();
                        long[] w = a5.get(code);
                        for (int no = 1; no <= 10; no++) {
                            m5.put(no, w[no]);
                        }
                        long[] c = rec.get(code);
                        result.put(code, new Figures(code, m4, paid.get(code), m5, c[0], c[1], c[2], c[3]));
                    });
                    return result;
                });
    }

    private static OffsetDateTime instant(LocalDate day) {
        return day.atStartOfDay(AppClock.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * 1: bases approved by E, not revoked by E, whose employer was not 吊销/注销/迁出 at E; 2: of those, approved in P.
     * 3: headcount of the positions of the bases in 1, first published by E and at E neither withdrawn, expired nor
     * closed with their base (a filled position still counts: its places are taken, not gone); 4: of those, first
     * published in P.
     */
    static final String BASES_AND_POSITIONS = """
            with counted_base as (
              select b.id, b.region_code, b.decided_at
              from base b join employer e on e.id = b.employer_id
              where ($1::varchar is null or b.region_code = $1)
                and b.status in ('APPROVED', 'REVOKED') and b.decided_at < $3
                and (b.revoked_at is null or b.revoked_at >= $3)
                and not (e.operating_status in ('REVOKED', 'DEREGISTERED', 'MOVED_OUT')
                         and (e.status_changed_at is null or e.status_changed_at < $3))
            ), counted_position as (
              select cb.region_code, p.headcount, p.first_published_at
              from position p join counted_base cb on cb.id = p.base_id
              where p.first_published_at < $3
                and not (p.status = 'CLOSED' and p.close_reason <> 'FILLED' and p.closed_at < $3)
            )
            select b.region_code, b.i1, b.i2, coalesce(p.i3, 0) as i3, coalesce(p.i4, 0) as i4
            from (select region_code, count(*) as i1, count(*) filter (where decided_at >= $2) as i2
                  from counted_base group by region_code) b
            left join (select region_code, sum(headcount) as i3,
                              coalesce(sum(headcount) filter (where first_published_at >= $2), 0) as i4
                       from counted_position group by region_code) p on p.region_code = b.region_code""";

    /**
     * 5: people whose agreement starts, or who arrived, in P; 6: people who arrived in P; 7: of 6, unemployed graduates
     * within two years on arrival; 8: internships completed (dated at the planned end) or retained early in P; 9: of 8,
     * retained; 10: of 9, unemployed graduates; 11: of 8, completed then employed elsewhere; 12: ended abnormally in P;
     * 13: people on post at E (arrived by E, neither ended nor past the planned end at E). The reconciliation counts
     * internships: on post at the previous month's end, arrivals, and those whose planned end passed in P unrecorded.
     */
    static final String INTERNSHIPS = """
            select region_code,
              count(distinct youth_id) filter (where state <> 'PENDING'
                  and (start_date between $2 and $3 or arrived_on between $2 and $3)) as i5,
              count(distinct youth_id) filter (where arrived_on between $2 and $3) as i6,
              count(distinct youth_id) filter (where arrived_on between $2 and $3 and unemployed_graduate) as i7,
              count(*) filter (where state in ('COMPLETED', 'RETAINED_EARLY') and actual_end between $2 and $3) as i8,
              count(*) filter (where state in ('COMPLETED', 'RETAINED_EARLY') and actual_end between $2 and $3
                                 and (state = 'RETAINED_EARLY' or outcome = 'RETAINED')) as i9,
              count(*) filter (where state in ('COMPLETED', 'RETAINED_EARLY') and actual_end between $2 and $3
                                 and (state = 'RETAINED_EARLY' or outcome = 'RETAINED') and unemployed_graduate) as i10,
              count(*) filter (where state = 'COMPLETED' and actual_end between $2 and $3 and outcome = 'EMPLOYED_ELSEWHERE') as i11,
              count(*) filter (where state = 'ABNORMAL' and actual_end between $2 and $3) as i12,
              count(distinct youth_id) filter (where arrived_on <= $3 and coalesce(actual_end, planned_end) > $3) as i13,
              count(*) filter (where arrived_on < $2 and coalesce(actual_end, planned_end) >= $2) as previous_on_post,
              count(*) filter (where arrived_on between $2 and $3) as arrivals,
              count(*) filter (where arrived_on is not null and actual_end is null and planned_end between $2 and $3) as lapsed,
              count(*) filter (where arrived_on is not null and actual_end is null and planned_end <= $3) as to_be_closed
            from internship
            where ($1::varchar is null or region_code = $1) and state not in ('PENDING')
              and (arrived_on <= $3 or start_date <= $3)
            group by region_code""";

    /** 14: disbursements dated 1 January to E of P's year, exact in yuan (rounded to 万元 once, where shown). */
    static final String PAID = """
            select region_code, sum(amount) as paid from disbursement
            where ($1::varchar is null or region_code = $1) and paid_on between $2 and $3
            group by region_code""";

    /**
     * Annex 5 for activities held in P up to today: events and sessions; participating bases, positions and young
     * people — those signed up on the platform plus the other attendees the district counted from the sign-in sheet;
     * young people by their category on the day (unemployed graduates within two years in 6, other unemployed youth
     * aged 16–24 in 5); placements counted in the month the intern arrived.
     */
    static final String ANNEX5 = """
            with held as (
              select * from activity a
              where ($1::varchar is null or a.region_code = $1) and a.held_on between $2 and $4
            ), signed as (
              select h.region_code, h.id as activity_id, h.kind, h.held_on, g.base_id, g.youth_id
              from held h join activity_signup g on g.activity_id = h.id
            ), signed_youth as (
              select s.region_code, s.kind,
                     """ + Eligibility.sqlOnDay(Eligibility.Category.UNEMPLOYED_GRADUATE, "y", "s.held_on") + """
             as graduate,
                     """ + Eligibility.sqlOnDay(Eligibility.Category.UNEMPLOYED_YOUTH, "y", "s.held_on") + """
             as young
              from signed s join youth y on y.id = s.youth_id
            ), signed_positions as (
              select s.region_code, count(p.id) as positions
              from signed s join position p on p.base_id = s.base_id
              where s.kind <> 'POLICY_SESSION' and p.first_published_at is not null
                and (p.first_published_at at time zone 'Asia/Shanghai')::date <= s.held_on
                and not (p.status = 'CLOSED' and (p.closed_at at time zone 'Asia/Shanghai')::date < s.held_on)
              group by s.region_code
            ), placed as (
              select a.region_code, count(*) as placements
              from activity_placement ap join activity a on a.id = ap.activity_id join internship i on i.id = ap.internship_id
              where ($1::varchar is null or a.region_code = $1) and i.arrived_on between $2 and $3
              group by a.region_code
            ), held_by_region as (
              select region_code,
                     count(*) filter (where kind = 'MATCHING_ONLINE') as c1,
                     count(*) filter (where kind = 'MATCHING_OFFLINE') as c2,
                     sum(bases_count) as bases, sum(positions_offered) as positions, sum(unemployed_youth) as young,
                     sum(graduates) as graduates, count(*) filter (where kind = 'POLICY_SESSION') as c8,
                     sum(employers_served) as employers, sum(youth_served) as served
              from held group by region_code
            ), signed_by_region as (
              select region_code,
                     count(*) filter (where kind <> 'POLICY_SESSION' and base_id is not null) as bases,
                     count(*) filter (where kind = 'POLICY_SESSION' and base_id is not null) as employers,
                     count(*) filter (where kind = 'POLICY_SESSION' and youth_id is not null) as served
              from signed group by region_code
            ), youth_by_region as (
              select region_code,
                     count(*) filter (where kind <> 'POLICY_SESSION' and young) as young,
                     count(*) filter (where kind <> 'POLICY_SESSION' and graduate) as graduates
              from signed_youth group by region_code
            ), regions as (
              select region_code from held union select region_code from placed
            )
            select r.region_code,
              coalesce(h.c1, 0) as c1, coalesce(h.c2, 0) as c2,
              coalesce(s.bases, 0) + coalesce(h.bases, 0) as c3,
              coalesce(sp.positions, 0) + coalesce(h.positions, 0) as c4,
              coalesce(y.young, 0) + coalesce(h.young, 0) as c5,
              coalesce(y.graduates, 0) + coalesce(h.graduates, 0) as c6,
              coalesce(pl.placements, 0) as c7,
              coalesce(h.c8, 0) as c8,
              coalesce(s.employers, 0) + coalesce(h.employers, 0) as c9,
              coalesce(s.served, 0) + coalesce(h.served, 0) as c10
            from regions r
            left join held_by_region h on h.region_code = r.region_code
            left join signed_by_region s on s.region_code = r.region_code
            left join youth_by_region y on y.region_code = r.region_code
            left join signed_positions sp on sp.region_code = r.region_code
            left join placed pl on pl.region_code = r.region_code""";
}
