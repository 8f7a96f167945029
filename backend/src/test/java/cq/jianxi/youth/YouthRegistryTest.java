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
        var profile = Youths.profile("王小明", id);
        String phone = (String) profile.get("phone");
        Number youthId = Youths.registered("reg_full", profile)
                .body("birthDate", equalTo(birth.toString()))
                .body("sex", equalTo((id.charAt(16) - '0') % 2 == 1 ? "M" : "F"))
                .body("unemployedGraduate", equalTo(true))
                .body("unemployedYouth", equalTo(true))
                .body("category", equalTo("UNEMPLOYED_GRADUATE"))
                .body("categoryLabel", equalTo("离校2年内未就业高校毕业生"))
                .extract().path("id");
        Youths.as("reg_full").get("/api/youth/me").then().statusCode(200)
                .body("idNumber", equalTo(id)).body("phone", equalTo(phone)).body("masked", equalTo(false));
        Api.as("wanzhou").get("/api/youth/" + youthId).then().statusCode(200)
                .body("idNumber", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("masked", equalTo(true))
                // The hidden eight characters are the birth date: a masked view carries the age instead (issue 10 #1).
                .body("birthDate", org.hamcrest.Matchers.nullValue())
                .body("age", equalTo(21));
        Api.as("wanzhou").queryParam("keyword", "王小明").get("/api/youth").then().statusCode(200)
                .body("items.find { it.id == " + youthId + " }.birthDate", org.hamcrest.Matchers.nullValue())
                .body("items.find { it.id == " + youthId + " }.masked", equalTo(true));
        // Stored encrypted: the plain number appears nowhere in the row.
        assertEquals(0, TestDb.count("select count(*) from youth where id_number_enc like ? or phone_enc like ?", "%" + id + "%", "%" + phone + "%"));
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
    void oneIdNumberRegistersOnceWithoutTellingTheSecondCallerWhy() {
        String id = Youths.idNumber("500101", Youths.today().minusYears(23));
        String first = Youths.submit("reg_once1", Youths.profile("李四", id)).then().statusCode(202).extract().asString();
        var second = Youths.profile("李四改", id);
        String answer = Youths.submit("reg_once2", second).then().statusCode(202).extract().asString();
        assertEquals(first, answer);
        assertEquals(0, TestDb.count("select count(*) from user_account where username = 'reg_once2'"));
        assertEquals(1, TestDb.count("select count(*) from youth where name = '李四'"));
        org.junit.jupiter.api.Assertions.assertTrue(Youths.lastMessage((String) second.get("phone")).contains("该身份证号已注册"));
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

    @Test
    void registersAFortySixYearOldButMarksThemNotEligible() {
        var profile = Youths.profile("年长者", Youths.idNumber("500101", Youths.today().minusYears(46)));
        profile.put("graduationDate", "2002-07-01");
        Number id = Youths.registered("reg_46", profile)
                .body("category", equalTo("NOT_ELIGIBLE"))
                .body("categoryLabel", equalTo("不符合见习补贴对象条件"))
                .body("unemployedGraduate", equalTo(false)).body("unemployedYouth", equalTo(false))
                .extract().path("id");
        Youths.as("reg_46").get("/api/youth/me").then().statusCode(200).body("category", equalTo("NOT_ELIGIBLE"));
        Api.as("wanzhou").queryParam("keyword", "年长者").queryParam("category", "NOT_ELIGIBLE").get("/api/youth")
                .then().statusCode(200).body("items.id", hasItem(id.intValue()));
    }

    @Test
    void refusesAnIdWhoseDivisionCodeDoesNotExist() {
        for (String division : List.of("990101", "500000", "240101")) {
            String id = Youths.idNumber(division, Youths.today().minusYears(20));
            given().contentType(ContentType.JSON).body(Youths.registration("reg_div" + division, Youths.profile("区划" + division, id)))
                    .post("/api/youth/register").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.find { it.field == 'idNumber' }.message", org.hamcrest.Matchers.containsString("行政区划代码"));
        }
        assertEquals(0, TestDb.count("select count(*) from user_account where username like 'reg_div%'"));
    }

    @Test
    void aGraduateRegisteredAsStudyingIsNoUnemployedGraduateInSearchOrCounts() {
        var before = Api.as("wanzhou").get("/api/youth/statistics").then().statusCode(200).extract().jsonPath();
        var profile = Youths.profile("在读生", Youths.idNumber("500101", Youths.today().minusYears(23)));
        profile.put("currentStatus", "STUDYING");
        Number id = Youths.registered("reg_studying", profile)
                .body("category", equalTo("NOT_ELIGIBLE")).body("unemployedGraduate", equalTo(false))
                .extract().path("id");
        var after = Api.as("wanzhou").get("/api/youth/statistics").then().statusCode(200).extract().jsonPath();
        assertEquals(before.getLong("total") + 1, after.getLong("total"));
        assertEquals(before.getLong("unemployedGraduates"), after.getLong("unemployedGraduates"));
        assertEquals(before.getLong("unemployedGraduatesWithIntention"), after.getLong("unemployedGraduatesWithIntention"));
        Api.as("wanzhou").queryParam("keyword", "在读生").queryParam("category", "UNEMPLOYED_GRADUATE").get("/api/youth")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id.intValue())));
    }

    @Test
    void searchByCategoryMatchesTheCategoryOfEachRecord() {
        var leaver = Youths.profile("中专生", Youths.idNumber("500101", Youths.today().minusYears(19)));
        leaver.put("education", "SECONDARY");
        Number leaverId = Youths.registered("reg_leaver", leaver).body("category", equalTo("UNEMPLOYED_YOUTH"))
                .extract().path("id");
        long graduateId = Youths.register("reg_graduate22", "中专生对照");
        var found = Api.as("admin").queryParam("keyword", "中专生").queryParam("category", "UNEMPLOYED_YOUTH")
                .get("/api/youth").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(leaverId.intValue()), found.getList("items.id"));
        assertEquals(List.of("UNEMPLOYED_YOUTH"), found.getList("items.category"));
        Api.as("admin").queryParam("keyword", "中专生").queryParam("category", "UNEMPLOYED_GRADUATE").get("/api/youth")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) graduateId)));
        Api.as("admin").queryParam("category", "GRADUATE").get("/api/youth").then().statusCode(400)
                .body("violations.field", hasItem("category"));
    }
}
