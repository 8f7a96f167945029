package cq.jianxi.plan;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.EvaluationRecords;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
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

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Progress on the eight Annex 2 columns counted from crafted records, 倒排 milestones saved, refused and
 * locked, and behind schedule judged against the milestone of the current month (the pinned clock's November).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PlanProgressTest {

    private static final int YEAR = TestClock.pinnedToday().getYear();
    /** Regions no other test writes records into. */
    private static final String COUNTED = "500110";
    private static final String SCHEDULED = "500112";
    private static final String PASSWORD = "Progress#Pass2026";

    @BeforeAll
    static void setUp() {
        TestDb.createUser("pp_qijiang", PASSWORD, "DISTRICT_ADMIN", COUNTED, null);
        TestDb.createUser("pp_yubei", PASSWORD, "DISTRICT_ADMIN", SCHEDULED, null);
        TestDb.createUser("pp_city", PASSWORD, "CITY_ADMIN", null, null);
        TestDb.createUser("pp_kejiju", PASSWORD, "DEPARTMENT", null, "KJJ");
        TestDb.createUser("pp_jiaowei", PASSWORD, "DEPARTMENT", null, "JW");
        TestDb.update("insert into plan (year, source, updated_by) values (?, '测试', 'test') on conflict do nothing", YEAR);
        for (String region : List.of(COUNTED, SCHEDULED)) {
            TestDb.update("""
                    insert into plan_target (year, region_code, new_bases, new_key_enterprise_bases, positions, participants,
                                             policy_sessions, matching_events, typical_persons, national_nominations)
                    values (?, ?, 10, 2, 100, 50, 4, 4, 2, 1) on conflict do nothing""", YEAR, region);
        }
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return Api.as(user, PASSWORD);
    }

    private static JsonPath column(JsonPath dashboard, String region, String column) {
        Map<String, Object> c = dashboard.getMap("plan.regions.find { it.code == '" + region + "' }.columns.find { it.column == '"
                + column + "' }");
        return new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(c).toString());
    }

    private static JsonPath dashboard(String user) {
        return as(user).get("/api/dashboard/recruitment?year=" + YEAR).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void countsEachOfTheEightColumnsFromTheRecords() {
        LocalDate march = LocalDate.of(YEAR, 3, 10);
        long keyBase = EvaluationRecords.base(COUNTED, "进度重点企业基地", march, null);
        TestDb.update("insert into employer_key_category (employer_id, category_code) select employer_id, 'ZJTX' from base where id = ?", keyBase);
        long plainBase = EvaluationRecords.base(COUNTED, "进度普通基地", LocalDate.of(YEAR, 7, 1), null);
        EvaluationRecords.base(COUNTED, "去年的基地", LocalDate.of(YEAR - 1, 12, 20), null);
        long revoked = EvaluationRecords.base(COUNTED, "已撤销基地", LocalDate.of(YEAR, 4, 1), null);
        TestDb.update("update base set status = 'REVOKED', revoked_at = ?, revoke_reason = '测试' where id = ?",
                EvaluationRecords.at(LocalDate.of(YEAR, 6, 1)), revoked);

        long position = EvaluationRecords.position(keyBase, COUNTED, 3, LocalDate.of(YEAR, 3, 15));
        EvaluationRecords.position(plainBase, COUNTED, 4, LocalDate.of(YEAR, 7, 2));
        EvaluationRecords.position(plainBase, COUNTED, 9, LocalDate.of(YEAR - 1, 12, 30));

        long first = EvaluationRecords.internship(keyBase, position, COUNTED, "COMPLETED", LocalDate.of(YEAR, 4, 1),
                LocalDate.of(YEAR, 8, 31), LocalDate.of(YEAR, 8, 31), "NOT_EMPLOYED");
        // The same young person arriving again later in the year counts once, in the month of the first arrival.
        TestDb.update("""
                insert into internship (youth_id, base_id, position_id, region_code, state, start_date, planned_end, arrived_on,
                                        monthly_allowance, unemployed_graduate)
                select youth_id, base_id, position_id, region_code, 'ON_POST', ?, ?, ?, 2000, false from internship where id = ?""",
                LocalDate.of(YEAR, 9, 1), LocalDate.of(YEAR + 1, 2, 28), LocalDate.of(YEAR, 9, 1), first);
        long second = EvaluationRecords.internship(keyBase, position, COUNTED, "ON_POST", LocalDate.of(YEAR, 5, 6),
                LocalDate.of(YEAR, 12, 31), null, null);
        EvaluationRecords.internship(keyBase, position, COUNTED, "COMPLETED", LocalDate.of(YEAR - 1, 6, 1),
                LocalDate.of(YEAR - 1, 12, 1), LocalDate.of(YEAR - 1, 12, 1), "NOT_EMPLOYED");

        activity("POLICY_SESSION", LocalDate.of(YEAR, 2, 1));
        activity("POLICY_SESSION", LocalDate.of(YEAR, 6, 1));
        activity("MATCHING_ONLINE", LocalDate.of(YEAR, 6, 2));
        activity("MATCHING_ONLINE", TestClock.pinnedToday().plusDays(10)); // announced, not held yet

        TestDb.update("""
                insert into typical_person (internship_id, region_code, title, story, consent_on, consent_method, status, year,
                                            submitted_at, submitted_by, decided_at, decided_by)
                values (?, ?, '见习之星', '事迹', ?, 'WRITTEN', 'APPROVED', ?, now(), 'test', now(), 'city')""",
                first, COUNTED, LocalDate.of(YEAR, 10, 1), YEAR);
        TestDb.update("""
                insert into typical_person (internship_id, region_code, title, story, consent_on, consent_method, status, year,
                                            submitted_at, submitted_by)
                values (?, ?, '待审典型', '事迹', ?, 'WRITTEN', 'SUBMITTED', ?, now(), 'test')""",
                second, COUNTED, LocalDate.of(YEAR, 10, 1), YEAR);
        TestDb.update("insert into evaluation_round (year, region_code, closed_at, closed_by, bases, proposed) values (?, ?, now(), 'test', 1, 1)",
                YEAR, COUNTED);
        TestDb.update("insert into evaluation_result (year, base_id, region_code, total, rank, proposed, sheet) values (?, ?, ?, 90, 1, true, '{}'::jsonb)",
                YEAR, keyBase, COUNTED);
        for (String stage : List.of("DISTRICT", "CITY", "NATIONAL_RECOMMENDED")) {
            TestDb.update("insert into demonstration_award (year, base_id, region_code, stage, decided_by, decided_at) values (?, ?, ?, ?, 'test', now())",
                    YEAR, keyBase, COUNTED, stage);
        }

        JsonPath d = dashboard("pp_qijiang");
        Map<String, Long> expected = Map.of("NEW_BASES", 2L, "NEW_KEY_ENTERPRISE_BASES", 1L, "POSITIONS", 7L,
                "PARTICIPANTS", 2L, "POLICY_SESSIONS", 2L, "MATCHING_EVENTS", 1L, "TYPICAL_PERSONS", 1L,
                "NATIONAL_NOMINATIONS", 1L);
        expected.forEach((col, n) -> assertEquals(n, column(d, COUNTED, col).getLong("achieved"), col));
        // Dated by the event: the key-enterprise base counts from March, the second base from July.
        List<Integer> bases = column(d, COUNTED, "NEW_BASES").getList("achievedByMonth");
        assertEquals(List.of(0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2), bases);
        List<Integer> participants = column(d, COUNTED, "PARTICIPANTS").getList("achievedByMonth");
        assertEquals(1, participants.get(3));
        assertEquals(2, participants.get(4));
        assertEquals(2, participants.get(10));

        // The annual report shows the very same figures.
        JsonPath annual = as("pp_qijiang").get("/api/reports/annual/" + YEAR).then().statusCode(200).extract().jsonPath();
        String row = "regions.find { it.regionCode == '" + COUNTED + "' }.";
        assertEquals(2, annual.getInt(row + "newBases.achieved"));
        assertEquals(7, annual.getInt(row + "positions.achieved"));
        assertEquals(2, annual.getInt(row + "participants.achieved"));
        assertEquals(1, annual.getInt(row + "nationalNominations.achieved"));
        // A district sees its own region only.
        assertEquals(List.of(COUNTED), d.getList("plan.regions.code"));
        assertTrue(d.getList("plan.departments").isEmpty());
    }

    private static void activity(String kind, LocalDate day) {
        TestDb.update("""
                insert into activity (kind, region_code, held_on, title, organizer, created_by)
                values (?, ?, ?, '进度测试活动', '区人社局', 'test')""", kind, COUNTED, day);
    }

    /** The region's targets as the platform holds them (the migrations seed this year's plan). */
    private static Map<String, Integer> targets(String region) {
        JsonPath view = as("pp_city").get(path("REGION", region)).then().statusCode(200).extract().jsonPath();
        Map<String, Integer> out = new java.util.HashMap<>();
        for (Map<String, Object> c : view.<Map<String, Object>>getList("scope.columns")) {
            out.put((String) c.get("column"), ((Number) c.get("target")).intValue());
        }
        return out;
    }

    /** A schedule reaching every target in December; positions due in November as given, December + extra. */
    private static Map<String, Object> schedule(int positionsNovember, int decemberShortfall) {
        Map<String, Integer> targets = targets(SCHEDULED);
        List<Map<String, Object>> columns = new ArrayList<>();
        for (String column : List.of("NEW_BASES", "NEW_KEY_ENTERPRISE_BASES", "POSITIONS", "PARTICIPANTS", "POLICY_SESSIONS",
                "MATCHING_EVENTS", "TYPICAL_PERSONS", "NATIONAL_NOMINATIONS")) {
            int target = targets.get(column);
            List<Integer> months = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                if (column.equals("POSITIONS")) {
                    months.add(m < 11 ? 0 : m == 11 ? positionsNovember : target - decemberShortfall);
                } else {
                    months.add(m < 12 ? 0 : target);
                }
            }
            columns.add(Map.of("column", column, "milestones", months));
        }
        return Map.of("columns", columns);
    }

    private static String path(String kind, String code) {
        return "/api/plans/" + YEAR + "/schedules/" + kind + "/" + code;
    }

    @Test
    void flagsBehindWhenAchievedIsBelowThisMonthsMilestoneWithTheGap() {
        long base = EvaluationRecords.base(SCHEDULED, "渝北进度基地", LocalDate.of(YEAR, 2, 1), null);
        EvaluationRecords.position(base, SCHEDULED, 3, LocalDate.of(YEAR, 5, 1));
        as("pp_yubei").contentType(ContentType.JSON).body(schedule(5, 0)).put(path("REGION", SCHEDULED))
                .then().statusCode(200);

        JsonPath d = dashboard("pp_yubei");
        JsonPath positions = column(d, SCHEDULED, "POSITIONS");
        assertEquals(11, d.getInt("plan.month"));
        assertEquals(5, positions.getInt("milestone"));
        assertEquals(3, positions.getInt("achieved"));
        assertEquals(2, positions.getInt("gap"));
        assertTrue(positions.getBoolean("behind"));
        // New bases: November's milestone is 0, so one base is ahead, not behind — whatever the share of the year.
        assertFalse(column(d, SCHEDULED, "NEW_BASES").getBoolean("behind"));
        assertTrue(d.getBoolean("regions.find { it.regionCode == '" + SCHEDULED + "' }.behindSchedule"));

        as("pp_yubei").contentType(ContentType.JSON).body(schedule(3, 0)).put(path("REGION", SCHEDULED))
                .then().statusCode(200);
        assertFalse(column(dashboard("pp_yubei"), SCHEDULED, "POSITIONS").getBoolean("behind"));
    }

    @Test
    void refusesASchedulesThatDecreasesOrMissesTheTargetNamingTheMonth() {
        int target = targets(SCHEDULED).get("POSITIONS");
        Map<String, Object> decreasing = schedule(target + 10, 0);
        as("pp_yubei").contentType(ContentType.JSON).body(decreasing).put(path("REGION", SCHEDULED))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("columns[2].milestones[11]"));
        as("pp_yubei").contentType(ContentType.JSON).body(schedule(0, 1)).put(path("REGION", SCHEDULED))
                .then().statusCode(400).body("violations.field", hasItem("columns[2].milestones[11]"))
                .body("violations.message", hasItem(containsString("年度目标 " + target)));
        as("pp_yubei").contentType(ContentType.JSON).body(Map.of("columns", List.of(Map.of("column", "POSITIONS",
                        "milestones", List.of(1, 2, 3))))).put(path("REGION", SCHEDULED))
                .then().statusCode(400).body("violations.field", hasItem(containsString("milestones")));
    }

    @Test
    void aDistrictSchedulesOnlyItsOwnRegionAndADepartmentOnlyItsQuota() {
        as("pp_qijiang").contentType(ContentType.JSON).body(schedule(0, 0)).put(path("REGION", SCHEDULED))
                .then().statusCode(403);
        as("pp_qijiang").get(path("REGION", SCHEDULED)).then().statusCode(403);
        as("pp_kejiju").get(path("REGION", SCHEDULED)).then().statusCode(403);
        as("pp_jiaowei").get(path("DEPARTMENT", "KJJ")).then().statusCode(403);
        as("pp_jiaowei").get(path("DEPARTMENT", "JW")).then().statusCode(404);

        List<Integer> quota = List.of(100, 300, 500, 700, 900, 1100, 1300, 1500, 1700, 1800, 1900, 2000);
        as("pp_kejiju").contentType(ContentType.JSON)
                .body(Map.of("columns", List.of(Map.of("column", "POSITIONS", "milestones", quota))))
                .put(path("DEPARTMENT", "KJJ")).then().statusCode(200)
                .body("scope.scheduled", org.hamcrest.Matchers.is(true))
                .body("scope.columns[0].milestone", org.hamcrest.Matchers.is(1900));
        as("pp_kejiju").contentType(ContentType.JSON)
                .body(Map.of("columns", List.of(Map.of("column", "NEW_BASES", "milestones", quota))))
                .put(path("DEPARTMENT", "KJJ")).then().statusCode(400)
                .body("violations.field", hasItem("columns[0].column"));
        // The department's behind flag sits on the city dashboard next to the regions.
        JsonPath d = dashboard("pp_city");
        assertEquals(1900, d.getInt("plan.departments.find { it.code == 'KJJ' }.columns[0].milestone"));
    }

    @Test
    void theCityLocksTheYearAndNobodyEditsUntilItReopens() {
        as("pp_yubei").post("/api/plans/" + YEAR + "/schedules/lock").then().statusCode(403);
        try {
            as("pp_city").post("/api/plans/" + YEAR + "/schedules/lock").then().statusCode(200)
                    .body("lockedBy", org.hamcrest.Matchers.is("pp_city"));
            as("pp_yubei").contentType(ContentType.JSON).body(schedule(0, 0)).put(path("REGION", SCHEDULED))
                    .then().statusCode(409).contentType("application/problem+json");
            as("pp_yubei").get(path("REGION", SCHEDULED)).then().statusCode(200)
                    .body("lockedAt", org.hamcrest.Matchers.notNullValue());
        } finally {
            as("pp_city").delete("/api/plans/" + YEAR + "/schedules/lock").then().statusCode(200)
                    .body("lockedAt", org.hamcrest.Matchers.nullValue());
        }
        as("pp_yubei").contentType(ContentType.JSON).body(schedule(0, 0)).put(path("REGION", SCHEDULED))
                .then().statusCode(200);
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'MILESTONES_LOCKED' and target_id = ?",
                String.valueOf(YEAR)));
    }
}
