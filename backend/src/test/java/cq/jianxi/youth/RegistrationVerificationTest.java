package cq.jianxi.youth;

import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration proves the phone, answers every caller alike, and never takes over a roster record unproved (issue 10 #3). */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RegistrationVerificationTest {

    @Inject
    PersonalDataCipher cipher;

    private static Map<String, Object> withCode(String username, Map<String, Object> profile, String code) {
        Map<String, Object> body = Youths.registration(username, profile);
        body.put("verificationCode", code);
        return body;
    }

    @Test
    void refusesRegistrationWithoutTheCodeSentToThePhone() {
        var profile = Youths.profile("无码者", Youths.idNumber("500101", Youths.today().minusYears(22)));
        given().contentType(ContentType.JSON).body(Youths.registration("otp_none", profile))
                .post("/api/youth/register").then().statusCode(400).body("violations.field", hasItem("verificationCode"));
        // A code sent to another phone proves nothing about this one.
        String other = Youths.sendCode(Youths.phone());
        given().contentType(ContentType.JSON).body(withCode("otp_none", profile, other))
                .post("/api/youth/register").then().statusCode(400).body("violations.field", hasItem("verificationCode"));
        assertEquals(0, TestDb.count("select count(*) from user_account where username = 'otp_none'"));
    }

    @Test
    void aCodeIsUsedOnceAndDiesAfterFiveWrongGuesses() {
        var profile = Youths.profile("猜码者", Youths.idNumber("500101", Youths.today().minusYears(22)));
        String code = Youths.sendCode((String) profile.get("phone"));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(withCode("otp_guess", profile, wrong))
                    .post("/api/youth/register").then().statusCode(400).body("violations.field", hasItem("verificationCode"));
        }
        // The right code no longer works: the wrong guesses were counted although each request failed.
        given().contentType(ContentType.JSON).body(withCode("otp_guess", profile, code))
                .post("/api/youth/register").then().statusCode(400).body("violations.field", hasItem("verificationCode"));
        String fresh = Youths.sendCode((String) profile.get("phone"));
        given().contentType(ContentType.JSON).body(withCode("otp_guess", profile, fresh))
                .post("/api/youth/register").then().statusCode(202);
        given().contentType(ContentType.JSON).body(withCode("otp_guess2", profile, fresh))
                .post("/api/youth/register").then().statusCode(400).body("violations.field", hasItem("verificationCode"));
    }

    @Test
    void answersAlikeWhetherTheIdOrUsernameExists() {
        String id = Youths.idNumber("500101", Youths.today().minusYears(24));
        String created = Youths.submit("otp_same", Youths.profile("同答甲", id)).then().statusCode(202).extract().asString();
        String idTaken = Youths.submit("otp_same2", Youths.profile("同答乙", id)).then().statusCode(202).extract().asString();
        var third = Youths.profile("同答丙", Youths.idNumber("500101", Youths.today().minusYears(25)));
        String nameTaken = Youths.submit("otp_same", third).then().statusCode(202).extract().asString();
        assertEquals(created, idTaken);
        assertEquals(created, nameTaken);
        // Only the phone just proved learns the outcome.
        assertTrue(Youths.lastMessage((String) third.get("phone")).contains("用户名 otp_same 已被使用"));
        assertEquals(0, TestDb.count("select count(*) from youth where name = '同答丙'"));
    }

    @Test
    void aRosterRecordWithTheSamePhoneIsClaimedAtOnce() {
        String id = Youths.idNumber("500101", Youths.today().minusYears(23));
        String phone = Youths.phone();
        long rosterId = roster("名单甲", id, phone);
        var profile = Youths.profile("名单甲", id);
        profile.put("phone", phone);
        Youths.registered("claim_direct", profile).body("id", equalTo((int) rosterId)).body("school", equalTo("重庆大学"));
        assertEquals(0, TestDb.count("select count(*) from youth_claim where youth_id = ?", rosterId));
    }

    @Test
    void aRosterRecordWithAnotherPhoneWaitsForTheDistrictAndIsNotOverwritten() {
        String id = Youths.idNumber("500101", Youths.today().minusYears(23));
        String rosterPhone = Youths.phone();
        long rosterId = roster("名单乙", id, rosterPhone);
        var profile = Youths.profile("名单乙", id);
        profile.put("school", "冒填大学");
        Youths.submit("claim_wait", profile).then().statusCode(202);
        assertEquals(0, TestDb.count("select count(*) from user_account where username = 'claim_wait'"));
        assertEquals("西南大学", TestDb.text("select school from youth where id = ?", rosterId));
        assertTrue(Youths.lastMessage((String) profile.get("phone")).contains("区县人社部门核实"));
        // A second claimant while the first waits adds nothing.
        Youths.submit("claim_wait2", Youths.profile("名单乙", id)).then().statusCode(202);
        assertEquals(1, TestDb.count("select count(*) from youth_claim where youth_id = ?", rosterId));

        Number claimId = Api.as("wanzhou").queryParam("status", "PENDING").get("/api/youth/claims").then().statusCode(200)
                .body("items.find { it.youthId == " + rosterId + " }.claimedPhone", org.hamcrest.Matchers.containsString("****"))
                .extract().path("items.find { it.youthId == " + rosterId + " }.id");
        Api.as("wanzhou").get("/api/youth/claims/" + claimId + "/contact").then().statusCode(200)
                .body("rosterPhone", equalTo(rosterPhone)).body("claimedPhone", equalTo(profile.get("phone")));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'PERSONAL_DATA_VIEWED' and target_type = 'youth_claim' and target_id = ?",
                String.valueOf(claimId)));
        // Another district neither sees nor decides it; other roles are refused.
        TestDb.createUser("claim_fuling", Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        Api.as("claim_fuling").get("/api/youth/claims/" + claimId + "/contact").then().statusCode(404);
        Api.as("claim_fuling").contentType(ContentType.JSON).body(Map.of())
                .post("/api/youth/claims/" + claimId + "/confirm").then().statusCode(404);
        Api.as("base_demo").get("/api/youth/claims").then().statusCode(403);
        given().get("/api/youth/claims").then().statusCode(401);

        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("note", "电话核实为本人"))
                .post("/api/youth/claims/" + claimId + "/confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        Youths.as("claim_wait").get("/api/youth/me").then().statusCode(200)
                .body("id", equalTo((int) rosterId)).body("school", equalTo("冒填大学"));
        assertTrue(Youths.lastMessage((String) profile.get("phone")).contains("已由区县人社部门核实"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("note", "再次"))
                .post("/api/youth/claims/" + claimId + "/reject").then().statusCode(409);
    }

    @Test
    void aRejectedClaimLeavesTheRosterRecordAndTellsTheApplicant() {
        String id = Youths.idNumber("500101", Youths.today().minusYears(23));
        long rosterId = roster("名单丙", id, null);
        var profile = Youths.profile("名单丙", id);
        Youths.submit("claim_rej", profile).then().statusCode(202);
        long claimId = TestDb.count("select id from youth_claim where youth_id = ?", rosterId);
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of())
                .post("/api/youth/claims/" + claimId + "/reject").then().statusCode(400).body("violations.field", hasItem("note"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("note", "非本人"))
                .post("/api/youth/claims/" + claimId + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        assertEquals(0, TestDb.count("select count(*) from user_account where username = 'claim_rej'"));
        assertTrue(Youths.lastMessage((String) profile.get("phone")).contains("未通过"));
    }

    /** A record as the education department's roster creates it: no account, the given phone (or none). */
    private long roster(String name, String id, String phone) {
        TestDb.update("""
                        insert into youth (name, id_number_enc, id_number_hash, birth_date, sex, phone_enc, region_code, education,
                                           school, major, graduation_date, current_status, source, created_at, updated_at)
                        values (?, ?, ?, ?, 'M', ?, '500101', 'BACHELOR', '西南大学', '历史学', ?, 'UNEMPLOYED', 'ROSTER', now(), now())""",
                name, cipher.encrypt(id), cipher.lookupHash(id), cq.jianxi.common.validation.ResidentId.birthDate(id),
                phone == null ? null : cipher.encrypt(phone), Youths.today().minusMonths(5));
        return TestDb.count("select id from youth where id_number_hash = ?", cipher.lookupHash(id));
    }
}
