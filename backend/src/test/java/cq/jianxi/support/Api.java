package cq.jianxi.support;

import cq.jianxi.identity.domain.Base32;
import cq.jianxi.identity.domain.Totp;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs accounts in once per test run and hands out authenticated request specs. Staff log in with a
 * second factor: the demo staff with the demo secret (jianxi.demo.totp-secret), staff created by a test
 * bind an app at their first login here, and the secret is kept for later logins.
 *
 * <p>A code is accepted once per account and the test clock stands still, so an account has three
 * codes per clock position (the previous, current and next step): {@link #nextCode} hands them out in
 * order and then falls back to the account's recovery codes. Reuse {@link #token} rather than logging
 * the same staff account in again and again.
 */
public final class Api {

    public static final String PASSWORD = "Jianxi@2023";
    /** The demo staff's authenticator secret, as in application.properties. */
    public static final String DEMO_TOTP_SECRET = "JIANXIDEMOTOTPSECRETJIANXIDEMO23";

    /** Access tokens live ten minutes; a slow run (a loaded machine) renews them before that. */
    private static final long REUSE_MILLIS = 5 * 60_000L;
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private record Cached(String token, long obtainedAt) {
        boolean fresh() {
            return System.currentTimeMillis() - obtainedAt < REUSE_MILLIS;
        }
    }
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>(Map.of(
            "admin", DEMO_TOTP_SECRET, "wanzhou", DEMO_TOTP_SECRET, "jiaowei", DEMO_TOTP_SECRET));
    private static final Map<String, Long> LAST_STEPS = new ConcurrentHashMap<>();
    private static final Map<String, Deque<String>> RECOVERY_CODES = new ConcurrentHashMap<>();

    private Api() {
    }

    public static Response attempt(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }

    /** A fresh session: the password, then the second factor (binding an app first where staff have none). */
    public static String login(String username, String password) {
        Response first = attempt(username, password);
        first.then().statusCode(200);
        String status = first.path("status");
        String challenge = first.path("challenge");
        return switch (status) {
            case "AUTHENTICATED" -> first.path("accessToken");
            case "SECOND_FACTOR_REQUIRED" -> secondFactor(username, challenge);
            case "ENROLMENT_REQUIRED" -> enrol(username, challenge);
            default -> throw new IllegalStateException("Unexpected login status " + status);
        };
    }

    /** A token for a demo account, shared by the tests (the demo accounts are never logged out). */
    public static String token(String username) {
        return token(username, PASSWORD);
    }

    /** The same with an explicit password (accounts created by tests). */
    public static String token(String username, String password) {
        return TOKENS.compute(username, (u, cached) -> {
            if (cached != null && cached.fresh()) {
                return cached;
            }
            // An old token is renewed through its session: a new login would spend one of the few
            // second-factor codes valid at the standing test clock.
            if (cached != null) {
                Response renewed = RestAssured.given().auth().oauth2(cached.token()).post("/api/auth/refresh");
                if (renewed.statusCode() == 200) {
                    return new Cached(renewed.path("accessToken"), System.currentTimeMillis());
                }
            }
            return new Cached(login(u, password), System.currentTimeMillis());
        }).token();
    }

    public static RequestSpecification as(String username, String password) {
        return RestAssured.given().auth().oauth2(token(username, password));
    }

    public static RequestSpecification as(String username) {
        return RestAssured.given().auth().oauth2(token(username));
    }

    /** The account's authenticator secret (base32), as bound at login here or seeded for the demo staff. */
    public static String secret(String username) {
        String secret = SECRETS.get(username);
        if (secret == null) {
            throw new IllegalStateException(username + " has no authenticator known to the tests");
        }
        return secret;
    }

    /**
     * The account's next code the server has not accepted yet: the earliest step it accepts at the test
     * clock that is later than the last one used. Null once all three are used.
     */
    public static synchronized String nextCode(String username) {
        long now = Totp.step(TestClock.current());
        Long last = LAST_STEPS.get(username);
        long step = Math.max(now - Totp.TOLERANCE_STEPS, last == null ? Long.MIN_VALUE : last + 1);
        if (step > now + Totp.TOLERANCE_STEPS) {
            return null;
        }
        LAST_STEPS.put(username, step);
        return Totp.code(Base32.decode(secret(username)), step);
    }

    /**
     * Forgets every token, bound authenticator and used code: a test profile of its own starts another
     * application on another database, where none of them exist.
     */
    public static synchronized void forgetSessions() {
        TOKENS.clear();
        SECRETS.keySet().retainAll(java.util.Set.of("admin", "wanzhou", "jiaowei"));
        LAST_STEPS.clear();
        RECOVERY_CODES.clear();
    }

    /** Tells the helper that an app was (re)bound with this secret: the new secret has used no code yet. */
    public static synchronized void rememberSecret(String username, String secret, List<String> recoveryCodes) {
        SECRETS.put(username, secret);
        LAST_STEPS.remove(username);
        RECOVERY_CODES.put(username, new ArrayDeque<>(recoveryCodes));
    }

    private static String secondFactor(String username, String challenge) {
        String code = nextCode(username);
        Map<String, String> body;
        if (code != null) {
            body = Map.of("challenge", challenge, "code", code);
        } else {
            Deque<String> spare = RECOVERY_CODES.get(username);
            if (spare == null || spare.isEmpty()) {
                throw new IllegalStateException(username + " has used every code valid at the test clock; reuse Api.token"
                        + " or log in a dedicated account");
            }
            body = Map.of("challenge", challenge, "recoveryCode", spare.pop());
        }
        return RestAssured.given().contentType(ContentType.JSON).body(body)
                .post("/api/auth/login/second-factor")
                .then().statusCode(200)
                .extract().path("accessToken");
    }

    private static String enrol(String username, String challenge) {
        String secret = RestAssured.given().contentType(ContentType.JSON).body(Map.of("challenge", challenge))
                .post("/api/auth/login/enrolment")
                .then().statusCode(200)
                .extract().path("secret");
        rememberSecret(username, secret, List.of());
        Response done = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("challenge", challenge, "code", nextCode(username)))
                .post("/api/auth/login/enrolment/confirm");
        done.then().statusCode(200);
        RECOVERY_CODES.put(username, new ArrayDeque<>(done.<List<String>>path("recoveryCodes")));
        return done.path("accessToken");
    }
}
