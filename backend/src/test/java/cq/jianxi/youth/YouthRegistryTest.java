package cq.jianxi.youth;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class YouthRegistryTest {

    @Test
    void registersDerivingBirthDateAndSexAndShowsTheFullIdOnlyToThePerson() {
        var birth = Youths.today().minusYears(21).withDayOfMonth(3);
        String id = Youths.idNumber("500101", birth);
        Number youthId = given().contentType(ContentType.JSON)
                .body(Youths.registration("reg_full", Youths.profile("王小明", id)))
                .post("/api/youth/register").then().statusCode(201)
                .body("birthDate", equalTo(birth.toString()))
                .body("sex", equalTo((id.charAt(16) - '0') % 2 == 1 ? "M" : "F"))
                .body("unemployedGraduate", equalTo(true))
                .body("unemployedYouth", equalTo(true))
                .extract().path("id");
        Youths.as("reg_full").get("/api/youth/me").then().statusCode(200)
                .body("idNumber", equalTo(id)).body("phone", equalTo("13700001111")).body("masked", equalTo(false));
        Api.as("wanzhou").get("/api/youth/" + youthId).then().statusCode(200)
                .body("idNumber", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .body("phone", equalTo("137****1111"))
                .body("masked", equalTo(true));
        // Stored encrypted: the plain number appears nowhere in the row.
        assertEquals(0, TestDb.count("select count(*) from youth where id_number_enc like ? or phone_enc like '%13700001111%'", "%" + id + "%"));
        assertEquals(1, TestDb.count("select count(*) from youth where id = ? and length(id_number_hash) = 64", youthId));
    }

    @Test
    void revealingTheIdIsAuditedAndOnlyForStaffInScope() {
        long youthId = Youths.register("reg_reveal", "赵一");
        Api.as("wanzhou").queryParam("reveal", true).get("/api/youth/" + youthId).then().statusCode(200)
                .body("masked", equalTo(false));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'PERSONAL_DATA_VIEWED' and target_type = 'youth' and target_id = ?",
                String.valueOf(youthId)));
        TestDb.createUser("reg_fuling", Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        Api.as("reg_fuling").get("/api/youth/" + youthId).then().statusCode(403);
        Api.as("jiaowei").queryParam("reveal", true).get("/api/youth/" + youthId).then().statusCode(403);
        Api.as("base_demo").get("/api/youth/" + youthId).then().statusCode(403);
        Api.as("youth_demo").get("/api/youth/" + youthId).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void refusesABadCheckDigitNamingTheField() {
        String id = Youths.idNumber("500101", Youths.today().minusYears(20));
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        long before = TestDb.count("select count(*) from youth");
        given().contentType(ContentType.JSON).body(Youths.registration("reg_bad", Youths.profile("钱二", wrong)))
                .post("/api/youth/register").then().statusCode(400)
                .body("violations.field", hasItem("idNumber"));
        assertEquals(before, TestDb.count("select count(*) from youth"));
        assertEquals(0, TestDb.count("select count(*) from user_account where username = 'reg_bad'"));
    }

    @Test
    void refusesSomeoneUnderSixteen() {
        String id = Youths.idNumber("500101", Youths.today().minusYears(15));
        given().contentType(ContentType.JSON).body(Youths.registration("reg_young", Youths.profile("孙三", id)))
                .post("/api/youth/register").then().statusCode(400)
                .body("violations.find { it.field == 'idNumber' }.message", equalTo("未满 16 周岁，不能登记参加就业见习"));
    }

    @Test
    void oneIdNumberRegistersOnce() {
        String id = Youths.idNumber("500101", Youths.today().minusYears(23));
        given().contentType(ContentType.JSON).body(Youths.registration("reg_once1", Youths.profile("李四", id)))
                .post("/api/youth/register").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Youths.registration("reg_once2", Youths.profile("李四", id)))
                .post("/api/youth/register").then().statusCode(400).body("violations.field", hasItem("idNumber"));
        assertEquals(0, TestDb.count("select count(*) from user_account where username = 'reg_once2'"));
    }

    @Test
    void districtStaffSetHardshipAndSearchMasked() {
        long youthId = Youths.register("reg_hard", "周五");
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("hardship", List.of("LOW_INCOME", "DISABLED")))
                .put("/api/youth/" + youthId + "/hardship").then().statusCode(200)
                .body("hardship", equalTo(List.of("LOW_INCOME", "DISABLED")));
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("hardship", List.of("RICH")))
                .put("/api/youth/" + youthId + "/hardship").then().statusCode(400).body("violations.field", hasItem("hardship"));
        Api.as("wanzhou").queryParam("keyword", "周五").queryParam("category", "UNEMPLOYED_GRADUATE")
                .get("/api/youth").then().statusCode(200)
                .body("items.id", hasItem((int) youthId))
                .body("items.find { it.id == " + youthId + " }.masked", equalTo(true));
        Youths.as("reg_hard").get("/api/youth").then().statusCode(403);
    }

    @Test
    void statisticsCountIntentionsInScope() {
        var before = Api.as("wanzhou").get("/api/youth/statistics").then().statusCode(200).extract().jsonPath();
        Youths.register("reg_stats", "统计甲");
        var after = Api.as("wanzhou").get("/api/youth/statistics").then().statusCode(200).extract().jsonPath();
        assertEquals(before.getLong("total") + 1, after.getLong("total"));
        assertEquals(before.getLong("unemployedGraduatesWithIntention") + 1, after.getLong("unemployedGraduatesWithIntention"));
        Api.as("base_demo").get("/api/youth/statistics").then().statusCode(403);
    }
}
