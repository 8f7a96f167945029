package cq.jianxi.position;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PositionLifecycleTest {

    static final String BASE = "pos_base";
    static final String STATE_BASE = "pos_state_base";
    static final String OTHER_BASE = "pos_other_base";

    @BeforeEach
    void bases() {
        TestDb.createUser("fuling_admin2", Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        if (TestDb.count("select count(*) from user_account where username = ?", BASE) == 0) {
            Recruitment.approvedBase(BASE, "PRIVATE");
            Recruitment.approvedBase(STATE_BASE, "STATE_OWNED");
            Recruitment.approvedBase(OTHER_BASE, "PRIVATE");
        }
    }

    private static Map<String, Object> draft(String title) {
        return Recruitment.position(title, 5);
    }

    @Test
    void refusesBadFieldsNamingEachAndWritesNothing() {
        var body = draft("坏岗位");
        body.put("headcount", 0);
        body.put("durationMonths", 13);
        body.put("deadline", cq.jianxi.support.TestClock.pinnedToday().minusDays(1).toString());
        long before = TestDb.count("select count(*) from position");
        Recruitment.asBase(BASE).contentType(ContentType.JSON).body(body).post("/api/positions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("headcount", "durationMonths", "deadline"));
        assertEquals(before, TestDb.count("select count(*) from position"));
    }

    @Test
    void departmentTasksMustFitTheCategoryAndOwnership() {
        var research = draft("研发岗");
        research.put("departmentCode", "KJJ"); // 科技局 counts 科研类 only; the draft is 技术技能类
        Recruitment.asBase(BASE).contentType(ContentType.JSON).body(research).post("/api/positions").then()
                .statusCode(400).body("violations.field", hasItem("departmentCode"));
        var stateOwned = draft("国企技术岗");
        stateOwned.put("departmentCode", "GZW");
        Recruitment.asBase(BASE).contentType(ContentType.JSON).body(stateOwned).post("/api/positions").then()
                .statusCode(400).body("violations.field", hasItem("departmentCode"));
        Recruitment.asBase(STATE_BASE).contentType(ContentType.JSON).body(stateOwned).post("/api/positions").then()
                .statusCode(201).body("departmentCode", equalTo("GZW"));
        var noQuota = draft("教委岗");
        noQuota.put("departmentCode", "JW");
        Recruitment.asBase(BASE).contentType(ContentType.JSON).body(noQuota).post("/api/positions").then()
                .statusCode(400).body("violations.field", hasItem("departmentCode"));
    }

    @Test
    void aPositionGoesFromDraftToPublishedToClosed() {
        Number id = Recruitment.asBase(BASE).contentType(ContentType.JSON).body(draft("数控编程见习生"))
                .post("/api/positions").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        RestAssured.given().queryParam("keyword", "数控编程").get("/api/positions").then().statusCode(200)
                .body("items.id", not(hasItem(id.intValue())));
        RestAssured.get("/api/positions/" + id).then().statusCode(404);
        Recruitment.asBase(BASE).get("/api/positions/" + id).then().statusCode(200);
        Recruitment.asBase(BASE).post("/api/positions/" + id + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        Api.as("wanzhou").queryParam("status", "SUBMITTED").get("/api/positions/manage").then().statusCode(200)
                .body("items.id", hasItem(id.intValue()));
        Api.as("wanzhou").post("/api/positions/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("firstPublishedAt", org.hamcrest.Matchers.notNullValue());
        RestAssured.given().queryParam("keyword", "数控编程").get("/api/positions").then().statusCode(200)
                .body("items.id", hasItem(id.intValue()));
        RestAssured.given().queryParam("keyword", "测试单位" + BASE).get("/api/positions").then()
                .body("items.id", hasItem(id.intValue()));
        RestAssured.get("/api/positions/" + id).then().statusCode(200).body("baseName", equalTo("测试单位" + BASE));
        Recruitment.asBase(BASE).post("/api/positions/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closeReason", equalTo("WITHDRAWN"));
        RestAssured.given().queryParam("keyword", "数控编程").get("/api/positions").then()
                .body("items.id", not(hasItem(id.intValue())));
    }

    @Test
    void searchFiltersByRegionCategoryAndEducation() {
        long id = Recruitment.publishedPosition(BASE, "焊接工艺见习员", 3);
        RestAssured.given().queryParam("keyword", "焊接工艺").queryParam("regionCode", "500101")
                .queryParam("category", "TECHNICAL").queryParam("education", "MASTER").get("/api/positions").then()
                .body("items.id", hasItem((int) id));
        RestAssured.given().queryParam("keyword", "焊接工艺").queryParam("education", "JUNIOR_COLLEGE").get("/api/positions").then()
                .body("items.id", not(hasItem((int) id)));
        RestAssured.given().queryParam("keyword", "焊接工艺").queryParam("regionCode", "500102").get("/api/positions").then()
                .body("items.id", not(hasItem((int) id)));
        RestAssured.given().queryParam("category", "NONSENSE").get("/api/positions").then().statusCode(400)
                .body("violations.field", hasItem("category"));
    }

    @Test
    void anotherDistrictCannotApproveAndAnotherBaseCannotTouch() {
        long id = Recruitment.submittedPosition(BASE, "跨区审核岗位", 2);
        Api.as("fuling_admin2").post("/api/positions/" + id + "/approve").then().statusCode(403)
                .contentType("application/problem+json");
        Recruitment.asBase(OTHER_BASE).post("/api/positions/" + id + "/close").then().statusCode(403);
        Recruitment.asBase(OTHER_BASE).contentType(ContentType.JSON).body(draft("篡改")).put("/api/positions/" + id)
                .then().statusCode(403);
        Recruitment.asBase(OTHER_BASE).get("/api/positions/" + id).then().statusCode(403);
        assertEquals("SUBMITTED", TestDb.text("select status from position where id = ?", id));
    }

    @Test
    void concurrentApprovalsPublishOnce() throws Exception {
        long id = Recruitment.submittedPosition(BASE, "并发审核岗位", 4);
        String wanzhou = Api.token("wanzhou");
        String admin = Api.token("admin");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String token = i % 2 == 0 ? wanzhou : admin;
                calls.add(() -> given().auth().oauth2(token).post("/api/positions/" + id + "/approve").statusCode());
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
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'POSITION_APPROVED' and target_id = ?", String.valueOf(id)));
    }

    @Test
    void rejectedPositionsCanBeEditedAndResubmitted() {
        long id = Recruitment.submittedPosition(BASE, "待驳回岗位", 2);
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("reason", "岗位描述过于简单"))
                .post("/api/positions/" + id + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        var fixed = draft("待驳回岗位（已修改）");
        Recruitment.asBase(BASE).contentType(ContentType.JSON).body(fixed).put("/api/positions/" + id).then()
                .statusCode(200).body("title", equalTo("待驳回岗位（已修改）"));
        Recruitment.asBase(BASE).post("/api/positions/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of())
                .post("/api/positions/" + id + "/reject").then().statusCode(400).body("violations.field", hasItem("reason"));
    }

    @Test
    void aBaseOfADeregisteredEmployerCannotSubmit() {
        long baseId = Recruitment.approvedBase("pos_revoked_base", "PRIVATE");
        Number id = Recruitment.asBase("pos_revoked_base").contentType(ContentType.JSON).body(draft("吊销单位岗位"))
                .post("/api/positions").then().statusCode(201).extract().path("id");
        TestDb.update("update employer set operating_status = 'REVOKED' where id = (select employer_id from base where id = ?)", baseId);
        Recruitment.asBase("pos_revoked_base").post("/api/positions/" + id + "/submit").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aPendingBaseCannotCreatePositions() {
        given().contentType(ContentType.JSON)
                .body(Recruitment.application("500101", "未审核单位", "PRIVATE", "pos_pending_base"))
                .post("/api/bases/applications").then().statusCode(201);
        Recruitment.asBase("pos_pending_base").contentType(ContentType.JSON).body(draft("未审核岗位"))
                .post("/api/positions").then().statusCode(409);
    }

    @Test
    void positionsPastTheirDeadlineCloseByThemselves() throws InterruptedException {
        long id = Recruitment.publishedPosition(BASE, "即将过期岗位", 2);
        TestDb.update("update position set deadline = ? where id = ?", Youths.today().minusDays(2), id);
        String status = null;
        for (int i = 0; i < 40 && !"CLOSED".equals(status); i++) {
            Thread.sleep(250);
            status = TestDb.text("select status from position where id = ?", id);
        }
        assertEquals("CLOSED", status);
        assertEquals("EXPIRED", TestDb.text("select close_reason from position where id = ?", id));
    }

    @Test
    void searchPagesReportTheTotalOfAllMatches() {
        String word = "分页校验" + System.nanoTime() % 100000;
        for (int i = 0; i < 3; i++) {
            Recruitment.publishedPosition(BASE, word + "岗位" + i, 1);
        }
        RestAssured.given().queryParam("keyword", word).queryParam("size", 2).get("/api/positions").then()
                .body("items.size()", equalTo(2)).body("total", equalTo(3));
        RestAssured.given().queryParam("keyword", word).queryParam("size", 2).queryParam("page", 1).get("/api/positions").then()
                .body("items.size()", equalTo(1)).body("total", equalTo(3));
        RestAssured.given().queryParam("keyword", word).queryParam("size", 2).queryParam("page", 5).get("/api/positions").then()
                .body("items.size()", equalTo(0)).body("total", equalTo(3));
        RestAssured.given().queryParam("keyword", word + "不存在").get("/api/positions").then().body("total", equalTo(0));
    }

    private static io.restassured.response.Response applyAs(String youth, long positionId) {
        return Youths.as(youth).contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", true)).post("/api/applications");
    }

    private static List<Integer> searchIds(String keyword) {
        return RestAssured.given().queryParam("keyword", keyword).queryParam("size", 100).get("/api/positions")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void refusesSubmittingAPositionBelowTheAllowanceFloor() {
        var body = draft("低于生活费下限岗位");
        body.put("monthlyAllowance", 1800.00);
        // A draft may be saved below the floor, so the base can correct it ...
        Number id = Recruitment.asBase(BASE).contentType(ContentType.JSON).body(body).post("/api/positions")
                .then().statusCode(201).extract().path("id");
        // ... but it is not submitted for publication (the 2026 floor is 2100).
        Recruitment.asBase(BASE).post("/api/positions/" + id + "/submit").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("monthlyAllowance")))
                .body("violations[0].message", equalTo("月基本生活费不能低于 2100.00 元（2026 年最低标准）"));
        assertEquals("DRAFT", TestDb.text("select status from position where id = ?", id.longValue()));
    }

    @Test
    void refusesPublishingWhenTheFloorRoseAfterSubmission() {
        long id = Recruitment.submittedPosition(BASE, "提交后下限上调岗位", 2);
        TestDb.update("update subsidy_rate set allowance_floor = 2500 where year = 2026");
        try {
            Api.as("wanzhou").post("/api/positions/" + id + "/approve").then().statusCode(400)
                    .body("violations.field", hasItem("monthlyAllowance"));
            assertEquals("SUBMITTED", TestDb.text("select status from position where id = ?", id));
        } finally {
            TestDb.update("update subsidy_rate set allowance_floor = 2100 where year = 2026");
        }
    }

    @Test
    void hidesPublishedPositionsBelowTheFloorFromYoungPeople() {
        Youths.register("pos_youth_floor", "下限求职者");
        long below = Recruitment.publishedPosition(BASE, "已发布低薪见习岗位", 2);
        long control = Recruitment.publishedPosition(BASE, "已发布足额见习岗位", 2);
        // Published before the floor applied to publication: still on record, no longer shown.
        TestDb.update("update position set monthly_allowance = 1500 where id = ?", below);
        List<Integer> found = searchIds("已发布");
        assertTrue(found.contains((int) control));
        assertFalse(found.contains((int) below));
        List<Integer> recommended = Youths.as("pos_youth_floor").get("/api/youth/me/recommendations").then().statusCode(200)
                .extract().jsonPath().getList("position.id");
        assertTrue(recommended.contains((int) control), "the control position is recommended");
        assertFalse(recommended.contains((int) below), "the below-floor position is not");
        applyAs("pos_youth_floor", below).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("最低标准"));
    }

    @Test
    void revokingABaseClosesItsPositionsAndRefusesApplications() {
        long baseId = Recruitment.approvedBase("pos_revoke_base", "PRIVATE");
        Youths.register("pos_youth_revoke", "撤销求职者");
        long published = Recruitment.publishedPosition("pos_revoke_base", "撤销基地已发布岗位", 2);
        long submitted = Recruitment.submittedPosition("pos_revoke_base", "撤销基地待审核岗位", 2);
        assertTrue(searchIds("撤销基地").contains((int) published));
        Recruitment.asBase("pos_revoke_base").contentType(ContentType.JSON).body(Map.of("reason", "自行撤销"))
                .post("/api/bases/" + baseId + "/revoke").then().statusCode(403);
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("reason", "弄虚作假"))
                .post("/api/bases/" + baseId + "/revoke").then().statusCode(200).body("status", equalTo("REVOKED"));
        assertEquals("CLOSED/BASE_REVOKED", TestDb.text("select status || '/' || close_reason from position where id = ?", published));
        assertEquals("CLOSED/BASE_REVOKED", TestDb.text("select status || '/' || close_reason from position where id = ?", submitted));
        assertFalse(searchIds("撤销基地").contains((int) published));
        RestAssured.given().get("/api/positions/" + published).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closeReason", equalTo("BASE_REVOKED"));
        applyAs("pos_youth_revoke", published).then().statusCode(409).contentType("application/problem+json");
        assertEquals(0, TestDb.count("select count(*) from application where position_id = ?", published));
    }

    @Test
    void positionsOfABaseThatIsNotApprovedAreHiddenAndTakeNoApplications() {
        long baseId = Recruitment.approvedBase("pos_unfiled_base", "PRIVATE");
        Youths.register("pos_youth_unfiled", "未备案求职者");
        long id = Recruitment.publishedPosition("pos_unfiled_base", "备案失效基地岗位", 2);
        // A base that lost its filing outside the revocation workflow (e.g. migrated records).
        TestDb.update("update base set status = 'REVOKED', revoked_at = ?, revoke_reason = '迁移' where id = ?",
                new TestClock().now(), baseId);
        assertFalse(searchIds("备案失效基地").contains((int) id));
        applyAs("pos_youth_unfiled", id).then().statusCode(409)
                .body("detail", containsString("备案"));
    }
}
