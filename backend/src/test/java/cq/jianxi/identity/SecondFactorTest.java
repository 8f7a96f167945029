package cq.jianxi.identity;

import cq.jianxi.identity.domain.Base32;
import cq.jianxi.identity.domain.Totp;
import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second factor (TOTP) at login, when binding an app, and in the security settings. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SecondFactorTest {

    private static final String STAFF_PASSWORD = "Staff#Pass2024";

    private static String challengeFor(String username, String password, String expectedStatus) {
        return Api.attempt(username, password).then().statusCode(200)
                .body("status", equalTo(expectedStatus))
                .body("accessToken", nullValue())
                .body("user", nullValue())
                .extract().path("challenge");
    }

    private static Response secondFactor(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/auth/login/second-factor");
    }

    private static String code(String username, long offsetSteps) {
        return Totp.code(Base32.decode(Api.secret(username)), Totp.step(TestClock.current()) + offsetSteps);
    }

    /** A staff account that bound its app at a first login through the test helper. */
    private static String enrolledStaff(String username) {
        TestDb.createUser(username, STAFF_PASSWORD, "DISTRICT_ADMIN", "500101", null);
        Api.token(username, STAFF_PASSWORD);
        return username;
    }

    @Test
    void demoStaffNeedTheirAppsCodeAndGetNoTokenBeforeIt() {
        String verified = "select count(*) from audit_event where actor_username = 'jiaowei' and action = 'SECOND_FACTOR_VERIFIED'";
        long before = TestDb.count(verified);
        String challenge = challengeFor("jiaowei", Api.PASSWORD, "SECOND_FACTOR_REQUIRED");
        assertNotNull(challenge);
        String token = secondFactor(Map.of("challenge", challenge, "code", Api.nextCode("jiaowei"))).then().statusCode(200)
                .body("status", equalTo("AUTHENTICATED"))
                .body("user.role", equalTo("DEPARTMENT"))
                .body("challenge", nullValue())
                .extract().path("accessToken");
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("username", equalTo("jiaowei"));
        given().auth().oauth2(token).get("/api/me/second-factor").then().statusCode(200)
                .body("required", equalTo(true)).body("enabled", equalTo(true)).body("managedExternally", equalTo(false));
        assertEquals(before + 1, TestDb.count(verified));
    }

    @Test
    void aChallengeAloneIsNoBearerToken() {
        String challenge = challengeFor(enrolledStaff("tf_bearer"), STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED");
        given().auth().oauth2(challenge).get("/api/me").then().statusCode(401);
    }

    @Test
    void wrongCodesCountTowardsTheLockoutAcrossPasswordEntries() {
        String user = enrolledStaff("tf_wrong");
        // Failures count after the last completed login; on a clock that stands still nothing is "after" it.
        TestClock.set(TestClock.PINNED.plusSeconds(1));
        try {
            String wrong = code(user, 5);
            String challenge = challengeFor(user, STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED");
            secondFactor(Map.of("challenge", challenge, "code", wrong)).then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", startsWith("验证码不正确，还可尝试 4 次"));
            for (int i = 3; i >= 1; i--) {
                secondFactor(Map.of("challenge", challenge, "code", wrong)).then().statusCode(401)
                        .body("detail", startsWith("验证码不正确，还可尝试 " + i + " 次"));
            }
            // Entering the password again does not buy fresh guesses at the code.
            String again = challengeFor(user, STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED");
            secondFactor(Map.of("challenge", again, "code", wrong)).then().statusCode(423).header("Retry-After", notNullValue());
            // Locked: now the right code and the right password are refused too.
            secondFactor(Map.of("challenge", again, "code", code(user, 0))).then().statusCode(423);
            Api.attempt(user, STAFF_PASSWORD).then().statusCode(423);
        } finally {
            TestClock.reset();
        }
        assertEquals(5, TestDb.count("select count(*) from login_attempt where username = 'tf_wrong' and not success"));
        assertEquals(5, TestDb.count("select count(*) from audit_event where actor_username = 'tf_wrong' and action = 'SECOND_FACTOR_FAILED'"));
    }

    @Test
    void aCodeIsAcceptedOnlyOnce() {
        String user = enrolledStaff("tf_replay");
        String code = Api.nextCode(user);
        secondFactor(Map.of("challenge", challengeFor(user, STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED"), "code", code))
                .then().statusCode(200);
        secondFactor(Map.of("challenge", challengeFor(user, STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED"), "code", code))
                .then().statusCode(401).body("detail", startsWith("验证码不正确"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where actor_username = 'tf_replay'"
                + " and action = 'SECOND_FACTOR_FAILED' and detail = '验证码已使用过'"));
        // The next step's code still works.
        secondFactor(Map.of("challenge", challengeFor(user, STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED"), "code", Api.nextCode(user)))
                .then().statusCode(200);
    }

    @Test
    void aChallengeIsSingleUseAndShortLived() {
        String user = enrolledStaff("tf_ticket");
        String challenge = challengeFor(user, STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED");
        secondFactor(Map.of("challenge", challenge, "code", Api.nextCode(user))).then().statusCode(200);
        secondFactor(Map.of("challenge", challenge, "code", Api.nextCode(user))).then().statusCode(401)
                .body("detail", containsString("重新输入账号和密码"));
        String stale = challengeFor(user, STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED");
        try {
            TestClock.set(TestClock.PINNED.plusSeconds(6 * 60));
            secondFactor(Map.of("challenge", stale, "code", code(user, 0))).then().statusCode(401)
                    .body("detail", containsString("重新输入账号和密码"));
        } finally {
            TestClock.reset();
        }
        secondFactor(Map.of("challenge", "no-such-ticket", "code", "123456")).then().statusCode(401);
    }

    @Test
    void theSecondStepWantsExactlyOneOfCodeAndRecoveryCode() {
        Map<String, String> both = Map.of("challenge", "x", "code", "123456", "recoveryCode", "ABCDE-FGHJK");
        secondFactor(both).then().statusCode(400).body("violations.field", hasItem("code"));
        secondFactor(Map.of("challenge", "x")).then().statusCode(400).body("violations.field", hasItem("code"));
        secondFactor(Map.of("challenge", "x", "code", "12345")).then().statusCode(400).body("violations.field", hasItem("code"));
        secondFactor(Map.of("code", "123456")).then().statusCode(400).body("violations.field", hasItem("challenge"));
    }

    @Test
    void aRecoveryCodeLogsInOnce() {
        TestDb.createUser("tf_recover", STAFF_PASSWORD, "DISTRICT_ADMIN", "500101", null);
        List<String> codes = bindAtLogin("tf_recover");
        String recovery = codes.get(3).toLowerCase().replace("-", " ");
        String token = secondFactor(Map.of("challenge", challengeFor("tf_recover", STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED"),
                "recoveryCode", recovery)).then().statusCode(200).extract().path("accessToken");
        secondFactor(Map.of("challenge", challengeFor("tf_recover", STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED"),
                "recoveryCode", codes.get(3))).then().statusCode(401);
        given().auth().oauth2(token).get("/api/me/second-factor").then().statusCode(200).body("remainingRecoveryCodes", equalTo(9));
        assertEquals(1, TestDb.count("select count(*) from audit_event where actor_username = 'tf_recover'"
                + " and action = 'RECOVERY_CODE_USED' and detail = '剩余恢复码 9 个'"));
    }

    @Test
    void staffWithoutAnAppMustBindOneAndSeeTheSecretOnlyThen() {
        TestDb.createUser("tf_enrol", STAFF_PASSWORD, "DEPARTMENT", null, "KJJ");
        String challenge = challengeFor("tf_enrol", STAFF_PASSWORD, "ENROLMENT_REQUIRED");
        // The binding ticket opens nothing but the binding.
        secondFactor(Map.of("challenge", challenge, "code", "123456")).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("challenge", challenge, "code", "123456"))
                .post("/api/auth/login/enrolment/confirm").then().statusCode(409);

        Response begun = given().contentType(ContentType.JSON).body(Map.of("challenge", challenge))
                .post("/api/auth/login/enrolment");
        begun.then().statusCode(200)
                .body("otpauthUri", startsWith("otpauth://totp/"))
                .body("otpauthUri", containsString("issuer=%E8%A7%81%E4%B9%A0%E9%80%9A"))
                .body("qrCode", startsWith("data:image/svg+xml;base64,"))
                .body("digits", equalTo(6)).body("period", equalTo(30)).body("algorithm", equalTo("SHA1"));
        String secret = begun.path("secret");
        assertEquals(20, Base32.decode(secret).length);
        assertTrue(begun.<String>path("otpauthUri").contains("secret=" + secret));
        String stored = TestDb.text("select f.pending_secret_encrypted from second_factor f join user_account u on u.id = f.user_id"
                + " where u.username = 'tf_enrol'");
        assertNotNull(stored);
        assertFalse(stored.contains(secret), "the secret is stored encrypted");

        Api.rememberSecret("tf_enrol", secret, List.of());
        given().contentType(ContentType.JSON).body(Map.of("challenge", challenge, "code", code("tf_enrol", 5)))
                .post("/api/auth/login/enrolment/confirm").then().statusCode(401).body("detail", startsWith("验证码不正确"));
        Response done = given().contentType(ContentType.JSON).body(Map.of("challenge", challenge, "code", Api.nextCode("tf_enrol")))
                .post("/api/auth/login/enrolment/confirm");
        done.then().statusCode(200).body("status", equalTo("AUTHENTICATED")).body("recoveryCodes", hasSize(10));
        List<String> codes = done.path("recoveryCodes");
        assertEquals(10, TestDb.count("select count(*) from recovery_code r join user_account u on u.id = r.user_id"
                + " where u.username = 'tf_enrol' and r.used_at is null"));
        assertEquals(0, TestDb.count("select count(*) from recovery_code where code_hash = ? or code_hash = ?",
                codes.get(0), codes.get(0).replace("-", "")));
        String token = done.path("accessToken");
        Response status = given().auth().oauth2(token).get("/api/me/second-factor");
        status.then().statusCode(200).body("enabled", equalTo(true)).body("required", equalTo(true))
                .body("remainingRecoveryCodes", equalTo(10)).body("enrolmentPending", equalTo(false));
        assertFalse(status.asString().contains(secret), "the secret is never returned after binding");
        assertEquals(1, TestDb.count("select count(*) from audit_event where actor_username = 'tf_enrol' and action = 'SECOND_FACTOR_ENABLED'"));
        // From now on the account logs in with the code.
        challengeFor("tf_enrol", STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED");
    }

    @Test
    void aBaseMayEnableTheSecondFactorAndThenNeedsTheCode() {
        Recruitment.approvedBase("tf_base", "PRIVATE");
        String token = Api.login("tf_base", Recruitment.BASE_PASSWORD);
        given().auth().oauth2(token).get("/api/me/second-factor").then().statusCode(200)
                .body("required", equalTo(false)).body("enabled", equalTo(false));
        String secret = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/api/me/second-factor/enrolment").then().statusCode(200).extract().path("secret");
        Api.rememberSecret("tf_base", secret, List.of());
        given().auth().oauth2(token).get("/api/me/second-factor").then().body("enrolmentPending", equalTo(true))
                .body("enabled", equalTo(false));
        // Until confirmed, the password alone still logs in.
        Api.attempt("tf_base", Recruitment.BASE_PASSWORD).then().statusCode(200).body("status", equalTo("AUTHENTICATED"));
        List<String> codes = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", Api.nextCode("tf_base")))
                .post("/api/me/second-factor/enrolment/confirm").then().statusCode(200)
                .body("recoveryCodes", hasSize(10)).extract().path("recoveryCodes");
        assertEquals(10, codes.size());

        String challenge = challengeFor("tf_base", Recruitment.BASE_PASSWORD, "SECOND_FACTOR_REQUIRED");
        String second = secondFactor(Map.of("challenge", challenge, "code", Api.nextCode("tf_base"))).then().statusCode(200)
                .body("user.role", equalTo("BASE")).extract().path("accessToken");

        // Switching off takes the current code; then the password alone is enough again.
        given().auth().oauth2(second).contentType(ContentType.JSON).body(Map.of())
                .post("/api/me/second-factor/disable").then().statusCode(400).body("violations.field", hasItem("code"));
        given().auth().oauth2(second).contentType(ContentType.JSON).body(Map.of("code", Api.nextCode("tf_base")))
                .post("/api/me/second-factor/disable").then().statusCode(204);
        Api.attempt("tf_base", Recruitment.BASE_PASSWORD).then().statusCode(200).body("status", equalTo("AUTHENTICATED"));
        assertEquals(0, TestDb.count("select count(*) from recovery_code r join user_account u on u.id = r.user_id where u.username = 'tf_base'"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where actor_username = 'tf_base' and action = 'SECOND_FACTOR_DISABLED'"));
    }

    @Test
    void staffCannotSwitchTheSecondFactorOff() {
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/api/me/second-factor/disable").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void newRecoveryCodesNeedTheCurrentCodeAndReplaceTheOldOnes() {
        TestDb.createUser("tf_regen", STAFF_PASSWORD, "DISTRICT_ADMIN", "500101", null);
        List<String> old = bindAtLogin("tf_regen");
        String token = secondFactor(Map.of("challenge", challengeFor("tf_regen", STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED"),
                "recoveryCode", old.get(0))).then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/api/me/second-factor/recovery-codes").then().statusCode(400).body("violations.field", hasItem("code"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", code("tf_regen", 5)))
                .post("/api/me/second-factor/recovery-codes").then().statusCode(400)
                .body("violations.field", hasItem("code")).body("detail", startsWith("验证码不正确，还可尝试"));
        List<String> fresh = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", Api.nextCode("tf_regen")))
                .post("/api/me/second-factor/recovery-codes").then().statusCode(200)
                .body("recoveryCodes", hasSize(10)).extract().path("recoveryCodes");
        assertFalse(fresh.contains(old.get(1)));
        secondFactor(Map.of("challenge", challengeFor("tf_regen", STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED"),
                "recoveryCode", old.get(1))).then().statusCode(401);
        secondFactor(Map.of("challenge", challengeFor("tf_regen", STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED"),
                "recoveryCode", fresh.get(1))).then().statusCode(200);
        assertEquals(1, TestDb.count("select count(*) from audit_event where actor_username = 'tf_regen' and action = 'RECOVERY_CODES_REGENERATED'"));
    }

    @Test
    void rebindingReplacesTheOldAppOnlyOnceConfirmed() {
        String user = enrolledStaff("tf_rebind");
        String token = Api.token(user, STAFF_PASSWORD);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/api/me/second-factor/enrolment").then().statusCode(400).body("violations.field", hasItem("code"));
        String oldSecret = Api.secret(user);
        String newSecret = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", Api.nextCode(user)))
                .post("/api/me/second-factor/enrolment").then().statusCode(200).extract().path("secret");
        assertNotEquals(oldSecret, newSecret);
        Api.rememberSecret(user, newSecret, List.of());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", Api.nextCode(user)))
                .post("/api/me/second-factor/enrolment/confirm").then().statusCode(200).body("recoveryCodes", hasSize(10));
        String oldAppsCode = Totp.code(Base32.decode(oldSecret), Totp.step(TestClock.current()) + 1);
        secondFactor(Map.of("challenge", challengeFor(user, STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED"), "code", oldAppsCode))
                .then().statusCode(401);
        secondFactor(Map.of("challenge", challengeFor(user, STAFF_PASSWORD, "SECOND_FACTOR_REQUIRED"), "code", Api.nextCode(user)))
                .then().statusCode(200);
    }

    @Test
    void onlyTheCityAdminResetsSomeonesSecondFactorAndItIsAudited() {
        String user = enrolledStaff("tf_reset");
        Api.as("wanzhou").post("/api/users/" + user + "/second-factor/reset").then().statusCode(403);
        Api.as(user, STAFF_PASSWORD).post("/api/users/" + user + "/second-factor/reset").then().statusCode(403);
        Api.as("admin").post("/api/users/no_such_user/second-factor/reset").then().statusCode(404);
        Api.as("admin").post("/api/users/" + user + "/second-factor/reset").then().statusCode(204);
        Api.as("admin").post("/api/users/" + user + "/second-factor/reset").then().statusCode(409);
        assertEquals(1, TestDb.count("select count(*) from audit_event where actor_username = 'admin' and action = 'SECOND_FACTOR_RESET'"
                + " and detail like '%tf_reset%'"));
        challengeFor(user, STAFF_PASSWORD, "ENROLMENT_REQUIRED");
    }

    @Test
    void secondFactorSettingsNeedASignedInUser() {
        given().get("/api/me/second-factor").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/me/second-factor/enrolment").then().statusCode(401);
        given().post("/api/users/admin/second-factor/reset").then().statusCode(401);
    }

    /** Binds an app at the first login, by hand, and returns the recovery codes shown then. */
    private static List<String> bindAtLogin(String username) {
        String challenge = challengeFor(username, STAFF_PASSWORD, "ENROLMENT_REQUIRED");
        String secret = given().contentType(ContentType.JSON).body(Map.of("challenge", challenge))
                .post("/api/auth/login/enrolment").then().statusCode(200).extract().path("secret");
        Api.rememberSecret(username, secret, List.of());
        Map<String, String> body = new HashMap<>(Map.of("challenge", challenge, "code", Api.nextCode(username)));
        return given().contentType(ContentType.JSON).body(body).post("/api/auth/login/enrolment/confirm")
                .then().statusCode(200).body("recoveryCodes", not(hasSize(0))).extract().path("recoveryCodes");
    }
}
