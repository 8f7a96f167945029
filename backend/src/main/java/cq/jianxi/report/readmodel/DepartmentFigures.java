package cq.jianxi.report.readmodel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the municipal departments' own work (Annex 1) reads across the contexts' records: the bases a
 * department recommended and the positions counting to its quota, the shared graduate roster's service
 * by school (counts only, never a person), and the numbers each 团市委 campaign brought in. Definitions
 * in docs/notice.md, "市级部门的工作".
 */
@ApplicationScoped
public class DepartmentFigures {

    /** An internship counts as arrived once the base recorded the arrival (到岗), whatever happened later. */
    private static final String ARRIVED = "i.arrived_on is not null";

    @Inject
    Pool pool;

    /** A department's row of the reference data; {@code quota} is null for a department without one. */
    public record Department(String code, String name, Integer quota) {
    }

    public Uni<Department> department(String code) {
        return pool.preparedQuery("select code, name, position_quota from department where code = $1")
                .execute(Tuple.of(code)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Department(r.getString(0), r.getString(1), r.getInteger(2));
                });
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    // ------------------------------------------------------------------ quota departments

    public record RecommendedBase(long id, String name, String regionCode, String regionName, String status,
                                  Integer filedYear, OffsetDateTime appliedAt) {
    }

    /** Bases the department recommended (source DEPARTMENT), newest filing first; totals by status. */
    public record BasesPage(Page<RecommendedBase> page, long approved, long pending) {
    }

    public Uni<BasesPage> recommendedBases(String department, int page, int size) {
        return pool.preparedQuery("""
                        select count(*) filter (where status = 'APPROVED'), count(*) filter (where status = 'PENDING'), count(*)
                        from base where source = 'DEPARTMENT' and recommending_department_code = $1""")
                .execute(Tuple.of(department)).flatMap(totals -> pool.preparedQuery("""
                        select b.id, e.name, b.region_code, r.short_name, b.status, b.filed_year, b.applied_at
                        from base b join employer e on e.id = b.employer_id join region r on r.code = b.region_code
                        where b.source = 'DEPARTMENT' and b.recommending_department_code = $1
                        order by b.applied_at desc, b.id desc limit $2 offset $3""")
                        .execute(Tuple.of(department, size, (long) page * size)).map(rows -> {
                            List<RecommendedBase> items = new ArrayList<>();
                            for (Row r : rows) {
                                items.add(new RecommendedBase(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
                                        r.getString(4), r.getInteger(5), r.getOffsetDateTime(6)));
                            }
                            Row t = totals.iterator().next();
                            return new BasesPage(new Page<>(items, t.getLong(2), page, size),
                                    t.getLong(0), t.getLong(1));
                        }));
    }

    public record QuotaPosition(long id, String title, long baseId, String baseName, String regionCode, int headcount,
                                String status, OffsetDateTime firstPublishedAt) {
    }

    /**
     * Positions counting to the department's quota in the year: those first published in the year (their
     * headcount is what the quota counts, as in PlanFigures) and those not published yet.
     */
    public record PositionsPage(Page<QuotaPosition> page, long publishedHeadcount, long pendingHeadcount) {
    }

    public Uni<PositionsPage> quotaPositions(String department, int year, int page, int size) {
        String where = "p.department_code = $1 and (p.published_year = $2 or (p.first_published_at is null and p.status in ('DRAFT', 'SUBMITTED')))";
        return pool.preparedQuery("""
                        select coalesce(sum(p.headcount) filter (where p.published_year = $2), 0),
                               coalesce(sum(p.headcount) filter (where p.first_published_at is null), 0), count(*)
                        from position p where %s""".formatted(where))
                .execute(Tuple.of(department, year)).flatMap(totals -> pool.preparedQuery("""
                        select p.id, p.title, b.id, e.name, p.region_code, p.headcount, p.status, p.first_published_at
                        from position p join base b on b.id = p.base_id join employer e on e.id = b.employer_id
                        where %s
                        order by p.first_published_at desc nulls first, p.id desc limit $3 offset $4""".formatted(where))
                        .execute(Tuple.of(department, year, size, (long) page * size)).map(rows -> {
                            List<QuotaPosition> items = new ArrayList<>();
                            for (Row r : rows) {
                                items.add(new QuotaPosition(r.getLong(0), r.getString(1), r.getLong(2), r.getString(3),
                                        r.getString(4), r.getInteger(5), r.getString(6), r.getOffsetDateTime(7)));
                            }
                            Row t = totals.iterator().next();
                            return new PositionsPage(new Page<>(items, t.getLong(2), page, size), t.getLong(0), t.getLong(1));
                        }));
    }

    // ------------------------------------------------------------------ 市教委: the shared roster by school

    /** One school's counts (people, never names): the roster people and the service they were given. */
    public record SchoolRow(String school, long rosterPeople, long internshipIntention, long trainingIntention,
                            long pushedPeople, long pushes, long servedPeople, long arrivedPeople) {
    }

    public record SchoolPage(Page<SchoolRow> page, SchoolRow total) {
    }

    /**
     * The roster's young people (source ROSTER, shared by 市教委) per school: intentions as registered now;
     * pushes, services and arrivals within {@code year} (by the service's and the arrival's date), or ever
     * when {@code year} is null.
     */
    public Uni<SchoolPage> rosterBySchool(Integer year, int page, int size) {
        String sql = """
                with roster as (
                  select y.id, coalesce(nullif(trim(y.school), ''), '（未填写学校）') as school,
                         y.internship_intention, y.training_intention
                  from youth y where y.source = 'ROSTER'),
                services as (
                  select s.youth_id, count(*) filter (where s.kind = 'POSITION_PUSH') as pushes
                  from service_record s join roster r on r.id = s.youth_id
                  where $1::int is null or extract(year from s.served_at at time zone 'Asia/Shanghai') = $1
                  group by s.youth_id),
                arrivals as (
                  select distinct i.youth_id from internship i join roster r on r.id = i.youth_id
                  where %s and ($1::int is null or extract(year from i.arrived_on) = $1)),
                schools as (
                  select r.school, count(*) as roster_people,
                         count(*) filter (where r.internship_intention) as internship_intention,
                         count(*) filter (where r.training_intention) as training_intention,
                         count(s.youth_id) filter (where s.pushes > 0) as pushed_people,
                         coalesce(sum(s.pushes), 0)::bigint as pushes,
                         count(s.youth_id) as served_people,
                         count(a.youth_id) as arrived_people
                  from roster r left join services s on s.youth_id = r.id left join arrivals a on a.youth_id = r.id
                  group by r.school)
                select school, roster_people, internship_intention, training_intention, pushed_people, pushes,
                       served_people, arrived_people, count(*) over () as total,
                       sum(roster_people) over (), sum(internship_intention) over (), sum(training_intention) over (),
                       sum(pushed_people) over (), sum(pushes) over (), sum(served_people) over (), sum(arrived_people) over ()
                from schools order by roster_people desc, school limit $2 offset $3""".formatted(ARRIVED);
        return pool.preparedQuery(sql).execute(Tuple.of(year, size, (long) page * size)).flatMap(rows -> {
            List<SchoolRow> items = new ArrayList<>();
            SchoolRow sum = null;
            long total = 0;
            for (Row r : rows) {
                items.add(new SchoolRow(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
                        r.getLong(5), r.getLong(6), r.getLong(7)));
                total = r.getLong(8);
                sum = new SchoolRow("合计", num(r, 9), num(r, 10), num(r, 11), num(r, 12), num(r, 13), num(r, 14), num(r, 15));
            }
            if (sum != null || page == 0) {
                return Uni.createFrom().item(new SchoolPage(new Page<>(items, total, page, size),
                        sum != null ? sum : new SchoolRow("合计", 0, 0, 0, 0, 0, 0, 0)));
            }
            // Past the last page: the total row still sums every school.
            return rosterBySchool(year, 0, 1).map(first -> new SchoolPage(new Page<>(items, first.page().total(), page, size),
                    first.total()));
        });
    }

    private static long num(Row r, int i) {
        Number n = (Number) r.getValue(i);
        return n == null ? 0 : n.longValue();
    }

    // ------------------------------------------------------------------ 团市委: campaigns and what they brought in

    public record CampaignRow(long id, String code, String title, String description, LocalDate startsOn, LocalDate endsOn,
                              String createdBy, OffsetDateTime createdAt, long signups, long withInternshipIntention,
                              long applied, long arrived) {
    }

    /** Newest first. Sign-ups are the registrations through the link; applied and arrived count those people. */
    public record CampaignPage(Page<CampaignRow> page, long signups, long withInternshipIntention, long applied, long arrived) {
    }

    public Uni<CampaignPage> campaigns(int page, int size) {
        String sql = """
                with figures as (
                  select c.id, count(s.youth_id) as signups,
                         count(s.youth_id) filter (where y.internship_intention) as with_intention,
                         count(s.youth_id) filter (where exists (select 1 from application a where a.youth_id = s.youth_id)) as applied,
                         count(s.youth_id) filter (where exists (select 1 from internship i where i.youth_id = s.youth_id and %s)) as arrived
                  from mobilisation_campaign c left join campaign_signup s on s.campaign_id = c.id
                       left join youth y on y.id = s.youth_id
                  group by c.id)
                select c.id, c.code, c.title, c.description, c.starts_on, c.ends_on, c.created_by, c.created_at,
                       f.signups, f.with_intention, f.applied, f.arrived, count(*) over () as total,
                       sum(f.signups) over (), sum(f.with_intention) over (), sum(f.applied) over (), sum(f.arrived) over ()
                from mobilisation_campaign c join figures f on f.id = c.id
                order by c.created_at desc, c.id desc limit $1 offset $2""".formatted(ARRIVED);
        return pool.preparedQuery(sql).execute(Tuple.of(size, (long) page * size)).flatMap(rows -> {
            List<CampaignRow> items = new ArrayList<>();
            long[] sums = null;
            long total = 0;
            for (Row r : rows) {
                items.add(new CampaignRow(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getLocalDate(4),
                        r.getLocalDate(5), r.getString(6), r.getOffsetDateTime(7), r.getLong(8), r.getLong(9),
                        r.getLong(10), r.getLong(11)));
                total = r.getLong(12);
                sums = new long[]{num(r, 13), num(r, 14), num(r, 15), num(r, 16)};
            }
            if (sums != null || page == 0) {
                long[] s = sums != null ? sums : new long[4];
                return Uni.createFrom().item(new CampaignPage(new Page<>(items, total, page, size), s[0], s[1], s[2], s[3]));
            }
            return campaigns(0, 1).map(first -> new CampaignPage(new Page<>(items, first.page().total(), page, size),
                    first.signups(), first.withInternshipIntention(), first.applied(), first.arrived()));
        });
    }
}
