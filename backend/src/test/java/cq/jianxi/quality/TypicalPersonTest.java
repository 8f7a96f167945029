package cq.jianxi.quality;

import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static cq.jianxi.quality.QualityFixture.CITY;
import static cq.jianxi.quality.QualityFixture.DISTRICT;
import static cq.jianxi.quality.QualityFixture.OTHER_DISTRICT;
import static cq.jianxi.quality.QualityFixture.REGION;
import static cq.jianxi.quality.QualityFixture.as;
import static cq.jianxi.quality.QualityFixture.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Typical persons: consent first, the city's review, and the annual report's two figures that were not counted before. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TypicalPersonTest {

    private static final int YEAR = TestClock.pinnedToday().getYear();

    @BeforeAll
    static void setUp() {
        QualityFixture.accounts();
        TestDb.update("insert into plan (year, source, updated_by) values (?, '测试', 'test') on conflict do nothing", YEAR);
        TestDb.update("""
                insert into plan_target (year, region_code, new_bases, new_key_enterprise_bases, positions, participants,
                                         policy_sessions, matching_events, typical_persons, national_nominations)
                values (?, ?, 10, 2, 100, 50, 2, 2, 3, 1) on conflict do nothing""", YEAR, REGION);
    }

    private static long internship(String name) {
        long base = QualityFixture.baseId(name);
        return QualityFixture.onPost(base, QualityFixture.position(base, "PUBLISHED"), "2026-06-01", "2026-11-30");
    }

    private static Map<String, Object> body(long internship) {
        Map<String, Object> b = new HashMap<>();
        b.put("internshipId", internship);
        b.put("title", "扎根基层的见习之星");
        b.put("story", "见习期间主动承担产线调试任务，获评优秀见习人员。");
        b.put("consentOn", "2026-11-01");
        b.put("consentMethod", "WRITTEN");
        return b;
    }

    private static long achieved(String figure) {
        Number n = as(CITY).get("/api/reports/annual/" + YEAR).then().statusCode(200).extract().jsonPath()
                .get("regions.find { it.regionCode == '" + REGION + "' }." + figure + ".achieved");
        return n.longValue();
    }

    @Test
    void aTypicalPersonWithoutConsentIsRefused() {
        long internship = internship("典型同意甲");
        Map<String, Object> noConsent = body(internship);
        noConsent.remove("consentOn");
        noConsent.remove("consentMethod");
        json(DISTRICT, noConsent).post("/api/quality/typical-persons").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("consentOn")).body("violations.field", hasItem("consentMethod"));
        Map<String, Object> future = body(internship);
        future.put("consentOn", TestClock.pinnedToday().plusDays(1).toString());
        json(DISTRICT, future).post("/api/quality/typical-persons").then().statusCode(400).body("violations.field", hasItem("consentOn"));
        Map<String, Object> longStory = body(internship);
        longStory.put("story", "事".repeat(2001));
        json(DISTRICT, longStory).post("/api/quality/typical-persons").then().statusCode(400).body("violations.field", hasItem("story"));
        assertEquals(0, TestDb.count("select count(*) from typical_person where internship_id = ?", internship));
        // Another district's internship, and the city, may not submit.
        json(OTHER_DISTRICT, body(internship)).post("/api/quality/typical-persons").then().statusCode(403);
        json(CITY, body(internship)).post("/api/quality/typical-persons").then().statusCode(403);
    }

    @Test
    void anApprovedTypicalPersonCountsInTheAnnualReportOfItsSubmissionYear() {
        long before = achieved("typicalPersons");
        long internship = internship("典型通过甲");
        long id = json(DISTRICT, body(internship)).post("/api/quality/typical-persons").then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("year", equalTo(YEAR))
                .body("internName", equalTo("典***")).extract().jsonPath().getLong("id");
        json(DISTRICT, body(internship)).post("/api/quality/typical-persons").then().statusCode(409);
        assertEquals(before, achieved("typicalPersons"), "a submitted person does not count yet");
        as(DISTRICT).post("/api/quality/typical-persons/" + id + "/approve").then().statusCode(403);
        as(CITY).post("/api/quality/typical-persons/" + id + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(before + 1, achieved("typicalPersons"));
        as(DISTRICT).queryParam("status", "APPROVED").queryParam("year", YEAR).get("/api/quality/typical-persons").then()
                .statusCode(200).body("items.id", hasItem((int) id));
        as(OTHER_DISTRICT).queryParam("regionCode", REGION).get("/api/quality/typical-persons").then().statusCode(403);
    }

    @Test
    void aReturnedTypicalPersonIsEditedAndResubmitted() {
        long internship = internship("典型退回甲");
        long id = json(DISTRICT, body(internship)).post("/api/quality/typical-persons").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        json(CITY, Map.of("reason", "事迹过于简略，请补充")).post("/api/quality/typical-persons/" + id + "/return").then()
                .statusCode(200).body("status", equalTo("RETURNED")).body("returnReason", equalTo("事迹过于简略，请补充"));
        Map<String, Object> edited = body(internship);
        edited.put("story", "见习期间主动承担产线调试任务，带领小组完成三项工艺改进，获评优秀见习人员。");
        json(OTHER_DISTRICT, edited).put("/api/quality/typical-persons/" + id).then().statusCode(403);
        json(DISTRICT, edited).put("/api/quality/typical-persons/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("returnReason", equalTo(null));
        as(CITY).post("/api/quality/typical-persons/" + id + "/approve").then().statusCode(200);
        json(DISTRICT, edited).put("/api/quality/typical-persons/" + id).then().statusCode(409);
    }

    @Test
    void nationalNominationsAreTheRegionsBasesRecommendedToTheNationalSelection() {
        long before = achieved("nationalNominations");
        long recommended = QualityFixture.baseId("典型国家推荐甲");
        long districtOnly = QualityFixture.baseId("典型国家推荐乙");
        TestDb.update("""
                insert into evaluation_round (year, region_code, closed_at, closed_by, bases, proposed)
                values (?, ?, now(), 'test', 2, 1) on conflict do nothing""", YEAR, REGION);
        int rank = (int) TestDb.count("select coalesce(max(rank), 0) from evaluation_result where year = ? and region_code = ?", YEAR, REGION);
        for (long base : new long[]{recommended, districtOnly}) {
            rank++;
            TestDb.update("insert into evaluation_result (year, base_id, region_code, total, rank, proposed, sheet) values (?, ?, ?, 90, ?, true, '{}'::jsonb)",
                    YEAR, base, REGION, rank);
            TestDb.update("insert into demonstration_award (year, base_id, region_code, stage, decided_by, decided_at) values (?, ?, ?, 'DISTRICT', 'test', now())",
                    YEAR, base, REGION);
        }
        TestDb.update("insert into demonstration_award (year, base_id, region_code, stage, decided_by, decided_at) values (?, ?, ?, 'CITY', 'test', now())",
                YEAR, recommended, REGION);
        TestDb.update("insert into demonstration_award (year, base_id, region_code, stage, decided_by, decided_at) values (?, ?, ?, 'NATIONAL_RECOMMENDED', 'test', now())",
                YEAR, recommended, REGION);
        assertEquals(before + 1, achieved("nationalNominations"));
    }
}
