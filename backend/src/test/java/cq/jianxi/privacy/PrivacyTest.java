package cq.jianxi.privacy;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.privacy.service.ConsentService;
import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PrivacyTest {

    static final String BASE = "privacy_base";
    static final String VERSION = "SPI-2023.1";

    @Inject
    ConsentService consents;

    @BeforeEach
    void base() {
        if (TestDb.count("select count(*) from user_account where username = ?", BASE) == 0) {
            Recruitment.approvedBase(BASE, "PRIVATE");
            // A district admin of 渝中区, to be refused 万州区's requests.
            TestDb.createUser("yuzhong_admin", Api.PASSWORD, "DISTRICT_ADMIN", "500103", null);
        }
    }

    private static long userOf(long youthId) {
        return TestDb.count("select id from user_account where youth_id = ?", youthId);
    }

    private void consent(long youthId, String version) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                consents.recordAtRegistration(youthId, userOf(youthId), version, "10.0.0.8")));
    }

    /** An application (open) and a completed internship with a paid subsidy month; returns the internship id. */
    private static long history(String youth, long youthId) {
        long position = Recruitment.publishedPosition(BASE, "隐私测试岗位" + youthId, 2);
        Youths.as(youth).contentType(ContentType.JSON).body(Map.of("positionId", position, "contactShared", true))
                .post("/api/applications").then().statusCode(201);
        long baseId = TestDb.count("select base_id from user_account where username = ?", BASE);
        TestDb.update("""
                insert into internship (youth_id, base_id, position_id, region_code, state, start_date, planned_end, arrived_on,
                                        actual_end, monthly_allowance, unemployed_graduate, origin)
                values (?, ?, ?, '500101', 'COMPLETED', date '2026-01-05', date '2026-07-04', date '2026-01-05', date '2026-07-04',
                        2200, true, 'OFFLINE')""", youthId, baseId, position);
        long internship = TestDb.count("select max(id) from internship where youth_id = ?", youthId);
        TestDb.update("""
                insert into subsidy_claim (internship_id, month, base_id, region_code, status, requested_amount, approved_amount,
                                           submitted_at, decided_at, decided_by)
                values (?, date '2026-02-01', ?, '500101', 'PAID', 1300, 1300, now(), now(), 'wanzhou')""", internship, baseId);
        TestDb.update("""
                insert into disbursement (claim_id, region_code, paid_on, amount, funding_level, recorded_by)
                values ((select max(id) from subsidy_claim where internship_id = ?), '500101', date '2026-03-10', 1300, 'CITY', 'wanzhou')""",
                internship);
        TestDb.update("insert into notification (youth_id, kind, title, body, created_at) values (?, 'APPLICATION_INTERVIEW', '面试通知', '请于周五到岗面试', now())", youthId);
        return internship;
    }

    @Test
    void theConsentTextInForceIsPublicAndEveryVersionStaysReadable() {
        RestAssured.get("/api/privacy/consent-text").then().statusCode(200)
                .body("version", equalTo(VERSION))
                .body("kind", equalTo("SENSITIVE_PERSONAL_INFO"))
                .body("title", equalTo("敏感个人信息处理单独同意书"))
                .body("body", containsString("第二十九条"));
        RestAssured.get("/api/privacy/consent-texts/" + VERSION).then().statusCode(200).body("version", equalTo(VERSION));
        RestAssured.get("/api/privacy/consent-texts/SPI-1999.9").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void registrationRecordsTheVersionShownAndRefusesAnyOther() throws Throwable {
        long youthId = Youths.register("pv_consent", "同意甲");
        ApiProblem stale = assertThrows(ApiProblem.class, () -> consent(youthId, "SPI-2022.1"));
        assertEquals(400, stale.status());
        assertEquals("consentVersion", stale.violations().get(0).field());
        ApiProblem missing = assertThrows(ApiProblem.class, () -> consent(youthId, " "));
        assertEquals("consentVersion", missing.violations().get(0).field());
        // The registration itself recorded the version the form showed.
        assertEquals(1, TestDb.count("select count(*) from consent_record where youth_id = ?", youthId));

        consent(youthId, VERSION);
        consent(youthId, VERSION);
        assertEquals(1, TestDb.count("select count(*) from consent_record where youth_id = ? and text_version = ?",
                youthId, VERSION));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'CONSENT_GIVEN' and target_id = ?",
                String.valueOf(youthId)));
        Youths.as("pv_consent").get("/api/privacy/me/consents").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].textVersion", equalTo(VERSION))
                .body("items[0].title", equalTo("敏感个人信息处理单独同意书"))
                .body("items[0].kindLabel", equalTo("敏感个人信息处理单独同意"));
    }

    @Test
    void aYoungPersonDownloadsAllOfTheirOwnDataAndNothingOfAnyoneElse() throws Throwable {
        long mine = Youths.register("pv_export_a", "导出甲");
        long other = Youths.register("pv_export_b", "导出乙");
        consent(mine, VERSION);
        long internship = history("pv_export_a", mine);
        Api.as("wanzhou").queryParam("reveal", true).get("/api/youth/" + mine).then().statusCode(200);

        String myPhone = Youths.as("pv_export_a").get("/api/youth/me").then().statusCode(200).extract().path("phone");
        Response r = Youths.as("pv_export_a").get("/api/privacy/me/data-export").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("profile.id", equalTo((int) mine))
                .body("profile.name", equalTo("导出甲"))
                .body("profile.phone", equalTo(myPhone))
                .body("account.username", equalTo("pv_export_a"))
                .body("consents[0].textVersion", equalTo(VERSION))
                .body("applications[0].status", equalTo("SUBMITTED"))
                .body("internships[0].id", equalTo((int) internship))
                .body("internships[0].state", equalTo("COMPLETED"))
                .body("subsidyClaims[0].internshipId", equalTo((int) internship))
                .body("subsidyClaims[0].disbursements[0].fundingLevel", equalTo("CITY"))
                .body("notifications.title", hasItem("面试通知"))
                // Staff looking at the full record shows with their role only; the download itself is in the trail.
                .body("auditTrail.find { it.action == 'PERSONAL_DATA_VIEWED' }.actorRole", equalTo("DISTRICT_ADMIN"))
                .body("auditTrail.find { it.action == 'PERSONAL_DATA_VIEWED' }.byMe", equalTo(false))
                .body("auditTrail.find { it.action == 'PERSONAL_DATA_VIEWED' }.ip", equalTo(null))
                .body("auditTrail.action", hasItem("PERSONAL_DATA_EXPORTED"))
                .extract().response();
        String idNumber = r.path("profile.idNumber");
        assertEquals(18, idNumber.length());
        assertTrue(!idNumber.contains("*"), "the full ID number, not the masked one");
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'PERSONAL_DATA_EXPORTED' and target_id = ?",
                String.valueOf(mine)));

        // The other person's download is theirs alone: the id comes from the token.
        Youths.as("pv_export_b").get("/api/privacy/me/data-export").then().statusCode(200)
                .body("profile.id", equalTo((int) other))
                .body("applications", org.hamcrest.Matchers.empty())
                .body("internships", org.hamcrest.Matchers.empty())
                .body("notifications", org.hamcrest.Matchers.empty())
                .body("auditTrail.detail", not(hasItem("身份证号、手机号")));
        Youths.as("pv_export_b").queryParam("youthId", mine).get("/api/privacy/me/data-export").then().statusCode(200)
                .body("profile.id", equalTo((int) other));
        for (String staff : List.of("admin", "wanzhou", "base_demo")) {
            Api.as(staff).get("/api/privacy/me/data-export").then().statusCode(403).contentType("application/problem+json");
        }
        RestAssured.get("/api/privacy/me/data-export").then().statusCode(401);
    }

    @Test
    void theDistrictCompletesADeletionErasingWhatIsNotNeededAndKeepingWhatTheAuditNeeds() throws Throwable {
        long youthId = Youths.register("pv_delete", "删除丙");
        consent(youthId, VERSION);
        long internship = history("pv_delete", youthId);
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("hardship", List.of("DISABLED")))
                .put("/api/youth/" + youthId + "/hardship").then().statusCode(200);
        String oldToken = Api.token("pv_delete", Youths.PASSWORD);
        RestAssured.given().auth().oauth2(oldToken).get("/api/youth/me").then().statusCode(200);
        String idNumberEnc = TestDb.text("select id_number_enc from youth where id = ?", youthId);

        RestAssured.get("/api/privacy/deletion-terms").then().statusCode(200)
                .body("erased", hasItem("手机号"))
                .body("kept", hasItem("补贴申领和拨付记录"))
                .body("retainedYears", equalTo(30))
                .body("retention", containsString("30 年"));
        Number id = Youths.as("pv_delete").contentType(ContentType.JSON).body(Map.of("reason", "不再需要见习服务"))
                .post("/api/privacy/me/deletion-requests").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("regionCode", equalTo("500101")).extract().path("id");
        Youths.as("pv_delete").contentType(ContentType.JSON).body(Map.of())
                .post("/api/privacy/me/deletion-requests").then().statusCode(409);

        Api.as("wanzhou").queryParam("status", "PENDING").queryParam("size", 100).get("/api/privacy/deletion-requests")
                .then().statusCode(200).body("items.id", hasItem(id.intValue()))
                .body("items.find { it.id == " + id + " }.name", equalTo("删除丙"))
                .body("items.find { it.id == " + id + " }.idNumber", containsString("********"));
        Api.as("admin").queryParam("size", 100).get("/api/privacy/deletion-requests").then().statusCode(200)
                .body("items.id", hasItem(id.intValue()));
        Api.as("yuzhong_admin").queryParam("size", 100).get("/api/privacy/deletion-requests").then().statusCode(200)
                .body("items.id", not(hasItem(id.intValue())));
        Api.as("yuzhong_admin").queryParam("regionCode", "500101").get("/api/privacy/deletion-requests").then().statusCode(403);
        Api.as("yuzhong_admin").post("/api/privacy/deletion-requests/" + id + "/completion").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as("jiaowei").post("/api/privacy/deletion-requests/" + id + "/completion").then().statusCode(403);
        Youths.as("pv_delete").post("/api/privacy/deletion-requests/" + id + "/completion").then().statusCode(403);
        assertEquals("PENDING", TestDb.text("select status from deletion_request where id = ?", id));

        Api.as("wanzhou").post("/api/privacy/deletion-requests/" + id + "/completion").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decidedBy", equalTo("wanzhou"))
                .body("erased", containsString("手机号"))
                .body("erased", containsString("消息：已删除 1 条"))
                .body("erased", containsString("已撤回 1 份"));
        Api.as("wanzhou").post("/api/privacy/deletion-requests/" + id + "/completion").then().statusCode(409);

        // Erased.
        assertNull(TestDb.text("select phone_enc from youth where id = ?", youthId));
        assertNull(TestDb.text("select school from youth where id = ?", youthId));
        assertNull(TestDb.text("select major from youth where id = ?", youthId));
        assertEquals("{}", TestDb.text("select preferred_regions::text from youth where id = ?", youthId));
        assertEquals("false", TestDb.text("select internship_intention::text from youth where id = ?", youthId));
        assertEquals("[]", TestDb.text("select array_to_json(hardship)::text from youth where id = ?", youthId));
        assertEquals(0, TestDb.count("select count(*) from notification where youth_id = ?", youthId));
        assertEquals("WITHDRAWN", TestDb.text("select status from application where youth_id = ?", youthId));
        // Kept for the subsidy audit.
        assertEquals("删除丙", TestDb.text("select name from youth where id = ?", youthId));
        assertEquals(idNumberEnc, TestDb.text("select id_number_enc from youth where id = ?", youthId));
        assertNotNull(TestDb.text("select graduation_date from youth where id = ?", youthId));
        assertEquals("COMPLETED", TestDb.text("select state from internship where id = ?", internship));
        assertEquals(1, TestDb.count("select count(*) from disbursement d join subsidy_claim c on c.id = d.claim_id where c.internship_id = ?",
                internship));
        assertEquals(1, TestDb.count("select count(*) from consent_record where youth_id = ?", youthId));
        // The account is closed: no new login, and the token already issued is dead.
        assertEquals("false", TestDb.text("select enabled::text from user_account where youth_id = ?", youthId));
        assertEquals(0, TestDb.count("select count(*) from auth_session s join user_account u on u.id = s.user_id"
                + " where u.youth_id = ? and s.revoked_at is null", youthId));
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", "pv_delete", "password", Youths.PASSWORD))
                .post("/api/auth/login").then().statusCode(401);
        RestAssured.given().auth().oauth2(oldToken).get("/api/youth/me").then().statusCode(401);
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'DELETION_COMPLETED' and target_id = ?",
                String.valueOf(youthId)));
    }

    @Test
    void aRunningInternshipHoldsTheDeletionUntilItEnds() {
        long youthId = Youths.register("pv_running", "在岗丁");
        long position = Recruitment.publishedPosition(BASE, "在岗岗位" + youthId, 1);
        TestDb.update("""
                insert into internship (youth_id, base_id, position_id, region_code, state, start_date, planned_end, arrived_on,
                                        monthly_allowance, unemployed_graduate, origin)
                values (?, (select base_id from position where id = ?), ?, '500101', 'ON_POST', date '2026-10-01', date '2027-03-31',
                        date '2026-10-01', 2200, true, 'OFFLINE')""", youthId, position, position);
        Number id = Youths.as("pv_running").contentType(ContentType.JSON).body(Map.of())
                .post("/api/privacy/me/deletion-requests").then().statusCode(201).extract().path("id");
        Api.as("wanzhou").post("/api/privacy/deletion-requests/" + id + "/completion").then().statusCode(409)
                .body("detail", containsString("见习尚未结束"));
        assertEquals("true", TestDb.text("select enabled::text from user_account where youth_id = ?", youthId));
        assertNotNull(TestDb.text("select phone_enc from youth where id = ?", youthId));
    }

    @Test
    void aRejectionNeedsAReasonWhichTheYoungPersonSees() {
        Youths.register("pv_reject", "驳回戊");
        Number id = Youths.as("pv_reject").contentType(ContentType.JSON).body(Map.of())
                .post("/api/privacy/me/deletion-requests").then().statusCode(201).extract().path("id");
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/privacy/deletion-requests/" + id + "/rejection").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("reason", "补贴申领正在审核中，审核结束后再办理"))
                .post("/api/privacy/deletion-requests/" + id + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        Youths.as("pv_reject").get("/api/privacy/me/deletion-requests").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].statusLabel", equalTo("已驳回"))
                .body("items[0].rejectReason", equalTo("补贴申领正在审核中，审核结束后再办理"));
        // A rejected request does not block asking again.
        Youths.as("pv_reject").contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(501)))
                .post("/api/privacy/me/deletion-requests").then().statusCode(400).body("violations[0].field", equalTo("reason"));
        Youths.as("pv_reject").contentType(ContentType.JSON).body(Map.of())
                .post("/api/privacy/me/deletion-requests").then().statusCode(201);
    }

    @Test
    void eachEndpointIsForItsOwnRoles() {
        Api.as("base_demo").get("/api/privacy/deletion-requests").then().statusCode(403);
        Api.as("youth_demo").get("/api/privacy/deletion-requests").then().statusCode(403);
        Api.as("jiaowei").get("/api/privacy/deletion-requests").then().statusCode(403);
        Api.as("admin").get("/api/privacy/me/consents").then().statusCode(403);
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of()).post("/api/privacy/me/deletion-requests").then().statusCode(403);
        Api.as("admin").queryParam("status", "DONE").get("/api/privacy/deletion-requests").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        Api.as("admin").post("/api/privacy/deletion-requests/999999/completion").then().statusCode(404);
        RestAssured.get("/api/privacy/deletion-requests").then().statusCode(401);
    }
}
