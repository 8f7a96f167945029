package cq.jianxi.quality;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cq.jianxi.quality.QualityFixture.CITY;
import static cq.jianxi.quality.QualityFixture.DISTRICT;
import static cq.jianxi.quality.QualityFixture.OTHER_DISTRICT;
import static cq.jianxi.quality.QualityFixture.REGION;
import static cq.jianxi.quality.QualityFixture.as;
import static cq.jianxi.quality.QualityFixture.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each disqualification rule on crafted records (a base that meets it and a near miss), and the warn–decide workflow. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DisqualificationTest {

    @BeforeAll
    static void accounts() {
        QualityFixture.accounts();
    }

    private static JsonPath list() {
        return as(DISTRICT).queryParam("size", 100).get("/api/quality/disqualification-list").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The rules the list says the base meets now (empty when the base is not listed). */
    private static List<String> hits(JsonPath list, long base) {
        List<String> rules = list.getList("items.find { it.baseId == " + base + " }.hits.rule");
        return rules == null ? List.of() : rules;
    }

    private static String evidence(JsonPath list, long base, String rule) {
        return list.getString("items.find { it.baseId == " + base + " }.hits.find { it.rule == '" + rule + "' }.evidence");
    }

    @Test
    void aBaseWithNoArrivalWithinTwelveMonthsOfCertificationIsListedOnceTheyHavePassed() {
        long idle = QualityFixture.baseId("质量无人见习甲");
        QualityFixture.certified(idle, "2025-11-18T09:00:00");
        long notYet = QualityFixture.baseId("质量无人见习乙");
        QualityFixture.certified(notYet, "2025-11-19T09:00:00");
        long arrivedInTime = QualityFixture.baseId("质量无人见习丙");
        QualityFixture.certified(arrivedInTime, "2025-11-01T09:00:00");
        QualityFixture.onPost(arrivedInTime, QualityFixture.position(arrivedInTime, "PUBLISHED"), "2026-10-31", "2027-04-30");

        JsonPath list = list();
        assertEquals(List.of("NO_INTERN_WITHIN_MONTHS"), hits(list, idle));
        assertTrue(evidence(list, idle, "NO_INTERN_WITHIN_MONTHS").contains("2025-11-18 备案"));
        assertTrue(evidence(list, idle, "NO_INTERN_WITHIN_MONTHS").contains("到岗 0 人"));
        assertEquals(List.of(), hits(list, notYet), "the twelve months end tomorrow");
        assertEquals(List.of(), hits(list, arrivedInTime), "an intern arrived the day before the twelve months ended");
    }

    @Test
    void aBaseRetainingBelowTwentyPercentInEachOfTheLastTwoYearsIsListedWithTheRates() {
        long low = QualityFixture.baseId("质量留用低甲");
        QualityFixture.certified(low, "2023-03-01T09:00:00");
        long p = QualityFixture.position(low, "DRAFT");
        // 2024: 1 of 6 retained (16.7%); 2025: none of 2 (0%).
        for (int i = 0; i < 6; i++) {
            QualityFixture.completed(low, p, "2024-01-01", "2024-06-30", i == 0);
        }
        QualityFixture.completed(low, p, "2025-01-01", "2025-06-30", false);
        QualityFixture.completed(low, p, "2025-02-01", "2025-07-31", false);

        long atThreshold = QualityFixture.baseId("质量留用低乙");
        QualityFixture.certified(atThreshold, "2023-03-01T09:00:00");
        long p2 = QualityFixture.position(atThreshold, "DRAFT");
        QualityFixture.completed(atThreshold, p2, "2024-01-01", "2024-06-30", false);
        for (int i = 0; i < 5; i++) {
            QualityFixture.completed(atThreshold, p2, "2025-01-01", "2025-06-30", i == 0); // exactly 20%
        }

        long oneYear = QualityFixture.baseId("质量留用低丙");
        QualityFixture.certified(oneYear, "2023-03-01T09:00:00");
        QualityFixture.completed(oneYear, QualityFixture.position(oneYear, "DRAFT"), "2025-01-01", "2025-06-30", false);

        JsonPath list = list();
        assertTrue(hits(list, low).contains("LOW_RETENTION_YEARS"));
        assertEquals("留用率 2024 年 16.7%（完成 6 人，留用 1 人），2025 年 0%（完成 2 人，留用 0 人），均低于 20%",
                evidence(list, low, "LOW_RETENTION_YEARS"));
        assertFalse(hits(list, atThreshold).contains("LOW_RETENTION_YEARS"), "20% is not below 20%");
        assertFalse(hits(list, oneYear).contains("LOW_RETENTION_YEARS"), "2024 had no completions");

        // The city switches the rule off: nobody meets it any more.
        json(CITY, Map.of("enabled", false, "rate", 0.2, "years", 2)).put("/api/quality/disqualification-rules/LOW_RETENTION_YEARS")
                .then().statusCode(200).body("enabled", equalTo(false));
        try {
            assertFalse(hits(list(), low).contains("LOW_RETENTION_YEARS"));
            json(DISTRICT, Map.of("enabled", false, "rate", 0.2, "years", 2)).put("/api/quality/disqualification-rules/LOW_RETENTION_YEARS")
                    .then().statusCode(403);
            json(CITY, Map.of("enabled", true, "rate", 1.5, "years", 2)).put("/api/quality/disqualification-rules/LOW_RETENTION_YEARS")
                    .then().statusCode(400).body("violations.field", hasItem("rate"));
        } finally {
            json(CITY, Map.of("enabled", true, "rate", 0.2, "years", 2)).put("/api/quality/disqualification-rules/LOW_RETENTION_YEARS")
                    .then().statusCode(200);
        }
    }

    @Test
    void aDeregisteredEmployersBaseIsListedAndAMovedOneIsNot() {
        long gone = QualityFixture.baseId("质量注销甲");
        TestDb.update("update employer set operating_status = 'DEREGISTERED', status_changed_at = '2026-10-01T09:00:00+08'"
                + " where id = (select employer_id from base where id = ?)", gone);
        long moved = QualityFixture.baseId("质量注销乙");
        TestDb.update("update employer set operating_status = 'MOVED_OUT' where id = (select employer_id from base where id = ?)", moved);

        JsonPath list = list();
        assertEquals(List.of("MARKET_DEREGISTERED"), hits(list, gone));
        assertEquals("经营状态：注销（自 2026-10-01）", evidence(list, gone, "MARKET_DEREGISTERED"));
        assertEquals(List.of(), hits(list, moved));
    }

    @Test
    void aSeriousUpheldComplaintListsTheBaseButPendingOrMinorOnesDoNot() {
        long upheld = QualityFixture.baseId("质量投诉甲");
        long id = json(DISTRICT, Map.of("baseId", upheld, "receivedOn", "2026-09-01", "summary", "拖欠见习人员生活补助",
                "serious", true, "outcome", "UPHELD", "outcomeNote", "经核查属实")).post("/api/quality/complaints")
                .then().statusCode(201).body("outcome", equalTo("UPHELD")).extract().jsonPath().getLong("id");
        long near = QualityFixture.baseId("质量投诉乙");
        long pending = json(DISTRICT, Map.of("baseId", near, "receivedOn", "2026-09-02", "summary", "未签订见习协议",
                "serious", true, "outcome", "PENDING")).post("/api/quality/complaints").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        json(DISTRICT, Map.of("baseId", near, "receivedOn", "2026-09-03", "summary", "带教老师更换未告知",
                "serious", false, "outcome", "UPHELD", "outcomeNote", "属实，情节轻微")).post("/api/quality/complaints").then().statusCode(201);

        JsonPath list = list();
        assertEquals(List.of("SERIOUS_COMPLAINT_UPHELD"), hits(list, upheld));
        assertEquals("投诉 #" + id + "（2026-09-01 受理，严重，已查实）：拖欠见习人员生活补助", evidence(list, upheld, "SERIOUS_COMPLAINT_UPHELD"));
        assertEquals(List.of(), hits(list, near));

        // Once the pending one is upheld, the second base meets the rule too.
        json(DISTRICT, Map.of("outcome", "UPHELD", "outcomeNote", "复核属实")).put("/api/quality/complaints/" + pending + "/outcome")
                .then().statusCode(200);
        assertEquals(List.of("SERIOUS_COMPLAINT_UPHELD"), hits(list(), near));
        as(DISTRICT).queryParam("baseId", near).get("/api/quality/complaints").then().statusCode(200).body("total", equalTo(2));

        LocalDate tomorrow = TestClock.pinnedToday().plusDays(1);
        json(DISTRICT, Map.of("baseId", near, "receivedOn", tomorrow.toString(), "summary", "未来的投诉", "serious", true,
                "outcome", "PENDING")).post("/api/quality/complaints").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("receivedOn"));
        json(DISTRICT, Map.of("baseId", near, "receivedOn", "2026-09-04", "summary", "无说明", "serious", true,
                "outcome", "DISMISSED")).post("/api/quality/complaints").then().statusCode(400).body("violations.field", hasItem("outcomeNote"));
    }

    @Test
    void aWarnedBaseIsToldThenGivenTimeToRectifyThenRevokedWithItsPositionsClosed() {
        Object[] created = QualityFixture.base("质量流程甲");
        long base = (Long) created[0];
        String baseUser = (String) created[1];
        long position = QualityFixture.position(base, "PUBLISHED");
        TestDb.update("update employer set operating_status = 'REVOKED', status_changed_at = '2026-10-10T09:00:00+08'"
                + " where id = (select employer_id from base where id = ?)", base);
        long notificationsBefore = TestDb.count("select count(*) from notification where base_id = ?", base);

        // A rule the base does not meet cannot be warned on.
        json(DISTRICT, Map.of("baseId", base, "rule", "SERIOUS_COMPLAINT_UPHELD")).post("/api/quality/disqualification-cases")
                .then().statusCode(409);
        long caseId = json(DISTRICT, Map.of("baseId", base, "rule", "MARKET_DEREGISTERED")).post("/api/quality/disqualification-cases")
                .then().statusCode(201).body("status", equalTo("WARNED")).body("evidence", equalTo("经营状态：吊销（自 2026-10-10）"))
                .extract().jsonPath().getLong("id");
        json(DISTRICT, Map.of("baseId", base, "rule", "MARKET_DEREGISTERED")).post("/api/quality/disqualification-cases")
                .then().statusCode(409);
        assertEquals(notificationsBefore + 1, TestDb.count("select count(*) from notification where base_id = ?", base));
        Recruitment.asBase(baseUser).get("/api/quality/my-warnings").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].evidence", containsString("吊销")).body("items[0].ruleName", equalTo("单位被吊销或注销"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'BASE_WARNED' and target_id = ?", String.valueOf(caseId)));
        JsonPath listed = list();
        assertEquals("WARNED", listed.getString("items.find { it.baseId == " + base + " }.cases[0].status"));

        String decide = "/api/quality/disqualification-cases/" + caseId + "/decision";
        LocalDate today = TestClock.pinnedToday();
        json(DISTRICT, Map.of("decision", "RECTIFY", "rectifyBy", today.minusDays(1).toString(), "note", "补正材料"))
                .post(decide).then().statusCode(400).body("violations.field", hasItem("rectifyBy"));
        json(DISTRICT, Map.of("decision", "RECTIFY", "rectifyBy", today.plusDays(10).toString(), "note", "限期恢复经营登记"))
                .post(decide).then().statusCode(200).body("status", equalTo("RECTIFYING"))
                .body("rectifyBy", equalTo(today.plusDays(10).toString()));
        // Not again before the date has passed.
        json(DISTRICT, Map.of("decision", "REVOKE", "note", "逾期未整改")).post(decide).then().statusCode(409);
        // The date passes (moved in the record: moving the clock days ahead would end every test session).
        TestDb.update("update disqualification_case set rectify_by = ? where id = ?", today.minusDays(1), caseId);
        json(DISTRICT, Map.of("decision", "REVOKE", "note", "逾期未整改，取消见习基地资格")).post(decide).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("decisionNote", equalTo("逾期未整改，取消见习基地资格"));

        assertEquals("REVOKED", TestDb.text("select status from base where id = ?", base));
        assertEquals("CLOSED", TestDb.text("select status from position where id = ?", position));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'BASE_REVOKED' and target_id = ?", String.valueOf(base)));
        assertEquals(2, TestDb.count("select count(*) from audit_event where action = 'DISQUALIFICATION_DECIDED' and target_id = ?",
                String.valueOf(caseId)));
        json(DISTRICT, Map.of("decision", "DISMISS", "note", "再次处理")).post(decide).then().statusCode(409);
    }

    @Test
    void anotherDistrictsBaseIsRefusedEverywhere() {
        long base = QualityFixture.baseId("质量越权甲");
        TestDb.update("update employer set operating_status = 'DEREGISTERED' where id = (select employer_id from base where id = ?)", base);
        json(OTHER_DISTRICT, Map.of("baseId", base, "rule", "MARKET_DEREGISTERED")).post("/api/quality/disqualification-cases")
                .then().statusCode(403).contentType("application/problem+json");
        as(OTHER_DISTRICT).queryParam("regionCode", REGION).get("/api/quality/disqualification-list").then().statusCode(403);
        JsonPath theirs = as(OTHER_DISTRICT).queryParam("size", 100).get("/api/quality/disqualification-list").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), hits(theirs, base));
        json(OTHER_DISTRICT, Map.of("baseId", base, "receivedOn", "2026-09-01", "summary", "越权登记", "serious", true,
                "outcome", "PENDING")).post("/api/quality/complaints").then().statusCode(403);

        long caseId = json(DISTRICT, Map.of("baseId", base, "rule", "MARKET_DEREGISTERED")).post("/api/quality/disqualification-cases")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        json(OTHER_DISTRICT, Map.of("decision", "DISMISS", "note", "越权销案")).post("/api/quality/disqualification-cases/" + caseId + "/decision")
                .then().statusCode(403);
        // The city sees the whole city and may decide.
        JsonPath city = as(CITY).queryParam("regionCode", REGION).queryParam("size", 100).get("/api/quality/disqualification-list")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("MARKET_DEREGISTERED"), hits(city, base));
        json(CITY, Map.of("decision", "DISMISS", "note", "已恢复登记")).post("/api/quality/disqualification-cases/" + caseId + "/decision")
                .then().statusCode(200).body("status", equalTo("DISMISSED"));
        Api.as("youth_demo").get("/api/quality/disqualification-list").then().statusCode(403);
    }
}
