package cq.jianxi.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Logs in demo accounts once per test run and hands out authenticated request specs. */
public final class Api {

    public static final String PASSWORD = "Jianxi@2023";
    /** Access tokens live ten minutes; a slow run (a loaded machine) logs in again before that. */
    private static final long REUSE_MILLIS = 8 * 60_000L;
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private record Cached(String token, long obtainedAt) {
        boolean fresh() {
            return System.currentTimeMillis() - obtainedAt < REUSE_MILLIS;
        }
    }

    private Api() {
    }

    public static String login(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
    }

    /** A token for a demo account, reused across tests (the demo accounts are never logged out). */
    public static String token(String username) {
        return token(username, PASSWORD);
    }

    /** Logs in once with an explicit password (accounts created by tests). */
    public static String token(String username, String password) {
        return TOKENS.compute(username, (u, cached) -> cached != null && cached.fresh() ? cached
                : new Cached(login(u, password), System.currentTimeMillis())).token();
    }

    public static RequestSpecification as(String username, String password) {
        return RestAssured.given().auth().oauth2(token(username, password));
    }

    public static RequestSpecification as(String username) {
        return RestAssured.given().auth().oauth2(token(username));
    }
}
