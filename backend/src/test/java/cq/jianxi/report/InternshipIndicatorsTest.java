package cq.jianxi.report;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds internships of one region over a month boundary and checks indicators 6–14 by hand. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InternshipIndicatorsTest {

    static final String REGION = "GXQ";

    private static long youth(String name) {
        return Long.parseLong(TestDb.text("insert into youth (name, region_code, id_number_hash) values (?, ?, md5(?) || md5(?)) returning id::text",
                name, REGION, name, name));
    }

    private static long internship(long youth, long base, long position, String start, String plannedEnd, String state,
                                   String actualEnd, boolean graduate, String outcome, String channel) {
        return internship(REGION, youth, base, position, start, plannedEnd, state, actualEnd, graduate, outcome, channel);
    }

    private static long internship(String region, long youth, long base, long position, String start, String plannedEnd,
                                   String state, String actualEnd, boolean graduate, String outcome, String channel) {
        return Long.parseLong(TestDb.text("""
                        insert into internship (youth_id, base_id, position_id, region_code, state, start_date, arrived_on, planned_end,
                                                actual_end, monthly_allowance, unemployed_graduate, end_reason, outcome, outcome_channel)
                        values (?, ?, ?, ?, ?, ?::date, ?::date, ?::date, ?::date, 2300, ?, ?, ?, ?) returning id::text""",
                youth, base, position, region, state, start, "PENDING".equals(state) ? null : start, plannedEnd, actualEnd, graduate,
                "ABNORMAL".equals(state) ? "个人原因" : null, outcome, channel));
    }

    private static void paid(long internship, String month, String paidOn, String amount) {
        long claim = Long.parseLong(TestDb.text("""
                insert into subsidy_claim (internship_id, month, base_id, region_code, status, requested_amount, approved_amount)
                select id, ?::date, base_id, region_code, 'PAID', ?::numeric, ?::numeric from internship where id = ? returning id::text""",
                month, amount, amount, internship));
        TestDb.update("insert into disbursement (claim_id, region_code, paid_on, amount, funding_level, recorded_by) values (?, ?, ?::date, ?::numeric, 'CITY', 'test')",
                claim, REGION, paidOn, amount);
    }

    private static Map<Integer, String> indicators(String period) {
        JsonPath json = Api.as("admin").queryParam("regionCode", REGION).queryParam("period", period)
                .get("/api/indicators/internships").then().statusCode(200).extract().jsonPath();
        Map<Integer, String> values = new java.util.HashMap<>();
        for (int i = 0; i < json.getList("no").size(); i++) {
            values.put(json.getInt("[" + i + "].no"), new java.math.BigDecimal(json.getString("[" + i + "].value")).stripTrailingZeros().toPlainString());
        }
        return values;
    }

    @Test
    void countsEachStateInItsMonthAcrossTheMonthBoundary() {
        Number baseId = Api.as("admin").contentType(ContentType.JSON)
                .body(Recruitment.application(REGION, "高新区指标测试公司", "PRIVATE", null))
                .post("/api/bases/applications").then().statusCode(201).extract().path("id");
        long base = baseId.longValue();
        long position = Long.parseLong(TestDb.text("""
                insert into position (base_id, title, category, headcount, education, description, region_code, monthly_allowance,
                                      duration_months, deadline, status)
                values (?, '指标岗位', 'TECHNICAL', 10, 'ANY', '用于指标测试', ?, 2300, 6, '2026-12-31', 'DRAFT') returning id::text""",
                base, REGION));
        long a = internship(youth("指标甲"), base, position, "2026-02-10", "2026-08-09", "ON_POST", null, false, null, null);
        internship(youth("指标乙"), base, position, "2026-03-05", "2026-09-04", "RETAINED_EARLY", "2026-04-15", true, "RETAINED", null);
        internship(youth("指标丙"), base, position, "2026-01-01", "2026-03-31", "COMPLETED", "2026-03-31", false,
                "EMPLOYED_ELSEWHERE", "PUBLIC_SERVICE");
        internship(youth("指标丁"), base, position, "2026-03-20", "2026-09-19", "ABNORMAL", "2026-04-02", false, null, null);
        internship(youth("指标戊"), base, position, "2026-01-15", "2026-04-14", "COMPLETED", "2026-04-14", false, "RETAINED", null);
        paid(a, "2026-01-01", "2026-02-20", "1300.00");
        paid(a, "2026-02-01", "2026-03-10", "1400.00");
        paid(a, "2026-03-01", "2026-04-05", "2600.00");

        Map<Integer, String> feb = indicators("2026-02");
        Map<Integer, String> march = indicators("2026-03");
        Map<Integer, String> april = indicators("2026-04");
        assertEquals(Map.of(6, "2", 7, "1", 8, "1", 9, "0", 10, "0", 11, "1", 12, "0", 13, "4", 14, "0.27"), march);
        assertEquals(Map.of(6, "0", 7, "0", 8, "2", 9, "2", 10, "1", 11, "0", 12, "1", 13, "1", 14, "0.53"), april);
        // Continuity: on post at the end of the previous month + arrived − completed − ended abnormally.
        for (Map<Integer, String>[] pair : new Map[][]{{feb, march}, {march, april}}) {
            int expected = Integer.parseInt(pair[0].get(13)) + Integer.parseInt(pair[1].get(6))
                    - Integer.parseInt(pair[1].get(8)) - Integer.parseInt(pair[1].get(12));
            assertEquals(expected, Integer.parseInt(pair[1].get(13)));
        }
        Api.as("wanzhou").queryParam("regionCode", REGION).queryParam("period", "2026-03").get("/api/indicators/internships")
                .then().statusCode(403);
        Api.as("base_demo").queryParam("regionCode", REGION).queryParam("period", "2026-03").get("/api/indicators/internships")
                .then().statusCode(403);
    }

    @Test
    void theDatabaseRefusesOverlappingInternshipsOfOnePerson() {
        Number baseId = Api.as("admin").contentType(ContentType.JSON)
                .body(Recruitment.application("WSJKQ", "高新区重叠测试公司", "PRIVATE", null))
                .post("/api/bases/applications").then().statusCode(201).extract().path("id");
        long position = Long.parseLong(TestDb.text("""
                insert into position (base_id, title, category, headcount, education, description, region_code, monthly_allowance,
                                      duration_months, deadline, status)
                values (?, '重叠岗位', 'OTHER', 5, 'ANY', '用于约束测试', ?, 2300, 6, '2026-12-31', 'DRAFT') returning id::text""",
                baseId.longValue(), "WSJKQ"));
        long person = youth("重叠者");
        internship("WSJKQ", person, baseId.longValue(), position, "2026-01-01", "2026-06-30", "ON_POST", null, false, null, null);
        IllegalStateException overlap = assertThrows(IllegalStateException.class, () -> internship(person, baseId.longValue(),
                position, "2026-06-30", "2026-12-29", "ON_POST", null, false, null, null));
        assertTrue(overlap.getCause() instanceof SQLException && overlap.getCause().getMessage().contains("no_overlapping_internships"));
        // The next day after the end is free.
        internship("WSJKQ", person, baseId.longValue(), position, "2026-07-01", "2026-12-31", "PENDING", null, false, null, null);
        IllegalStateException backwards = assertThrows(IllegalStateException.class, () -> internship("WSJKQ", youth("倒序者"),
                baseId.longValue(), position, "2026-05-01", "2026-10-31", "ABNORMAL", "2026-04-01", false, null, null));
        assertTrue(backwards.getCause().getMessage().contains("end_not_before"));
    }
}
