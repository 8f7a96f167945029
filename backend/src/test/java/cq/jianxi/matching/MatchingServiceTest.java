package cq.jianxi.matching;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class MatchingServiceTest {

    static final String BASE = "match_base";

    @BeforeEach
    void base() {
        if (TestDb.count("select count(*) from user_account where username = ?", BASE) == 0) {
            Recruitment.approvedBase(BASE, "PRIVATE");
        }
    }

    @Test
    void recommendsFittingPositionsFirstAndDropsAppliedOnes() {
        Youths.register("match_youth1", "推荐甲");
        long fit = Recruitment.publishedPosition(BASE, "机械工程见习（推荐）", 2);
        var research = Recruitment.position("博士后研究助理（推荐）", 1);
        research.put("education", "DOCTOR");
        Number tooHigh = Recruitment.asBase(BASE).contentType(ContentType.JSON).body(research).post("/api/positions")
                .then().statusCode(201).extract().path("id");
        Recruitment.asBase(BASE).post("/api/positions/" + tooHigh + "/submit").then().statusCode(200);
        Api.as("wanzhou").post("/api/positions/" + tooHigh + "/approve").then().statusCode(200);

        JsonPath recs = Youths.as("match_youth1").get("/api/youth/me/recommendations").then().statusCode(200).extract().jsonPath();
        List<Integer> ids = recs.getList("position.id");
        assertTrue(ids.contains((int) fit), "the fitting position is recommended");
        assertTrue(!ids.contains(tooHigh.intValue()), "a doctorate position is not recommended to a bachelor");
        assertTrue(recs.getList("reasons.flatten()").contains("专业对口"));
        Youths.as("match_youth1").contentType(ContentType.JSON).body(Map.of("positionId", fit, "contactShared", true)).post("/api/applications")
                .then().statusCode(201);
        Youths.as("match_youth1").get("/api/youth/me/recommendations").then().body("position.id", not(hasItem((int) fit)));
        Api.as("wanzhou").get("/api/youth/me/recommendations").then().statusCode(403);
    }

    @Test
    void serviceRateCountsServedGraduatesWithIntentionAndListsTheUnserved() {
        long youthId = Youths.register("match_youth2", "服务率甲");
        JsonPath before = Api.as("wanzhou").queryParam("regionCode", "500101").get("/api/service-rate").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(before.getList("unserved.youthId").contains((int) youthId));
        long positionId = Recruitment.publishedPosition(BASE, "推送岗位", 2);
        Api.as("wanzhou").contentType(ContentType.JSON)
                .body(Map.of("youthIds", List.of(youthId), "kind", "POSITION_PUSH", "positionId", positionId, "note", "电话沟通后推送"))
                .post("/api/services").then().statusCode(201);
        JsonPath after = Api.as("wanzhou").queryParam("regionCode", "500101").get("/api/service-rate").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(before.getLong("served") + 1, after.getLong("served"));
        assertEquals(before.getLong("eligible"), after.getLong("eligible"));
        assertTrue(!after.getList("unserved.youthId").contains((int) youthId));
        Youths.as("match_youth2").get("/api/notifications").then().body("items.title", hasItem("为你推荐岗位"));
        Api.as("wanzhou").queryParam("youthId", youthId).get("/api/services").then().statusCode(200)
                .body("kind", hasItem("POSITION_PUSH"));
    }

    @Test
    void staffServeOnlyTheirRegionAndPushesNeedAPosition() {
        long youthId = Youths.register("match_youth3", "范围甲");
        TestDb.createUser("match_fuling", Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        Api.as("match_fuling").contentType(ContentType.JSON)
                .body(Map.of("youthIds", List.of(youthId), "kind", "CAREER_GUIDANCE"))
                .post("/api/services").then().statusCode(403);
        Api.as("match_fuling").queryParam("regionCode", "500101").get("/api/service-rate").then().statusCode(403);
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("youthIds", List.of(youthId), "kind", "POSITION_PUSH"))
                .post("/api/services").then().statusCode(400).body("violations.field", hasItem("positionId"));
        Api.as("wanzhou").get("/api/service-rate").then().statusCode(200).body("regions.size()", equalTo(1));
        Api.as("admin").get("/api/service-rate").then().statusCode(200).body("regions.size()", equalTo(41));
    }

    @Test
    void aBaseSeesItsApplicantButNotTheStaffsServiceNotesAboutThem() {
        long youthId = Youths.register("match_youth4", "服务记录甲");
        long positionId = Recruitment.publishedPosition(BASE, "服务记录岗位", 2);
        Youths.as("match_youth4").contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", true)).post("/api/applications")
                .then().statusCode(201);
        Api.as("wanzhou").contentType(ContentType.JSON)
                .body(Map.of("youthIds", List.of(youthId), "kind", "CAREER_GUIDANCE", "note", "家庭困难，需重点跟进"))
                .post("/api/services").then().statusCode(201);
        Recruitment.asBase(BASE).get("/api/youth/" + youthId).then().statusCode(200);
        Recruitment.asBase(BASE).queryParam("youthId", youthId).get("/api/services").then().statusCode(403);
        Youths.as("match_youth4").queryParam("youthId", youthId).get("/api/services").then().statusCode(200)
                .body("note", hasItem("家庭困难，需重点跟进"));
    }

    private static JsonPath wanzhouRate() {
        return Api.as("wanzhou").queryParam("regionCode", "500101").get("/api/service-rate").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void servesOnPostInternAsServed() {
        long youthId = Youths.register("match_intern", "在岗见习甲");
        long positionId = Recruitment.publishedPosition(BASE, "在岗服务率岗位", 1);
        Number app = Youths.as("match_intern").contentType(ContentType.JSON).body(Map.of("positionId", positionId, "contactShared", true))
                .post("/api/applications").then().statusCode(201).extract().path("id");
        for (String to : List.of("SCREENING", "OFFERED")) {
            Recruitment.asBase(BASE).contentType(ContentType.JSON).body(Map.of("to", to))
                    .post("/api/applications/" + app + "/transitions").then().statusCode(200);
        }
        Youths.as("match_intern").contentType(ContentType.JSON).body(Map.of("to", "ACCEPTED"))
                .post("/api/applications/" + app + "/transitions").then().statusCode(200);
        // An accepted offer whose agreement is not signed yet is no service.
        JsonPath pending = wanzhouRate();
        assertTrue(pending.getList("unserved.youthId").contains((int) youthId));

        TestDb.update("update internship set state = 'SIGNED' where application_id = ?", app.longValue());
        JsonPath signed = wanzhouRate();
        assertFalse(signed.getList("unserved.youthId").contains((int) youthId));
        assertEquals(pending.getLong("served") + 1, signed.getLong("served"));
        assertEquals(pending.getLong("eligible"), signed.getLong("eligible"));

        TestDb.update("update internship set state = 'ON_POST', arrived_on = start_date where application_id = ?", app.longValue());
        JsonPath onPost = wanzhouRate();
        assertFalse(onPost.getList("unserved.youthId").contains((int) youthId));
        assertEquals(signed.getLong("served"), onPost.getLong("served"));
    }

    @Test
    void aDistrictWithNobodyToServeHasNoRate() {
        TestDb.createUser("match_wuxi", Api.PASSWORD, "DISTRICT_ADMIN", "500238", null);
        Api.as("match_wuxi").get("/api/service-rate").then().statusCode(200)
                .body("eligible", equalTo(0))
                .body("rate", nullValue())
                .body("regions[0].regionCode", equalTo("500238"))
                .body("regions[0].rate", nullValue());
        Youths.register("match_rate_youth", "服务率权限");
        JsonPath city = Api.as("admin").get("/api/service-rate").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> regions = city.getList("regions");
        for (Map<String, Object> r : regions) {
            if (((Number) r.get("eligible")).longValue() == 0) {
                assertNull(r.get("rate"), "no rate for " + r.get("regionCode"));
            } else {
                assertNotNull(r.get("rate"));
            }
        }
        assertTrue(city.getDouble("rate") <= 1.0);
        Youths.as("match_rate_youth").get("/api/service-rate").then().statusCode(403);
    }
}
