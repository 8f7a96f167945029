package cq.jianxi.application;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApplicationFlowTest {

    static final String BASE = "app_base";
    static final String OTHER_BASE = "app_other_base";

    @BeforeEach
    void bases() {
        if (TestDb.count("select count(*) from user_account where username = ?", BASE) == 0) {
            Recruitment.approvedBase(BASE, "PRIVATE");
            Recruitment.approvedBase(OTHER_BASE, "PRIVATE");
        }
    }

    private static Number apply(String youth, long positionId) {
        return Youths.as(youth).contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", true))
                .post("/api/applications").then().statusCode(201).body("status", equalTo("SUBMITTED")).extract().path("id");
    }

    private static io.restassured.response.Response move(io.restassured.specification.RequestSpecification who, Number id,
                                                         Map<String, Object> body) {
        return who.contentType(ContentType.JSON).body(body).post("/api/applications/" + id + "/transitions");
    }

    @Test
    void anApplicationGoesFromSubmittedToAcceptedWithNotificationsBothWays() {
        Youths.register("app_youth1", "申请人甲");
        long positionId = Recruitment.publishedPosition(BASE, "申请流程岗位", 3);
        Number id = apply("app_youth1", positionId);
        Youths.as("app_youth1").contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", true))
                .post("/api/applications").then().statusCode(409);
        Recruitment.asBase(BASE).get("/api/notifications").then().statusCode(200).body("items.title", hasItem("新的见习申请"));

        move(Recruitment.asBase(BASE), id, Map.of("to", "SCREENING")).then().statusCode(200).body("status", equalTo("SCREENING"));
        move(Recruitment.asBase(BASE), id, Map.of("to", "INTERVIEW")).then().statusCode(400)
                .body("violations.field", hasItem("interviewAt"));
        move(Recruitment.asBase(BASE), id, Map.of("to", "INTERVIEW", "interviewAt", new TestClock().now().plusDays(2).toString(),
                "interviewPlace", "万州区北山大道 1 号 3 楼")).then().statusCode(200)
                .body("interviewPlace", equalTo("万州区北山大道 1 号 3 楼")).body("interviewAt", notNullValue());
        move(Youths.as("app_youth1"), id, Map.of("to", "OFFERED")).then().statusCode(403);
        move(Recruitment.asBase(BASE), id, Map.of("to", "OFFERED")).then().statusCode(200);
        move(Recruitment.asBase(BASE), id, Map.of("to", "ACCEPTED")).then().statusCode(403);
        move(Youths.as("app_youth1"), id, Map.of("to", "ACCEPTED")).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        // The base's three moves reach the applicant; the acceptance reaches the base.
        Youths.as("app_youth1").get("/api/notifications").then().statusCode(200).body("total", equalTo(3))
                .body("items.kind", org.hamcrest.Matchers.contains("APPLICATION_OFFERED", "APPLICATION_INTERVIEW", "APPLICATION_SCREENING"));
        Recruitment.asBase(BASE).get("/api/notifications").then()
                .body("items.body", hasItem(org.hamcrest.Matchers.containsString("已接受")));
        assertEquals("1", TestDb.text("select filled_count::text from position where id = ?", positionId));
        move(Youths.as("app_youth1"), id, Map.of("to", "WITHDRAWN")).then().statusCode(409);
    }

    @Test
    void anotherBaseCannotActOnTheApplicantAndAnotherYouthCannotSeeIt() {
        long youthId = Youths.register("app_youth2", "申请人乙");
        Youths.register("app_youth3", "申请人丙");
        long positionId = Recruitment.publishedPosition(BASE, "越权测试岗位", 2);
        Number id = apply("app_youth2", positionId);
        move(Recruitment.asBase(OTHER_BASE), id, Map.of("to", "SCREENING")).then().statusCode(403);
        Recruitment.asBase(OTHER_BASE).get("/api/applications/" + id).then().statusCode(403);
        Recruitment.asBase(OTHER_BASE).get("/api/youth/" + youthId).then().statusCode(403);
        Recruitment.asBase(BASE).get("/api/youth/" + youthId).then().statusCode(200).body("masked", equalTo(true));
        Youths.as("app_youth3").get("/api/applications/" + id).then().statusCode(403);
        move(Recruitment.asBase(BASE), id, Map.of("to", "REJECTED")).then().statusCode(400).body("violations.field", hasItem("reason"));
        move(Recruitment.asBase(BASE), id, Map.of("to", "REJECTED", "reason", "专业不符")).then().statusCode(200);
        apply("app_youth2", positionId); // a rejected application no longer blocks a new one
    }

    @Test
    void concurrentAcceptancesNeverExceedTheHeadcountAndAFilledPositionCloses() throws Exception {
        long positionId = Recruitment.publishedPosition(BASE, "抢名额岗位", 2);
        List<String> youths = new ArrayList<>();
        List<Number> offers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "app_race" + i;
            Youths.register(name, "并发" + i);
            youths.add(name);
            Number id = apply(name, positionId);
            move(Recruitment.asBase(BASE), id, Map.of("to", "SCREENING")).then().statusCode(200);
            move(Recruitment.asBase(BASE), id, Map.of("to", "OFFERED")).then().statusCode(200);
            offers.add(id);
        }
        List<String> tokens = youths.stream().map(y -> Api.token(y, Youths.PASSWORD)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String token = tokens.get(i);
                Number id = offers.get(i);
                calls.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("to", "ACCEPTED"))
                        .post("/api/applications/" + id + "/transitions").statusCode());
            }
            int accepted = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int status = f.get();
                if (status == 200) {
                    accepted++;
                } else {
                    assertEquals(409, status);
                }
            }
            assertEquals(2, accepted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, TestDb.count("select count(*) from application where position_id = ? and status = 'ACCEPTED'", positionId));
        assertEquals("CLOSED/FILLED/2", TestDb.text("select status || '/' || close_reason || '/' || filled_count from position where id = ?", positionId));
    }

    @Test
    void closedPositionsTakeNoApplications() {
        Youths.register("app_youth4", "申请人丁");
        long positionId = Recruitment.publishedPosition(BASE, "已关闭岗位", 2);
        Recruitment.asBase(BASE).post("/api/positions/" + positionId + "/close").then().statusCode(200);
        Youths.as("app_youth4").contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", true))
                .post("/api/applications").then().statusCode(409);
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", true))
                .post("/api/applications").then().statusCode(403);
    }

    @Test
    void refusesInternshipForIneligibleYouth() {
        // A 46-year-old who graduated long ago may register and apply, but not become an intern.
        var profile = Youths.profile("年长申请人", Youths.idNumber("500101", Youths.today().minusYears(46)));
        profile.put("graduationDate", "2003-07-01");
        Youths.registered("app_older", profile).body("category", equalTo("NOT_ELIGIBLE"));
        long positionId = Recruitment.publishedPosition(BASE, "对象条件岗位", 2);
        Number id = apply("app_older", positionId);
        move(Recruitment.asBase(BASE), id, Map.of("to", "SCREENING")).then().statusCode(200);
        move(Recruitment.asBase(BASE), id, Map.of("to", "OFFERED")).then().statusCode(200);
        move(Youths.as("app_older"), id, Map.of("to", "ACCEPTED")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith("不符合见习对象条件"));
        // Nothing of the acceptance stays: no seat taken, no internship, the offer still open.
        assertEquals("0", TestDb.text("select filled_count::text from position where id = ?", positionId));
        assertEquals(0, TestDb.count("select count(*) from internship where application_id = ?", id.longValue()));
        assertEquals("OFFERED", TestDb.text("select status from application where id = ?", id.longValue()));
    }

    @Test
    void acceptsAnUnemployedYouthOfNineteenWhoIsNoGraduate() {
        var profile = Youths.profile("中专申请人", Youths.idNumber("500101", Youths.today().minusYears(19)));
        profile.put("education", "SECONDARY");
        profile.put("graduationDate", null);
        Youths.registered("app_leaver", profile).body("category", equalTo("UNEMPLOYED_YOUTH"));
        var draft = Recruitment.position("中专学历岗位", 1);
        draft.put("education", "ANY");
        Number positionId = Recruitment.asBase(BASE).contentType(ContentType.JSON).body(draft).post("/api/positions")
                .then().statusCode(201).extract().path("id");
        Recruitment.asBase(BASE).post("/api/positions/" + positionId + "/submit").then().statusCode(200);
        Api.as("wanzhou").post("/api/positions/" + positionId + "/approve").then().statusCode(200);
        Number id = apply("app_leaver", positionId.longValue());
        move(Recruitment.asBase(BASE), id, Map.of("to", "SCREENING")).then().statusCode(200);
        move(Recruitment.asBase(BASE), id, Map.of("to", "OFFERED")).then().statusCode(200);
        move(Youths.as("app_leaver"), id, Map.of("to", "ACCEPTED")).then().statusCode(200);
        assertEquals(1, TestDb.count("select count(*) from internship where application_id = ?", id.longValue()));
    }
}
