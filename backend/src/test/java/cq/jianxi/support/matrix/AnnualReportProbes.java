package cq.jianxi.support.matrix;

import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static cq.jianxi.support.matrix.Probe.scoped;
import static cq.jianxi.support.matrix.Probe.unscoped;

/**
 * The probes of the annual report submissions. Reads and the district's own submission use the seeded plan
 * year; a review that should succeed takes a waiting submission of a year of its own (written directly, no plan
 * needed to review), and refusals are tried on one waiting submission per scope.
 */
final class AnnualReportProbes {

    private static final int YEAR = MatrixFixture.SEEDED_PLAN_YEAR;
    /** Years no other test uses, one per waiting submission the matrix writes. */
    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2000);
    private static final Map<String, Integer> SHARED = new ConcurrentHashMap<>();

    private AnnualReportProbes() {
    }

    static List<Probe> all() {
        return List.of(
                scoped("getAnnualSubmissions", c -> c.spec().get("/api/reports/annual/" + YEAR + "/submissions"))
                        .shows("items.regionCode", c -> c.s.region),
                scoped("getAnnualRegionReport", c -> c.spec().get(url(YEAR, c.s, ""))).shows("regionCode", c -> c.s.region),
                scoped("exportAnnualRegionReport", c -> c.spec().get(url(YEAR, c.s, "/report.xlsx"))),
                scoped("submitAnnualReport", c -> c.json(narrative()).post(url(YEAR, c.s, "/submit"))),
                scoped("acceptAnnualReport", c -> c.spec().post(url(c.succeeds ? waiting(c.s) : shared(c.s), c.s, "/accept"))),
                scoped("returnAnnualReport", c -> c.json(Map.of("reason", "矩阵退回"))
                        .post(url(c.succeeds ? waiting(c.s) : shared(c.s), c.s, "/return"))),
                unscoped("getAnnualCompiledReport", c -> c.spec().get("/api/reports/annual/" + YEAR + "/compiled")),
                unscoped("exportAnnualCompiledReport", c -> c.spec().get("/api/reports/annual/" + YEAR + "/compiled.xlsx")));
    }

    private static String url(int year, Scope s, String tail) {
        return "/api/reports/annual/" + year + "/regions/" + s.region + tail;
    }

    private static Map<String, Object> narrative() {
        return Map.of("workDone", "矩阵年度工作", "problems", "矩阵问题", "nextYearPlan", "矩阵计划");
    }

    private static int shared(Scope s) {
        return SHARED.computeIfAbsent(s.label, k -> waiting(s));
    }

    /** A submission of the scope's region waiting for review, in a year of its own; returns the year. */
    private static int waiting(Scope s) {
        int year = NEXT_YEAR.getAndIncrement();
        StringBuilder figures = new StringBuilder("{\"regionCode\":\"" + s.region + "\",\"regionName\":\"矩阵区县\"");
        for (String key : List.of("newBases", "newKeyEnterpriseBases", "positions", "participants", "policySessions",
                "matchingEvents", "typicalPersons", "nationalNominations")) {
            figures.append(",\"").append(key).append("\":{\"target\":1,\"achieved\":0}");
        }
        figures.append(",\"serviceRate\":null}");
        TestDb.update("""
                insert into annual_report (year, region_code, version, status, figures, work_done, problems, next_year_plan,
                                           submitted_by, submitted_at)
                values (?, ?, 1, 'SUBMITTED', ?::jsonb, '矩阵年度工作', '矩阵问题', '矩阵计划', 'matrix', ?)""",
                year, s.region, figures.toString(), TestClock.pinnedNow().minusHours(1));
        return year;
    }
}
