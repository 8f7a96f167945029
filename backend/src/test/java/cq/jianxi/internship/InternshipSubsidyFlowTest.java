package cq.jianxi.internship;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InternshipSubsidyFlowTest {

    /** Registers a young person, publishes a position at a new base and walks the offer to acceptance. */
    private static long acceptedInternship(String base, String youth) {
        if (TestDb.count("select count(*) from user_account where username = ?", base) == 0) {
            Recruitment.approvedBase(base, "PRIVATE");
        }
        Youths.register(youth, "见习" + youth);
        long positionId = Recruitment.publishedPosition(base, "补贴流程岗位" + youth, 3);
        Number app = Youths.as(youth).contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", true))
                .post("/api/applications").then().statusCode(201).extract().path("id");
        for (String to : List.of("SCREENING", "OFFERED")) {
            Recruitment.asBase(base).contentType(ContentType.JSON).body(Map.of("to", to))
                    .post("/api/applications/" + app + "/transitions").then().statusCode(200);
        }
        Youths.as(youth).contentType(ContentType.JSON).body(Map.of("to", "ACCEPTED"))
                .post("/api/applications/" + app + "/transitions").then().statusCode(200);
        return Long.parseLong(TestDb.text("select id::text from internship where application_id = ?", app.longValue()));
    }

    private static Map<String, Object> agreement(LocalDate start, String allowance) {
        return Map.of("mentorName", "陈师傅", "mentorPhone", "13600001234", "startDate", start.toString(),
                "plannedEnd", start.plusMonths(6).minusDays(1).toString(), "monthlyAllowance", allowance,
                "arrivedOn", start.toString());
    }

    private static void sign(String base, long id, LocalDate start) {
        Recruitment.asBase(base).contentType(ContentType.JSON).body(agreement(start, "2300.00"))
                .post("/api/internships/" + id + "/agreement").then().statusCode(200).body("state", equalTo("ON_POST"));
    }

    private static io.restassured.response.Response confirm(RequestSpecification who, long id, YearMonth month, Integer days) {
        var body = new java.util.HashMap<String, Object>();
        body.put("month", month.toString());
        if (days != null) {
            body.put("daysPresent", days);
        }
        return who.contentType(ContentType.JSON).body(body).post("/api/internships/" + id + "/confirmations");
    }

    private static io.restassured.response.Response claim(String base, long id, YearMonth month) {
        return Recruitment.asBase(base).contentType(ContentType.JSON)
                .body(Map.of("internshipId", id, "month", month.toString())).post("/api/subsidy-claims");
    }

    @Test
    void anOfferBecomesAnInternshipTheBaseSignsAboveTheAllowanceFloor() {
        long id = acceptedInternship("flow_base1", "flow_youth1");
        Recruitment.asBase("flow_base1").get("/api/internships/" + id).then().statusCode(200).body("state", equalTo("PENDING"));
        LocalDate start = TestClock.pinnedToday().minusDays(25);
        Recruitment.asBase("flow_base1").contentType(ContentType.JSON).body(agreement(start, "2000.00"))
                .post("/api/internships/" + id + "/agreement").then().statusCode(400)
                .body("violations.field", hasItem("monthlyAllowance"));
        Recruitment.asBase("flow_base1").contentType(ContentType.JSON)
                .body(Map.of("mentorName", "陈师傅", "startDate", start.toString(), "plannedEnd", start.plusMonths(13).toString(),
                        "monthlyAllowance", "2300.00"))
                .post("/api/internships/" + id + "/agreement").then().statusCode(400).body("violations.field", hasItem("plannedEnd"));
        sign("flow_base1", id, start);
        Youths.as("flow_youth1").get("/api/internships/" + id).then().statusCode(200).body("mentorPhone", equalTo("13600001234"));
        Api.as("base_demo").get("/api/internships/" + id).then().statusCode(403);
    }

    @Test
    void aMonthConfirmedByBothIsClaimedOnceReviewedOnceAndPaidExactly() throws Exception {
        long id = acceptedInternship("flow_base2", "flow_youth2");
        YearMonth last = TestClock.pinnedMonth().minusMonths(1);
        sign("flow_base2", id, TestClock.pinnedToday().minusDays(25));
        confirm(Recruitment.asBase("flow_base2"), id, last, 40).then().statusCode(400).body("violations.field", hasItem("daysPresent"));
        confirm(Recruitment.asBase("flow_base2"), id, last, 8).then().statusCode(200).body("claimable", equalTo(false));
        claim("flow_base2", id, last).then().statusCode(400).body("violations.field", hasItem("month"));
        confirm(Youths.as("flow_youth2"), id, last, null).then().statusCode(200).body("claimable", equalTo(true));
        Number claimId = claim("flow_base2", id, last).then().statusCode(201)
                .body("requestedAmount", equalTo(1400.00f)).body("status", equalTo("SUBMITTED")).extract().path("id");
        claim("flow_base2", id, last).then().statusCode(409).body("detail", containsString("不能重复申领"));

        String wanzhou = Api.token("wanzhou");
        String admin = Api.token("admin");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String token = i % 2 == 0 ? wanzhou : admin;
                calls.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                        .post("/api/subsidy-claims/" + claimId + "/approve").statusCode());
            }
            int ok = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int status = f.get();
                if (status == 200) {
                    ok++;
                } else {
                    assertEquals(409, status);
                }
            }
            assertEquals(1, ok);
        } finally {
            pool.shutdownNow();
        }
        String today = TestClock.pinnedToday().toString();
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("paidOn", today, "amount", "1000.00", "fundingLevel", "CITY"))
                .post("/api/subsidy-claims/" + claimId + "/disbursements").then().statusCode(201).body("status", equalTo("APPROVED"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("paidOn", today, "amount", "500.00", "fundingLevel", "DISTRICT"))
                .post("/api/subsidy-claims/" + claimId + "/disbursements").then().statusCode(400).body("violations.field", hasItem("amount"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("paidOn", today, "amount", "400.00", "fundingLevel", "DISTRICT"))
                .post("/api/subsidy-claims/" + claimId + "/disbursements").then().statusCode(201)
                .body("status", equalTo("PAID")).body("paidAmount", equalTo(1400.00f));
        Youths.as("flow_youth2").get("/api/subsidy-claims").then().statusCode(200)
                .body("items.find { it.id == " + claimId + " }.paidAmount", equalTo(1400.00f));
        assertEquals("1400.00", TestDb.text("select sum(amount)::text from disbursement where claim_id = ?", claimId.longValue()));
        TestDb.createUser("flow_fuling", Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        // Another district's list leaves the claim out, and its total counts that district's claims only (other
        // tests of the suite may have filed some there): the total is what one large page holds.
        io.restassured.path.json.JsonPath fuling = Api.as("flow_fuling").queryParam("size", 200).get("/api/subsidy-claims")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(claimId))).extract().jsonPath();
        assertEquals(fuling.getList("items").size(), fuling.getInt("total"));
    }

    @Test
    void aFlaggedMonthAndMonthsAfterAnAbnormalEndCannotBeClaimed() {
        long id = acceptedInternship("flow_base3", "flow_youth3");
        YearMonth last = TestClock.pinnedMonth().minusMonths(1);
        YearMonth current = TestClock.pinnedMonth();
        sign("flow_base3", id, TestClock.pinnedToday().minusDays(25));
        confirm(Recruitment.asBase("flow_base3"), id, last, 8).then().statusCode(200);
        Youths.as("flow_youth3").contentType(ContentType.JSON).body(Map.of("reason", "该月实际未到岗"))
                .post("/api/internships/" + id + "/months/" + last + "/flag").then().statusCode(200);
        claim("flow_base3", id, last).then().statusCode(400).body("detail", containsString("未在岗"));
        confirm(Recruitment.asBase("flow_base3"), id, current.plusMonths(1), 10).then().statusCode(400)
                .body("violations.field", hasItem("month"));

        Api.as("base_demo").contentType(ContentType.JSON).body(Map.of("type", "ABNORMAL", "date", TestClock.pinnedToday().toString(), "reason", "x"))
                .post("/api/internships/" + id + "/end").then().statusCode(403);
        Recruitment.asBase("flow_base3").contentType(ContentType.JSON).body(Map.of("type", "ABNORMAL", "date", TestClock.pinnedToday().toString()))
                .post("/api/internships/" + id + "/end").then().statusCode(400).body("violations.field", hasItem("reason"));
        Recruitment.asBase("flow_base3").contentType(ContentType.JSON)
                .body(Map.of("type", "ABNORMAL", "date", last.atDay(1).minusDays(1).toString(), "reason", "个人原因"))
                .post("/api/internships/" + id + "/end").then().statusCode(400).body("violations.field", hasItem("date"));
        LocalDate end = last.atEndOfMonth();
        Recruitment.asBase("flow_base3").contentType(ContentType.JSON)
                .body(Map.of("type", "ABNORMAL", "date", end.toString(), "reason", "个人原因离开"))
                .post("/api/internships/" + id + "/end").then().statusCode(200).body("state", equalTo("ABNORMAL"));
        claim("flow_base3", id, current).then().statusCode(400).body("detail", containsString("非正常结束"));
    }

    @Test
    void aRevokedBaseClaimsNothingAndOverlappingInternshipsAreRefused() {
        long id = acceptedInternship("flow_base4", "flow_youth4");
        YearMonth last = TestClock.pinnedMonth().minusMonths(1);
        sign("flow_base4", id, TestClock.pinnedToday().minusDays(25));
        confirm(Recruitment.asBase("flow_base4"), id, last, 8).then().statusCode(200);
        confirm(Youths.as("flow_youth4"), id, last, null).then().statusCode(200);

        // The same young person accepts a second offer whose proposed dates overlap: refused by the database.
        long other = Recruitment.publishedPosition("flow_base4", "重叠岗位", 2);
        Number app = Youths.as("flow_youth4").contentType(ContentType.JSON).body(Map.of("positionId", other, "contactShared", true))
                .post("/api/applications").then().statusCode(201).extract().path("id");
        for (String to : List.of("SCREENING", "OFFERED")) {
            Recruitment.asBase("flow_base4").contentType(ContentType.JSON).body(Map.of("to", to))
                    .post("/api/applications/" + app + "/transitions").then().statusCode(200);
        }
        Youths.as("flow_youth4").contentType(ContentType.JSON).body(Map.of("to", "ACCEPTED"))
                .post("/api/applications/" + app + "/transitions").then().statusCode(409)
                .body("detail", containsString("不能重叠"));
        assertEquals("OFFERED", TestDb.text("select status from application where id = ?", app.longValue()));
        assertEquals("0", TestDb.text("select filled_count::text from position where id = ?", other));

        Number baseId = Recruitment.asBase("flow_base4").get("/api/me").then().extract().path("baseId");
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("reason", "虚报见习人员"))
                .post("/api/bases/" + baseId + "/revoke").then().statusCode(200).body("status", equalTo("REVOKED"));
        // Revocation signs the base's people out at once; signed in again, it may claim nothing.
        claim("flow_base4", id, last).then().statusCode(401);
        io.restassured.RestAssured.given().auth().oauth2(Api.login("flow_base4", Recruitment.BASE_PASSWORD))
                .contentType(ContentType.JSON).body(Map.of("internshipId", id, "month", last.toString()))
                .post("/api/subsidy-claims").then().statusCode(409).body("detail", containsString("撤销"));
    }

    @Test
    void onlyTheCityAdminSetsRates() {
        Map<String, Object> rate = Map.of("standardMonthly", "1350.00", "highRetentionMonthly", "1550.00",
                "retentionThreshold", "0.5", "insurancePerPerson", "100.00", "allowanceFloor", "2200.00");
        Api.as("wanzhou").contentType(ContentType.JSON).body(rate).put("/api/subsidy-rates/2027").then().statusCode(403);
        Api.as("admin").contentType(ContentType.JSON).body(rate).put("/api/subsidy-rates/2027").then().statusCode(200)
                .body("standardMonthly", equalTo(1350.00f));
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("standardMonthly", "1350.123", "highRetentionMonthly", "1000",
                        "retentionThreshold", "2", "insurancePerPerson", "-1", "allowanceFloor", "2200"))
                .put("/api/subsidy-rates/2028").then().statusCode(400)
                .body("violations.field", hasItem("standardMonthly"))
                .body("violations.field", hasItem("retentionThreshold"));
        Api.as("wanzhou").get("/api/subsidy-rates").then().statusCode(200).body("year", hasItem(2026));
    }

    @Test
    void aPaymentFileIsRecordedWholeOrNotAtAllAndTotalsFollow() {
        long id = acceptedInternship("flow_base5", "flow_youth5");
        YearMonth last = TestClock.pinnedMonth().minusMonths(1);
        sign("flow_base5", id, TestClock.pinnedToday().minusDays(25));
        confirm(Recruitment.asBase("flow_base5"), id, last, 8).then().statusCode(200);
        confirm(Youths.as("flow_youth5"), id, last, null).then().statusCode(200);
        Number claimId = claim("flow_base5", id, last).then().statusCode(201).extract().path("id");
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("amount", "1300.00"))
                .post("/api/subsidy-claims/" + claimId + "/approve").then().statusCode(200).body("approvedAmount", equalTo(1300.00f));
        String today = TestClock.pinnedToday().toString();
        var before = Api.as("wanzhou").get("/api/subsidy-totals").then().statusCode(200).extract().jsonPath();
        String bad = "申领编号,拨付日期,金额,资金层级\n" + claimId + "," + today + ",800.00,市级\n" + claimId + "," + today + ",600.00,省级\n";
        Api.as("wanzhou").multiPart("file", "pay.csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/api/subsidy-claims/disbursements/import").then().statusCode(422)
                .body("violations.row", hasItem(3));
        assertEquals(0, TestDb.count("select count(*) from disbursement where claim_id = ?", claimId.longValue()));
        String good = "申领编号,拨付日期,金额,资金层级\n" + claimId + "," + today + ",800.00,市级\n" + claimId + "," + today + ",500.00,区县级\n";
        Api.as("wanzhou").multiPart("file", "pay.csv", good.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/api/subsidy-claims/disbursements/import").then().statusCode(200).body("recorded", equalTo(2));
        Api.as("wanzhou").get("/api/subsidy-claims?internshipId=" + id).then().body("items[0].status", equalTo("PAID"));
        var after = Api.as("wanzhou").get("/api/subsidy-totals").then().statusCode(200).extract().jsonPath();
        assertEquals(1, after.getList("regionCode").size());
        assertEquals(0, new java.math.BigDecimal(before.getString("[0].paid")).add(new java.math.BigDecimal("1300.00"))
                .compareTo(new java.math.BigDecimal(after.getString("[0].paid"))));
    }
}
