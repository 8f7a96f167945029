package cq.jianxi.identity;

import cq.jianxi.identity.service.AuthService;
import cq.jianxi.identity.service.AuthService.LoginOutcome;
import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Password change, reset by code, staff reset by an administrator, expiry and reuse (issue 10 #7), and the lockout (#5). */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PasswordLifecycleTest {

    private static final String PASSWORD = "Start#Pass2024";

    @Inject
    AuthService auth;

    private static io.restassured.response.Response change(String token, String current, String next) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next)).post("/api/auth/password");
    }

    @Test
    void refusesAnyOfTheLastFivePasswords() {
        TestDb.createUser("pw_reuse", PASSWORD, "DEPARTMENT", null, "JW");
        String token = Api.login("pw_reuse", PASSWORD);
        String current = PASSWORD;
        for (int i = 1; i <= 5; i++) {
            String next = "Next#Pass" + i + "x";
            change(token, current, next).then().statusCode(204);
            current = next;
        }
        // The last five passwords (the current one included) are barred; the first one is now six back.
        change(token, current, "Next#Pass1x").then().statusCode(400).body("violations.field", hasItem("newPassword"));
        change(token, current, "Next#Pass3x").then().statusCode(400).body("violations.field", hasItem("newPassword"));
        change(token, current, PASSWORD).then().statusCode(204);
    }

    @Test
    void aStaffPasswordOlderThanNinetyDaysOnlyLetsTheOwnerChangeIt() {
        TestDb.createUser("pw_old", PASSWORD, "DISTRICT_ADMIN", "500101", null);
        TestDb.update("update user_account set password_changed_at = ? where username = 'pw_old'",
                TestClock.pinnedNow().minusDays(90));
        // Staff bind an authenticator at their first login (Api.login does); the session is then restricted.
        String token = Api.login("pw_old", PASSWORD);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("passwordChangeRequired", equalTo(true));
        given().auth().oauth2(token).get("/api/youth").then().statusCode(403)
                .body("type", equalTo("urn:jianxi:problem:password-change-required"));
        change(token, PASSWORD, "Fresh#Pass2025").then().statusCode(204);
        given().auth().oauth2(token).get("/api/youth").then().statusCode(200);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("passwordChangeRequired", equalTo(false));
    }

    @Test
    void anEightyNineDayOldStaffPasswordAndAnOldBasePasswordStillWork() {
        TestDb.createUser("pw_fresh", PASSWORD, "DISTRICT_ADMIN", "500101", null);
        TestDb.update("update user_account set password_changed_at = ? where username = 'pw_fresh'",
                TestClock.pinnedNow().minusDays(89));
        given().auth().oauth2(Api.login("pw_fresh", PASSWORD)).get("/api/me").then().statusCode(200)
                .body("passwordChangeRequired", equalTo(false));
        Recruitment.approvedBase("pw_base", "PRIVATE");
        TestDb.update("update user_account set password_changed_at = ? where username = 'pw_base'",
                TestClock.pinnedNow().minusDays(400));
        given().contentType(ContentType.JSON).body(Map.of("username", "pw_base", "password", Recruitment.BASE_PASSWORD))
                .post("/api/auth/login").then().statusCode(200).body("passwordChangeRequired", equalTo(false));
    }

    @Test
    void anAdministratorsResetGivesATemporaryPasswordThatMustBeChanged() {
        TestDb.createUser("pw_staff", PASSWORD, "DEPARTMENT", null, "JW");
        String before = Api.login("pw_staff", PASSWORD);
        long id = TestDb.count("select id from user_account where username = 'pw_staff'");
        Api.as("wanzhou").post("/api/accounts/" + id + "/password-reset").then().statusCode(404);
        Api.as("base_demo").post("/api/accounts/" + id + "/password-reset").then().statusCode(403);
        String temporary = Api.as("admin").post("/api/accounts/" + id + "/password-reset").then().statusCode(200)
                .body("account.mustChangePassword", equalTo(true)).extract().path("temporaryPassword");
        given().auth().oauth2(before).get("/api/me").then().statusCode(401);
        String token = Api.login("pw_staff", temporary);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("passwordChangeRequired", equalTo(true));
        change(token, temporary, "Mine#Pass2025").then().statusCode(204);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("passwordChangeRequired", equalTo(false));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'PASSWORD_RESET_BY_ADMIN' and target_id = ?",
                String.valueOf(id)));
    }

    @Test
    void aDistrictResetsOnlyItsOwnBasesAccounts() {
        Recruitment.approvedBase("pw_wz_base", "PRIVATE");
        long own = TestDb.count("select id from user_account where username = 'pw_wz_base'");
        Api.as("wanzhou").post("/api/accounts/" + own + "/password-reset").then().statusCode(200);
        Api.as("wanzhou").get("/api/accounts").then().statusCode(200).body("items.role", org.hamcrest.Matchers.everyItem(equalTo("BASE")));
        long admin = TestDb.count("select id from user_account where username = 'admin'");
        Api.as("wanzhou").post("/api/accounts/" + admin + "/disable").then().statusCode(404);
        Api.as("youth_demo").get("/api/accounts").then().statusCode(403);
        given().get("/api/accounts").then().statusCode(401);
    }

    @Test
    void aResetByCodeNeedsTheRegisteredPhoneAndTellsNoOneWhichNamesExist() {
        long youthId = Youths.register("pw_phone", "找回密码");
        String phone = Youths.as("pw_phone").get("/api/youth/me").then().extract().path("phone");
        String known = given().contentType(ContentType.JSON).body(Map.of("username", "pw_phone"))
                .post("/api/auth/password-reset").then().statusCode(202).extract().asString();
        String unknown = given().contentType(ContentType.JSON).body(Map.of("username", "pw_nobody"))
                .post("/api/auth/password-reset").then().statusCode(202).extract().asString();
        assertEquals(known, unknown);
        Matcher m = Pattern.compile("验证码 (\\d{6})").matcher(Youths.lastMessage(phone));
        assertTrue(m.find());
        String code = m.group(1);
        // An unknown name fails exactly like a wrong code.
        String wrongName = given().contentType(ContentType.JSON)
                .body(Map.of("username", "pw_nobody", "code", code, "newPassword", "Reset#Pass2025"))
                .post("/api/auth/password-reset/confirm").then().statusCode(400).extract().path("violations[0].message");
        String wrongCode = given().contentType(ContentType.JSON)
                .body(Map.of("username", "pw_phone", "code", code.equals("123456") ? "654321" : "123456", "newPassword", "Reset#Pass2025"))
                .post("/api/auth/password-reset/confirm").then().statusCode(400).extract().path("violations[0].message");
        assertEquals(wrongName, wrongCode);
        String session = Api.login("pw_phone", Youths.PASSWORD);
        given().contentType(ContentType.JSON).body(Map.of("username", "pw_phone", "code", code, "newPassword", "Reset#Pass2025"))
                .post("/api/auth/password-reset/confirm").then().statusCode(204);
        given().auth().oauth2(session).get("/api/me").then().statusCode(401);
        Api.login("pw_phone", "Reset#Pass2025");
        given().contentType(ContentType.JSON).body(Map.of("username", "pw_phone", "code", code, "newPassword", "Again#Pass2025"))
                .post("/api/auth/password-reset/confirm").then().statusCode(400);
        assertTrue(youthId > 0);
    }

    @Test
    void failuresFromOneAddressNeverLockTheOwnerOutAtAnother() throws Throwable {
        TestDb.createUser("pw_target", PASSWORD, "CITY_ADMIN", null, null);
        for (int i = 0; i < 5; i++) {
            LoginOutcome failed = login("pw_target", "Wrong#Guess" + i, "203.0.113.9");
            assertNotEquals(LoginOutcome.Status.OK, failed.status());
        }
        assertEquals(LoginOutcome.Status.LOCKED, login("pw_target", PASSWORD, "203.0.113.9").status());
        // Elsewhere the password is accepted (the next step is binding the staff member's authenticator).
        LoginOutcome elsewhere = login("pw_target", PASSWORD, "198.51.100.7");
        assertTrue(elsewhere.status() == LoginOutcome.Status.OK || elsewhere.status() == LoginOutcome.Status.ENROLMENT_REQUIRED,
                "status " + elsewhere.status());
    }

    private LoginOutcome login(String username, String password, String ip) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> auth.login(username, password, ip));
    }
}
