package cq.jianxi.report.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two monthly tables of a region (or the city): Annex 4's 14 indicators computed from the
 * records (indicator 5 entered by the district) and Annex 5's 10 columns from the month's activities,
 * checked against the notice's rules and the month-to-month continuity of interns on post.
 */
@ApplicationScoped
public class MonthlyReportService {

    public static final String CITY = "CITY";

    @Inject
    Pool pool;
    @Inject
    InternshipIndicators internships;
    @Inject
    WorkCalendar calendar;
    @Inject
    AuditService audit;

    private final Map<Integer, String> annex4Names = names("/notice/annex4-indicators.csv", false);
    private final Map<Integer, String> annex5Names = names("/notice/annex5-columns.csv", true);

    /** One value of a table. */
    public record Cell(int no, String name, BigDecimal value) {
    }

    /** A broken rule. */
    public record Finding(String rule, String message) {
    }

    /** A month's report as computed now. */
    public record Report(String regionCode, YearMonth period, String status, java.time.LocalDate dueDate,
                         String dueDateMessage, List<Cell> annex4, List<Cell> annex5, List<Finding> violations,
                         java.time.OffsetDateTime submittedAt, String returnReason) {
    }

    public Uni<Report> compute(Caller caller, String regionCode, YearMonth period) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        boolean city = CITY.equals(regionCode);
        if (caller.is(Role.DISTRICT_ADMIN)) {
            if (city) {
                throw ApiProblem.forbidden("区县管理员只能查看本区县的月报");
            }
            caller.requireRegion(regionCode);
        }
        String region = city ? null : regionCode;
        Uni<Void> known = city ? Uni.createFrom().voidItem()
                : pool.preparedQuery("select count(*) from region where code = $1").execute(Tuple.of(regionCode)).map(rows -> {
                    if (rows.iterator().next().getLong(0) == 0) {
                        throw ApiProblem.notFound("未知的区县 " + regionCode);
                    }
                    return null;
                });
        return known.flatMap(v -> Uni.combine().all().unis(
                        recordsAnnex4(region, period), internships.compute(region, period),
                        internships.compute(region, period.minusMonths(1)), annex5(region, period), calendar.dueDate(period))
                .asTuple()).map(t -> {
            Map<Integer, BigDecimal> a4 = new LinkedHashMap<>(t.getItem1());
            a4.putAll(t.getItem2());
            BigDecimal previousOnPost = t.getItem3().get(13);
            List<Finding> findings = check(a4, previousOnPost);
            List<Cell> annex4 = new ArrayList<>();
            for (int no = 1; no <= 14; no++) {
                annex4.add(new Cell(no, annex4Names.get(no), a4.get(no)));
            }
            List<Cell> annex5 = new ArrayList<>();
            t.getItem4().forEach((no, value) -> annex5.add(new Cell(no, annex5Names.get(no), value)));
            return new Report(regionCode, period, "DRAFT", t.getItem5().dueDate(), t.getItem5().message(), annex4, annex5,
                    findings, null, null);
        });
    }

    /** Indicator 5: the district enters the month's planned participants. */
    @WithTransaction
    public Uni<Void> setPlannedParticipants(Caller caller, String regionCode, YearMonth period, Integer planned) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        if (CITY.equals(regionCode)) {
            throw ApiProblem.invalidField("regionCode", "全市数据为各区县之和，不能直接填报");
        }
        caller.requireRegion(regionCode);
        new Checks().check(planned != null && planned >= 0 && planned <= 1_000_000, "plannedParticipants",
                "本期计划组织见习人数须为不小于 0 的整数").throwIfAny();
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into monthly_report_input (region_code, period, planned_participants, updated_by)
                        values (:region, :period, :planned, :by)
                        on conflict (region_code, period) do update set planned_participants = excluded.planned_participants,
                            updated_by = excluded.updated_by, updated_at = now()""")
                .setParameter("region", regionCode).setParameter("period", period.atDay(1))
                .setParameter("planned", planned).setParameter("by", caller.username()).executeUpdate())
                .call(x -> audit.record(caller, AuditAction.REPORT_INPUT_SAVED, "monthly_report", regionCode + "/" + period,
                        "指标5=" + planned))
                .replaceWithVoid();
    }

    /** The notice's rules 1≥2, 3≥4, 5≥6≥7, 8≥9+11, 9≥10 and the continuity of interns on post. */
    static List<Finding> check(Map<Integer, BigDecimal> v, BigDecimal previousOnPost) {
        List<Finding> findings = new ArrayList<>();
        if (v.get(5) == null) {
            findings.add(new Finding("5", "请填写指标5“本期计划组织见习人数”"));
        }
        atLeast(findings, v, 1, 2, "1≥2");
        atLeast(findings, v, 3, 4, "3≥4");
        if (v.get(5) != null) {
            atLeast(findings, v, 5, 6, "5≥6");
        }
        atLeast(findings, v, 6, 7, "6≥7");
        if (v.get(8).compareTo(v.get(9).add(v.get(11))) < 0) {
            findings.add(new Finding("8≥9+11", "完成见习人数（" + v.get(8) + "）应不少于留用（" + v.get(9) + "）与其他方式就业（"
                    + v.get(11) + "）之和"));
        }
        atLeast(findings, v, 9, 10, "9≥10");
        BigDecimal expected = previousOnPost.add(v.get(6)).subtract(v.get(8)).subtract(v.get(12));
        if (expected.compareTo(v.get(13)) != 0) {
            findings.add(new Finding("continuity", "上期末在岗 " + previousOnPost + " + 本期到岗 " + v.get(6) + " − 完成 " + v.get(8)
                    + " − 非正常结束 " + v.get(12) + " = " + expected + "，与本期末在岗 " + v.get(13) + " 不符"));
        }
        return findings;
    }

    private static void atLeast(List<Finding> findings, Map<Integer, BigDecimal> v, int whole, int part, String rule) {
        if (v.get(whole).compareTo(v.get(part)) < 0) {
            findings.add(new Finding(rule, "指标" + whole + "（" + v.get(whole) + "）应不少于指标" + part + "（" + v.get(part) + "）"));
        }
    }

    /** Indicators 1–5 from bases, positions and the district's input; month boundaries in Chongqing time. */
    private Uni<Map<Integer, BigDecimal>> recordsAnnex4(String region, YearMonth period) {
        return pool.preparedQuery("""
                        select
                          (select count(*) from base b where ($1::varchar is null or b.region_code = $1)
                             and b.status in ('APPROVED', 'REVOKED') and (b.decided_at at time zone 'Asia/Shanghai')::date <= $3
                             and (b.revoked_at is null or (b.revoked_at at time zone 'Asia/Shanghai')::date > $3)) as i1,
                          (select count(*) from base b where ($1::varchar is null or b.region_code = $1)
                             and b.status in ('APPROVED', 'REVOKED')
                             and (b.decided_at at time zone 'Asia/Shanghai')::date between $2 and $3) as i2,
                          (select coalesce(sum(p.headcount), 0) from position p join base b on b.id = p.base_id
                             where ($1::varchar is null or b.region_code = $1) and p.first_published_at is not null
                               and (p.first_published_at at time zone 'Asia/Shanghai')::date <= $3
                               and (p.closed_at is null or (p.closed_at at time zone 'Asia/Shanghai')::date > $3)) as i3,
                          (select coalesce(sum(p.headcount), 0) from position p join base b on b.id = p.base_id
                             where ($1::varchar is null or b.region_code = $1)
                               and (p.first_published_at at time zone 'Asia/Shanghai')::date between $2 and $3) as i4,
                          (select sum(planned_participants) from monthly_report_input
                             where ($1::varchar is null or region_code = $1) and period = $2) as i5""")
                .execute(Tuple.of(region, period.atDay(1), period.atEndOfMonth())).map(rows -> {
                    Row r = rows.iterator().next();
                    Map<Integer, BigDecimal> v = new LinkedHashMap<>();
                    v.put(1, BigDecimal.valueOf(r.getLong("i1")));
                    v.put(2, BigDecimal.valueOf(r.getLong("i2")));
                    v.put(3, BigDecimal.valueOf(r.getLong("i3")));
                    v.put(4, BigDecimal.valueOf(r.getLong("i4")));
                    Long planned = r.getLong("i5");
                    v.put(5, planned == null ? null : BigDecimal.valueOf(planned));
                    return v;
                });
    }

    /** Annex 5's ten columns from the month's activities. */
    private Uni<Map<Integer, BigDecimal>> annex5(String region, YearMonth period) {
        return pool.preparedQuery("""
                        select count(*) filter (where kind = 'MATCHING_ONLINE'),
                               count(*) filter (where kind = 'MATCHING_OFFLINE'),
                               coalesce(sum(bases_count), 0), coalesce(sum(positions_offered), 0),
                               coalesce(sum(unemployed_youth), 0), coalesce(sum(graduates), 0),
                               coalesce(sum((select count(*) from activity_placement p where p.activity_id = a.id)), 0),
                               count(*) filter (where kind = 'POLICY_SESSION'),
                               coalesce(sum(employers_served), 0), coalesce(sum(youth_served), 0)
                        from activity a where ($1::varchar is null or region_code = $1) and held_on between $2 and $3""")
                .execute(Tuple.of(region, period.atDay(1), period.atEndOfMonth())).map(rows -> {
                    Row r = rows.iterator().next();
                    Map<Integer, BigDecimal> v = new LinkedHashMap<>();
                    for (int i = 0; i < 10; i++) {
                        v.put(i + 1, BigDecimal.valueOf(r.getLong(i)));
                    }
                    return v;
                });
    }

    /** Indicator or column names from the notice's CSV (no, then name or group + name). */
    private static Map<Integer, String> names(String resource, boolean grouped) {
        try (InputStream in = MonthlyReportService.class.getResourceAsStream(resource)) {
            Map<Integer, String> names = new LinkedHashMap<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            for (String line : lines) {
                String[] cells = line.split(",");
                names.put(Integer.parseInt(cells[0]), grouped ? cells[2] : cells[1]);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
