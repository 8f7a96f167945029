package cq.jianxi.evaluation;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cq.jianxi.support.EvaluationRecords.at;
import static cq.jianxi.support.EvaluationRecords.base;
import static cq.jianxi.support.EvaluationRecords.claim;
import static cq.jianxi.support.EvaluationRecords.confirmed;
import static cq.jianxi.support.EvaluationRecords.flagged;
import static cq.jianxi.support.EvaluationRecords.internship;
import static cq.jianxi.support.EvaluationRecords.position;
import static cq.jianxi.support.EvaluationRecords.rated;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The yearly evaluation from crafted records, the frozen sheet, and the selection up to the national recommendation. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BaseEvaluationTest {

    static final String CRITERIA = "500104";
    static final String FROZEN = "500108";
    static final String SELECTION = "500107";
    static final String OTHER = "500111";
    static final String CUT = "500109";

    @BeforeAll
    static void staff() {
        for (String region : List.of(CRITERIA, FROZEN, SELECTION, OTHER, CUT)) {
            TestDb.createUser("eval_" + region, Api.PASSWORD, "DISTRICT_ADMIN", region, null);
        }
    }

    private static io.restassured.specification.RequestSpecification district(String region) {
        return Api.as("eval_" + region);
    }

    private static JsonPath sheet(String who, int year, long base) {
        return Api.as(who).get("/api/evaluations/" + year + "/bases/" + base).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> line(JsonPath sheet, String code) {
        List<Map<String, Object>> lines = sheet.getList("lines");
        return lines.stream().filter(l -> code.equals(l.get("code"))).findFirst().orElseThrow();
    }

    private static void score(String region, int year, long base, String code, int percent) {
        district(region).contentType(ContentType.JSON).body(Map.of("percent", percent, "note", "现场核查记录"))
                .put("/api/evaluations/" + year + "/bases/" + base + "/manual-scores/" + code).then().statusCode(200);
    }

    @Test
    void computesEveryCriterionFromTheYearsRecords() {
        LocalDate y = LocalDate.of(2025, 1, 1);
        long b = base(CRITERIA, "评估计算基地", LocalDate.of(2024, 6, 1), LocalDate.of(2015, 3, 1));
        long p = position(b, CRITERIA, 8, LocalDate.of(2025, 1, 10));
        position(b, CRITERIA, 5, LocalDate.of(2024, 11, 10)); // another year's offer
        long i1 = internship(b, p, CRITERIA, "COMPLETED", y, LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 30), "RETAINED");
        long i2 = internship(b, p, CRITERIA, "RETAINED_EARLY", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 10, 31), LocalDate.of(2025, 5, 31), null);
        long i3 = internship(b, p, CRITERIA, "ABNORMAL", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 11, 30), LocalDate.of(2025, 4, 15), null);
        long i4 = internship(b, p, CRITERIA, "ON_POST", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 9, 30), null, null);
        long i5 = internship(b, p, CRITERIA, "COMPLETED", LocalDate.of(2024, 10, 1), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 3, 31), "EMPLOYED_ELSEWHERE");
        // Months on post in 2025: i1 6, i2 4, i3 2, i4 6, i5 3 = 21; all confirmed by the 5th of the next month except i3's.
        for (long[] range : new long[][]{{i1, 1, 6}, {i2, 2, 5}, {i4, 4, 9}, {i5, 1, 3}}) {
            for (int m = (int) range[1]; m <= range[2]; m++) {
                LocalDate month = LocalDate.of(2025, m, 1);
                confirmed(range[0], month, at(month.plusMonths(1).plusDays(4)));
            }
        }
        confirmed(i3, LocalDate.of(2025, 3, 1), at(LocalDate.of(2025, 4, 25))); // late; April never confirmed
        // Claims: three approved, one rejected, one on a month the intern flagged.
        claim(i1, b, CRITERIA, LocalDate.of(2025, 1, 1), "APPROVED");
        claim(i1, b, CRITERIA, LocalDate.of(2025, 2, 1), "PAID");
        claim(i2, b, CRITERIA, LocalDate.of(2025, 2, 1), "APPROVED");
        claim(i2, b, CRITERIA, LocalDate.of(2025, 3, 1), "REJECTED");
        flagged(i1, LocalDate.of(2025, 6, 1));
        claim(i1, b, CRITERIA, LocalDate.of(2025, 6, 1), "SUBMITTED");
        rated(i1, 5);
        rated(i2, 4);
        rated(i3, 2);

        JsonPath before = sheet("eval_" + CRITERIA, 2025, b);
        assertEquals(0f, ((Number) line(before, "POSITIONS").get("points")).floatValue());
        assertTrue(((String) line(before, "POSITIONS").get("explanation")).contains("未填报"));
        district(CRITERIA).contentType(ContentType.JSON).body(Map.of("positions", 10))
                .put("/api/evaluations/2025/bases/" + b + "/commitment").then().statusCode(200);
        score(CRITERIA, 2025, b, "INSPECTION", 80);

        JsonPath s = sheet("eval_" + CRITERIA, 2025, b);
        assertLine(s, "POSITIONS", 8, 10, "12.00");
        assertLine(s, "INTAKE", 4, 8, "9.38");
        assertLine(s, "COMPLETION", 3, 5, "10.00");
        assertLine(s, "RETENTION", 2, 3, "15.00");
        assertLine(s, "ABNORMAL", 1, 5, "10.00");
        assertLine(s, "CONFIRMATIONS", 19, 21, "4.05");
        assertLine(s, "CLAIMS", 3, 5, "1.00");
        assertEquals(3, ((Number) line(s, "SATISFACTION").get("numerator")).intValue());
        assertEquals(3.6667, ((Number) line(s, "SATISFACTION").get("input")).doubleValue(), 0.001);
        assertEquals(6.67, ((Number) line(s, "SATISFACTION").get("points")).doubleValue(), 0.0001);
        assertEquals(3.2, ((Number) line(s, "INSPECTION").get("points")).doubleValue(), 0.0001);
        assertEquals(71.3, s.getDouble("total"), 0.0001);
        assertEquals(false, s.getBoolean("manualComplete"));
        assertEquals(false, s.getBoolean("frozen"));
    }

    private static void assertLine(JsonPath sheet, String code, long numerator, long denominator, String points) {
        Map<String, Object> line = line(sheet, code);
        assertEquals(numerator, ((Number) line.get("numerator")).longValue(), code + " numerator");
        assertEquals(denominator, ((Number) line.get("denominator")).longValue(), code + " denominator");
        assertEquals(Double.parseDouble(points), ((Number) line.get("points")).doubleValue(), 0.0001, code + " points");
    }

    @Test
    void closingFreezesTheSheetsAgainstLaterRecords() {
        long b = base(FROZEN, "冻结基地", LocalDate.of(2024, 5, 1), null);
        long p = position(b, FROZEN, 4, LocalDate.of(2025, 2, 1));
        internship(b, p, FROZEN, "COMPLETED", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 8, 31), LocalDate.of(2025, 8, 31), "RETAINED");
        score(FROZEN, 2025, b, "INSPECTION", 100);
        score(FROZEN, 2025, b, "SAFETY", 100);
        district(FROZEN).post("/api/evaluations/2025/regions/" + FROZEN + "/close").then().statusCode(409)
                .contentType("application/problem+json");
        score(FROZEN, 2025, b, "COMPLAINTS", 50);
        district(FROZEN).post("/api/evaluations/2025/regions/" + FROZEN + "/close").then().statusCode(200)
                .body("closed", equalTo(true)).body("proposedCount", equalTo(1)).body("items[0].baseId", equalTo((int) b));
        String total = sheet("eval_" + FROZEN, 2025, b).getString("total");

        // A late entry after closing changes the live records but not the frozen sheet.
        internship(b, p, FROZEN, "ON_POST", LocalDate.of(2025, 9, 1), LocalDate.of(2026, 2, 28), null, null);
        JsonPath after = sheet("eval_" + FROZEN, 2025, b);
        assertEquals(total, after.getString("total"));
        assertEquals(1, ((Number) line(after, "INTAKE").get("numerator")).intValue());
        assertEquals(true, after.getBoolean("frozen"));
        district(FROZEN).contentType(ContentType.JSON).body(Map.of("percent", 10, "note", "改分"))
                .put("/api/evaluations/2025/bases/" + b + "/manual-scores/SAFETY").then().statusCode(409);
        district(FROZEN).post("/api/evaluations/2025/regions/" + FROZEN + "/close").then().statusCode(409);
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("criteria", List.of(), "eligibility", List.of()))
                .put("/api/evaluations/2025/scheme").then().statusCode(400);
    }

    @Test
    void proposesOneOfTwentyOneBasesAndShowsTheRounding() {
        for (int i = 0; i < 21; i++) {
            long b = base(CUT, "五分位基地" + i, LocalDate.of(2024, 1, 1).plusDays(i), null);
            long p = position(b, CUT, 2 + i, LocalDate.of(2025, 3, 1));
            for (int k = 0; k < i % 4; k++) {
                internship(b, p, CUT, "ON_POST", LocalDate.of(2025, 3, 1).plusDays(k), LocalDate.of(2025, 12, 31), null, null);
            }
        }
        JsonPath table = district(CUT).queryParam("size", 10).get("/api/evaluations/2025/regions/" + CUT)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(21, table.getInt("total"));
        assertEquals(10, table.getList("items").size());
        assertEquals(1, table.getInt("proposedCount"));
        assertTrue(table.getString("rule").contains("21"));
        List<Boolean> proposed = table.getList("items.proposed");
        assertEquals(List.of(true, false, false, false, false, false, false, false, false, false), proposed);
        List<Float> totals = table.getList("items.total", Float.class);
        for (int i = 1; i < totals.size(); i++) {
            assertTrue(totals.get(i - 1) >= totals.get(i), "ranked by total");
        }
        district(OTHER).get("/api/evaluations/2025/regions/" + CUT).then().statusCode(403);
    }

    @Test
    void refusesAnotherDistrictsStaffAndOtherBases() {
        long b = base(CRITERIA, "别区基地", LocalDate.of(2024, 6, 1), null);
        district(OTHER).get("/api/evaluations/2025/bases/" + b).then().statusCode(403);
        district(OTHER).contentType(ContentType.JSON).body(Map.of("percent", 90, "note", "越权评分"))
                .put("/api/evaluations/2025/bases/" + b + "/manual-scores/INSPECTION").then().statusCode(403);
        district(CRITERIA).contentType(ContentType.JSON).body(Map.of("percent", 101, "note", ""))
                .put("/api/evaluations/2025/bases/" + b + "/manual-scores/INSPECTION").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("percent"))
                .body("violations.field", hasItem("note"));
        district(CRITERIA).contentType(ContentType.JSON).body(Map.of("percent", 50, "note", "不能人工评"))
                .put("/api/evaluations/2025/bases/" + b + "/manual-scores/RETENTION").then().statusCode(400)
                .body("violations.field", hasItem("criterionCode"));
        assertEquals(0, TestDb.count("select count(*) from evaluation_manual_score where base_id = ?", b));
    }

    /**
     * 2023 with a scheme of computed criteria only and no operating-years rule; 40 bases so that two are proposed,
     * and a national quota of one for the district.
     */
    @Test
    void selectsFromTheDistrictsRankingUpToTheNationalQuota() throws Exception {
        Api.as("admin").contentType(ContentType.JSON).body(Map.of(
                "criteria", List.of(
                        Map.of("code", "RETENTION", "name", "留用率", "kind", "COMPUTED", "metric", "RETENTION_RATE",
                                "weight", 60, "fullAt", 0.5, "zeroAt", 0),
                        Map.of("code", "INTAKE", "name", "吸纳率", "kind", "COMPUTED", "metric", "INTAKE",
                                "weight", 40, "fullAt", 1, "zeroAt", 0)),
                "eligibility", List.of(Map.of("rule", "INTERNS_AT_LEAST", "threshold", 1),
                        Map.of("rule", "RETENTION_AT_LEAST", "threshold", 0.5))))
                .put("/api/evaluations/2023/scheme").then().statusCode(200).body("criteria.size()", equalTo(2));
        // One place keeps the test small; the quota is put back after: the plan is shared reference data.
        long quota = TestDb.count("select national_nominations from plan_target where year = 2023 and region_code = ?", SELECTION);
        TestDb.update("update plan_target set national_nominations = 1 where year = 2023 and region_code = ?", SELECTION);
        try {
            selectUpToTheQuota();
        } finally {
            TestDb.update("update plan_target set national_nominations = ? where year = 2023 and region_code = ?", (int) quota, SELECTION);
        }
    }

    private void selectUpToTheQuota() throws Exception {
        List<Long> bases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long b = base(SELECTION, "评选基地" + i, LocalDate.of(2022, 3, 1), LocalDate.of(2010, 1, 1));
            long p = position(b, SELECTION, 2, LocalDate.of(2023, 2, 1));
            // The first two keep their interns; the rest do not.
            internship(b, p, SELECTION, "COMPLETED", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 8, 31),
                    LocalDate.of(2023, 8, 31), i < 2 ? "RETAINED" : "NOT_EMPLOYED");
            if (i < 2) {
                internship(b, p, SELECTION, "COMPLETED", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 8, 31),
                        LocalDate.of(2023, 8, 31), "RETAINED");
            }
            bases.add(b);
        }
        long outsider = base(OTHER, "他区基地", LocalDate.of(2022, 3, 1), null);

        district(SELECTION).contentType(ContentType.JSON).body(Map.of("replacements", List.of()))
                .post("/api/evaluations/2023/regions/" + SELECTION + "/district-awards").then().statusCode(409);
        JsonPath closed = district(SELECTION).post("/api/evaluations/2023/regions/" + SELECTION + "/close")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, closed.getInt("proposedCount"));
        long first = closed.getLong("items[0].baseId");
        long second = closed.getLong("items[1].baseId");
        assertEquals(java.util.Set.of(bases.get(0), bases.get(1)), java.util.Set.of(first, second));
        long third = closed.getLong("items[2].baseId");

        district(SELECTION).contentType(ContentType.JSON)
                .body(Map.of("replacements", List.of(Map.of("baseId", first, "byBaseId", third, "reason", ""))))
                .post("/api/evaluations/2023/regions/" + SELECTION + "/district-awards").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        district(SELECTION).contentType(ContentType.JSON).body(Map.of("replacements", List.of()))
                .post("/api/evaluations/2023/regions/" + SELECTION + "/district-awards").then().statusCode(200)
                .body("size()", equalTo(2));
        assertEquals("DISTRICT", TestDb.text("select level from base where id = ?", first));
        assertEquals("2023", TestDb.text("select level_year::text from base where id = ?", first));
        district(SELECTION).contentType(ContentType.JSON).body(Map.of("replacements", List.of()))
                .post("/api/evaluations/2023/regions/" + SELECTION + "/district-awards").then().statusCode(409);

        // Another district's admin may not nominate this district's base; nor may the district skip a step.
        district(OTHER).contentType(ContentType.JSON).body(Map.of("baseId", first, "stage", "CITY_NOMINATED"))
                .post("/api/evaluations/2023/awards").then().statusCode(403);
        district(SELECTION).contentType(ContentType.JSON).body(Map.of("baseId", third, "stage", "CITY_NOMINATED"))
                .post("/api/evaluations/2023/awards").then().statusCode(409);
        district(SELECTION).contentType(ContentType.JSON).body(Map.of("baseId", outsider, "stage", "CITY_NOMINATED"))
                .post("/api/evaluations/2023/awards").then().statusCode(403);
        for (long b : List.of(first, second)) {
            district(SELECTION).contentType(ContentType.JSON).body(Map.of("baseId", b, "stage", "CITY_NOMINATED"))
                    .post("/api/evaluations/2023/awards").then().statusCode(200);
            district(SELECTION).contentType(ContentType.JSON).body(Map.of("baseId", b, "stage", "CITY"))
                    .post("/api/evaluations/2023/awards").then().statusCode(403);
            Api.as("admin").contentType(ContentType.JSON).body(Map.of("baseId", b, "stage", "CITY"))
                    .post("/api/evaluations/2023/awards").then().statusCode(200);
        }
        assertEquals("CITY", TestDb.text("select level from base where id = ?", first));

        // Two recommendations at once for a quota of one: exactly one is recorded.
        String token = Api.token("admin");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (long b : List.of(first, second)) {
            Callable<Integer> call = () -> io.restassured.RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("baseId", b, "stage", "NATIONAL_RECOMMENDED")).post("/api/evaluations/2023/awards").statusCode();
            answers.add(pool.submit(call));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        pool.shutdown();
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses);
        assertEquals(1, TestDb.count("select count(*) from demonstration_award where year = 2023 and region_code = ? and stage = 'NATIONAL_RECOMMENDED'", SELECTION));
        long recommended = TestDb.count("select base_id from demonstration_award where year = 2023 and region_code = ? and stage = 'NATIONAL_RECOMMENDED'", SELECTION);
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("baseId", recommended, "stage", "NATIONAL"))
                .post("/api/evaluations/2023/awards").then().statusCode(200);
        assertEquals("NATIONAL", TestDb.text("select level from base where id = ?", recommended));

        Api.as("admin").queryParam("regionCode", SELECTION).queryParam("stage", "NATIONAL_RECOMMENDED")
                .get("/api/evaluations/2023/awards").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].baseId", equalTo((int) recommended));
        district(SELECTION).get("/api/evaluations/bases/" + recommended + "/history").then().statusCode(200)
                .body("stage", hasItem("NATIONAL"));
        Api.as("admin").queryParam("size", 100).get("/api/evaluations/2023/progress").then().statusCode(200)
                .body("items.find { it.regionCode == '" + SELECTION + "' }.nationalRecommended", equalTo(1))
                .body("items.find { it.regionCode == '" + SELECTION + "' }.nationalQuota", equalTo(1));
        Api.as("admin").get("/api/positions?size=1").then().statusCode(200);
    }

    @Test
    void aYoungPersonRatesAnEndedInternshipOnceAndTheBaseCannotReadIt() {
        long youth = Youths.register("rater_" + System.nanoTime() % 100000, "评价青年");
        long b = base(CRITERIA, "评价基地", LocalDate.of(2024, 6, 1), null);
        long p = position(b, CRITERIA, 2, LocalDate.of(2025, 1, 10));
        long ended = TestDb.count("""
                insert into internship (youth_id, base_id, position_id, region_code, state, start_date, planned_end, actual_end,
                  arrived_on, monthly_allowance, unemployed_graduate) values (?, ?, ?, ?, 'COMPLETED', '2025-01-01', '2025-06-30',
                  '2025-06-30', '2025-01-01', 2000, false) returning id""", youth, b, p, CRITERIA);
        String username = TestDb.text("select username from user_account where youth_id = ?", youth);
        var asYouth = Youths.as(username);
        asYouth.get("/api/internships/" + ended + "/rating").then().statusCode(200)
                .body("rateable", equalTo(true)).body("score", equalTo(null));
        Youths.as(username).contentType(ContentType.JSON).body(Map.of("score", 6))
                .put("/api/internships/" + ended + "/rating").then().statusCode(400).body("violations.field", hasItem("score"));
        Youths.as(username).contentType(ContentType.JSON).body(Map.of("score", 4, "comment", "带教老师很耐心"))
                .put("/api/internships/" + ended + "/rating").then().statusCode(200).body("score", equalTo(4));
        Youths.as(username).contentType(ContentType.JSON).body(Map.of("score", 1))
                .put("/api/internships/" + ended + "/rating").then().statusCode(409);
        assertEquals(4, TestDb.count("select score from internship_rating where internship_id = ?", ended));
        Api.as("admin").get("/api/internships/" + ended + "/rating").then().statusCode(200).body("comment", equalTo("带教老师很耐心"));
    }
}
