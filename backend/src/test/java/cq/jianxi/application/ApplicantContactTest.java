package cq.jianxi.application;

import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Applying shares the applicant's phone with the base of the position, once the applicant has been told:
 * the base sees it in full on request (audited) to arrange the interview; nobody else does.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApplicantContactTest {

    static final String BASE = "contact_base";
    static final String OTHER_BASE = "contact_other_base";

    @BeforeEach
    void bases() {
        if (TestDb.count("select count(*) from user_account where username = ?", BASE) == 0) {
            Recruitment.approvedBase(BASE, "PRIVATE");
            Recruitment.approvedBase(OTHER_BASE, "PRIVATE");
        }
    }

    /** Registers a young person with their own phone; returns the youth id. */
    private static long register(String username, String phone) {
        Map<String, Object> profile = new HashMap<>(Youths.profile("联系" + username,
                Youths.idNumber("500101", Youths.today().minusYears(22))));
        profile.put("phone", phone);
        Number id = Youths.registered(username, profile).extract().path("id");
        return id.longValue();
    }

    private static Number apply(String youth, long positionId) {
        return Youths.as(youth).contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", true))
                .post("/api/applications").then().statusCode(201).extract().path("id");
    }

    private static long phoneViews(long youthId) {
        return TestDb.count("select count(*) from audit_event where action = 'PERSONAL_DATA_VIEWED' and target_type = 'youth'"
                + " and target_id = ?", String.valueOf(youthId));
    }

    @Test
    void refusesAnApplicationWithoutTheAcknowledgementAndWritesNothing() {
        long youthId = register("contact_youth1", "13955550001");
        long positionId = Recruitment.publishedPosition(BASE, "联系方式岗位一", 2);
        Youths.as("contact_youth1").contentType(ContentType.JSON).body(Map.of("positionId", positionId))
                .post("/api/applications").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("contactShared"));
        Youths.as("contact_youth1").contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", false))
                .post("/api/applications").then().statusCode(400).body("violations.field", contains("contactShared"));
        assertEquals(0, TestDb.count("select count(*) from application where youth_id = ?", youthId));

        Youths.as("contact_youth1").contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", true))
                .post("/api/applications").then().statusCode(201)
                .body("contactSharedAt", notNullValue())
                .body("applicantPhone", equalTo("139****0001")).body("applicantPhoneMasked", equalTo(true));
        assertEquals(1, TestDb.count("select count(*) from application where youth_id = ? and contact_shared_at is not null", youthId));
    }

    @Test
    void theBaseSeesItsApplicantsFullPhoneOnRequestAndEachViewIsAudited() {
        long youthId = register("contact_youth2", "13955550002");
        long positionId = Recruitment.publishedPosition(BASE, "联系方式岗位二", 2);
        Number id = apply("contact_youth2", positionId);

        Recruitment.asBase(BASE).queryParam("positionId", positionId).get("/api/applications").then().statusCode(200)
                .body("items.applicantPhone", contains("139****0002")).body("items.applicantPhoneMasked", contains(true));
        Recruitment.asBase(BASE).get("/api/applications/" + id).then().statusCode(200)
                .body("applicantPhone", equalTo("139****0002"));
        assertEquals(0, phoneViews(youthId));

        Recruitment.asBase(BASE).queryParam("reveal", true).get("/api/applications/" + id).then().statusCode(200)
                .body("applicantPhone", equalTo("13955550002")).body("applicantPhoneMasked", equalTo(false));
        assertEquals(1, phoneViews(youthId));
        assertEquals(BASE, TestDb.text("select actor_username from audit_event where action = 'PERSONAL_DATA_VIEWED'"
                + " and target_type = 'youth' and target_id = ?", String.valueOf(youthId)));
        Recruitment.asBase(BASE).queryParam("reveal", true).get("/api/applications/" + id).then().statusCode(200);
        assertEquals(2, phoneViews(youthId));
    }

    @Test
    void anotherBaseAnotherYouthOrANonApplicantGetNoFullPhone() {
        long applicant = register("contact_youth3", "13955550003");
        long outsider = register("contact_youth4", "13955550004");
        long positionId = Recruitment.publishedPosition(BASE, "联系方式岗位三", 2);
        Number id = apply("contact_youth3", positionId);

        Recruitment.asBase(OTHER_BASE).queryParam("reveal", true).get("/api/applications/" + id).then().statusCode(403);
        Youths.as("contact_youth4").queryParam("reveal", true).get("/api/applications/" + id).then().statusCode(403);
        // The registry's own reveal stays with governance staff, for the base's applicant and anyone else.
        Recruitment.asBase(BASE).queryParam("reveal", true).get("/api/youth/" + applicant).then().statusCode(403);
        Recruitment.asBase(BASE).queryParam("reveal", true).get("/api/youth/" + outsider).then().statusCode(403);
        Recruitment.asBase(BASE).get("/api/youth/" + outsider).then().statusCode(403);
        assertEquals(0, phoneViews(applicant));
        assertEquals(0, phoneViews(outsider));
    }

    @Test
    void anEndedApplicationOrOneMadeBeforeTheNoticeRevealsNoPhone() {
        long youthId = register("contact_youth5", "13955550005");
        Number rejected = apply("contact_youth5", Recruitment.publishedPosition(BASE, "联系方式岗位四", 2));
        Recruitment.asBase(BASE).contentType(ContentType.JSON).body(Map.of("to", "REJECTED", "reason", "岗位已满"))
                .post("/api/applications/" + rejected + "/transitions").then().statusCode(200);
        Recruitment.asBase(BASE).queryParam("reveal", true).get("/api/applications/" + rejected).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("未通过"));

        Number older = apply("contact_youth5", Recruitment.publishedPosition(BASE, "联系方式岗位五", 2));
        TestDb.update("update application set contact_shared_at = null where id = ?", older.longValue());
        Recruitment.asBase(BASE).queryParam("reveal", true).get("/api/applications/" + older).then().statusCode(409)
                .body("contactSharedAt", org.hamcrest.Matchers.nullValue());
        assertEquals(0, phoneViews(youthId));
    }

    @Test
    void theApplicantSeesTheirOwnPhoneWithoutAnAuditEntry() {
        long youthId = register("contact_youth6", "13955550006");
        Number id = apply("contact_youth6", Recruitment.publishedPosition(BASE, "联系方式岗位六", 2));
        Youths.as("contact_youth6").queryParam("reveal", true).get("/api/applications/" + id).then().statusCode(200)
                .body("applicantPhone", equalTo("13955550006"));
        assertEquals(0, phoneViews(youthId));
    }

    @Test
    void theDatabaseRefusesANewApplicationWithoutTheNotice() {
        long youthId = register("contact_youth7", "13955550007");
        long positionId = Recruitment.publishedPosition(BASE, "联系方式岗位七", 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestDb.update(
                "insert into application (youth_id, position_id, status) values (?, ?, 'SUBMITTED')", youthId, positionId));
        org.hamcrest.MatcherAssert.assertThat(e.getMessage(), org.hamcrest.Matchers.containsString("acknowledgement"));
        Recruitment.asBase(BASE).queryParam("size", 200).get("/api/applications").then().statusCode(200)
                .body("items.youthId", org.hamcrest.Matchers.not(hasItem((int) youthId)));
    }
}
