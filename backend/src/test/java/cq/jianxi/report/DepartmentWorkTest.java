package cq.jianxi.report;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each municipal department's own view (Annex 1), counted from records crafted for it, and what each is
 * refused: another department's task, another department's view, paying, and districts altogether.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DepartmentWorkTest {

    static final String KJJ = "dw_kjj";
    static final String JXW = "dw_jxw";
    static final String TSW = "dw_tsw";
    static final String CZJ = "dw_czj";
    static final String JW = "jiaowei";
    static final int YEAR = Youths.today().getYear();

    @BeforeAll
    static void users() {
        TestDb.createUser(KJJ, Api.PASSWORD, "DEPARTMENT", null, "KJJ");
        TestDb.createUser(JXW, Api.PASSWORD, "DEPARTMENT", null, "JXW");
        TestDb.createUser(TSW, Api.PASSWORD, "DEPARTMENT", null, "TSW");
        TestDb.createUser(CZJ, Api.PASSWORD, "DEPARTMENT", null, "CZJ");
        TestDb.update("insert into plan (year, source, updated_by) values (?, '测试', 'test') on conflict do nothing", YEAR);
    }

    private static JsonPath get(String user, String path, Object... query) {
        var spec = Api.as(user);
        for (int i = 0; i < query.length; i += 2) {
            spec = spec.queryParam((String) query[i], query[i + 1]);
        }
        return spec.get(path).then().statusCode(200).extract().jsonPath();
    }

    // ------------------------------------------------------------------ quota departments

    @Test
    void aQuotaDepartmentSeesItsProgressItsRecommendedBasesAndThePositionsCountingToItsQuota() {
        JsonPath before = get(KJJ, "/api/department-work/KJJ/quota", "year", YEAR);
        long basesBefore = get(KJJ, "/api/department-work/KJJ/bases").getLong("total");
        long positionsBefore = get(KJJ, "/api/department-work/KJJ/positions", "year", YEAR).getLong("publishedHeadcount");

        // The department recommends a base from its own terminal, as it does on the base list.
        Number recommended = Api.as(KJJ).contentType(ContentType.JSON)
                .body(Recruitment.application("500102", "科技局推荐研究所" + System.nanoTime(), "PUBLIC_INSTITUTION", null))
                .post("/api/bases/applications").then().statusCode(201).extract().path("id");
        // Two published positions count to its quota, one to another department's.
        long base = Recruitment.approvedBase("dw_base_" + System.nanoTime() % 100000, "PRIVATE");
        String baseUser = TestDb.text("select username from user_account where base_id = ?", base);
        long p1 = Recruitment.publishedPosition(baseUser, "科研助理", 3);
        long p2 = Recruitment.publishedPosition(baseUser, "实验员", 4);
        long p3 = Recruitment.publishedPosition(baseUser, "经信岗位", 5);
        TestDb.update("update position set department_code = 'KJJ' where id in (?, ?)", p1, p2);
        TestDb.update("update position set department_code = 'JXW' where id = ?", p3);

        JsonPath quota = get(KJJ, "/api/department-work/KJJ/quota", "year", YEAR);
        assertEquals("市科技局", quota.getString("departmentName"));
        assertEquals(2000, quota.getLong("target"));
        assertTrue(quota.getBoolean("planned"));
        assertEquals(before.getLong("achieved") + 7, quota.getLong("achieved"));
        assertEquals(Math.max(0, quota.getLong("milestone") - quota.getLong("achieved")), quota.getLong("gap"));

        JsonPath bases = get(KJJ, "/api/department-work/KJJ/bases", "size", 100);
        assertEquals(basesBefore + 1, bases.getLong("total"));
        assertEquals(recommended.longValue(), bases.getLong("items[0].id"));
        assertEquals("PENDING", bases.getString("items[0].status"));
        assertEquals("500102", bases.getString("items[0].regionCode"));
        assertFalse(bases.getList("items.id", Long.class).contains(base), "a district's filing is not the department's");

        JsonPath positions = get(KJJ, "/api/department-work/KJJ/positions", "year", YEAR, "size", 100);
        assertEquals(positionsBefore + 7, positions.getLong("publishedHeadcount"));
        assertTrue(positions.getList("items.id", Long.class).containsAll(java.util.List.of(p1, p2)));
        assertFalse(positions.getList("items.id", Long.class).contains(p3));
        assertEquals("PUBLISHED", positions.getString("items.find { it.id == " + p1 + " }.status"));

        // The city bureau reads any quota department.
        assertEquals(quota.getLong("achieved"), get("admin", "/api/department-work/KJJ/quota", "year", YEAR).getLong("achieved"));
    }

    @Test
    void aQuotaDepartmentIsRefusedAnotherDepartmentsTaskAndADepartmentWithoutAQuotaHasNone() {
        for (String what : new String[]{"quota", "bases", "positions"}) {
            Api.as(KJJ).get("/api/department-work/JXW/" + what).then().statusCode(403);
            Api.as(JXW).get("/api/department-work/KJJ/" + what).then().statusCode(403);
            Api.as(JW).get("/api/department-work/JW/" + what).then().statusCode(404);
            Api.as("admin").get("/api/department-work/TSW/" + what).then().statusCode(404);
            Api.as("wanzhou").get("/api/department-work/KJJ/" + what).then().statusCode(403);
        }
        Api.as(KJJ).queryParam("size", 101).get("/api/department-work/KJJ/bases").then().statusCode(400);
    }

    // ------------------------------------------------------------------ 市教委

    @Test
    void theEducationCommissionSeesItsRosterBySchoolAsCountsOnly() {
        String school = "统计测试学院" + System.nanoTime();
        long a = rosterPerson("甲同学", school, true, true);
        long b = rosterPerson("乙同学", school, true, false);
        long c = rosterPerson("丙同学", school, false, false);
        serviceOn(a, "POSITION_PUSH", YEAR);
        serviceOn(a, "POSITION_PUSH", YEAR);
        serviceOn(b, "CAREER_GUIDANCE", YEAR);
        serviceOn(c, "PHONE_FOLLOW_UP", YEAR - 1);
        long base = Recruitment.approvedBase("dw_jwb_" + System.nanoTime() % 100000, "PRIVATE");
        String baseUser = TestDb.text("select username from user_account where base_id = ?", base);
        long position = Recruitment.publishedPosition(baseUser, "见习岗", 2);
        LocalDate start = LocalDate.of(YEAR, 3, 1);
        TestDb.update("""
                insert into internship (youth_id, base_id, position_id, region_code, state, start_date, planned_end,
                                        monthly_allowance, unemployed_graduate, arrived_on)
                values (?, ?, ?, '500101', 'ON_POST', ?, ?, 2200, true, ?)""", a, base, position, start, start.plusMonths(6), start);

        String body = Api.as(JW).queryParam("year", YEAR).queryParam("size", 100).get("/api/department-work/graduates")
                .then().statusCode(200).extract().asString();
        JsonPath page = JsonPath.from(body);
        Map<String, Object> row = page.getMap("items.find { it.school == '" + school + "' }");
        assertEquals(Map.of("school", school, "rosterPeople", 3, "internshipIntention", 2, "trainingIntention", 1,
                "pushedPeople", 1, "pushes", 2, "servedPeople", 2, "arrivedPeople", 1), row);
        assertFalse(body.contains("甲同学") || body.contains("乙同学"), "no names");
        assertTrue(page.getLong("totals.rosterPeople") >= 3);
        assertEquals(page.getLong("total") > 0, true);

        // Without a year every service counts, last year's follow-up too.
        Map<String, Object> ever = get(JW, "/api/department-work/graduates", "size", 100)
                .getMap("items.find { it.school == '" + school + "' }");
        assertEquals(3, ever.get("servedPeople"));
        // The city bureau sees the same; other departments and districts do not.
        assertEquals(row, get("admin", "/api/department-work/graduates", "year", YEAR, "size", 100)
                .getMap("items.find { it.school == '" + school + "' }"));
        Api.as(TSW).get("/api/department-work/graduates").then().statusCode(403);
        Api.as(KJJ).get("/api/department-work/graduates").then().statusCode(403);
        Api.as("wanzhou").get("/api/department-work/graduates").then().statusCode(403);
    }

    private static long rosterPerson(String name, String school, boolean internship, boolean training) {
        return TestDb.count("""
                insert into youth (name, region_code, school, source, internship_intention, training_intention, birth_date)
                values (?, '500101', ?, 'ROSTER', ?, ?, ?) returning id""", name, school, internship, training,
                Youths.today().minusYears(22));
    }

    private static void serviceOn(long youth, String kind, int year) {
        TestDb.update("insert into service_record (youth_id, kind, region_code, served_by, served_at) values (?, ?, '500101', 'test', ?)",
                youth, kind, java.time.OffsetDateTime.parse(year + "-05-10T10:00:00+08:00"));
    }

    // ------------------------------------------------------------------ 团市委

    @Test
    void aCampaignCountsTheRegistrationsThroughItsLinkAndNothingElse() {
        Map<String, Object> created = Api.as(TSW).contentType(ContentType.JSON)
                .body(Map.of("title", "青春见习行动" + System.nanoTime(), "description", "高校宣讲",
                        "startsOn", Youths.today().minusDays(1).toString(), "endsOn", Youths.today().plusDays(30).toString()))
                .post("/api/campaigns").then().statusCode(201).extract().jsonPath().getMap("$");
        String code = (String) created.get("code");
        assertTrue(code.matches("[A-Za-z0-9_-]{24}"), code);
        assertEquals("/youth/register?campaign=" + code, created.get("sharePath"));
        long id = ((Number) created.get("id")).longValue();

        // A young person registers through the link.
        String idNumber = Youths.idNumber("500101", Youths.today().minusYears(21));
        register("dw_camp_" + System.nanoTime() % 100000, Youths.profile("动员青年", idNumber), code).then().statusCode(202);
        // An unknown code and an expired campaign are ignored: registration succeeds, nothing is counted.
        Number expired = Api.as(TSW).contentType(ContentType.JSON)
                .body(Map.of("title", "已结束活动" + System.nanoTime(), "startsOn", Youths.today().toString(),
                        "endsOn", Youths.today().toString()))
                .post("/api/campaigns").then().statusCode(201).extract().path("id");
        TestDb.update("update mobilisation_campaign set starts_on = starts_on - 40, ends_on = ends_on - 10 where id = ?", expired);
        String expiredCode = TestDb.text("select code from mobilisation_campaign where id = ?", expired);
        String unknownUser = "dw_unk_" + System.nanoTime() % 100000;
        register(unknownUser, Youths.profile("未知码青年", Youths.idNumber("500101", Youths.today().minusYears(23))),
                "NoSuchCampaignCode12345").then().statusCode(202);
        String expiredUser = "dw_exp_" + System.nanoTime() % 100000;
        register(expiredUser, Youths.profile("过期码青年", Youths.idNumber("500101", Youths.today().minusYears(24))),
                expiredCode).then().statusCode(202);
        Youths.as(unknownUser).get("/api/youth/me").then().statusCode(200);
        Youths.as(expiredUser).get("/api/youth/me").then().statusCode(200);
        assertEquals(0, TestDb.count("select count(*) from campaign_signup where campaign_id = ?", expired));
        // An anonymous request naming a registered ID never adds that person to a campaign.
        String registeredId = Youths.idNumber("500101", Youths.today().minusYears(25));
        Number existing = Youths.registered("dw_reg_" + System.nanoTime() % 100000, Youths.profile("已注册青年", registeredId))
                .extract().path("id");
        register("dw_again_" + System.nanoTime() % 100000, Youths.profile("已注册青年", registeredId), code).then().statusCode(202);
        assertEquals(0, TestDb.count("select count(*) from campaign_signup where youth_id = ?", existing.longValue()));

        JsonPath list = get(TSW, "/api/department-work/campaigns", "size", 100);
        String at = "items.find { it.id == " + id + " }.";
        assertEquals(1, list.getInt(at + "signups"));
        assertEquals(1, list.getInt(at + "withInternshipIntention"));
        assertEquals(0, list.getInt(at + "applied"));
        assertEquals(0, list.getInt(at + "arrived"));
        assertEquals(0, list.getInt("items.find { it.id == " + expired + " }.signups"));
        assertTrue(list.getLong("signups") >= 1);
        assertEquals(1, get("admin", "/api/department-work/campaigns", "size", 100).getInt(at + "signups"));

        // Only 团市委 runs campaigns; 市教委 may not even see them.
        Api.as(JW).get("/api/department-work/campaigns").then().statusCode(403);
        Api.as(JW).contentType(ContentType.JSON).body(Map.of("title", "教委活动", "startsOn", Youths.today().toString(),
                "endsOn", Youths.today().toString())).post("/api/campaigns").then().statusCode(403);
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("title", "人社活动", "startsOn", Youths.today().toString(),
                "endsOn", Youths.today().toString())).post("/api/campaigns").then().statusCode(403);
        Api.as(TSW).contentType(ContentType.JSON).body(Map.of("title", "倒置活动", "startsOn", Youths.today().toString(),
                "endsOn", Youths.today().minusDays(1).toString())).post("/api/campaigns").then().statusCode(400);
    }

    private static io.restassured.response.Response register(String username, Map<String, Object> profile, String campaign) {
        Map<String, Object> body = Youths.registration(username, profile);
        body.put("verificationCode", Youths.sendCode((String) profile.get("phone")));
        body.put("campaign", campaign);
        return given().contentType(ContentType.JSON).body(body).post("/api/youth/register");
    }

    // ------------------------------------------------------------------ 市财政局 with 市人社局

    @Test
    void theFinanceBureauReadsTheFundsByLevelAndRegionAndMayNotApproveOrPay() {
        String region = "500230"; // 丰都县
        JsonPath before = get(CZJ, "/api/subsidy-funds", "year", YEAR);
        long base = Recruitment.approvedBase("dw_czb_" + System.nanoTime() % 100000, "PRIVATE");
        String baseUser = TestDb.text("select username from user_account where base_id = ?", base);
        long position = Recruitment.publishedPosition(baseUser, "补贴岗", 2);
        long youth = TestDb.count("insert into youth (name, region_code, source) values ('补贴青年', '500101', 'STAFF') returning id");
        LocalDate start = LocalDate.of(YEAR, 1, 1);
        long internship = TestDb.count("""
                insert into internship (youth_id, base_id, position_id, region_code, state, start_date, planned_end,
                                        monthly_allowance, unemployed_graduate, arrived_on)
                values (?, ?, ?, ?, 'ON_POST', ?, ?, 2200, true, ?) returning id""", youth, base, position, region, start,
                start.plusMonths(6), start);
        long paid = claim(internship, base, region, 1, "PAID", "1000.00", "1000.00");
        long approved = claim(internship, base, region, 2, "APPROVED", "800.00", "700.00");
        claim(internship, base, region, 3, "SUBMITTED", "300.00", null);
        pay(paid, region, "CENTRAL", "600.00");
        pay(paid, region, "CITY", "400.00");
        pay(approved, region, "DISTRICT", "200.00");

        JsonPath after = get(CZJ, "/api/subsidy-funds", "year", YEAR);
        String at = "regions.find { it.regionCode == '" + region + "' }.";
        assertMoney("600.00", delta(before, after, at + "paidCentral"));
        assertMoney("400.00", delta(before, after, at + "paidCity"));
        assertMoney("200.00", delta(before, after, at + "paidDistrict"));
        assertMoney("1200.00", delta(before, after, at + "paidTotal"));
        assertMoney("500.00", delta(before, after, at + "approvedUnpaid"));
        assertMoney("2100.00", delta(before, after, at + "requested"));
        assertEquals(3, after.getLong(at + "claims") - before.getLong(at + "claims"));
        assertMoney("1200.00", delta(before, after, "city.paidTotal"));
        assertEquals(41, after.getList("regions").size());
        // The city bureau reads the same; 市教委 and districts do not.
        assertEquals(after.getString(at + "paidTotal"), get("admin", "/api/subsidy-funds", "year", YEAR).getString(at + "paidTotal"));
        Api.as(JW).get("/api/subsidy-funds").then().statusCode(403);
        Api.as("wanzhou").get("/api/subsidy-funds").then().statusCode(403);

        // Read-only: the finance bureau neither approves nor pays.
        long submitted = TestDb.count("select id from subsidy_claim where internship_id = ? and status = 'SUBMITTED'", internship);
        Api.as(CZJ).contentType(ContentType.JSON).body(Map.of()).post("/api/subsidy-claims/" + submitted + "/approve")
                .then().statusCode(403);
        Api.as(CZJ).contentType(ContentType.JSON).body(Map.of("paidOn", Youths.today().toString(), "amount", "100.00",
                "fundingLevel", "CITY")).post("/api/subsidy-claims/" + approved + "/disbursements").then().statusCode(403);
        assertEquals(1, TestDb.count("select count(*) from disbursement where claim_id = ?", approved));
        assertEquals("SUBMITTED", TestDb.text("select status from subsidy_claim where id = ?", submitted));
    }

    private static long claim(long internship, long base, String region, int month, String status, String requested, String approved) {
        return TestDb.count("""
                insert into subsidy_claim (internship_id, month, base_id, region_code, status, requested_amount, approved_amount,
                                           decided_at, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", internship, LocalDate.of(YEAR, month, 1), base, region,
                status, new BigDecimal(requested), approved == null ? null : new BigDecimal(approved),
                approved == null ? null : java.time.OffsetDateTime.parse(YEAR + "-0" + (month + 1) + "-05T10:00:00+08:00"),
                approved == null ? null : "test");
    }

    private static void pay(long claim, String region, String level, String amount) {
        TestDb.update("insert into disbursement (claim_id, region_code, paid_on, amount, funding_level, recorded_by) values (?, ?, ?, ?, ?, 'test')",
                claim, region, LocalDate.of(YEAR, 6, 1), new BigDecimal(amount), level);
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static BigDecimal delta(JsonPath before, JsonPath after, String path) {
        return new BigDecimal(after.getString(path)).subtract(new BigDecimal(before.getString(path)));
    }

    // ------------------------------------------------------------------ districts

    @Test
    void aDistrictCallsNoDepartmentEndpoint() {
        for (String path : new String[]{"/api/department-work/KJJ/quota", "/api/department-work/graduates",
                "/api/department-work/campaigns", "/api/subsidy-funds"}) {
            Api.as("wanzhou").get(path).then().statusCode(403);
        }
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("title", "区县活动", "startsOn", Youths.today().toString(),
                "endsOn", Youths.today().toString())).post("/api/campaigns").then().statusCode(403);
    }
}
