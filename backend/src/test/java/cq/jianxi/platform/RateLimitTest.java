package cq.jianxi.platform;

import cq.jianxi.identity.service.AuthService;
import cq.jianxi.identity.service.AuthService.LoginOutcome;
import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public surface is throttled with 429 and Retry-After; failed logins slow an account down without locking it (issue 10 #5). */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestProfile(RateLimitTest.LowLimits.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RateLimitTest {

    /** Small limits, so that a handful of requests reaches them. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "jianxi.rate-limit.login-address", "4/PT1M",
                    "jianxi.rate-limit.login-account-failures", "3/PT15M",
                    "jianxi.rate-limit.search", "5/PT1M",
                    "jianxi.rate-limit.filing-address", "2/PT1H",
                    "jianxi.rate-limit.code-phone", "1/PT1M",
                    "jianxi.rate-limit.registration-address", "3/PT1H");
        }
    }

    @Inject
    AuthService auth;

    /** Repeats the request until it is refused; fails if that takes more than {@code capacity + 1} requests. */
    private static Response untilThrottled(int capacity, Supplier<Response> request) {
        for (int i = 0; i <= capacity; i++) {
            Response r = request.get();
            if (r.statusCode() == 429) {
                return r;
            }
        }
        throw new AssertionError("no 429 after " + (capacity + 1) + " requests");
    }

    private static void assertThrottled(Response r) {
        assertThrottled(r, 60);
    }

    private static void assertThrottled(Response r, long maxRetryAfter) {
        assertEquals(429, r.statusCode());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("urn:jianxi:problem:rate-limited", r.jsonPath().getString("type"));
        long retryAfter = Long.parseLong(r.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= maxRetryAfter, "Retry-After " + retryAfter);
    }

    @Test
    @Order(Integer.MAX_VALUE) // last (unordered methods come at Integer.MAX_VALUE / 2): it spends this address's login budget, which the other tests' sign-ins need
    void loginsWithDifferentUsernamesFromOneAddressAreThrottled() {
        int[] n = {0};
        assertThrottled(untilThrottled(4, () -> given().contentType(ContentType.JSON)
                .body(Map.of("username", "nobody" + n[0]++, "password", "Wrong#Pass1")).post("/api/auth/login")));
    }

    @Test
    void anonymousSearchesAreThrottledPerAddress() {
        assertThrottled(untilThrottled(5, () -> given().get("/api/positions")));
    }

    @Test
    void anonymousFilingsAreThrottledEvenWhenInvalid() {
        // Two an hour: the next one after half an hour.
        assertThrottled(untilThrottled(2, () -> given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/bases/applications")), 1800);
        // Signed-in districts file bases by the dozen: not limited.
        for (int i = 0; i < 3; i++) {
            Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of()).post("/api/bases/applications")
                    .then().statusCode(400);
        }
    }

    @Test
    void aPhoneGetsOneCodeAMinute() {
        String phone = Youths.phone();
        given().contentType(ContentType.JSON).body(Map.of("phone", phone)).post("/api/auth/verification-codes")
                .then().statusCode(202);
        assertThrottled(given().contentType(ContentType.JSON).body(Map.of("phone", phone)).post("/api/auth/verification-codes"));
    }

    @Test
    void accountWideFailuresSlowDownButNeverLockTheOwnerOut() throws Throwable {
        TestDb.createUser("rl_target", Api.PASSWORD, "CITY_ADMIN", null, null);
        for (int i = 0; i < 3; i++) {
            LoginOutcome failed = login("rl_target", "Wrong#Guess" + i, "203.0.113." + (10 + i));
            assertEquals(LoginOutcome.Status.FAILED, failed.status());
        }
        LoginOutcome slowed = login("rl_target", Api.PASSWORD, "198.51.100.20");
        assertEquals(LoginOutcome.Status.THROTTLED, slowed.status());
        // A wait of one refill interval (15 min / 3), not a lock of the whole window.
        assertTrue(slowed.retryAfterSeconds() <= 300, "retry after " + slowed.retryAfterSeconds());
        assertNotEquals(LoginOutcome.Status.LOCKED, slowed.status());
    }

    private LoginOutcome login(String username, String password, String ip) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> auth.login(username, password, ip));
    }
}
