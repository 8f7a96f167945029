package cq.jianxi.report.service;

import cq.jianxi.calendar.service.WorkCalendar;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.report.readmodel.MonthlyFigures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly tables as a district or the city sees them. A region's report is its frozen version
 * once submitted (with the cells where today's records differ shown as drift) and live before. The
 * city's month is composed of each region's latest accepted, else submitted, version, live only for
 * regions that have not submitted; indicator 14 is summed exactly and rounded once. The JSON and the
 * xlsx exports are both built from {@link #composeCity}.
 */
@ApplicationScoped
public class MonthlyReportService {

    public static final String CITY = "CITY";
    static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    @Inject
    MonthlyFigures figures;
    @Inject
    ReportVersions versions;
    @Inject
    WorkCalendar calendar;

    private final Map<Integer, String> annex4Names = names("/notice/annex4-indicators.csv", false);
    private final Map<Integer, String> annex5Names = names("/notice/annex5-columns.csv", true);

    /** One value of a table; for indicator 14 also the exact amount in yuan, so sums are rounded once. */
    public record Cell(int no, String name, BigDecimal value, BigDecimal exactYuan) {
    }

    /** A broken rule of the notice (none by construction; kept as a guard on what is frozen). */
    public record Finding(String rule, String message) {
    }

    /** A cell whose value today differs from the frozen version. */
    public record Drift(String table, int no, String name, BigDecimal frozen, BigDecimal current) {
    }

    /** Interns on post from one month's end to the next, in internships (人次). */
    public record Reconciliation(long previousOnPost, long arrivals, long completed, long abnormal, long lapsed, long onPost,
                                 long toBeClosed) {
    }

    /** Where a region's figures in the city's month come from. */
    public record Source(String regionCode, String kind, Integer version) {
    }

    /** A month's report. */
    public record Report(String regionCode, YearMonth period, String status, Integer version, LocalDate dueDate,
                         boolean dueDateProvisional, String dueDateMessage, List<Cell> annex4, List<Cell> annex5,
                         List<Finding> violations, Reconciliation reconciliation, List<Drift> drift, List<Source> sources,
                         OffsetDateTime submittedAt, String returnReason, String correctionReason) {
    }

    /** The tables of each region and of the city as composed from versions and live figures. */
    public record CityComposition(YearMonth period, Map<String, Tables> regions, Tables city, List<Source> sources) {
    }

    /** Annex 4 and Annex 5 of one unit. */
    public record Tables(List<Cell> annex4, List<Cell> annex5) {
    }

    public static void requireReader(Caller caller, String regionCode) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        if (caller.is(Role.DISTRICT_ADMIN)) {
            if (CITY.equals(regionCode)) {
                throw ApiProblem.forbidden("区县管理员只能查看本区县的月报");
            }
            caller.requireRegion(regionCode);
        }
    }

    /** The live tables of one region, computed from the records now. */
    public Uni<LiveRegion> live(String regionCode, YearMonth period) {
        return figures.compute(regionCode, period).map(all -> {
            MonthlyFigures.Figures f = all.get(regionCode);
            if (f == null) {
                throw ApiProblem.notFound("未知的区县 " + regionCode);
            }
            return new LiveRegion(tables(f), reconciliation(f));
        });
    }

    /** A region's live tables and reconciliation. */
    public record LiveRegion(Tables tables, Reconciliation reconciliation) {
    }

    /** A region's report: frozen while submitted or accepted (unless live is asked for), with drift against today. */
    public Uni<Report> region(Caller caller, String regionCode, YearMonth period, boolean live) {
        requireReader(caller, regionCode);
        return live(regionCode, period).flatMap(now -> versions.versions(regionCode, period).flatMap(list ->
                calendar.dueDate(period).map(due -> {
                    ReportVersions.Version v = ReportVersions.latest(list);
                    boolean frozen = v != null && !live && ("SUBMITTED".equals(v.status()) || "ACCEPTED".equals(v.status()));
                    Tables shown = frozen ? new Tables(v.annex4(), v.annex5()) : now.tables();
                    List<Drift> drift = v != null && ("SUBMITTED".equals(v.status()) || "ACCEPTED".equals(v.status()))
                            ? drift(new Tables(v.annex4(), v.annex5()), now.tables()) : List.of();
                    return new Report(regionCode, period, v == null ? "DRAFT" : v.status(), v == null ? null : v.version(),
                            due.dueDate(), due.provisional(), due.message(), shown.annex4(), shown.annex5(),
                            check(shown.annex4()), now.reconciliation(), drift, List.of(),
                            v == null ? null : v.submittedAt(), v == null ? null : v.returnReason(),
                            v == null ? null : v.correctionReason());
                })));
    }

    /** The city's month: closed version if the city closed it (unless live), else the composition of the regions. */
    public Uni<Report> city(Caller caller, YearMonth period, boolean live) {
        requireReader(caller, CITY);
        return cityTables(period, live).flatMap(c -> calendar.dueDate(period).map(due -> new Report(CITY, period,
                c.closed() == null ? "OPEN" : "CLOSED", c.closed() == null ? null : c.closed().version(), due.dueDate(),
                due.provisional(), due.message(), c.shown().city().annex4(), c.shown().city().annex5(),
                check(c.shown().city().annex4()), null,
                c.closed() == null ? List.of() : drift(c.closed().tables().city(), c.current().city()), c.shown().sources(),
                c.closed() == null ? null : c.closed().closedAt(), null, null)));
    }

    /** What the city shows (closed version, or the current composition) and the current composition beside it. */
    public record CityTables(CityComposition shown, CityComposition current, ReportVersions.CityVersion closed) {
    }

    /** The one source of the city's JSON and xlsx, so they always agree. */
    public Uni<CityTables> cityTables(YearMonth period, boolean live) {
        return composeCity(period).flatMap(current -> versions.cityVersions(period).map(closed -> {
            ReportVersions.CityVersion v = closed.isEmpty() ? null : closed.get(0);
            CityComposition shown = v == null || live ? current : v.tables();
            return new CityTables(shown, current, v);
        }));
    }

    /** The city's live figures: the sum of every region's records now. */
    public Uni<Tables> liveCity(YearMonth period) {
        return figures.compute(null, period).map(all -> sum(all.values().stream().map(this::tables).toList()));
    }

    /** Each region's latest accepted (else submitted) version, or its live figures, and their sum. */
    public Uni<CityComposition> composeCity(YearMonth period) {
        return figures.compute(null, period).flatMap(all -> versions.latestPerRegion(period).map(chosen -> {
            Map<String, Tables> regions = new LinkedHashMap<>();
            List<Source> sources = new ArrayList<>();
            all.forEach((code, f) -> {
                ReportVersions.Version v = chosen.get(code);
                regions.put(code, v == null ? tables(f) : new Tables(v.annex4(), v.annex5()));
                sources.add(v == null ? new Source(code, "LIVE", null) : new Source(code, v.status(), v.version()));
            });
            return new CityComposition(period, regions, sum(regions.values()), sources);
        }));
    }

    Tables tables(MonthlyFigures.Figures f) {
        List<Cell> a4 = new ArrayList<>();
        for (int no = 1; no <= 13; no++) {
            a4.add(new Cell(no, annex4Names.get(no), BigDecimal.valueOf(f.annex4().get(no)), null));
        }
        a4.add(new Cell(14, annex4Names.get(14), wan(f.paidYuan()), f.paidYuan()));
        List<Cell> a5 = new ArrayList<>();
        for (int no = 1; no <= 10; no++) {
            a5.add(new Cell(no, annex5Names.get(no), BigDecimal.valueOf(f.annex5().get(no)), null));
        }
        return new Tables(a4, a5);
    }

    private Tables sum(Iterable<Tables> all) {
        long[] a4 = new long[14];
        long[] a5 = new long[11];
        BigDecimal paid = BigDecimal.ZERO;
        for (Tables t : all) {
            for (Cell c : t.annex4()) {
                if (c.no() == 14) {
                    paid = paid.add(c.exactYuan() != null ? c.exactYuan() : c.value() == null ? BigDecimal.ZERO : c.value().multiply(WAN));
                } else {
                    a4[c.no()] += c.value() == null ? 0 : c.value().longValue();
                }
            }
            for (Cell c : t.annex5()) {
                a5[c.no()] += c.value() == null ? 0 : c.value().longValue();
            }
        }
        List<Cell> r4 = new ArrayList<>();
        for (int no = 1; no <= 13; no++) {
            r4.add(new Cell(no, annex4Names.get(no), BigDecimal.valueOf(a4[no]), null));
        }
        r4.add(new Cell(14, annex4Names.get(14), wan(paid), paid));
        List<Cell> r5 = new ArrayList<>();
        for (int no = 1; no <= 10; no++) {
            r5.add(new Cell(no, annex5Names.get(no), BigDecimal.valueOf(a5[no]), null));
        }
        return new Tables(r4, r5);
    }

    static BigDecimal wan(BigDecimal yuan) {
        return yuan.divide(WAN, 2, RoundingMode.HALF_UP);
    }

    private static Reconciliation reconciliation(MonthlyFigures.Figures f) {
        return new Reconciliation(f.previousOnPost(), f.arrivals(), f.annex4().get(8), f.annex4().get(12), f.lapsed(),
                f.previousOnPost() + f.arrivals() - f.annex4().get(8) - f.annex4().get(12) - f.lapsed(), f.toBeClosed());
    }

    static List<Drift> drift(Tables frozen, Tables now) {
        List<Drift> out = new ArrayList<>();
        diff("annex4", frozen.annex4(), now.annex4(), out);
        diff("annex5", frozen.annex5(), now.annex5(), out);
        return out;
    }

    private static void diff(String table, List<Cell> frozen, List<Cell> now, List<Drift> out) {
        Map<Integer, Cell> current = new LinkedHashMap<>();
        now.forEach(c -> current.put(c.no(), c));
        for (Cell f : frozen) {
            Cell c = current.get(f.no());
            BigDecimal was = f.value();
            BigDecimal is = c == null ? null : c.value();
            if (was == null ? is != null : is == null || was.compareTo(is) != 0) {
                out.add(new Drift(table, f.no(), f.name(), was, is));
            }
        }
    }

    /** The notice's rules 1≥2, 3≥4, 5≥6≥7, 8≥9+11, 9≥10: they hold by construction; a failure means a broken definition. */
    static List<Finding> check(List<Cell> annex4) {
        Map<Integer, BigDecimal> v = new LinkedHashMap<>();
        annex4.forEach(c -> v.put(c.no(), c.value() == null ? BigDecimal.ZERO : c.value()));
        List<Finding> findings = new ArrayList<>();
        atLeast(findings, v, 1, 2, "1≥2");
        atLeast(findings, v, 3, 4, "3≥4");
        atLeast(findings, v, 5, 6, "5≥6");
        atLeast(findings, v, 6, 7, "6≥7");
        if (v.get(8).compareTo(v.get(9).add(v.get(11))) < 0) {
            findings.add(new Finding("8≥9+11", "完成见习人数（" + v.get(8) + "）应不少于留用（" + v.get(9) + "）与其他方式就业（"
                    + v.get(11) + "）之和"));
        }
        atLeast(findings, v, 9, 10, "9≥10");
        return findings;
    }

    private static void atLeast(List<Finding> findings, Map<Integer, BigDecimal> v, int whole, int part, String rule) {
        if (v.get(whole).compareTo(v.get(part)) < 0) {
            findings.add(new Finding(rule, "指标" + whole + "（" + v.get(whole) + "）应不少于指标" + part + "（" + v.get(part) + "）"));
        }
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
