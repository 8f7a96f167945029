package cq.jianxi.report;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The annual implementation report of 永川区 (500118) for 2021 as a submission: submitted with its figures frozen,
 * returned with a reason, resubmitted as a new version and accepted for good; and the city's compiled report.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AnnualReportSubmissionTest {

    static final String REGION = "500118";
    static final int YEAR = 2021;
    static final String DISTRICT = "yongchuan_annual";
    static final String URL = "/api/reports/annual/" + YEAR + "/regions/" + REGION;

    @BeforeAll
    static void setUp() {
        TestDb.createUser(DISTRICT, Api.PASSWORD, "DISTRICT_ADMIN", REGION, null);
        plan(YEAR);
    }

    /** The year's targets for all 41 regions, copied from the seeded 2023 plan. */
    static void plan(int year) {
        TestDb.update("insert into plan (year, source, updated_by) values (?, '测试', 'test') on conflict do nothing", year);
        TestDb.update("""
                insert into plan_target select ?, region_code, new_bases, new_key_enterprise_bases, positions, participants,
                       policy_sessions, matching_events, typical_persons, national_nominations from plan_target where year = 2023
                on conflict do nothing""", year);
    }

    static Map<String, Object> narrative() {
        Map<String, Object> n = new HashMap<>();
        n.put("workDone", "全年新增见习基地，开展政策宣讲进校园、进园区。");
        n.put("problems", "部分基地留用率偏低。");
        n.put("nextYearPlan", "扩大重点企业基地覆盖，按月倒排岗位募集进度。");
        return n;
    }

    static RequestSpecification json(String user, Object body) {
        return Api.as(user).contentType(ContentType.JSON).body(body);
    }

    static void policySession(String heldOn) {
        TestDb.update("""
                insert into activity (kind, region_code, held_on, title, organizer, employers_served, youth_served, created_by)
                values ('POLICY_SESSION', ?, ?::date, '年度报告测试宣讲', '永川区人社局', 3, 20, 'test')""", REGION, heldOn);
    }

    @Test
    void aDistrictSubmitsTheCityReturnsItTheDistrictResubmitsAndTheCityAccepts() {
        JsonPath draft = Api.as(DISTRICT).get(URL).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("submissionOpen", equalTo(true)).body("opensOn", equalTo(YEAR + "-12-01"))
                .body("regionName", equalTo("永川区")).body("current", nullValue()).body("versions", hasSize(0))
                .extract().jsonPath();
        int sessions = draft.getInt("live.policySessions.achieved");
        int target = draft.getInt("live.positions.target");

        json(DISTRICT, narrative()).post(URL + "/submit").then().statusCode(200)
                .body("version", equalTo(1)).body("status", equalTo("SUBMITTED"))
                .body("figures.policySessions.achieved", equalTo(sessions)).body("figures.positions.target", equalTo(target))
                .body("workDone", equalTo("全年新增见习基地，开展政策宣讲进校园、进园区。")).body("submittedBy", equalTo(DISTRICT));
        json(DISTRICT, narrative()).post(URL + "/submit").then().statusCode(409).contentType("application/problem+json");

        // A session recorded after the submission changes today's figures, not the submitted ones.
        policySession(YEAR + "-06-01");
        Api.as(DISTRICT).get(URL).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("current.figures.policySessions.achieved", equalTo(sessions))
                .body("live.policySessions.achieved", equalTo(sessions + 1))
                .body("drift.key", equalTo(List.of("policySessions")))
                .body("drift[0].frozen", equalTo(sessions)).body("drift[0].current", equalTo(sessions + 1));
        Api.as("admin").get("/api/reports/annual/" + YEAR + "/compiled").then().statusCode(200)
                .body("regions", hasSize(41))
                .body("regions.find { it.figures.regionCode == '" + REGION + "' }.frozen", equalTo(true))
                .body("regions.find { it.figures.regionCode == '" + REGION + "' }.status", equalTo("SUBMITTED"))
                .body("regions.find { it.figures.regionCode == '" + REGION + "' }.figures.policySessions.achieved", equalTo(sessions))
                .body("regions.find { it.figures.regionCode == '500119' }.frozen", equalTo(false))
                .body("regions.find { it.figures.regionCode == '500119' }.status", equalTo("DRAFT"))
                .body("total.regionName", equalTo("合计")).body("total.serviceRate", nullValue());

        // Only the city reviews, and a return says why.
        Api.as(DISTRICT).post(URL + "/accept").then().statusCode(403);
        json(DISTRICT, Map.of("reason", "自己退回")).post(URL + "/return").then().statusCode(403);
        json("admin", Map.of("reason", " ")).post(URL + "/return").then().statusCode(400).body("violations.field", hasItem("reason"));
        json("admin", Map.of("reason", "请补充 6 月政策宣讲")).post(URL + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("returnReason", equalTo("请补充 6 月政策宣讲")).body("reviewedBy", equalTo("admin"));
        Api.as(DISTRICT).get(URL).then().body("status", equalTo("RETURNED"))
                .body("current.returnReason", equalTo("请补充 6 月政策宣讲")).body("drift", hasSize(0));
        // A returned report no longer stands for the region in the city's report: today's records do.
        Api.as("admin").get("/api/reports/annual/" + YEAR + "/compiled").then()
                .body("regions.find { it.figures.regionCode == '" + REGION + "' }.frozen", equalTo(false))
                .body("regions.find { it.figures.regionCode == '" + REGION + "' }.status", equalTo("RETURNED"))
                .body("regions.find { it.figures.regionCode == '" + REGION + "' }.figures.policySessions.achieved", equalTo(sessions + 1));

        Map<String, Object> revised = narrative();
        revised.put("workDone", "全年新增见习基地，6 月开展政策宣讲进园区。");
        json(DISTRICT, revised).post(URL + "/submit").then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("SUBMITTED"))
                .body("figures.policySessions.achieved", equalTo(sessions + 1));
        Api.as("admin").post(URL + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED")).body("version", equalTo(2));

        // Accepted is final.
        Api.as("admin").post(URL + "/accept").then().statusCode(409);
        json("admin", Map.of("reason", "再退回")).post(URL + "/return").then().statusCode(409);
        json(DISTRICT, revised).post(URL + "/submit").then().statusCode(409);
        policySession(YEAR + "-07-01");
        Api.as(DISTRICT).get(URL).then().body("status", equalTo("ACCEPTED"))
                .body("current.figures.policySessions.achieved", equalTo(sessions + 1))
                .body("live.policySessions.achieved", equalTo(sessions + 2))
                .body("versions.version", equalTo(List.of(2, 1))).body("versions.status", equalTo(List.of("ACCEPTED", "RETURNED")))
                .body("versions[1].workDone", equalTo("全年新增见习基地，开展政策宣讲进校园、进园区。"));
        Api.as("admin").get("/api/reports/annual/" + YEAR + "/submissions").then().statusCode(200)
                .body("total", equalTo(41)).body("items", hasSize(41))
                .body("items.find { it.regionCode == '" + REGION + "' }.status", equalTo("ACCEPTED"))
                .body("items.find { it.regionCode == '" + REGION + "' }.version", equalTo(2))
                .body("items.find { it.regionCode == '500119' }.status", equalTo("DRAFT"));
        Api.as(DISTRICT).get("/api/reports/annual/" + YEAR + "/submissions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].regionCode", equalTo(REGION));
        assertEquals(4, TestDb.count("""
                select count(*) from audit_event where target_type = 'annual_report' and target_id = ?
                  and action in ('ANNUAL_REPORT_SUBMITTED', 'ANNUAL_REPORT_RETURNED', 'ANNUAL_REPORT_ACCEPTED')""",
                REGION + "/" + YEAR));

        exportsBothWorkbooks(sessions + 1);
    }

    private static void exportsBothWorkbooks(int frozenSessions) {
        byte[] region = Api.as(DISTRICT).get(URL + "/report.xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(region))) {
            var sheet = wb.getSheetAt(0);
            assertEquals("永川区" + YEAR + "年就业见习年度计划实施情况报告", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("报告状态", sheet.getRow(1).getCell(18).getStringCellValue());
            assertEquals("永川区", sheet.getRow(4).getCell(0).getStringCellValue());
            // 政策宣讲 is the fifth pair of columns: target in column 9, achieved in column 10 — the frozen figure.
            assertEquals(frozenSessions, (int) sheet.getRow(4).getCell(10).getNumericCellValue());
            assertEquals("已通过（第 2 版）", sheet.getRow(4).getCell(18).getStringCellValue());
            var text = wb.getSheet("报告正文");
            assertEquals("一、年度工作开展情况", text.getRow(5).getCell(0).getStringCellValue());
            assertEquals("全年新增见习基地，6 月开展政策宣讲进园区。", text.getRow(5).getCell(1).getStringCellValue());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] city = Api.as("admin").get("/api/reports/annual/" + YEAR + "/compiled.xlsx").then().statusCode(200).extract().asByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(city))) {
            var sheet = wb.getSheetAt(0);
            assertEquals("万州区", sheet.getRow(4).getCell(0).getStringCellValue());
            assertEquals("合计", sheet.getRow(4 + 41).getCell(0).getStringCellValue());
            boolean found = false;
            for (int r = 4; r < 4 + 41; r++) {
                if ("永川区".equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                    assertEquals("已通过（第 2 版）", sheet.getRow(r).getCell(18).getStringCellValue());
                    found = true;
                }
            }
            assertTrue(found);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Api.as(DISTRICT).get("/api/reports/annual/" + YEAR + "/compiled.xlsx").then().statusCode(403);
    }

    @Test
    void refusesOtherRegionsTheCityAsSubmitterAMissingNarrativeAndReviewsOfNothing() {
        json("wanzhou", narrative()).post(URL + "/submit").then().statusCode(403).contentType("application/problem+json");
        Api.as("wanzhou").get(URL).then().statusCode(403);
        Api.as("wanzhou").get(URL + "/report.xlsx").then().statusCode(403);
        json("admin", narrative()).post(URL + "/submit").then().statusCode(403);
        Api.as(DISTRICT).get("/api/reports/annual/" + YEAR + "/compiled").then().statusCode(403);

        Map<String, Object> missing = narrative();
        missing.remove("workDone");
        json(DISTRICT, missing).post(URL + "/submit").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("workDone")));
        Map<String, Object> blank = narrative();
        blank.put("problems", "   ");
        json(DISTRICT, blank).post(URL + "/submit").then().statusCode(400).body("violations.field", equalTo(List.of("problems")));
        Map<String, Object> tooLong = narrative();
        tooLong.put("nextYearPlan", "计".repeat(3001));
        json(DISTRICT, tooLong).post(URL + "/submit").then().statusCode(400).body("violations.field", equalTo(List.of("nextYearPlan")));
        json(DISTRICT, Map.of()).post("/api/reports/annual/" + YEAR + "/regions/" + REGION + "/submit").then().statusCode(400)
                .body("violations.field", hasItem("nextYearPlan"));

        // 南川区 never submitted: there is nothing to accept or return.
        String never = "/api/reports/annual/" + YEAR + "/regions/500119";
        Api.as("admin").post(never + "/accept").then().statusCode(409).contentType("application/problem+json");
        json("admin", Map.of("reason", "无")).post(never + "/return").then().statusCode(409);
        assertEquals(0, TestDb.count("select count(*) from annual_report where region_code = '500119'"));
        // A year without a plan has no report to show.
        Api.as(DISTRICT).get("/api/reports/annual/2019/regions/" + REGION).then().statusCode(404);
    }

    @Test
    void submissionOpensOnTheFirstOfDecemberOfTheYear() {
        int year = TestClock.pinnedToday().getYear();
        String url = "/api/reports/annual/" + year + "/regions/" + REGION;
        plan(year);
        json(DISTRICT, narrative()).post(url + "/submit").then().statusCode(409)
                .body("detail", equalTo(year + " 年度报告自 " + year + "-12-01 起提交"));
        Api.as(DISTRICT).get(url).then().statusCode(200).body("submissionOpen", equalTo(false));
        try {
            TestClock.set(year + "-12-01T00:00:00");
            // Sessions idle on the platform's clock: a new one at the moved clock (the cached one stays for the other tests).
            String token = Api.login(DISTRICT, Api.PASSWORD);
            io.restassured.RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(narrative())
                    .post(url + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        } finally {
            TestClock.reset();
        }
    }
}
