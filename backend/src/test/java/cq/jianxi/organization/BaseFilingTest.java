package cq.jianxi.organization;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BaseFilingTest {

    static final String FULING_ADMIN = "fuling_admin";
    static final String KJJ_USER = "kjj_user";

    @BeforeAll
    static void staff() {
        TestDb.createUser(FULING_ADMIN, Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        TestDb.createUser(KJJ_USER, Api.PASSWORD, "DEPARTMENT", null, "KJJ");
    }

    private static Response apply(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/bases/applications");
    }

    @Test
    void selfRegistrationCreatesAPendingBaseWhoseAccountCanLogIn() {
        var body = Recruitment.application("500101", "重庆自助申请科技有限公司", "PRIVATE", "selfapply1");
        apply(body).then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("source", equalTo("SELF"))
                .body("contactPhone", equalTo("139****5678"))
                .body("contactPhoneMasked", equalTo(true))
                .body("employer.creditCode", equalTo(body.get("creditCode")));
        Recruitment.asBase("selfapply1").get("/api/me").then().statusCode(200)
                .body("role", equalTo("BASE")).body("baseStatus", equalTo("PENDING"));
        assertEquals(0, TestDb.count("select count(*) from base where contact_phone_enc like '%13912345678%'"));
    }

    @Test
    void refusesAnInvalidCreditCodeNamingTheFieldAndWritesNothing() {
        var body = Recruitment.application("500101", "校验位错误公司", "PRIVATE", "badcode1");
        String code = (String) body.get("creditCode");
        body.put("creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        long before = TestDb.count("select count(*) from employer");
        apply(body).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("creditCode"));
        assertEquals(before, TestDb.count("select count(*) from employer"));
        assertEquals(0, TestDb.count("select count(*) from user_account where username = 'badcode1'"));
    }

    @Test
    void weakPasswordRefusesTheWholeApplication() {
        var body = Recruitment.application("500101", "弱密码公司", "PRIVATE", "weakpw1");
        body.put("password", "password");
        long before = TestDb.count("select count(*) from base");
        apply(body).then().statusCode(400).body("violations.field", hasItem("password"));
        assertEquals(before, TestDb.count("select count(*) from base"));
    }

    @Test
    void selfRegistrationNeedsAnAccount() {
        apply(Recruitment.application("500101", "无账户公司", "PRIVATE", null)).then().statusCode(400)
                .body("violations.field", hasItem("username"));
    }

    @Test
    void aSecondLiveFilingOfTheSameEmployerIsAConflict() {
        var body = Recruitment.application("500101", "重复申请公司", "PRIVATE", "dup1");
        apply(body).then().statusCode(201);
        body.put("username", "dup2");
        apply(body).then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", hasItem("creditCode"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("编号")));
        assertEquals(0, TestDb.count("select count(*) from user_account where username = 'dup2'"));
    }

    @Test
    void districtAdminApprovesOwnRegionAndTheBaseIsFiledThisYear() {
        Number id = apply(Recruitment.application("500101", "待审批公司", "PRIVATE", "approve1"))
                .then().statusCode(201).extract().path("id");
        Api.as(FULING_ADMIN).post("/api/bases/" + id + "/approve").then().statusCode(403);
        Recruitment.passedInspection("wanzhou", id.longValue());
        Api.as("wanzhou").post("/api/bases/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("filedYear", equalTo(cq.jianxi.support.TestClock.pinnedToday().getYear()));
        Api.as("wanzhou").post("/api/bases/" + id + "/approve").then().statusCode(409);
    }

    @Test
    void concurrentApprovalsProduceOneTransition() throws Exception {
        Number id = apply(Recruitment.application("500101", "并发审批公司", "PRIVATE", "race1"))
                .then().statusCode(201).extract().path("id");
        Recruitment.passedInspection("wanzhou", id.longValue());
        String wanzhou = Api.token("wanzhou");
        String admin = Api.token("admin");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String token = i % 2 == 0 ? wanzhou : admin;
                calls.add(() -> given().auth().oauth2(token).post("/api/bases/" + id + "/approve").statusCode());
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
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'BASE_APPROVED' and target_id = ?", String.valueOf(id)));
    }

    @Test
    void rejectionNeedsAReasonAndAllowsANewApplication() {
        var body = Recruitment.application("500101", "被驳回公司", "PRIVATE", "reject1");
        Number id = apply(body).then().statusCode(201).extract().path("id");
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/bases/" + id + "/reject").then().statusCode(400).body("violations.field", hasItem("reason"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("reason", "营业执照信息与申请不符"))
                .post("/api/bases/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectReason", equalTo("营业执照信息与申请不符"));
        body.put("username", "reject2");
        apply(body).then().statusCode(201).body("status", equalTo("PENDING"));
    }

    @Test
    void anAnonymousFilingProposesTheEmployersDataAndOnlyTheReviewersApprovalAppliesIt() {
        var body = Recruitment.application("500101", "原名称公司", "PRIVATE", "proposal1");
        Number first = apply(body).then().statusCode(201).extract().path("id");
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("reason", "材料不全"))
                .post("/api/bases/" + first + "/reject").then().statusCode(200);
        String code = (String) body.get("creditCode");
        // Anyone may file again for the rejected employer (issue 10 #2: this rewrote the employer before review).
        body.put("username", "proposal2");
        body.put("employerName", "冒名顶替公司");
        body.put("regionCode", "500102");
        body.put("industry", "冒填行业");
        Number second = apply(body).then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
        assertEquals("原名称公司", TestDb.text("select name from employer where credit_code = ?", code));
        assertEquals("500101", TestDb.text("select region_code from employer where credit_code = ?", code));
        TestDb.createUser("proposal_fuling", Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        Recruitment.passedInspection("proposal_fuling", second.longValue());
        Api.as("proposal_fuling").post("/api/bases/" + second + "/approve").then().statusCode(200);
        assertEquals("冒名顶替公司", TestDb.text("select name from employer where credit_code = ?", code));
        assertEquals("冒填行业", TestDb.text("select industry from employer where credit_code = ?", code));
        assertEquals(null, TestDb.text("select proposal from base where id = ?", second.longValue()));
    }

    @Test
    void districtFilingIsApprovedAtOnceButOnlyInItsOwnRegion() {
        Api.as("wanzhou").contentType(ContentType.JSON)
                .body(Recruitment.application("500101", "区县直接备案公司", "STATE_OWNED", null))
                .post("/api/bases/applications").then().statusCode(201)
                .body("status", equalTo("APPROVED")).body("source", equalTo("DISTRICT"));
        Api.as("wanzhou").contentType(ContentType.JSON)
                .body(Recruitment.application("500102", "跨区备案公司", "PRIVATE", null))
                .post("/api/bases/applications").then().statusCode(403);
    }

    @Test
    void aRecommendingDepartmentIsRecordedAndOthersMayNotRecommend() {
        Api.as(KJJ_USER).contentType(ContentType.JSON)
                .body(Recruitment.application("500102", "科技局推荐研究院", "PUBLIC_INSTITUTION", null))
                .post("/api/bases/applications").then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("source", equalTo("DEPARTMENT"))
                .body("recommendingDepartmentCode", equalTo("KJJ"));
        Api.as("jiaowei").contentType(ContentType.JSON)
                .body(Recruitment.application("500102", "教委推荐公司", "PRIVATE", null))
                .post("/api/bases/applications").then().statusCode(403);
    }

    @Test
    void basesAndYoungPeopleSeeOnlyWhatIsTheirs() {
        long other = Recruitment.approvedBase("scope_base1", "PRIVATE");
        Api.as("base_demo").get("/api/bases/" + other).then().statusCode(403);
        Api.as("youth_demo").get("/api/bases/" + other).then().statusCode(403);
        Api.as(FULING_ADMIN).get("/api/bases/" + other).then().statusCode(403);
        Api.as("base_demo").get("/api/bases").then().statusCode(200).body("total", equalTo(1));
        Api.as("wanzhou").queryParam("regionCode", "500102").get("/api/bases").then().statusCode(403);
    }

    @Test
    void revealingTheContactPhoneIsAuditedAndMaskedByDefault() {
        long id = Recruitment.approvedBase("reveal_base1", "PRIVATE");
        Api.as("wanzhou").get("/api/bases/" + id).then().statusCode(200).body("contactPhone", equalTo("139****5678"));
        Api.as("wanzhou").queryParam("reveal", true).get("/api/bases/" + id).then().statusCode(200)
                .body("contactPhone", equalTo("13912345678")).body("contactPhoneMasked", equalTo(false));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'PERSONAL_DATA_VIEWED' and target_id = ? and actor_username = 'wanzhou'", String.valueOf(id)));
    }

    @Test
    void aDeregisteredEmployersBaseShowsAWarning() {
        long id = Recruitment.approvedBase("revoked_base1", "PRIVATE");
        Number employerId = Api.as("wanzhou").get("/api/bases/" + id).then().body("warning", nullValue())
                .extract().path("employer.id");
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("status", "DEREGISTERED"))
                .put("/api/employers/" + employerId + "/operating-status").then().statusCode(200);
        Api.as("wanzhou").get("/api/bases/" + id).then().body("warning", notNullValue());
        Api.as(FULING_ADMIN).contentType(ContentType.JSON).body(Map.of("status", "OPERATING"))
                .put("/api/employers/" + employerId + "/operating-status").then().statusCode(403);
    }

    @Test
    void simultaneousApplicationsOfOneNewEmployerFileItOnce() throws Exception {
        var body = Recruitment.application("500101", "同时申请公司", "PRIVATE", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                var mine = new java.util.HashMap<>(body);
                mine.put("username", "simul" + i);
                mine.put("password", Recruitment.BASE_PASSWORD);
                calls.add(() -> apply(mine).statusCode());
            }
            int created = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int status = f.get();
                if (status == 201) {
                    created++;
                } else {
                    assertEquals(409, status);
                }
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, TestDb.count("select count(*) from base b join employer e on e.id = b.employer_id where e.credit_code = ?",
                body.get("creditCode")));
        assertEquals(1, TestDb.count("select count(*) from user_account where username like 'simul%'"));
    }
}
