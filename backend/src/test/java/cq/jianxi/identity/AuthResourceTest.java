package cq.jianxi.identity;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AuthResourceTest {

    private static io.restassured.response.Response attempt(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }

    @Test
    void logsInDemoDistrictAdminWithRoleAndRegionScope() {
        String challenge = attempt("wanzhou", Api.PASSWORD).then().statusCode(200)
                .body("status", equalTo("SECOND_FACTOR_REQUIRED"))
                .body("accessToken", nullValue())
                .extract().path("challenge");
        given().contentType(ContentType.JSON).body(Map.of("challenge", challenge, "code", Api.nextCode("wanzhou")))
                .post("/api/auth/login/second-factor").then().statusCode(200)
                .body("status", equalTo("AUTHENTICATED"))
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(600))
                .body("accessToken", notNullValue())
                .body("user.role", equalTo("DISTRICT_ADMIN"))
                .body("user.regionCode", equalTo("500101"))
                .body("user.regionName", equalTo("万州区"));
    }

    @Test
    void meReturnsTheScopeOfEachDemoRole() {
        Api.as("jiaowei").get("/api/me").then().statusCode(200)
                .body("role", equalTo("DEPARTMENT")).body("departmentCode", equalTo("JW")).body("departmentName", equalTo("市教委"));
        Api.as("base_demo").get("/api/me").then().statusCode(200)
                .body("role", equalTo("BASE")).body("baseId", notNullValue());
        Api.as("youth_demo").get("/api/me").then().statusCode(200)
                .body("role", equalTo("YOUTH")).body("youthId", notNullValue());
        Api.as("admin").get("/api/me").then().statusCode(200).body("role", equalTo("CITY_ADMIN"));
    }

    @Test
    void refusesWrongPasswordWithProblemJsonAndRemainingAttempts() {
        TestDb.createCityAdmin("wrongpw", "Correct#Horse1");
        attempt("wrongpw", "nope-Nope1").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("detail", startsWith("用户名或密码错误，还可尝试 4 次"));
    }

    @Test
    void locksAccountAfterFiveFailuresEvenForTheRightPassword() {
        TestDb.createCityAdmin("lockme", "Correct#Horse1");
        for (int i = 0; i < 4; i++) {
            attempt("lockme", "bad-Password" + i).then().statusCode(401);
        }
        attempt("lockme", "bad-Password5").then().statusCode(423);
        attempt("lockme", "Correct#Horse1").then().statusCode(423)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        assertEquals(5, TestDb.count("select count(*) from login_attempt where username = 'lockme' and not success"));
    }

    @Test
    void concurrentBadLoginsCannotExceedTheFailureLimit() throws Exception {
        TestDb.createCityAdmin("hammer", "Correct#Horse1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                calls.add(() -> attempt("hammer", "bad-Password" + n).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int status = f.get();
                assertTrue(status == 401 || status == 423, "status " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, TestDb.count("select count(*) from login_attempt where username = 'hammer' and not success"));
    }

    @Test
    void successfulLoginResetsTheFailureCount() {
        TestDb.createCityAdmin("resetme", "Correct#Horse1");
        for (int i = 0; i < 4; i++) {
            attempt("resetme", "bad-Password" + i).then().statusCode(401);
        }
        // A correct password resets the count even before the second step (staff bind an app first).
        attempt("resetme", "Correct#Horse1").then().statusCode(200).body("status", equalTo("ENROLMENT_REQUIRED"));
        attempt("resetme", "bad-Password9").then().statusCode(401).body("detail", startsWith("用户名或密码错误，还可尝试 4 次"));
    }

    @Test
    void rejectsBlankUsernameNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("username", "", "password", "x"))
                .post("/api/auth/login").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("username"));
    }

    @Test
    void logoutRevokesTheTokenAtOnce() {
        String token = Api.login("base_demo", Api.PASSWORD);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        given().auth().oauth2(token).post("/api/auth/logout").then().statusCode(204);
        given().auth().oauth2(token).get("/api/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token).post("/api/auth/refresh").then().statusCode(401);
    }

    @Test
    void refreshIssuesANewTokenForALiveSession() {
        String token = Api.login("youth_demo", Api.PASSWORD);
        String renewed = given().auth().oauth2(token).post("/api/auth/refresh").then().statusCode(200)
                .body("user.username", equalTo("youth_demo")).extract().path("accessToken");
        assertNotEquals(token, renewed);
        given().auth().oauth2(renewed).get("/api/me").then().statusCode(200);
    }

    @Test
    void sessionEndsAfterThirtyIdleMinutes() {
        String token = Api.login("youth_demo", Api.PASSWORD);
        try {
            cq.jianxi.support.TestClock.set(cq.jianxi.support.TestClock.PINNED.plusSeconds(31 * 60));
            given().auth().oauth2(token).get("/api/me").then().statusCode(401);
            given().auth().oauth2(token).post("/api/auth/refresh").then().statusCode(401);
        } finally {
            cq.jianxi.support.TestClock.reset();
        }
    }

    @Test
    void sessionEndsTwelveHoursAfterLoginWhateverTheActivity() {
        String token = Api.login("youth_demo", Api.PASSWORD);
        // Active every 20 minutes, the session still ends 12 hours after login.
        try {
            for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
                cq.jianxi.support.TestClock.set(cq.jianxi.support.TestClock.PINNED.plusSeconds(minutes * 60L));
                given().auth().oauth2(token).get("/api/me").then().statusCode(200);
            }
            cq.jianxi.support.TestClock.set(cq.jianxi.support.TestClock.PINNED.plusSeconds(12 * 3600L + 1));
            given().auth().oauth2(token).get("/api/me").then().statusCode(401);
        } finally {
            cq.jianxi.support.TestClock.reset();
        }
    }

    @Test
    void rejectsForgedAndMissingTokens() {
        RestAssured.get("/api/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.AAAA").get("/api/me").then().statusCode(401);
    }

    @Test
    void changePasswordEnforcesThePolicy() {
        TestDb.createCityAdmin("pwchange", "Correct#Horse1");
        String token = Api.login("pwchange", "Correct#Horse1");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "Correct#Horse1", "newPassword", "alllowercase"))
                .post("/api/auth/password").then().statusCode(400)
                .body("violations.field", hasItem("newPassword"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "wrong-One1", "newPassword", "Better#Horse2"))
                .post("/api/auth/password").then().statusCode(400)
                .body("violations.field", hasItem("currentPassword"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "Correct#Horse1", "newPassword", "Better#Horse2"))
                .post("/api/auth/password").then().statusCode(204);
        attempt("pwchange", "Better#Horse2").then().statusCode(200);
        attempt("pwchange", "Correct#Horse1").then().statusCode(401);
    }

    @Test
    void auditsLoginSuccessAndFailureWithAddress() {
        TestDb.createCityAdmin("audited", "Correct#Horse1");
        attempt("audited", "bad-Password1").then().statusCode(401);
        attempt("audited", "Correct#Horse1").then().statusCode(200);
        assertEquals(1, TestDb.count("select count(*) from audit_event where actor_username = 'audited' and action = 'LOGIN_FAILED' and ip is not null"));
        assertEquals(1, TestDb.count("select count(*) from audit_event where actor_username = 'audited' and action = 'LOGIN_SUCCEEDED' and ip is not null"));
    }
}
