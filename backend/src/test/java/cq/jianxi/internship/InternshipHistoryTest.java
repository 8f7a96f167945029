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
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real history: signing is not arriving, a no-show cancels the agreement, district staff record an
 * offline placement with past dates and a reason, a base back-dates at most 31 days, months are
 * confirmed and claimed only once over, and an unclosed internship past its plan leaves indicator 13
 * for the to-be-closed list.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InternshipHistoryTest {

    static final String REGION = "500101";

    private static Map<String, Object> agreement(LocalDate start, LocalDate arrivedOn, String reason) {
        Map<String, Object> a = new HashMap<>();
        a.put("mentorName", "刘老师");
        a.put("startDate", start.toString());
        a.put("plannedEnd", start.plusMonths(3).minusDays(1).toString());
        a.put("monthlyAllowance", "2300.00");
        if (arrivedOn != null) {
            a.put("arrivedOn", arrivedOn.toString());
        }
        if (reason != null) {
            a.put("reason", reason);
        }
        return a;
    }

    private static long baseId(String username) {
        return Long.parseLong(TestDb.text("select base_id::text from user_account where username = ?", username));
    }

    private static long youthId(String username) {
        return Long.parseLong(TestDb.text("select youth_id::text from user_account where username = ?", username));
    }

    private static io.restassured.response.Response offline(String who, long youth, long base, long position, Map<String, Object> a) {
        return Api.as(who).contentType(ContentType.JSON)
                .body(Map.of("youthId", youth, "baseId", base, "positionId", position, "agreement", a))
                .post("/api/internships/offline");
    }

    private static String value(String period, int no) {
        return Api.as("wanzhou").queryParam("live", true).get("/api/reports/monthly/" + REGION + "/" + period).then()
                .statusCode(200).extract().jsonPath().getString("annex4.find { it.no == " + no + " }.value");
    }

    @Test
    void districtRecordsAnOfflinePlacementWithPastDatesAndAReason() {
        Recruitment.approvedBase("hist_base1", "PRIVATE");
        long position = Recruitment.publishedPosition("hist_base1", "线下岗位", 3);
        Youths.register("hist_youth1", "线下青年");
        long youth = youthId("hist_youth1");
        long base = baseId("hist_base1");
        LocalDate start = LocalDate.of(TestClock.pinnedToday().getYear(), 3, 2);
        YearMonth march = YearMonth.from(start);
        String before = value(march.toString(), 6);

        offline("wanzhou", youth, base, position, agreement(start, start.plusDays(1), null)).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        offline("wanzhou", youth, base, position, agreement(LocalDate.of(TestClock.pinnedToday().getYear() - 2, 12, 1), null, "旧系统"))
                .then().statusCode(400).body("violations.field", hasItem("startDate"));
        offline("base_demo", youth, base, position, agreement(start, null, "x")).then().statusCode(403);
        Number id = offline("wanzhou", youth, base, position, agreement(start, start.plusDays(1), "线下招聘会安排，补录"))
                .then().statusCode(201).body("state", equalTo("ON_POST")).body("origin", equalTo("OFFLINE"))
                .body("arrivedOn", equalTo(start.plusDays(1).toString())).extract().path("id");
        assertEquals(Integer.parseInt(before) + 1, Integer.parseInt(value(march.toString(), 6)));
        assertTrue(TestDb.count("select count(*) from audit_event where action = 'INTERNSHIP_RECORDED_OFFLINE' and target_id = ?"
                + " and detail like '%线下招聘会安排%'", id.toString()) == 1);
        // Past its planned end with no end record: not on post at the end of the month after, but to be closed.
        YearMonth after = YearMonth.from(start.plusMonths(3));
        Api.as("wanzhou").get("/api/internships/to-be-closed").then().statusCode(200).body("items.id", hasItem(id.intValue()));
        var report = Api.as("wanzhou").queryParam("live", true).get("/api/reports/monthly/" + REGION + "/" + after).then()
                .statusCode(200).extract().jsonPath();
        assertTrue(report.getInt("reconciliation.toBeClosed") >= 1);
        // Completion is dated at the planned end, whenever it is recorded.
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("type", "COMPLETED"))
                .post("/api/internships/" + id + "/end").then().statusCode(200)
                .body("actualEnd", equalTo(start.plusMonths(3).minusDays(1).toString()));
        Api.as("wanzhou").get("/api/internships/to-be-closed").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id.intValue())));
    }

    @jakarta.inject.Inject
    cq.jianxi.internship.service.ToBeClosedReminder reminder;

    @Test
    void aBaseIsRemindedOnceOfAnInternshipPastItsPlannedEnd() throws Throwable {
        Recruitment.approvedBase("hist_base5", "PRIVATE");
        long position = Recruitment.publishedPosition("hist_base5", "提醒岗位", 3);
        Youths.register("hist_youth5", "提醒青年");
        long base = baseId("hist_base5");
        LocalDate start = TestClock.pinnedToday().minusMonths(5);
        Number id = offline("wanzhou", youthId("hist_youth5"), base, position, agreement(start, start, "补录")).then().statusCode(201)
                .extract().path("id");
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> reminder.remind());
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> reminder.remind());
        assertEquals(1, TestDb.count("select count(*) from notification where base_id = ? and body like ?", base, "%编号 " + id + " %"));
        Recruitment.asBase("hist_base5").get("/api/internships/to-be-closed").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id.intValue()));
        Recruitment.asBase("hist_base5").queryParam("page", 1).queryParam("size", 1).get("/api/internships/to-be-closed").then()
                .statusCode(200).body("total", equalTo(1)).body("items.size()", equalTo(0));
        Recruitment.asBase("hist_base5").queryParam("size", 0).get("/api/internships/to-be-closed").then().statusCode(400)
                .body("violations.field", hasItem("size"));
    }

    @Test
    void signingIsNotArrivingAndANoShowFreesThePerson() {
        Recruitment.approvedBase("hist_base2", "PRIVATE");
        long position = Recruitment.publishedPosition("hist_base2", "到岗岗位", 3);
        Youths.register("hist_youth2", "到岗青年");
        long youth = youthId("hist_youth2");
        long base = baseId("hist_base2");
        LocalDate start = TestClock.pinnedToday().plusDays(3);
        Number id = offline("wanzhou", youth, base, position, agreement(start, null, null)).then().statusCode(201)
                .body("state", equalTo("SIGNED")).extract().path("id");
        String period = YearMonth.from(start).toString();
        Recruitment.asBase("hist_base2").contentType(ContentType.JSON).body(Map.of("arrivedOn", start.toString()))
                .post("/api/internships/" + id + "/arrival").then().statusCode(400).body("violations.field", hasItem("arrivedOn"));
        Recruitment.asBase("hist_base2").contentType(ContentType.JSON).body(Map.of("reason", "未报到"))
                .post("/api/internships/" + id + "/no-show").then().statusCode(200).body("state", equalTo("NO_SHOW"));
        // The person can start elsewhere on the same dates.
        offline("wanzhou", youth, base, position, agreement(start, null, null)).then().statusCode(201);
        Api.as("admin").get("/api/internships/" + id).then().statusCode(200).body("state", equalTo("NO_SHOW"));
        assertTrue(Integer.parseInt(value(period, 5)) >= 1);
    }

    @Test
    void aBaseBackDatesAtMostThirtyOneDaysAndConfirmsOnlyEndedMonths() {
        Recruitment.approvedBase("hist_base3", "PRIVATE");
        long position = Recruitment.publishedPosition("hist_base3", "补录岗位", 3);
        Youths.register("hist_youth3", "补录青年");
        long youth = youthId("hist_youth3");
        long base = baseId("hist_base3");
        LocalDate today = TestClock.pinnedToday();
        Number id = offline("wanzhou", youth, base, position, agreement(today.minusDays(40), null, "先签协议")).then().statusCode(201)
                .extract().path("id");
        Recruitment.asBase("hist_base3").contentType(ContentType.JSON).body(Map.of("arrivedOn", today.minusDays(35).toString()))
                .post("/api/internships/" + id + "/arrival").then().statusCode(400).body("violations.field", hasItem("arrivedOn"));
        Recruitment.asBase("hist_base3").contentType(ContentType.JSON).body(Map.of("arrivedOn", today.minusDays(30).toString()))
                .post("/api/internships/" + id + "/arrival").then().statusCode(200).body("state", equalTo("ON_POST"));
        YearMonth current = YearMonth.from(today);
        Recruitment.asBase("hist_base3").contentType(ContentType.JSON).body(Map.of("month", current.toString(), "daysPresent", 5))
                .post("/api/internships/" + id + "/confirmations").then().statusCode(400).body("violations.field", hasItem("month"));
        Recruitment.asBase("hist_base3").contentType(ContentType.JSON).body(Map.of("internshipId", id, "month", current.toString()))
                .post("/api/subsidy-claims").then().statusCode(400).body("violations.field", hasItem("month"));
        Recruitment.asBase("hist_base3").contentType(ContentType.JSON)
                .body(Map.of("month", current.minusMonths(1).toString(), "daysPresent", 5))
                .post("/api/internships/" + id + "/confirmations").then().statusCode(200);
    }

    @Test
    void aPaymentIsDatedOnOrAfterItsApprovalAndNotInTheFuture() {
        Recruitment.approvedBase("hist_base4", "PRIVATE");
        long position = Recruitment.publishedPosition("hist_base4", "拨付岗位", 3);
        Youths.register("hist_youth4", "拨付青年");
        LocalDate today = TestClock.pinnedToday();
        Number id = offline("wanzhou", youthId("hist_youth4"), baseId("hist_base4"), position,
                agreement(today.minusDays(25), today.minusDays(25), "补录")).then().statusCode(201).extract().path("id");
        YearMonth last = YearMonth.from(today).minusMonths(1);
        for (String who : List.of("base", "youth")) {
            var body = new HashMap<String, Object>(Map.of("month", last.toString()));
            if (who.equals("base")) {
                body.put("daysPresent", 5);
            }
            (who.equals("base") ? Recruitment.asBase("hist_base4") : Youths.as("hist_youth4")).contentType(ContentType.JSON)
                    .body(body).post("/api/internships/" + id + "/confirmations").then().statusCode(200);
        }
        Number claim = Recruitment.asBase("hist_base4").contentType(ContentType.JSON).body(Map.of("internshipId", id, "month", last.toString()))
                .post("/api/subsidy-claims").then().statusCode(201).extract().path("id");
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("amount", "1300.00"))
                .post("/api/subsidy-claims/" + claim + "/approve").then().statusCode(200);
        for (LocalDate bad : List.of(today.minusDays(1), today.plusDays(1))) {
            Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("paidOn", bad.toString(), "amount", "100.00", "fundingLevel", "CITY"))
                    .post("/api/subsidy-claims/" + claim + "/disbursements").then().statusCode(400).body("violations.field", hasItem("paidOn"));
        }
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("paidOn", today.toString(), "amount", "100.00", "fundingLevel", "CITY"))
                .post("/api/subsidy-claims/" + claim + "/disbursements").then().statusCode(201);
    }
}
